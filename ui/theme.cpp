#include "theme.h"

#include <QPalette>
#include <QWidget>

ThemeColours ThemeColours::fromPalette(const QPalette &palette)
{
    // Pick saturated hues that keep contrast against the palette's base colour: darker on a
    // light background, lighter on a dark one.
    const QColor base = palette.color(QPalette::Base);
    const bool dark = base.lightness() < 128;
    auto pick = [dark](const char *onLight, const char *onDark) {
        return QColor(QLatin1String(dark ? onDark : onLight));
    };
    ThemeColours c;
    c.tx = pick("#1c4fa8", "#7fb0ff");
    c.txData = pick("#2f6fbf", "#9cc2ff");
    c.rx = palette.color(QPalette::Text);
    c.finalOk = pick("#1a7f37", "#5fd17a");
    c.finalError = pick("#c62828", "#ff7070");
    c.urc = pick("#7b3fb0", "#d0a0ff");
    c.prompt = pick("#a85d00", "#ffb454");
    c.rxData = pick("#00707a", "#5fd6df");
    QColor info = palette.color(QPalette::PlaceholderText);
    if (!info.isValid() || qAbs(info.lightness() - base.lightness()) < 60)
        info = dark ? QColor(0xa0, 0xa0, 0xa0) : QColor(0x6a, 0x6a, 0x6a);
    c.info = info;
    c.error = c.finalError;
    c.ok = c.finalOk;
    c.pending = c.prompt;
    // Traffic-light dots, the same on every theme.
    c.disconnected = QColor(0x8a, 0x8a, 0x8a);
    c.connecting = QColor(0xe0, 0xa0, 0x00);
    c.connected = QColor(0x2e, 0xa0, 0x43);
    c.passthrough = QColor(0x3b, 0x82, 0xf6);
    return c;
}

void setTextColour(QWidget *widget, const QColor &colour)
{
    QPalette p = widget->palette();
    const QPalette parent = widget->parentWidget() ? widget->parentWidget()->palette() : QPalette();
    p.setColor(QPalette::WindowText, colour.isValid() ? colour : parent.color(QPalette::WindowText));
    p.setColor(QPalette::Text, colour.isValid() ? colour : parent.color(QPalette::Text));
    widget->setPalette(p);
}
