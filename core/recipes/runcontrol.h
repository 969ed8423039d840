#pragma once

#include <QDeadlineTimer>
#include <QHash>
#include <QString>
#include <QVariant>

#include <condition_variable>
#include <mutex>

class QJSEngine;

namespace atb {

// The hand-over between a recipe's script thread and the thread that owns the session's
// services (RecipeRunner's): the script thread posts a request and waits here; the owner
// fulfils it. Every wait ends at the latest at its deadline, or when the run is stopped
// (cancel, time limit): stop() wakes every waiter and interrupts the script engine, so a busy
// loop in the script ends too. Thread-safe (std::mutex: ThreadSanitizer sees all of it).
class RunControl
{
public:
    enum class Stop { None, Cancelled, RecipeLimit, StepLimit };
    enum class Wake { Done, Stopped, Deadline };

    quint64 newRequest();
    // Owner side: the answer to request `id` (ignored when nobody waits for it any more).
    void fulfil(quint64 id, const QVariant &value);
    // Script side: waits until `id` is fulfilled (0: only for the deadline or a stop), the run
    // stops, or `deadline` or one of the run's deadlines passes. On Done *value is the answer.
    Wake wait(quint64 id, QDeadlineTimer deadline, QVariant *value = nullptr);
    // Script side: forget a request it no longer waits for.
    void drop(quint64 id);

    // Any thread: stop the run. The first reason given is kept.
    void stop(Stop reason, const QString &message);
    Stop stopReason() const;
    QString stopMessage() const;
    bool stopped() const { return stopReason() != Stop::None; }

    // The whole run's limit and the current step's (none: forever); every wait is bounded by
    // them and watch() turns an expired one into a stop.
    void setRecipeLimit(int ms);
    void setStepLimit(int ms, const QString &step); // ms <= 0: no step limit
    // Called periodically by the owner (and by the script thread after a wait ran into a
    // deadline): stops the run when a limit passed. True if it did.
    bool watch();

    // The engine to interrupt on stop (set by the script thread while its engine exists).
    void setEngine(QJSEngine *engine);

private:
    void stopLocked(Stop reason, const QString &message);

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    quint64 m_next = 1;
    QHash<quint64, QVariant> m_answers; // fulfilled, not yet collected
    QHash<quint64, bool> m_waiting;     // requests someone may still collect
    Stop m_stop = Stop::None;
    QString m_stopMessage;
    QDeadlineTimer m_recipeDeadline { QDeadlineTimer::Forever };
    QDeadlineTimer m_stepDeadline { QDeadlineTimer::Forever };
    QString m_step;
    int m_stepLimitMs = 0;
    int m_recipeLimitMs = 0;
    QJSEngine *m_engine = nullptr;
};

} // namespace atb
