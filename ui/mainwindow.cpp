#include "mainwindow.h"

#include "connectioncontroller.h"
#include "diagnostics/diagnostics.h"
#include "diagnostics/playbackbar.h"
#include "pages/pagecommon.h"
#include "pages/portpage.h"
#include "widgets/connectionbar.h"
#include "widgets/statusfields.h"

#include "atbench_version.h"
#include "dialogs/messages.h"
#include "model/devicemodel.h"
#include "pages/consolepage.h"
#include "pages/page.h"
#include "simulatorlink.h"
#include "theme.h"
#include "transport/portlister.h"
#include "widgets/historylineedit.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDeadlineTimer>
#include <QDir>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLibraryInfo>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

using atb::DeviceSession;

namespace {

QString normalisedLanguage(const QString &lang)
{
    if (lang.startsWith(QLatin1String("zh"), Qt::CaseInsensitive))
        return QStringLiteral("zh_CN");
    return QStringLiteral("en");
}

} // namespace

MainWindow::MainWindow(DeviceSession *session, atb::DeviceModel *model, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_model(model), m_sim(new SimulatorLink(this)),
      m_messages(new Messages(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    // The installed theme icon, else the copy built into the program (build tree, Windows, macOS).
    QIcon fallback;
    for (int size : { 16, 32, 48, 64, 128, 256 })
        fallback.addFile(QStringLiteral(":/icons/%1x%1/apps/io.github.atbench.AtBench.png").arg(size));
    setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.atbench.AtBench"), fallback));

    // Port bar.
    m_bar = new ConnectionBar(true, this);
    auto *toolbar = new QToolBar(this);
    toolbar->setObjectName(QStringLiteral("portToolBar"));
    toolbar->setMovable(false);
    toolbar->setFloatable(false);
    toolbar->toggleViewAction()->setEnabled(false);
    toolbar->addWidget(m_bar);
    addToolBar(Qt::TopToolBarArea, toolbar);

    // Page list + pages. Later pages (Wi-Fi, Connections, Network services, MQTT, Throughput)
    // are added the same way as the console.
    auto *central = new QWidget(this);
    auto *lay = new QHBoxLayout(central);
    lay->setContentsMargins(6, 6, 6, 0);
    m_pageList = new QListWidget(central);
    m_pageList->setObjectName(QStringLiteral("pageList"));
    m_pageList->setIconSize(QSize(24, 24));
    m_pageList->setFixedWidth(150);
    m_pageList->setSpacing(2);
    m_pageList->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_stack = new QStackedWidget(central);
    m_stack->setObjectName(QStringLiteral("pageStack"));
    lay->addWidget(m_pageList);
    lay->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_console = new ConsolePage(session, model, m_stack);
    m_console->setMessages(m_messages);
    addPage(m_console);
    connect(m_pageList, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_pageList->setCurrentRow(0);

    // One connection controller behind the port bar and the Port page: connect, dialect
    // detection, automatic reconnect and state read-back after an unplug.
    m_connection = new ConnectionController(session, model, m_sim, this);
    m_bar->setController(m_connection);
    connect(m_connection, &ConnectionController::statusMessage, this, &MainWindow::showMessage);
    connect(m_connection, &ConnectionController::linkLost, this, &MainWindow::onLinkLost);
    addPage(new PortPage(model, m_connection, m_messages));

    // Field diagnostics: recordings and their playback (a bar at the bottom while one is open),
    // the timeline under the console, capabilities, the support bundle.
    m_diag = new Diagnostics(this, session, model, m_connection, m_sim, m_messages, m_console);
    for (int i = 0; i < m_stack->count(); ++i)
        m_diag->addPage(static_cast<Page *>(m_stack->widget(i)));
    auto *playbackToolbar = new QToolBar(this);
    playbackToolbar->setObjectName(QStringLiteral("playbackToolBar"));
    playbackToolbar->setMovable(false);
    playbackToolbar->toggleViewAction()->setEnabled(false);
    playbackToolbar->addWidget(m_diag->playbackBar());
    playbackToolbar->hide();
    addToolBar(Qt::BottomToolBarArea, playbackToolbar);
    connect(m_diag, &Diagnostics::message, this, &MainWindow::showMessage);
    connect(m_diag, &Diagnostics::playbackChanged, this, [this, playbackToolbar](bool on) {
        playbackToolbar->setVisible(on);
        m_bar->setEnabled(!on);
        onStateChanged(m_state);
    });

    createActions();
    createMenus();
    createStatusBar();

    connect(m_bar, &ConnectionBar::connectRequested, this, &MainWindow::connectFromBar);
    connect(m_bar, &ConnectionBar::disconnectRequested, this, &MainWindow::disconnectFromModule);
    connect(m_connection, &ConnectionController::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_session, &DeviceSession::errorOccurred, this, &MainWindow::onError);
    m_messageTimer.setSingleShot(true);
    connect(&m_messageTimer, &QTimer::timeout, this, [this] { m_messageLabel->clear(); });

    retranslate();
    onStateChanged(m_connection->state());
    resize(1100, 720);
}

MainWindow::~MainWindow()
{
    // Diagnostics ends a playback or recording through the console, controller and pages.
    delete m_diag;
    m_diag = nullptr;
    if (m_persist)
        saveSettings();
    QCoreApplication::removeTranslator(&m_appTranslator);
    QCoreApplication::removeTranslator(&m_qtTranslator);
}

void MainWindow::setPersistSettings(bool on)
{
    m_persist = on;
    m_console->setPersistHistory(on);
    m_connection->setPersistSettings(on);
    m_diag->setPersistSettings(on);
}

void MainWindow::createActions()
{
    m_exportAction = new QAction(this);
    m_exportAction->setObjectName(QStringLiteral("exportLogAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportLog);

    m_streamAction = new QAction(this);
    m_streamAction->setObjectName(QStringLiteral("streamLogAction"));
    m_streamAction->setCheckable(true);
    connect(m_streamAction, &QAction::toggled, this, &MainWindow::toggleStreaming);

    m_quitAction = new QAction(this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_connectAction = new QAction(this);
    m_connectAction->setObjectName(QStringLiteral("connectAction"));
    m_connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(m_connectAction, &QAction::triggered, this, &MainWindow::connectFromBar);

    m_disconnectAction = new QAction(this);
    m_disconnectAction->setObjectName(QStringLiteral("disconnectAction"));
    m_disconnectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    connect(m_disconnectAction, &QAction::triggered, this, &MainWindow::disconnectFromModule);

    m_refreshAction = new QAction(this);
    m_refreshAction->setObjectName(QStringLiteral("refreshPortsAction"));
    // F5 is each page's "Read from the module"; the port list refreshes with Ctrl+Shift+R.
    m_refreshAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_refreshAction, &QAction::triggered, m_bar, &ConnectionBar::refreshPorts);

    m_clearAction = new QAction(this);
    m_clearAction->setObjectName(QStringLiteral("clearConsoleAction"));
    m_clearAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_clearAction, &QAction::triggered, m_console, &ConsolePage::clear);

    m_languageGroup = new QActionGroup(this);
    m_englishAction = new QAction(QStringLiteral("English"), m_languageGroup);
    m_englishAction->setCheckable(true);
    m_englishAction->setData(QStringLiteral("en"));
    m_chineseAction = new QAction(QStringLiteral("简体中文"), m_languageGroup);
    m_chineseAction->setCheckable(true);
    m_chineseAction->setData(QStringLiteral("zh_CN"));
    m_englishAction->setChecked(true);
    connect(m_languageGroup, &QActionGroup::triggered, this, [this](QAction *a) {
        if (!setLanguage(a->data().toString()))
            m_messages->warning(tr("Language"), tr("The translation could not be loaded."));
        if (m_persist)
            QSettings().setValue(QStringLiteral("ui/language"), m_language);
    });

    m_aboutAction = new QAction(this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    // Window-wide shortcuts work whichever widget has the focus.
    for (QAction *a : { m_exportAction, m_quitAction, m_connectAction, m_disconnectAction, m_refreshAction, m_clearAction })
        addAction(a);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_exportAction);
    m_fileMenu->addAction(m_streamAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_connectionMenu = menuBar()->addMenu(QString());
    m_connectionMenu->addAction(m_connectAction);
    m_connectionMenu->addAction(m_disconnectAction);
    m_connectionMenu->addSeparator();
    m_connectionMenu->addAction(m_refreshAction);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_clearAction);

    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->addAction(m_englishAction);
    m_languageMenu->addAction(m_chineseAction);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_aboutAction);
    m_diag->addToMenus(m_fileMenu, m_helpMenu);
}

void MainWindow::createStatusBar()
{
    QStatusBar *sb = statusBar();
    m_messageLabel = new QLabel(sb);
    m_messageLabel->setObjectName(QStringLiteral("statusMessage"));
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setMinimumWidth(100);
    sb->addWidget(m_messageLabel, 1);
    // Port, state, dialect, firmware, Wi-Fi/IP, MQTT state and byte counters.
    m_statusFields = new StatusFields(m_session, m_model, sb);
    sb->addPermanentWidget(m_statusFields);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("AT Bench"));
    m_fileMenu->setTitle(tr("&File"));
    m_connectionMenu->setTitle(tr("&Connection"));
    m_viewMenu->setTitle(tr("&View"));
    // Followed by its English name in other languages, so it can always be found.
    m_languageMenu->setTitle(m_language == QLatin1String("en") ? tr("&Language")
                                                               : tr("&Language") + QStringLiteral(" (Language)"));
    m_helpMenu->setTitle(tr("&Help"));
    m_exportAction->setText(tr("&Export Log…"));
    m_exportAction->setStatusTip(tr("Save the session log as text or JSON Lines"));
    m_streamAction->setText(tr("&Stream Log to File…"));
    m_streamAction->setStatusTip(tr("Append every log record to a file as it happens"));
    m_quitAction->setText(tr("&Quit"));
    m_connectAction->setText(tr("&Connect"));
    m_disconnectAction->setText(tr("&Disconnect"));
    m_refreshAction->setText(tr("&Refresh Ports"));
    m_clearAction->setText(tr("C&lear Console"));
    m_aboutAction->setText(tr("&About AT Bench"));
    for (int i = 0; i < m_stack->count(); ++i)
        syncPageItem(i);
    m_messageLabel->clear();
    onStateChanged(m_state); // the link name in the new language
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_persist)
        saveSettings();
    QMainWindow::closeEvent(event);
}

bool MainWindow::setLanguage(const QString &language)
{
    const QString lang = normalisedLanguage(language);
    QCoreApplication::removeTranslator(&m_appTranslator);
    QCoreApplication::removeTranslator(&m_qtTranslator);
    bool ok = true;
    if (lang == QLatin1String("zh_CN")) {
        ok = m_appTranslator.load(QStringLiteral(":/i18n/atbench_zh_CN.qm"));
        if (ok)
            QCoreApplication::installTranslator(&m_appTranslator);
        if (m_qtTranslator.load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qtTranslator);
    }
    // Deliver the LanguageChange events now, so every widget speaks the new language on return.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    m_language = ok ? lang : QStringLiteral("en");
    (m_language == QLatin1String("zh_CN") ? m_chineseAction : m_englishAction)->setChecked(true);
    retranslate();
    return ok;
}

void MainWindow::saveSettings()
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("ui/language"), m_language);
}

