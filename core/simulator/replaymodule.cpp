#include "simulator/replaymodule.h"

#include <QRegularExpression>

namespace atb::sim {

namespace {

QByteArray stripEol(QByteArray b)
{
    while (b.endsWith('\n') || b.endsWith('\r'))
        b.chop(1);
    return b;
}

bool endsWithPrompt(const QByteArray &moduleBytes)
{
    QByteArray t = moduleBytes;
    while (t.endsWith(' '))
        t.chop(1);
    return t.endsWith('>');
}

} // namespace

ReplayModule::ReplayModule(const RecordingFile &recording, const ReplayOptions &options, QObject *parent)
    : DeviceEndpoint(parent), m_options(options), m_timer(this)
{
    m_esp = !recording.dialect().startsWith(QLatin1String("beken"));
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ReplayModule::pump);
    buildSteps(recording);
}

void ReplayModule::buildSteps(const RecordingFile &recording)
{
    QByteArray host;
    qint64 hostT = 0;
    bool afterPrompt = false;
    auto flushHost = [&] {
        if (host.isEmpty())
            return;
        if (afterPrompt) {
            m_steps.append(Step { true, true, hostT, host });
        } else {
            qsizetype from = 0;
            while (from < host.size()) {
                const qsizetype lf = host.indexOf('\n', from);
                const qsizetype end = lf < 0 ? host.size() : lf + 1;
                m_steps.append(Step { true, lf < 0, hostT, host.mid(from, end - from) });
                from = end;
            }
        }
        host.clear();
    };
    for (const RecordedChunk &c : recording.chunks) {
        if (c.fromHost) {
            if (host.isEmpty())
                hostT = c.tUs;
            host += c.bytes;
            continue;
        }
        flushHost();
        afterPrompt = endsWithPrompt(c.bytes);
        m_steps.append(Step { false, false, c.tUs, c.bytes });
    }
    flushHost();
}

QString ReplayModule::summary() const
{
    return QStringLiteral("matched=%1 skipped=%2 by_example=%3 unmatched=%4 steps_left=%5")
        .arg(m_stats.matched)
        .arg(m_stats.skipped)
        .arg(m_stats.byExample)
        .arg(m_stats.unmatched)
        .arg(m_steps.size() - m_pos);
}

void ReplayModule::start()
{
    m_running = true;
    m_bootedSent = false;
    m_pos = 0;
    m_input.clear();
    m_wall.start();
    m_anchorWallUs = 0;
    m_anchorRecUs = m_steps.isEmpty() ? 0 : m_steps.first().tUs;
    pump();
}

void ReplayModule::stop()
{
    m_running = false;
    m_timer.stop();
}

void ReplayModule::emitModule(QByteArray bytes)
{
    if (!m_echoFrom.isEmpty()) {
        if (bytes.startsWith(m_echoFrom))
            bytes.replace(0, m_echoFrom.size(), m_echoTo);
        m_echoFrom.clear();
    }
    emit sendToHost(bytes);
}

void ReplayModule::pump()
{
    if (!m_running)
        return;
    while (m_pos < m_steps.size()) {
        const Step &s = m_steps[m_pos];
        if (s.host)
            break;
        const qint64 nowUs = m_wall.nsecsElapsed() / 1000;
        const qint64 dueUs = m_anchorWallUs + (s.tUs - m_anchorRecUs);
        if (dueUs > nowUs) {
            m_timer.start(int((dueUs - nowUs + 999) / 1000));
            return;
        }
        ++m_pos;
        emitModule(s.bytes);
    }
    if (!m_bootedSent) {
        m_bootedSent = true;
        // Queued: whoever started the module connects to booted() right after start().
        QMetaObject::invokeMethod(this, [this] { emit booted(); }, Qt::QueuedConnection);
    }
    if (m_pos >= m_steps.size())
        emit replayFinished();
}

int ReplayModule::nextHostStep(int from) const
{
    for (int i = from; i < m_steps.size(); ++i)
        if (m_steps[i].host)
            return i;
    return -1;
}

bool ReplayModule::matches(const QByteArray &unit, const Step &step) const
{
    if (step.byLength)
        return unit.size() == step.bytes.size();
    const QByteArray a = stripEol(unit), b = stripEol(step.bytes);
    if (a == b)
        return true;
    if (!b.contains('*'))
        return false;
    // A run of '*' in the recording is a masked secret: any text without quote or comma.
    QString pattern = QRegularExpression::escape(QString::fromUtf8(b));
    static const QRegularExpression stars(QStringLiteral("(\\\\\\*)+"));
    pattern.replace(stars, QStringLiteral("[^\",]*"));
    const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
    return re.match(QString::fromUtf8(a)).hasMatch();
}

