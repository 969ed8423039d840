#pragma once

#include <QIcon>
#include <functional>

class QLabel;
class QPainter;
class QSpinBox;
class QWidget;

// Small pieces the pages share, so they look alike.

// A page icon drawn from the palette at 16..48 px (light and dark themes, no image plugin).
// `draw` paints on a 24x24 grid scaled by `s` (it captures the palette it needs).
QIcon paletteIcon(const std::function<void(QPainter &p, qreal s)> &draw);

// A read-only value the user may select and copy.
QLabel *makeValueLabel(QWidget *parent, const char *objectName, bool wordWrap = false);

// The spin box takes the range the command catalog gives for `param` of ESP-AT's `command`
// (the firmware's limits, one source); the fallback when the catalog lacks it.
void setRangeFromCatalog(QSpinBox *box, const char *command, const char *param, int fallbackMin, int fallbackMax);
