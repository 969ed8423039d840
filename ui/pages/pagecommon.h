#pragma once

#include <QIcon>
#include <functional>

class QBoxLayout;
class QHBoxLayout;
class QLabel;
class QLayout;
class QVBoxLayout;
class QPainter;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QToolButton;
class QWidget;
class QByteArray;

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

// The red-or-whatever-the-palette-says reason shown under a field; hidden while there is none.
// Named `<param>Error` after the encoder's parameter name, so tests can find it.
QLabel *makeErrorLabel(QWidget *parent, const QByteArray &param);
// A read-only value the user may select and copy.
QLabel *makeValueLabel(QWidget *parent, const char *objectName, bool wordWrap = false);
// The field with its error label right below it (no space while there is no error).
QVBoxLayout *withError(QLayout *field, QLabel *error);
QVBoxLayout *withError(QWidget *field, QLabel *error);
