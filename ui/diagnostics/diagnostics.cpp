#include "diagnostics.h"

#include "connectioncontroller.h"
#include "diagnostics/capabilities.h"
#include "diagnostics/statereader.h"
#include "diagnostics/supportbundle.h"
#include "diagnostics/timeline.h"
#include "dialogs/messages.h"
#include "model/devicemodel.h"
#include "pages/consolepage.h"
#include "pages/formpage.h"
#include "playbackbar.h"
#include "recording/recordingplayer.h"
#include "recording/recordingreader.h"
#include "recording/sessionrecorder.h"
#include "simulatorlink.h"
#include "timelineview.h"
#include "widgets/historylineedit.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>

using atb::DeviceSession;

namespace {
const char kAlwaysKey[] = "diagnostics/alwaysRecord";
const char kRssiKey[] = "diagnostics/rssiIntervalS";

QString stamp()
{
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}
} // namespace

Diagnostics::Diagnostics(QWidget *window, DeviceSession *session, atb::DeviceModel *model, ConnectionController *connection,
                         SimulatorLink *simulator, Messages *messages, ConsolePage *console)
    : QObject(window), m_window(window), m_session(session), m_model(model), m_connection(connection), m_sim(simulator),
      m_messages(messages), m_console(console), m_timeline(new atb::Timeline(this)), m_capabilities(new atb::Capabilities(this)),
      m_recorder(std::make_shared<atb::SessionRecorder>())
{
    m_timeline->follow(session, model);
    m_capabilities->follow(session);
    m_timelinePanel = new TimelinePanel(m_timeline);
    console->addBelowView(m_timelinePanel);
    m_bar = new PlaybackBar; // the window shows it (in a tool bar) while a recording plays

    m_record = new QAction(this);
    m_record->setObjectName(QStringLiteral("recordAction"));
    m_record->setCheckable(true);
    m_record->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_alwaysRecord = new QAction(this);
    m_alwaysRecord->setObjectName(QStringLiteral("alwaysRecordAction"));
    m_alwaysRecord->setCheckable(true);
    m_open = new QAction(this);
    m_open->setObjectName(QStringLiteral("openRecordingAction"));
    m_open->setShortcut(QKeySequence::Open);
    m_replay = new QAction(this);
    m_replay->setObjectName(QStringLiteral("replayRecordingAction"));
    m_bundle = new QAction(this);
    m_bundle->setObjectName(QStringLiteral("supportBundleAction"));
    window->addAction(m_record);
    window->addAction(m_open);

    connect(m_record, &QAction::toggled, this, [this](bool on) {
        if (on && m_session->state() != DeviceSession::State::Disconnected && !isPlayingBack())
            startRecording();
        else if (!on)
            stopRecording();
    });
    connect(m_alwaysRecord, &QAction::toggled, this, [this](bool on) {
        if (m_persist)
            QSettings().setValue(QLatin1String(kAlwaysKey), on);
        if (on)
            m_record->setChecked(true);
    });
    connect(m_open, &QAction::triggered, this, [this] {
        const QString path = m_messages->openFileName(tr("Open Recording"), recordingsDir(), tr("Recordings (*.jsonl);;All files (*)"));
        if (!path.isEmpty())
            openRecording(path);
    });
    connect(m_replay, &QAction::triggered, this, [this] {
        const QString path = m_messages->openFileName(tr("Replay Recording into the Built-in Module"), recordingsDir(),
                                                      tr("Recordings (*.jsonl);;All files (*)"));
        if (!path.isEmpty())
            replayIntoSimulator(path);
    });
    connect(m_bundle, &QAction::triggered, this, [this] {
        QString filter = tr("Support bundle (*.zip)");
        const QString path = m_messages->saveFileName(tr("Save Support Bundle"),
                                                      QDir::home().filePath(QStringLiteral("atbench-support-%1.zip").arg(stamp())),
                                                      filter, &filter);
        if (!path.isEmpty())
            saveSupportBundle(path);
    });
    connect(m_bar, &PlaybackBar::closeRequested, this, &Diagnostics::closeRecording);
    connect(m_bar, &PlaybackBar::searched, this, [this](const QString &text) { m_console->findEdit()->setText(text); });
    connect(m_timelinePanel->view(), &TimelineView::eventClicked, this, [this](const atb::TimelineEvent &e) {
        m_console->scrollToTime(e.timeMs);
    });
    connect(m_timelinePanel->rssiInterval(), &QSpinBox::valueChanged, this, [this](int s) {
        if (m_persist)
            QSettings().setValue(QLatin1String(kRssiKey), s);
    });
    connect(session, &DeviceSession::stateChanged, this, &Diagnostics::onStateChanged);
    // Once per connection, after the state read: the firmware's command list.
    connect(connection, &ConnectionController::stateReadFinished, this, [this] { m_capabilities->read(m_model->dialect()); });
    connect(m_sim, &SimulatorLink::replayMismatch, this, [this](const QString &text) {
        m_console->appendNote(tr("Replay: %1").arg(text), true);
    });
    connect(m_sim, &SimulatorLink::replayFinished, this, [this] {
        m_console->appendNote(tr("Replay: the recording has been played to its end; the module now answers from examples."));
    });
    window->installEventFilter(this);
    retranslate();
}

