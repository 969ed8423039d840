#pragma once
// MQTT load for benchmarks and load tests: MqttLoad publishes sequence-numbered QoS 0 messages
// ("<seq, 8 digits>") to one topic of a local broker at a fixed rate, from its own thread (a
// Paho client, atb::sim::MqttClient); SequenceTally counts what arrived (new, duplicate,
// malformed) so a receiver can tell exactly which messages were lost. Needs the simulator
// library (for MqttClient). Used by atbench-bench (mqtt-pub, soak), atbench-bench-ui (soak) and
// the fault-under-load test. Nothing but 127.0.0.1 is used.

#include "simulator/mqttclient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <unistd.h>
#include <vector>

namespace mqtttest {

class MqttLoad
{
public:
    MqttLoad() : m_worker(new Worker) { m_worker->moveToThread(&m_thread); m_thread.start(); }
    ~MqttLoad()
    {
        // deleteLater() is called in the worker's thread before quit(), so the thread deletes the
        // worker as it finishes. Queued as a separate call it could come after quit() and was
        // then never run: the worker and its timer leaked (LeakSanitizer, tst_faultsunderload).
        QMetaObject::invokeMethod(
            m_worker,
            [w = m_worker] {
                w->shutdown();
                w->deleteLater();
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    // Connects to the broker on 127.0.0.1:port; waits (running the caller's events) at most
    // timeoutMs for the connection.
    bool connectTo(quint16 port, QString *error = nullptr, int timeoutMs = 5000)
    {
        bool ok = false;
        QMetaObject::invokeMethod(m_worker, [&] { ok = m_worker->connectTo(port, error); }, Qt::BlockingQueuedConnection);
        QDeadlineTimer d(timeoutMs);
        while (ok && !m_worker->connected.load() && !d.hasExpired()) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            QThread::msleep(1);
        }
        if (ok && !m_worker->connected.load() && error)
            *error = QStringLiteral("no connection to the broker within %1 ms").arg(timeoutMs);
        return ok && m_worker->connected.load();
    }
    // Publishes `rate` messages/s to `topic` (on a 1 ms tick, catching up after a late tick).
    void start(const QString &topic, int rate)
    {
        QMetaObject::invokeMethod(m_worker, [w = m_worker, topic, rate] { w->start(topic, rate); });
    }
    void stop() { QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->stopTimer(); }, Qt::BlockingQueuedConnection); }
    qint64 sent() const { return m_worker->sent.load(); }
    qint64 failed() const { return m_worker->failed.load(); }

    static QByteArray payloadFor(qint64 seq) { return QByteArray::number(seq).rightJustified(8, '0'); }

private:
    struct Worker : QObject
    {
        bool connectTo(quint16 port, QString *error)
        {
            client = new atb::sim::MqttClient(this);
            QObject::connect(client, &atb::sim::MqttClient::connected, this, [this] { connected = true; });
            atb::sim::MqttClient::Config c;
            c.uri = QStringLiteral("tcp://127.0.0.1:%1").arg(port);
            c.clientId = QStringLiteral("atbench-load-%1-%2").arg(::getpid()).arg(quintptr(this), 0, 16);
            return client->connectToBroker(c, error);
        }
        void start(const QString &topic, int rate)
        {
            stopTimer();
            timer = new QTimer(this);
            timer->setTimerType(Qt::PreciseTimer);
            clock.start();
            const qint64 first = sent.load();
            QObject::connect(timer, &QTimer::timeout, this, [this, topic, rate, first] {
                const qint64 due = first + clock.nsecsElapsed() * rate / 1000000000LL;
                while (sent.load() < due) {
                    if (!client->publish(topic, payloadFor(sent.load()), 0, false))
                        failed.fetch_add(1);
                    sent.fetch_add(1);
                }
            });
            timer->start(1);
        }
        void stopTimer()
        {
            delete timer;
            timer = nullptr;
        }
        void shutdown()
        {
            stopTimer();
            delete client;
            client = nullptr;
        }
        atb::sim::MqttClient *client = nullptr;
        QTimer *timer = nullptr;
        QElapsedTimer clock;
        std::atomic<bool> connected { false };
        std::atomic<qint64> sent { 0 }, failed { 0 };
    };

    QThread m_thread;
    Worker *m_worker;
};

// Counts sequence-numbered payloads (MqttLoad::payloadFor) as they arrive.
class SequenceTally
{
public:
    // Returns true for a new, well-formed sequence number.
    bool add(const QByteArray &payload)
    {
        // Eight digits and nothing else: toLongLong() alone would take "0000009\r" (a digit lost
        // on the line, the CR read as payload) for message 9.
        bool ok = payload.size() == 8
            && std::all_of(payload.begin(), payload.end(), [](char c) { return c >= '0' && c <= '9'; });
        const qint64 seq = ok ? payload.toLongLong(&ok) : -1;
        if (!ok || seq < 0 || seq > 100000000) {
            ++malformed;
            return false;
        }
        if (size_t(seq) >= m_seen.size())
            m_seen.resize(size_t(seq) + 1024, false);
        if (m_seen[size_t(seq)]) {
            ++duplicates;
            return false;
        }
        m_seen[size_t(seq)] = true;
        ++received;
        return true;
    }
    // Makes room for sequence numbers below n at once, so a long run's tally does not grow as
    // it goes (the soak measures the whole process's memory).
    void expect(qint64 n)
    {
        if (n > 0 && size_t(n) > m_seen.size())
            m_seen.resize(size_t(n), false);
    }
    bool has(qint64 seq) const { return seq >= 0 && size_t(seq) < m_seen.size() && m_seen[size_t(seq)]; }
    // Sequence numbers in [from, to) that never arrived.
    qint64 missingIn(qint64 from, qint64 to) const
    {
        qint64 n = 0;
        for (qint64 s = from; s < to; ++s)
            n += has(s) ? 0 : 1;
        return n;
    }

    qint64 received = 0, duplicates = 0, malformed = 0;

private:
    // One bit per sequence number (std::vector<bool> packs them): the soak counts 720 000
    // messages an hour, and its own tally must not be what grows (90 kB/h, not 720 kB/h).
    std::vector<bool> m_seen;
};

} // namespace mqtttest
