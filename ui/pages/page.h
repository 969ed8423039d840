#pragma once

#include <QWidget>

// A page of MainWindow's list. The list shows its windowTitle(), toolTip() and windowIcon(),
// which retranslate() sets; --screenshot calls prepareScreenshot() in each language and waits
// while isScreenshotPending(). The PNG is named after objectName() ("wifiPage", ...).
class Page : public QWidget
{
    Q_OBJECT
public:
    explicit Page(QWidget *parent = nullptr);

    // --screenshot: bring the page into a state worth showing (read the module's state, run a
    // short lab). Default: nothing.
    virtual void prepareScreenshot() { }
    // True while that preparation still runs.
    virtual bool isScreenshotPending() const { return false; }

protected:
    // Every user-visible text, again (the language changed). Subclasses call it once their
    // widgets exist, at the end of their constructor.
    virtual void retranslate() = 0;
    // Colours derived from the palette, again (the theme changed). Default: nothing.
    virtual void updateColours() { }
    void changeEvent(QEvent *event) override;
};
