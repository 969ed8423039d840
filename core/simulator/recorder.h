#pragma once
// Recorder: writes both directions of the simulated UART with timestamps as JSON Lines.
//
// Format (one JSON object per line, UTF-8):
//   {"format":"atbench-sim-record","version":1,"dialect":"esp","baud":115200,"started":"<ISO 8601 UTC>"}
//   {"t_ms":12.345,"dir":"rx","hex":"41540d0a"}      rx = host -> device (bytes the module consumed)
//   {"t_ms":12.512,"dir":"tx","hex":"0d0a4f4b0d0a"}  tx = device -> host (bytes the module produced)
//   {"t_ms":40.000,"event":"overrun","bytes":512}     other events: "fault", "boot", "summary"
// t_ms is milliseconds since the recording started. tx bytes are recorded when the module queues
// them for the UART (before pacing, overrun loss and drop/garble faults; those appear as events).
// Known secrets (Wi-Fi passwords, MQTT password, PSKs) are replaced by '*' in both directions.
// extractDeviceBytes() concatenates all tx records (what `atbench-cli decode` reads).
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
    void record(const char *dir, const QByteArray &bytes);
    void event(const QString &name, QJsonObject fields = {});
    void close();

    static bool extractDeviceBytes(const QString &recordPath, const QString &outPath, QString *error);

private:
    void writeObject(const QJsonObject &o);
    QFile m_file;
    QElapsedTimer m_clock;
};

} // namespace atb::sim