// MainWindow deletes it before its widgets and the connection controller.
Diagnostics::~Diagnostics()
{
    if (m_player)
        closeRecording();
    stopRecording();
}

bool Diagnostics::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void Diagnostics::retranslate()
{
    m_record->setText(tr("&Record Session"));
    m_record->setStatusTip(tr("Record every byte both ways, with times, to a file per session (secrets masked)"));
    m_alwaysRecord->setText(tr("&Always Record"));
    m_alwaysRecord->setStatusTip(tr("Start recording at every connection"));
    m_open->setText(tr("&Open Recording…"));
    m_open->setStatusTip(tr("Play a recording back: console, pages and timeline as they were"));
    m_replay->setText(tr("Re&play Recording into the Built-in Module…"));
    m_replay->setStatusTip(tr("Connect to a built-in module that answers from a recording"));
    m_bundle->setText(tr("Save &Support Bundle…"));
    m_bundle->setStatusTip(tr("A zip with the recording, the module's state, versions and screenshots, secrets masked"));
}

void Diagnostics::addToMenus(QMenu *fileMenu, QMenu *helpMenu)
{
    QAction *before = fileMenu->actions().isEmpty() ? nullptr : fileMenu->actions().first();
    fileMenu->insertAction(before, m_open);
    fileMenu->insertAction(before, m_record);
    fileMenu->insertAction(before, m_alwaysRecord);
    fileMenu->insertAction(before, m_replay);
    fileMenu->insertSeparator(before);
    QAction *first = helpMenu->actions().isEmpty() ? nullptr : helpMenu->actions().first();
    helpMenu->insertAction(first, m_bundle);
    helpMenu->insertSeparator(first);
}

void Diagnostics::addPage(Page *page)
{
    m_pages << page;
    if (auto *form = qobject_cast<FormPage *>(page)) {
        form->applyCapabilities(m_capabilities);
        connect(m_capabilities, &atb::Capabilities::changed, form, [form, this] { form->applyCapabilities(m_capabilities); });
        form->setReadOnly(isPlayingBack());
    }
}

QString Diagnostics::recordingsDir() const
{
    if (!m_dir.isEmpty())
        return m_dir;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("recordings"));
}

void Diagnostics::loadSettings()
{
    QSettings s;
    m_alwaysRecord->setChecked(s.value(QLatin1String(kAlwaysKey), false).toBool());
    m_timelinePanel->rssiInterval()->setValue(s.value(QLatin1String(kRssiKey), m_timeline->rssiInterval()).toInt());
}

void Diagnostics::onStateChanged(DeviceSession::State state)
{
    if (isPlayingBack())
        return;
    if (state == DeviceSession::State::Connected && m_record->isChecked() && !m_recorder->isOpen())
        startRecording();
    else if (state == DeviceSession::State::Disconnected)
        stopRecording();
}