void MainWindow::start(const LaunchOptions &opts)
{
    QSettings s;
    QString lang = opts.language;
    if (lang.isEmpty())
        lang = s.value(QStringLiteral("ui/language")).toString();
    if (lang.isEmpty())
        lang = QLocale::system().name();
    setLanguage(lang);
    const QByteArray geometry = s.value(QStringLiteral("window/geometry")).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    if (m_persist)
        m_diag->loadSettings();
    const bool remembered = m_connection->loadSettings();
    const ConnectionChoice last = m_connection->choice();

    ConnectionChoice c;
    if (!opts.simulator.isEmpty()) {
        const std::optional<atb::Dialect> d = atb::dialectFromName(opts.simulator);
        if (!d) {
            showMessage(tr("Unknown simulator \"%1\": use esp or beken.").arg(opts.simulator), true);
            return;
        }
        c.kind = *d == atb::Dialect::Beken ? ConnectionChoice::Kind::SimulatorBeken : ConnectionChoice::Kind::SimulatorEsp;
    } else if (!opts.tcp.isEmpty()) {
        const int colon = int(opts.tcp.lastIndexOf(QLatin1Char(':')));
        bool ok = false;
        const uint port = colon > 0 ? opts.tcp.mid(colon + 1).toUInt(&ok) : 0;
        if (!ok || port == 0 || port > 65535) {
            showMessage(tr("Invalid --tcp \"%1\": expected host:port.").arg(opts.tcp), true);
            return;
        }
        c.kind = ConnectionChoice::Kind::Tcp;
        c.host = opts.tcp.left(colon);
        c.port = quint16(port);
    } else if (!opts.port.isEmpty()) {
        // The remembered line settings (frame, flow control, DTR/RTS) when it is the same port.
        if (remembered && last.kind == ConnectionChoice::Kind::Serial
            && last.serial.portName.section(QLatin1Char('/'), -1) == opts.port.section(QLatin1Char('/'), -1))
            c.serial = last.serial;
        c.kind = ConnectionChoice::Kind::Serial;
        c.serial.portName = opts.port;
        c.serial.baudRate = opts.baud > 0 ? opts.baud : 115200;
    } else if (remembered && last.kind == ConnectionChoice::Kind::Serial && !last.serial.portName.isEmpty()
               && ConnectionController::portPresent(last.serial.portName)) {
        c = last; // reopen the last used port
    } else if (remembered && last.isSimulator()) {
        c = last; // reopen the last used simulator
    } else if (m_bar->adapterCount() == 0) {
        // A newcomer without hardware (no USB adapter; bare ttyS ports do not count): show a
        // working module straight away.
        c.kind = ConnectionChoice::Kind::SimulatorEsp;
        m_console->appendNote(tr("No serial port found: starting the built-in simulated module (ESP-AT). "
                                 "Pick a port in the bar above when you plug in an adapter."));
    } else {
        return;
    }
    m_connection->connectTo(c);
}

