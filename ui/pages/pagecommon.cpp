#include "pagecommon.h"

#include <QLabel>
#include <QPainter>
#include <QPixmap>

QIcon paletteIcon(const std::function<void(QPainter &p, qreal s)> &draw)
{
    QIcon icon;
    for (int size : { 16, 24, 32, 48 }) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        draw(p, size / 24.0);
        p.end();
        icon.addPixmap(pm);
    }
    return icon;
}

QLabel *makeValueLabel(QWidget *parent, const char *objectName, bool wordWrap)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QLatin1String(objectName));
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setWordWrap(wordWrap);
    return l;
}
