#pragma once

#include "engine/devicesession.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <memory>

namespace atb {
class Capabilities;
class DeviceModel;
class RecordingPlayer;
class SessionRecorder;
class Timeline;
}
class ConnectionController;
class ConsolePage;
class FormPage;
class Messages;
class Page;
class PlaybackBar;
class QAction;
class QMenu;
class QWidget;
class SimulatorLink;
class TimelinePanel;

// The GUI's field diagnostics (issue 13), beside MainWindow: recording sessions (a toggle and
// "always record"), opening a recording to play it back through the session (console, pages,
// plots and timeline as they were live, read-only), replaying a recording into the built-in
// module, the timeline under the console, the firmware's capabilities for the pages, and
// Help > Save Support Bundle. QSettings group "diagnostics" (never a secret).
class Diagnostics : public QObject
{
    Q_OBJECT
public:
    Diagnostics(QWidget *window, atb::DeviceSession *session, atb::DeviceModel *model, ConnectionController *connection,
                SimulatorLink *simulator, Messages *messages, ConsolePage *console);
    ~Diagnostics() override;

    // File menu: record, always record, open recording, replay; Help menu: support bundle.
    void addToMenus(QMenu *fileMenu, QMenu *helpMenu);
    // A page of the window: form pages follow the capabilities and go read-only in playback.
    void addPage(Page *page);
    PlaybackBar *playbackBar() const { return m_bar; }
    TimelinePanel *timelinePanel() const { return m_timelinePanel; }
    atb::Timeline *timeline() const { return m_timeline; }
    atb::Capabilities *capabilities() const { return m_capabilities; }
    atb::RecordingPlayer *player() const { return m_player; }
    std::shared_ptr<atb::SessionRecorder> recorder() const { return m_recorder; }

    QAction *recordAction() const { return m_record; }
    QAction *alwaysRecordAction() const { return m_alwaysRecord; }
    QAction *openRecordingAction() const { return m_open; }
    QAction *replayAction() const { return m_replay; }
    QAction *bundleAction() const { return m_bundle; }

    // Where recordings go (default: the app's data folder, "recordings").
    QString recordingsDir() const;
    void setRecordingsDir(const QString &dir) { m_dir = dir; }
    void setPersistSettings(bool on) { m_persist = on; }
    void loadSettings();

    // Opens a recording and plays it back (true), or says why not.
    bool openRecording(const QString &path);
    void closeRecording();
    bool isPlayingBack() const { return m_player != nullptr; }
    // The next connection to the built-in module answers from this recording.
    bool replayIntoSimulator(const QString &path);
    // Reads the module's state (when connected), then writes the bundle; finished() says how.
    void saveSupportBundle(const QString &path);

signals:
    void message(const QString &text, bool problem);
    void bundleFinished(bool ok, const QString &pathOrError);
    void playbackChanged(bool on);

private:
    void retranslate();
    void onStateChanged(atb::DeviceSession::State state);
    void startRecording();
    void stopRecording();
    void setReadOnly(bool on);
    void writeBundle(const QString &path, const QString &temporaryRecording, const QList<atb::AtResult> &read = {});
    bool eventFilter(QObject *watched, QEvent *event) override;

    QWidget *m_window;
    atb::DeviceSession *m_session;
    atb::DeviceModel *m_model;
    ConnectionController *m_connection;
    SimulatorLink *m_sim;
    Messages *m_messages;
    ConsolePage *m_console;
    atb::Timeline *m_timeline;
    atb::Capabilities *m_capabilities;
    TimelinePanel *m_timelinePanel;
    PlaybackBar *m_bar;
    std::shared_ptr<atb::SessionRecorder> m_recorder;
    atb::RecordingPlayer *m_player = nullptr;
    QList<QPointer<Page>> m_pages;
    QString m_dir;
    bool m_persist = true;
    bool m_bundleBusy = false;
    QAction *m_record;
    QAction *m_alwaysRecord;
    QAction *m_open;
    QAction *m_replay;
    QAction *m_bundle;
};