void MainWindow::connectFromBar()
{
    QString error;
    if (!m_bar->commitChoice(&error)) {
        showMessage(error, true);
        m_messages->warning(tr("Connect"), error);
        return;
    }
    m_connection->connectCurrent();
}

void MainWindow::disconnectFromModule()
{
    m_connection->disconnectFromModule();
}

void MainWindow::onStateChanged(DeviceSession::State state)
{
    m_state = state;
    const bool idle = state == DeviceSession::State::Disconnected;
    const bool playback = m_diag && m_diag->isPlayingBack();
    m_connectAction->setEnabled(idle && !playback);
    m_disconnectAction->setEnabled(!idle && !playback);
    if (!idle)
        m_statusFields->setLinkName(m_connection->choice().displayName());
}

void MainWindow::onLinkLost(const QString &linkName, bool reconnecting)
{
    m_console->appendNote(reconnecting
                              ? tr("The link to %1 was lost; reconnecting automatically when it is back.").arg(linkName)
                              : tr("The link to %1 was lost. Check the cable or adapter, then press Connect (Ctrl+K).")
                                    .arg(linkName),
                          true);
}

void MainWindow::onError(const QString &message)
{
    showMessage(tr("Link error: %1").arg(message), true);
}

void MainWindow::showMessage(const QString &text, bool problem)
{
    setTextColour(m_messageLabel, problem ? ThemeColours::fromPalette(palette()).error : QColor());
    m_messageLabel->setText(text);
    m_messageLabel->setToolTip(text);
    m_messageTimer.start(problem ? 30000 : 8000);
}

