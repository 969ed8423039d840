#include "pagecommon.h"

#include <QHBoxLayout>
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

QWidget *fieldRow(QWidget *parent, std::initializer_list<QWidget *> widgets, bool stretch)
{
    auto *w = new QWidget(parent);
    auto *lay = new QHBoxLayout(w);
    lay->setContentsMargins(0, 0, 0, 0);
    for (QWidget *x : widgets)
        lay->addWidget(x, !stretch && x == *widgets.begin() ? 1 : 0);
    if (stretch)
        lay->addStretch(1);
    return w;
}