void Diagnostics::startRecording()
{
    QDir().mkpath(recordingsDir());
    const QString path = QDir(recordingsDir()).filePath(QStringLiteral("atbench-%1.jsonl").arg(stamp()));
    const ConnectionChoice c = m_connection->choice();
    QJsonObject port { { QStringLiteral("link"), c.displayName() } };
    if (c.kind == ConnectionChoice::Kind::Serial) {
        port = atb::SupportBundle::portIdentity(c.serial.portName);
        port.insert(QStringLiteral("baud"), double(c.serial.baudRate));
        port.insert(QStringLiteral("frame"), ConnectionChoice::frameName(c.serial));
        port.insert(QStringLiteral("flow"), c.serial.flowControl == QSerialPort::HardwareControl ? QStringLiteral("rts/cts")
                                                                                                 : QStringLiteral("none"));
    }
    QString error;
    if (!m_recorder->open(path, QJsonObject { { QStringLiteral("port"), port },
                                              { QStringLiteral("link"), c.displayName() },
                                              { QStringLiteral("app"), atb::SupportBundle::environment(QStringLiteral("atbench")) } },
                          &error)) {
        emit message(tr("Could not record to %1: %2").arg(path, error), true);
        return;
    }
    m_session->setTap(m_recorder);
    m_console->appendNote(tr("Recording this session to %1").arg(QDir::toNativeSeparators(path)));
}

void Diagnostics::stopRecording()
{
    if (!m_recorder->isOpen())
        return;
    m_session->setTap(nullptr);
    m_recorder->close();
    emit message(tr("Recording saved: %1").arg(QDir::toNativeSeparators(m_recorder->path())), false);
}

void Diagnostics::setReadOnly(bool on)
{
    for (const QPointer<Page> &p : std::as_const(m_pages))
        if (auto *form = qobject_cast<FormPage *>(p.data()))
            form->setReadOnly(on);
    m_console->input()->setReadOnly(on);
}

bool Diagnostics::openRecording(const QString &path)
{
    atb::Recording rec;
    QString error;
    if (!atb::RecordingReader::read(path, &rec, &error)) {
        m_messages->warning(tr("Open Recording"), tr("Could not open the recording: %1").arg(error));
        return false;
    }
    if (m_player)
        closeRecording();
    stopRecording();
    m_connection->disconnectFromModule();
    m_connection->setPlayback(true);
    m_player = new atb::RecordingPlayer(m_session, this);
    m_player->setRecording(rec);
    connect(m_player, &atb::RecordingPlayer::dialectChanged, this, [this](atb::Dialect d) { m_model->setDialect(d, true); });
    connect(m_player, &atb::RecordingPlayer::restarted, this, [this] {
        m_console->clear();
        m_timeline->clear();
    });
    m_console->clear();
    m_timeline->clear();
    m_timeline->setPolling(false);
    atb::RecordingPlayer *player = m_player;
    m_timeline->setClock([player] { return player->positionEpochMs(); });
    setReadOnly(true);
    const QString title = QFileInfo(path).fileName();
    m_bar->setPlayer(m_player, title);
    m_player->start();
    emit message(tr("Playing back %1 (%2 records, %3)")
                     .arg(title)
                     .arg(rec.entries.size())
                     .arg(PlaybackBar::formatTime(rec.durationUs())),
                 false);
    emit playbackChanged(true);
    return true;
}

void Diagnostics::closeRecording()
{
    if (!m_player)
        return;
    m_bar->setPlayer(nullptr, QString());
    m_player->stop();
    m_player->deleteLater();
    m_player = nullptr;
    m_timeline->setClock({});
    m_timeline->setPolling(true);
    m_connection->setPlayback(false);
    setReadOnly(false);
    emit message(tr("Recording closed"), false);
    emit playbackChanged(false);
}

bool Diagnostics::replayIntoSimulator(const QString &path)
{
    atb::Recording rec;
    QString error;
    if (!atb::RecordingReader::read(path, &rec, &error) || !m_sim->replayNext(path, &error)) {
        m_messages->warning(tr("Replay Recording"), tr("Could not replay the recording: %1").arg(error));
        return false;
    }
    if (m_player)
        closeRecording();
    ConnectionChoice c;
    c.kind = rec.dialect().startsWith(QLatin1String("beken")) ? ConnectionChoice::Kind::SimulatorBeken : ConnectionChoice::Kind::SimulatorEsp;
    c.serial.baudRate = int(rec.header.value(QStringLiteral("port")).toObject().value(QStringLiteral("baud")).toDouble(115200));
    m_console->appendNote(tr("The built-in module answers from %1: send the recorded commands to reproduce the session.")
                              .arg(QFileInfo(path).fileName()));
    m_connection->connectTo(c);
    return true;
}