void MainWindow::exportLog()
{
    const QString textFilter = tr("Text log (*.txt *.log)");
    const QString jsonFilter = tr("JSON Lines (*.jsonl)");
    QString selected = textFilter;
    QString path = m_messages->saveFileName(tr("Export Log"), QDir::home().filePath(QStringLiteral("atbench-log.txt")),
                                            textFilter + QStringLiteral(";;") + jsonFilter, &selected);
    if (path.isEmpty())
        return;
    const bool json = selected == jsonFilter || path.endsWith(QLatin1String(".jsonl")) || path.endsWith(QLatin1String(".json"));
    QString error;
    if (!m_session->log()->exportTo(path, json ? atb::SessionLog::Format::JsonLines : atb::SessionLog::Format::Text, &error)) {
        m_messages->warning(tr("Export Log"), tr("Could not write %1: %2").arg(path, error));
        return;
    }
    showMessage(tr("Log exported to %1").arg(path), false);
}

void MainWindow::toggleStreaming(bool on)
{
    if (!on) {
        m_session->log()->stopStreaming();
        showMessage(tr("Log streaming stopped"), false);
        return;
    }
    const QString textFilter = tr("Text log (*.txt *.log)");
    const QString jsonFilter = tr("JSON Lines (*.jsonl)");
    QString selected = textFilter;
    const QString path = m_messages->saveFileName(tr("Stream Log to File"),
                                                  QDir::home().filePath(QStringLiteral("atbench-stream.log")),
                                                  textFilter + QStringLiteral(";;") + jsonFilter, &selected);
    QString error;
    const bool json = selected == jsonFilter || path.endsWith(QLatin1String(".jsonl"));
    if (path.isEmpty()
        || !m_session->log()->startStreaming(path, json ? atb::SessionLog::Format::JsonLines : atb::SessionLog::Format::Text, &error)) {
        if (!path.isEmpty())
            m_messages->warning(tr("Stream Log to File"), tr("Could not open %1: %2").arg(path, error));
        const QSignalBlocker block(m_streamAction);
        m_streamAction->setChecked(false);
        return;
    }
    showMessage(tr("Streaming the log to %1").arg(path), false);
}

