#include "pagecommon.h"

#include "protocol/commandcatalog.h"

#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QSpinBox>

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

void setRangeFromCatalog(QSpinBox *box, const char *command, const char *param, int fallbackMin, int fallbackMax)
{
    const atb::CommandSpec *spec = atb::CommandCatalog::builtin().find(command, atb::Dialect::Esp);
    const atb::ParamSpec *p = spec ? spec->param(param) : nullptr;
    box->setRange(p ? int(p->min) : fallbackMin, p ? int(p->max) : fallbackMax);
}
