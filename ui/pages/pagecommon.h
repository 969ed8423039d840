#pragma once

#include <QIcon>
#include <functional>

class QBoxLayout;
class QHBoxLayout;
class QLabel;
class QPainter;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QToolButton;
class QWidget;

// Pieces every form page shares, so they look and behave alike.

// A page icon drawn from the palette at 16..48 px (light and dark themes, no image plugin).
// `draw` paints on a 24x24 grid scaled by `s` (it captures the palette it needs).
QIcon paletteIcon(const std::function<void(QPainter &p, qreal s)> &draw);

// The bottom of a form page: Read on the left; busy indicator, Show AT, Revert and Apply on the
// right; the AT preview (hidden until Show AT) and the status line below. Object names are the
// ones the tests look up ("readButton", "busyIndicator", "showAtButton", "revertButton",
// "applyButton", "atPreview", "statusLabel").
struct PageFooter
{
    QPushButton *read = nullptr;
    QProgressBar *busy = nullptr;
    QToolButton *showAt = nullptr;
    QPushButton *revert = nullptr;
    QPushButton *apply = nullptr;
    QPlainTextEdit *preview = nullptr;
    QLabel *status = nullptr;
    QHBoxLayout *buttons = nullptr; // extra left-side buttons go in after `read`

    static PageFooter create(QWidget *page);
    // Adds the button row, the preview and the status line to the page's layout.
    void addTo(QBoxLayout *layout) const;
};