void MainWindow::showAbout()
{
    m_messages->about(tr("About AT Bench"),
                      tr("<h3>AT Bench %1</h3>"
                         "<p>Configure and monitor Wi-Fi modules driven by AT commands "
                         "(Espressif ESP-AT, Beken ATSVR) over a serial port or a TCP serial bridge.</p>"
                         "<p>Built with Qt %2.</p>")
                          .arg(QStringLiteral(ATBENCH_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::addPage(Page *page)
{
    m_stack->addWidget(page);
    m_pageList->addItem(new QListWidgetItem(page->windowIcon(), page->windowTitle()));
    syncPageItem(m_stack->count() - 1);
    page->installEventFilter(this);
    if (m_diag)
        m_diag->addPage(page);
}

int MainWindow::pageCount() const
{
    return m_stack->count();
}

QWidget *MainWindow::page(int index) const
{
    return m_stack->widget(index);
}

void MainWindow::showPage(QWidget *page)
{
    const int i = m_stack->indexOf(page);
    if (i >= 0)
        m_pageList->setCurrentRow(i);
}

void MainWindow::syncPageItem(int index)
{
    QWidget *w = m_stack->widget(index);
    QListWidgetItem *item = m_pageList->item(index);
    if (!w || !item)
        return;
    item->setText(w->windowTitle());
    item->setToolTip(w->toolTip());
    if (!w->windowIcon().isNull())
        item->setIcon(w->windowIcon());
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::WindowTitleChange || event->type() == QEvent::ToolTipChange
        || event->type() == QEvent::WindowIconChange) {
        const int i = m_stack->indexOf(qobject_cast<QWidget *>(watched));
        if (i >= 0)
            syncPageItem(i);
    }
    return QMainWindow::eventFilter(watched, event);
}
