#pragma once

#include "engine/atcommand.h"
#include "protocol/dialect.h"

#include <QHash>
#include <QList>
#include <QObject>

namespace atb {

class DeviceSession;

// Reads the module's state and settings for a support bundle: the query lines of
// readLines() one after the other through the session (origin "bundle"), continuing past
// failures; finished() with every result in order. The replies also reach the DeviceModel and
// Capabilities following the session, and the recording.
class StateReader : public QObject
{
    Q_OBJECT
public:
    static constexpr char kOrigin[] = "bundle";

    explicit StateReader(DeviceSession *session, QObject *parent = nullptr);

    // AT+GMR, AT+CMD? (ESP), Wi-Fi, IP, links, DNS, SNTP and MQTT queries, RAM (ESP), and every
    // query of ProfileReader::queryLines() (the bundle's profile read-back).
    static QList<QByteArray> readLines(Dialect dialect);
    void start(const QList<QByteArray> &lines);
    bool isRunning() const { return !m_pending.isEmpty(); }
    QList<AtResult> results() const { return m_results; }

signals:
    void finished(const QList<atb::AtResult> &results);

private:
    DeviceSession *m_session;
    QHash<quint64, int> m_pending; // id -> index
    QList<AtResult> m_results;
};

} // namespace atb
