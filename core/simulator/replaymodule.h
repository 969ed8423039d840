#pragma once
// ReplayModule: a device that answers the host from a recording (docs/recording.md, "Replay"):
// atbench-sim --replay FILE, the GUI's built-in module and tests use it to reproduce a field
// session on the bench.
//
// The recording is cut into steps: host units (a command line up to its LF; the data after a
// '>' prompt, or bytes without a line end such as "+++", as one unit matched by length) and the
// module's output between them. Policy:
//  - module output before the first host unit (the boot banner) plays at its recorded times
//    from start();
//  - a host unit that matches the next recorded one (exactly, a recorded run of '*' standing
//    for any masked secret, data by length) anchors the clock: the module output recorded after
//    it follows with the same delays, replies and unprompted URCs alike, until the next recorded
//    host unit, where the replay waits for the host;
//  - a host unit arriving while recorded output is still due (the host is faster than the
//    recording) first pushes that output out at once, so the host always sees the recorded order;
//  - a mismatch (not strict): a match among the next `lookahead` recorded units skips to it
//    (the output between is dropped); otherwise the answer recorded after the same line
//    elsewhere in the recording is sent (the cursor stays); otherwise ERROR. Strict: ERROR.
//    Every mismatch is reported through mismatch() and counted;
//  - after the last step every line is answered from an example or with ERROR;
//  - the echo of a line whose recorded form had masked secrets carries the host's own line.
#include "simulator/deviceendpoint.h"
#include "simulator/recordingfile.h"

#include <QElapsedTimer>
#include <QTimer>

namespace atb::sim {

struct ReplayOptions
{
    bool strict = false;
    int lookahead = 16; // recorded host units searched ahead on a mismatch
};

struct ReplayStats
{
    int matched = 0;    // host units that matched the recording in order
    int skipped = 0;    // recorded host units skipped to reach a later match
    int byExample = 0;  // answered from the same line elsewhere in the recording
    int unmatched = 0;  // answered ERROR
};

class ReplayModule : public DeviceEndpoint
{
    Q_OBJECT
public:
    ReplayModule(const RecordingFile &recording, const ReplayOptions &options = ReplayOptions(),
                 QObject *parent = nullptr);

    void start() override;
    void stop() override;
    bool isRunning() const override { return m_running; }
    void receiveFromHost(const QByteArray &bytes) override;

    ReplayStats stats() const { return m_stats; }
    int stepCount() const { return int(m_steps.size()); }
    int position() const { return m_pos; }
    bool atEnd() const { return m_pos >= m_steps.size(); }
    // "matched=12 skipped=0 by_example=1 unmatched=0 steps_left=0"
    QString summary() const;

signals:
    // One sentence per mismatch: what the host sent, what was expected, what was done.
    void mismatch(const QString &text);
    // The last recorded step has been played.
    void replayFinished();

private:
    struct Step
    {
        bool host = false;
        bool byLength = false; // host unit matched by length (data, "+++")
        qint64 tUs = 0;
        QByteArray bytes;
    };
    void buildSteps(const RecordingFile &recording);
    void pump();
    void emitModule(QByteArray bytes);
    void processInput();
    void handleUnit(const QByteArray &unit, int expected);
    int nextHostStep(int from) const;
    bool matches(const QByteArray &unit, const Step &step) const;
    QByteArray exampleAnswer(const QByteArray &unit) const;
    QByteArray errorReply() const;

    QList<Step> m_steps;
    ReplayOptions m_options;
    bool m_esp = true;
    bool m_running = false;
    bool m_bootedSent = false;
    int m_pos = 0;
    QElapsedTimer m_wall;
    qint64 m_anchorWallUs = 0, m_anchorRecUs = 0;
    QTimer m_timer;
    QByteArray m_input;
    QByteArray m_echoFrom, m_echoTo;
    ReplayStats m_stats;
};

} // namespace atb::sim
