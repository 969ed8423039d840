#pragma once
// Recorder: writes both directions of the simulated UART with timestamps, in the recording
// format of docs/recording.md ("atbench-recording", JSON Lines), the same one atbench writes:
//   {"format":"atbench-recording","version":1,"recorder":"atbench-sim 0.1.0","session":"...","part":1,
//    "started":"<ISO 8601 UTC>","dialect":"esp","baud":115200}
//   {"t":12345,"host":"AT\r\n"}                 bytes the module consumed (host -> module)
//   {"t":12512,"module":"\r\nOK\r\n"}           bytes the module produced (module -> host)
//   {"t":13000,"module_hex":"00ff"}              bytes that are not plain text, as hex
//   {"t":40000,"event":"overrun","bytes":512}    other events: "fault", "boot", "summary"
// t is microseconds since the recording started. Module bytes are recorded when the module
// queues them for the UART (before pacing, overrun loss and drop/garble faults; those appear as
// events). Known secrets (Wi-Fi passwords, MQTT password, PSKs) are replaced by '*' in both
// directions. extractDeviceBytes() concatenates the module's bytes (what `atbench-cli decode`
// reads); it also reads the older "atbench-sim-record" files.
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QString>

namespace atb::sim {

class Recorder
{
public:
    Recorder() = default;
    ~Recorder();
    bool open(const QString &path, const QJsonObject &header, QString *error);
    bool isOpen() const { return m_file.isOpen(); }
    // dir: "rx" = host -> module, "tx" = module -> host (the module's point of view).
    void record(const char *dir, const QByteArray &bytes);
    void event(const QString &name, QJsonObject fields = {});
    void close();

    static bool extractDeviceBytes(const QString &recordPath, const QString &outPath, QString *error);

private:
    void writeObject(const QJsonObject &o);
    qint64 elapsedUs() const { return m_clock.nsecsElapsed() / 1000; }
    QFile m_file;
    QElapsedTimer m_clock;
};

} // namespace atb::sim
