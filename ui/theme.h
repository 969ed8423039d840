#pragma once

#include <QColor>

class QPalette;
class QWidget;

// The UI's own colours, in one place. Derived from a palette where they sit on its base
// colour, so they stay readable on light and dark themes.
struct ThemeColours
{
    // The console's line kinds.
    QColor tx, txData, rx, finalOk, finalError, urc, prompt, rxData, info;
    // Problems: status lines, the reasons beside fields, failed results.
    QColor error;
    // Good news beside values (in step, joined) and "waiting" (an IP address is coming).
    QColor ok, pending;
    // The connection state dot of the port bar.
    QColor disconnected, connecting, connected, passthrough;

    static ThemeColours fromPalette(const QPalette &palette);
};

// Sets the text colour of `widget` (QPalette::WindowText and Text); an invalid colour puts the
// palette's own back.
void setTextColour(QWidget *widget, const QColor &colour);
