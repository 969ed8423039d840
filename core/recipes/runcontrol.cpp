#include "runcontrol.h"

#include <QCoreApplication>
#include <QJSEngine>

#include <chrono>

namespace atb {

namespace {
QDeadlineTimer earlier(QDeadlineTimer a, QDeadlineTimer b)
{
    return a.deadlineNSecs() <= b.deadlineNSecs() ? a : b;
}
} // namespace

quint64 RunControl::newRequest()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const quint64 id = m_next++;
    m_waiting.insert(id, true);
    return id;
}

void RunControl::fulfil(quint64 id, const QVariant &value)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_waiting.contains(id))
        return;
    m_answers.insert(id, value);
    m_changed.notify_all();
}

RunControl::Wake RunControl::wait(quint64 id, QDeadlineTimer deadline, QVariant *value)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        if (id != 0) {
            const auto it = m_answers.find(id);
            if (it != m_answers.end()) {
                if (value)
                    *value = it.value();
                m_answers.erase(it);
                m_waiting.remove(id);
                return Wake::Done;
            }
        }
        if (m_stop != Stop::None)
            return Wake::Stopped;
        const QDeadlineTimer until = earlier(earlier(deadline, m_recipeDeadline), m_stepDeadline);
        if (until.hasExpired())
            return Wake::Deadline;
        if (until.isForever())
            m_changed.wait(lock);
        else
            m_changed.wait_for(lock, std::chrono::milliseconds(std::max<qint64>(1, until.remainingTime())));
    }
}

void RunControl::drop(quint64 id)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_waiting.remove(id);
    m_answers.remove(id);
}

void RunControl::stop(Stop reason, const QString &message)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    stopLocked(reason, message);
}

void RunControl::stopLocked(Stop reason, const QString &message)
{
    if (m_stop != Stop::None || reason == Stop::None)
        return;
    m_stop = reason;
    m_stopMessage = message;
    if (m_engine)
        m_engine->setInterrupted(true); // thread-safe: the script ends at its next instruction
    m_changed.notify_all();
}

RunControl::Stop RunControl::stopReason() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_stop;
}

QString RunControl::stopMessage() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_stopMessage;
}

void RunControl::setRecipeLimit(int ms)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_recipeLimitMs = ms;
    m_recipeDeadline = ms > 0 ? QDeadlineTimer(ms) : QDeadlineTimer(QDeadlineTimer::Forever);
    m_changed.notify_all();
}

void RunControl::setStepLimit(int ms, const QString &step)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stepLimitMs = ms;
    m_step = step;
    m_stepDeadline = ms > 0 ? QDeadlineTimer(ms) : QDeadlineTimer(QDeadlineTimer::Forever);
    m_changed.notify_all();
}

bool RunControl::watch()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_stop != Stop::None)
        return false;
    if (m_recipeDeadline.hasExpired()) {
        stopLocked(Stop::RecipeLimit, QCoreApplication::translate("atb::RunControl", "The recipe ran into its time limit of %1 s.")
                                          .arg(m_recipeLimitMs / 1000.0, 0, 'f', 1));
        return true;
    }
    if (m_stepDeadline.hasExpired()) {
        stopLocked(Stop::StepLimit, QCoreApplication::translate("atb::RunControl", "Step \"%1\" ran into its time limit of %2 s.")
                                        .arg(m_step)
                                        .arg(m_stepLimitMs / 1000.0, 0, 'f', 1));
        return true;
    }
    return false;
}

void RunControl::setEngine(QJSEngine *engine)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_engine = engine;
    if (engine && m_stop != Stop::None)
        engine->setInterrupted(true);
}

} // namespace atb