QByteArray ReplayModule::exampleAnswer(const QByteArray &unit) const
{
    for (int i = 0; i < m_steps.size(); ++i) {
        if (!m_steps[i].host || m_steps[i].byLength || !matches(unit, m_steps[i]))
            continue;
        QByteArray answer;
        for (int j = i + 1; j < m_steps.size() && !m_steps[j].host; ++j)
            answer += m_steps[j].bytes;
        if (!answer.isEmpty())
            return answer;
    }
    return QByteArray();
}

QByteArray ReplayModule::errorReply() const
{
    return m_esp ? QByteArrayLiteral("\r\nERROR\r\n") : QByteArrayLiteral("ERROR\r\n");
}

void ReplayModule::receiveFromHost(const QByteArray &bytes)
{
    if (!m_running)
        return;
    m_input += bytes;
    processInput();
}

void ReplayModule::processInput()
{
    while (!m_input.isEmpty()) {
        const int expected = nextHostStep(m_pos);
        qsizetype take = 0;
        if (expected >= 0 && m_steps[expected].byLength) {
            if (m_input.size() < m_steps[expected].bytes.size())
                return; // a module waits for the rest of the data, too
            take = m_steps[expected].bytes.size();
        } else {
            const qsizetype lf = m_input.indexOf('\n');
            if (lf < 0) {
                if (m_input.size() > 64 * 1024)
                    m_input.clear(); // not a line: a module would overflow its buffer
                return;
            }
            take = lf + 1;
        }
        const QByteArray unit = m_input.left(take);
        m_input.remove(0, take);
        handleUnit(unit, expected);
    }
}

void ReplayModule::handleUnit(const QByteArray &unit, int expected)
{
    const qint64 nowUs = m_wall.nsecsElapsed() / 1000;
    const QString shown = QString::fromUtf8(stripEol(unit).left(120));
    if (expected < 0) {
        // The recording is over: answer like it did elsewhere, or ERROR.
        const QByteArray answer = exampleAnswer(unit);
        if (!answer.isEmpty()) {
            ++m_stats.byExample;
            emitModule(answer);
        } else {
            ++m_stats.unmatched;
            emit mismatch(QStringLiteral("after the end of the recording: '%1' -> ERROR").arg(shown));
            emitModule(errorReply());
        }
        return;
    }
    // The host overtook output still due: push it out first, in the recorded order.
    while (m_pos < expected)
        emitModule(m_steps[m_pos++].bytes);

    auto anchorAt = [&](int step) {
        const Step &s = m_steps[step];
        if (!s.byLength && stripEol(s.bytes) != stripEol(unit)) {
            m_echoFrom = stripEol(s.bytes);
            m_echoTo = stripEol(unit);
        }
        m_pos = step + 1;
        m_anchorWallUs = nowUs;
        m_anchorRecUs = s.tUs;
        pump();
    };
    if (matches(unit, m_steps[expected])) {
        ++m_stats.matched;
        anchorAt(expected);
        return;
    }
    const QString wanted = QString::fromUtf8(stripEol(m_steps[expected].bytes).left(120));
    if (!m_options.strict) {
        int seen = 0;
        for (int i = expected + 1; i < m_steps.size() && seen < m_options.lookahead; ++i) {
            if (!m_steps[i].host)
                continue;
            ++seen;
            if (matches(unit, m_steps[i])) {
                m_stats.skipped += seen;
                emit mismatch(QStringLiteral("expected '%1', got '%2' -> skipped %3 recorded host unit(s) to its match")
                                  .arg(wanted, shown)
                                  .arg(seen));
                anchorAt(i);
                return;
            }
        }
        const QByteArray answer = exampleAnswer(unit);
        if (!answer.isEmpty()) {
            ++m_stats.byExample;
            emit mismatch(QStringLiteral("expected '%1', got '%2' -> answered as recorded elsewhere").arg(wanted, shown));
            emitModule(answer);
            return;
        }
    }
    ++m_stats.unmatched;
    emit mismatch(QStringLiteral("expected '%1', got '%2' -> ERROR").arg(wanted, shown));
    emitModule(errorReply());
}

} // namespace atb::sim
