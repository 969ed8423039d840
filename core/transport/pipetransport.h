#pragma once

#include "transport.h"

#include <QPointer>

namespace atb {

// In-process byte pipe. Each end is a Transport; bytes written on one end arrive on the other
// through the event loop (queued, so each end may live in its own thread), like a real link.
// Used by tests and by the built-in simulated module.
class PipeTransport : public Transport
{
    Q_OBJECT
public:
    // Creates a connected pair; both ends start closed and belong to `parent` (may be null).
    static std::pair<PipeTransport *, PipeTransport *> createPair(const QString &name,
                                                                  QObject *parent = nullptr);

    void open() override;
    void close() override;
    void write(const QByteArray &bytes) override;
    QString displayName() const override { return m_name; }
    qint64 nominalBytesPerSecond() const override { return m_rate; }
    // The rate of the link this pipe stands for (a simulated UART); 0 = unknown.
    void setNominalBytesPerSecond(qint64 rate) { m_rate = rate; }

    PipeTransport *peer() const { return m_peer; }

    // Delivers bytes as if the peer had written them (thread-safe; queued).
    Q_INVOKABLE void deliver(const QByteArray &bytes);
    // Simulates the link going away (an unplugged cable): this end reports a fatal error.
    Q_INVOKABLE void breakLink();

private:
    explicit PipeTransport(const QString &name, QObject *parent) : Transport(parent), m_name(name) { }

    QString m_name;
    QPointer<PipeTransport> m_peer;
    qint64 m_rate = 0;
};

} // namespace atb