void Diagnostics::saveSupportBundle(const QString &path)
{
    if (m_bundleBusy)
        return;
    m_bundleBusy = true;
    m_bundle->setEnabled(false);
    const bool live = m_session->state() == DeviceSession::State::Connected && !isPlayingBack();
    if (!live) {
        writeBundle(path, QString());
        return;
    }
    // Read the module now; without a recording running, this read is recorded for the bundle.
    QString temporary;
    if (!m_recorder->isOpen()) {
        auto *tmp = new QTemporaryDir;
        temporary = tmp->filePath(QStringLiteral("atbench-bundle-%1.jsonl").arg(stamp()));
        if (m_recorder->open(temporary, QJsonObject { { QStringLiteral("link"), m_connection->choice().displayName() },
                                                      { QStringLiteral("app"), atb::SupportBundle::environment(QStringLiteral("atbench")) } }))
            m_session->setTap(m_recorder);
        connect(this, &Diagnostics::bundleFinished, this, [tmp] { delete tmp; }, Qt::SingleShotConnection);
    }
    auto *reader = new atb::StateReader(m_session, this);
    emit message(tr("Reading the module for the support bundle…"), false);
    connect(reader, &atb::StateReader::finished, this, [this, reader, path, temporary](const QList<atb::AtResult> &results) {
        reader->deleteLater();
        // The replies reach the model in this thread's next events.
        QMetaObject::invokeMethod(this, [this, path, temporary, results] { writeBundle(path, temporary, results); }, Qt::QueuedConnection);
    });
    reader->start(atb::StateReader::readLines(m_model->dialect()));
}

void Diagnostics::writeBundle(const QString &path, const QString &temporaryRecording, const QList<atb::AtResult> &read)
{
    atb::SupportBundleInput in;
    in.program = QStringLiteral("atbench");
    if (!temporaryRecording.isEmpty()) {
        m_session->setTap(nullptr);
        m_recorder->close();
    } else if (m_recorder->isOpen()) {
        m_recorder->flush();
    }
    QString recordingPath;
    if (m_player && !m_player->recording().parts.isEmpty())
        recordingPath = m_player->recording().parts.first();
    else if (!m_recorder->path().isEmpty() && QFile::exists(m_recorder->parts().value(0)))
        recordingPath = m_recorder->parts().first();
    atb::Recording rec;
    if (!recordingPath.isEmpty() && atb::RecordingReader::read(recordingPath, &rec)) {
        in.recordingParts = rec.parts;
        in.errors = atb::SupportBundle::lastErrors(rec);
    }
    in.state = atb::SupportBundle::deviceState(*m_model);
    in.profile = atb::SupportBundle::profileReadBack(read, m_model->dialect(), m_connection->choice().displayName());
    in.firmware = m_model->firmware();
    in.capabilities = m_capabilities->commands();
    in.capabilitySource = m_capabilities->source();
    const ConnectionChoice c = m_connection->choice();
    in.port = c.kind == ConnectionChoice::Kind::Serial ? atb::SupportBundle::portIdentity(c.serial.portName) : QJsonObject();
    in.port.insert(QStringLiteral("link"), c.displayName());
    if (c.kind == ConnectionChoice::Kind::Serial)
        in.port.insert(QStringLiteral("baud"), double(c.serial.baudRate));
    // The console as text (masked like every log), and each page as it looks now.
    QByteArray console;
    for (const atb::LogRecord &r : m_session->log()->snapshot())
        console += atb::SessionLog::formatText(r);
    in.textFiles.append({ QStringLiteral("console.txt"), console });
    for (const QPointer<Page> &p : std::as_const(m_pages)) {
        if (!p || p->objectName().isEmpty())
            continue;
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        if (p->grab().save(&buffer, "PNG"))
            in.extraFiles.append({ QStringLiteral("screenshots/%1.png").arg(p->objectName()), png });
    }
    QString error;
    const bool ok = atb::SupportBundle::write(path, in, nullptr, &error);
    m_bundleBusy = false;
    m_bundle->setEnabled(true);
    if (ok)
        emit message(tr("Support bundle saved: %1").arg(QDir::toNativeSeparators(path)), false);
    else
        m_messages->warning(tr("Save Support Bundle"), tr("Could not write %1: %2").arg(path, error));
    emit bundleFinished(ok, ok ? path : error);
}
