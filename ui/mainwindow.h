#pragma once

#include "engine/devicesession.h"
#include "launchoptions.h"

#include <QMainWindow>
#include <QTimer>
#include <QTranslator>

namespace atb {
class DeviceModel;
}
class ConsolePage;
class Diagnostics;
class ConnectionBar;
class Page;
class ConnectionController;
class StatusFields;
class Messages;
class SimulatorLink;
class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

// The main window: port bar on top, page list (left) + stacked pages, status bar, menus.
// Talks to the session through its thread-safe methods and listens to its (queued) signals.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(atb::DeviceSession *session, atb::DeviceModel *model, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Applies the language, restores the window and the connection controller's remembered
    // choice, and connects as the options ask: --port, --tcp, --simulator; otherwise the last
    // used port when it still exists (or the last used simulator), otherwise, when this machine
    // has no serial adapter (ports with USB IDs or a description; a bare ttyS0 does not count),
    // the built-in ESP-AT simulator.
    void start(const LaunchOptions &opts);

    // Renders the window at 1280x800, connected to the built-in simulator after a few console
    // commands, every page in English and Simplified Chinese, to
    // <screenshotDir>/<page objectName>_<lang>.png ("consolePage_en.png", "wifiPage_zh_CN.png"),
    // and the timeline alone as timeline_<lang>.png.
    // Returns the number of files written, or <= 0 with *error set. Does not touch the settings.
    int saveScreenshots(const LaunchOptions &opts, QString *error);

    // "en" or "zh_CN"; switches at run time. Returns false when the translation did not load.
    bool setLanguage(const QString &language);
    QString language() const { return m_language; }

    // Connect (the bar's button, Ctrl+K): the bar's entries, with the Port page's line settings.
    void connectFromBar();
    void disconnectFromModule();

    // Adds a page below the others. The list shows the page's windowTitle(), toolTip() and
    // windowIcon(), and follows their changes (pages retranslate themselves). --screenshot calls
    // its prepareScreenshot() and waits while isScreenshotPending(); the PNG is named after its
    // objectName() ("wifiPage_en.png").
    void addPage(Page *page);
    int pageCount() const;
    QWidget *page(int index) const;
    void showPage(QWidget *page);

    ConsolePage *consolePage() const { return m_console; }
    ConnectionBar *connectionBar() const { return m_bar; }
    SimulatorLink *simulatorLink() const { return m_sim; }
    ConnectionController *connectionController() const { return m_connection; }
    Messages *messages() const { return m_messages; }
    // Recordings, playback, timeline, capabilities, support bundle.
    Diagnostics *diagnostics() const { return m_diag; }
    atb::DeviceSession::State sessionState() const { return m_state; }
    QLabel *statusMessageLabel() const { return m_messageLabel; }
    // Whether the settings (geometry, port, language, history) are written back.
    void setPersistSettings(bool on);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void syncPageItem(int index);
    void createActions();
    void createMenus();
    void createStatusBar();
    void retranslate();
    void saveSettings();
    void onStateChanged(atb::DeviceSession::State state);
    void onLinkLost(const QString &linkName, bool reconnecting);
    void onError(const QString &message);
    void showMessage(const QString &text, bool problem);
    void exportLog();
    void toggleStreaming(bool on);
    void showAbout();

    atb::DeviceSession *m_session;
    atb::DeviceModel *m_model;
    SimulatorLink *m_sim;
    Messages *m_messages;
    ConnectionBar *m_bar;
    QListWidget *m_pageList;
    QStackedWidget *m_stack;
    ConsolePage *m_console;

    QLabel *m_messageLabel;
    StatusFields *m_statusFields = nullptr;
    ConnectionController *m_connection = nullptr;
    Diagnostics *m_diag = nullptr;
    QTimer m_messageTimer;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_connectionMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_streamAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_clearAction = nullptr;
    QAction *m_englishAction = nullptr;
    QAction *m_chineseAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QAction *m_aboutAction = nullptr;

    QTranslator m_appTranslator;
    QTranslator m_qtTranslator;
    QString m_language = QStringLiteral("en");
    atb::DeviceSession::State m_state = atb::DeviceSession::State::Disconnected;
    bool m_persist = true;
};
