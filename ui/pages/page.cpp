#include "page.h"

#include <QEvent>

Page::Page(QWidget *parent)
    : QWidget(parent)
{
}

void Page::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        updateColours();
    QWidget::changeEvent(event);
}
