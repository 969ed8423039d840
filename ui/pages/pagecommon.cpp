#include "pagecommon.h"

#include <QBoxLayout>
#include <QFontDatabase>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>

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

PageFooter PageFooter::create(QWidget *page)
{
    PageFooter f;
    f.read = new QPushButton(page);
    f.read->setObjectName(QStringLiteral("readButton"));
    f.busy = new QProgressBar(page);
    f.busy->setObjectName(QStringLiteral("busyIndicator"));
    f.busy->setRange(0, 0);
    f.busy->setTextVisible(false);
    f.busy->setMaximumWidth(120);
    f.busy->hide();
    f.showAt = new QToolButton(page);
    f.showAt->setObjectName(QStringLiteral("showAtButton"));
    f.showAt->setCheckable(true);
    f.revert = new QPushButton(page);
    f.revert->setObjectName(QStringLiteral("revertButton"));
    f.apply = new QPushButton(page);
    f.apply->setObjectName(QStringLiteral("applyButton"));
    f.buttons = new QHBoxLayout;
    f.buttons->addWidget(f.read);
    f.buttons->addStretch(1);
    f.buttons->addWidget(f.busy);
    f.buttons->addWidget(f.showAt);
    f.buttons->addWidget(f.revert);
    f.buttons->addWidget(f.apply);

    f.preview = new QPlainTextEdit(page);
    f.preview->setObjectName(QStringLiteral("atPreview"));
    f.preview->setReadOnly(true);
    f.preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    f.preview->setMaximumHeight(150);
    f.preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    f.preview->hide();

    f.status = new QLabel(page);
    f.status->setObjectName(QStringLiteral("statusLabel"));
    f.status->setWordWrap(true);
    f.status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return f;
}

void PageFooter::addTo(QBoxLayout *layout) const
{
    layout->addLayout(buttons);
    layout->addWidget(preview);
    layout->addWidget(status);
}

QLabel *makeErrorLabel(QWidget *parent, const QByteArray &param)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QString::fromLatin1(param) + QStringLiteral("Error"));
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->hide();
    return l;
}

QLabel *makeValueLabel(QWidget *parent, const char *objectName, bool wordWrap)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QLatin1String(objectName));
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setWordWrap(wordWrap);
    return l;
}

QVBoxLayout *withError(QLayout *field, QLabel *error)
{
    auto *v = new QVBoxLayout;
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addLayout(field);
    v->addWidget(error);
    return v;
}

QVBoxLayout *withError(QWidget *field, QLabel *error)
{
    auto *h = new QHBoxLayout;
    h->setContentsMargins(0, 0, 0, 0);
    h->addWidget(field);
    return withError(h, error);
}
