#include "profilerunner.h"

#include "engine/devicesession.h"
#include "engine/dialectprobe.h"
#include "model/devicemodel.h"
#include "protocol/atencoder.h"
#include "provisioning/profilereader.h"
#include "services/commandrunner.h"
#include "services/netservice.h"

#include <algorithm>

namespace atb {

namespace {

QString dialectWords(Dialect d)
{
    return d == Dialect::Beken ? QStringLiteral("Beken ATSVR") : QStringLiteral("ESP-AT");
}

constexpr int kDefaultSntpTimeoutS = 15;
constexpr int kDefaultLoopbackTimeoutS = 10;

} // namespace

QString ProfileRunner::modeName(Mode m)
{
    switch (m) {
    case Mode::All: return QStringLiteral("all");
    case Mode::OnlyChanges: return QStringLiteral("only_changes");
    case Mode::Diff: return QStringLiteral("diff");
    }
    return QString();
}

ProfileRunner::ProfileRunner(DeviceSession *session, QObject *parent)
    : QObject(parent), m_session(session), m_reader(new ProfileReader(session, this)),
      m_runner(new CommandRunner(session, this))
{
    qRegisterMetaType<atb::ModuleReport>();
    m_checkTimer.setSingleShot(true);
    connect(m_reader, &ProfileReader::finished, this, [this](const ModuleReadBack &rb) {
        if (m_stage == Stage::Read)
            onRead(rb);
        else if (m_stage == Stage::ReadBack)
            onReadBack(rb);
    });
    connect(m_runner, &CommandRunner::commandDone, this, [this](const AtResult &r) {
        record(m_stage == Stage::Checks ? QStringLiteral("check") : QStringLiteral("apply"), m_stepText, r);
    });
    connect(m_runner, &CommandRunner::finished, this, [this](const OperationResult &r) {
        if (m_stage == Stage::Apply)
            onStepFinished(r);
        else if (m_stage == Stage::Checks)
            onCheckFinished(r);
    });
    connect(&m_checkTimer, &QTimer::timeout, this, [this] {
        if (m_stage != Stage::Checks)
            return;
        const PlannedCheck &pc = m_plan.checks[m_nextCheck];
        if (pc.check.kind == PostCheck::Kind::SntpTime) {
            m_runner->run(pc.label, pc.plan.commands); // read the time again
        } else if (m_checkPhase == 1) {
            endLoopback(CheckResult::Verdict::Fail,
                        tr("the message did not come back within %n s", nullptr,
                           pc.check.timeoutS > 0 ? pc.check.timeoutS : kDefaultLoopbackTimeoutS));
        }
    });
}

ProfileRunner::~ProfileRunner() = default;

bool ProfileRunner::start(const Job &job)
{
    if (m_running || !m_session)
        return false;
    m_job = job;
    m_running = true;
    m_stopRequested = m_restarted = m_linkLost = false;
    m_nextStep = 0;
    m_failedStep = -1;
    m_failure.clear();
    m_nextCheck = 0;
    m_plan = ProfilePlan();
    m_report = ModuleReport();
    m_report.index = job.identity.index;
    m_report.port = job.identity.port;
    m_report.serial = job.identity.serial;
    m_report.profileName = job.profile.name;
    m_report.profileHash = job.profile.hash();
    m_report.mode = modeName(job.mode);
    m_report.openMs = job.openMs;
    m_report.started = QDateTime::currentDateTimeUtc();
    m_report.dialect = dialectName(m_session->dialect());
    m_stepsDone = 0;
    m_stepsTotal = job.mode == Mode::Diff ? 1 : 2;
    m_clock.start();
    for (const QMetaObject::Connection &c : std::as_const(m_sessionConnections))
        disconnect(c);
    m_sessionConnections = {
        connect(m_session, &DeviceSession::urcReceived, this, &ProfileRunner::onUrc),
        connect(m_session, &DeviceSession::stateChanged, this,
                [this](DeviceSession::State s) { onSessionState(int(s)); }),
    };
    m_stage = Stage::Read;
    m_stageClock.start();
    setStep(tr("read"));
    m_reader->start(job.profile.dialect);
    return true;
}

void ProfileRunner::stop()
{
    if (!m_running)
        return;
    m_stopRequested = true;
    m_checkTimer.stop();
    if (m_stage == Stage::Read || m_stage == Stage::ReadBack)
        m_reader->cancel();
    else if (m_runner->isBusy())
        m_runner->cancel();
    else if (m_stage == Stage::Checks)
        finish(false, tr("stopped"), QStringLiteral("checks"));
}

void ProfileRunner::setStep(const QString &text)
{
    m_stepText = text;
    emit progress(text, m_stepsDone, m_stepsTotal);
}

void ProfileRunner::record(const QString &phase, const QString &step, const AtResult &r)
{
    const AtEncoder enc(m_job.profile.dialect);
    CommandRecord c;
    c.phase = phase;
    c.step = step;
    c.line = enc.redact(r.command.line);
    c.status = AtResult::statusName(r.status);
    c.finalText = QString::fromUtf8(r.finalText);
    c.ms = r.elapsedUs / 1000;
    c.attempts = qMax(1, r.attempts);
    if (!r.ok()) {
        AtResult shown = r;
        shown.command.line = c.line; // never a password in a message
        c.message = CommandRunner::describe(shown);
    }
    m_report.commands << c;
}

void ProfileRunner::onUrc(const AtEvent &e)
{
    if (!m_running)
        return;
    if (e.text.trimmed() == "ready" && m_stage != Stage::Idle) {
        m_restarted = true;
        m_report.notes << tr("The module restarted during \"%1\" (it printed ready).").arg(m_stepText);
    }
    if (m_stage == Stage::Checks && e.name == "+MQTTSUBRECV" && m_nextCheck < m_plan.checks.size()) {
        const PostCheck &c = m_plan.checks[m_nextCheck].check;
        if (c.kind == PostCheck::Kind::MqttLoopback && QString::fromUtf8(e.topic) == c.target
            && e.payload == c.message.toUtf8()) {
            m_loopbackSeen = true;
            if (m_checkPhase == 1) {
                m_checkTimer.stop();
                endLoopback(CheckResult::Verdict::Pass, tr("came back after %1 ms").arg(m_checkClock.elapsed()));
            }
        }
    }
}

void ProfileRunner::onSessionState(int state)
{
    if (m_running && DeviceSession::State(state) == DeviceSession::State::Disconnected && !m_linkLost) {
        m_linkLost = true;
        m_report.notes << tr("The link to the module went away during \"%1\".").arg(m_stepText);
    }
}

void ProfileRunner::onRead(const ModuleReadBack &rb)
{
    m_report.readMs = m_stageClock.elapsed();
    for (const AtResult &r : rb.results)
        record(QStringLiteral("read"), QStringLiteral("read"), r);
    m_report.mac = rb.mac;
    m_report.firmware = rb.firmware;
    ++m_stepsDone;
    if (m_stopRequested) {
        finish(false, tr("stopped"), QStringLiteral("read"));
        return;
    }
    if (!rb.complete) {
        finish(false, tr("Could not read the module: %1").arg(rb.error), QStringLiteral("read"));
        return;
    }
    // The firmware family: what AT+GMR says, else what the session was opened with.
    Dialect moduleDialect = m_session ? m_session->dialect() : m_job.profile.dialect;
    for (const AtResult &r : rb.results)
        if (r.ok() && CommandCatalog::commandName(r.command.line).toUpper() == "AT+GMR") {
            const DialectProbeResult probe = DialectProbe::classifyGmr(r);
            if (probe.detected())
                moduleDialect = probe.dialect;
        }
    m_report.dialect = dialectName(moduleDialect);
    if (moduleDialect != m_job.profile.dialect) {
        finish(false,
               tr("The profile is written for %1 but this module speaks %2: nothing was sent.")
                   .arg(dialectWords(m_job.profile.dialect), dialectWords(moduleDialect)),
               QStringLiteral("refused"));
        return;
    }

    ModuleIdentity id = m_job.identity;
    id.mac = rb.mac;
    id.firmware = rb.firmware;
    QList<JsonIssue> issues;
    m_expanded = placeholders::expandProfile(m_job.profile, id, &issues);
    m_desired = fieldchecks::desiredValues(m_expanded, m_job.secrets);
    if (m_job.mode == Mode::Diff && issues.isEmpty()) {
        m_report.fields = fieldchecks::compare(m_desired, rb);
        const bool equal = fieldchecks::allPassed(m_report.fields);
        finish(equal, equal ? QString() : tr("%n field(s) differ", nullptr, m_report.failedFieldCount()),
               QStringLiteral("done"));
        return;
    }
    if (issues.isEmpty())
        m_plan = ProfilePlanner::plan(m_expanded, m_job.secrets, rb,
                                      m_job.mode == Mode::OnlyChanges ? ProfilePlanner::Mode::OnlyChanges
                                                                      : ProfilePlanner::Mode::All);
    else
        m_plan.issues = issues;
    if (!m_plan.ok()) {
        QStringList texts;
        for (const JsonIssue &i : std::as_const(m_plan.issues))
            texts << i.text();
        finish(false, tr("Refused, nothing was sent: %1").arg(texts.join(QLatin1String("; "))), QStringLiteral("refused"));
        return;
    }
    m_stepsTotal += int(m_plan.steps.size() + m_plan.checks.size());
    m_stage = Stage::Apply;
    m_stageClock.start();
    runNextStep();
}

void ProfileRunner::runNextStep()
{
    if (m_stopRequested || m_restarted || m_linkLost || m_nextStep >= m_plan.steps.size()) {
        if (m_stopRequested && m_failure.isEmpty())
            m_failure = tr("stopped");
        m_report.applyMs = m_stageClock.elapsed();
        m_stage = Stage::ReadBack;
        m_stageClock.start();
        setStep(tr("read back"));
        if (m_linkLost) {
            // Nothing can be read: every field keeps the verdict the apply gave it.
            ModuleReadBack none;
            none.dialect = m_job.profile.dialect;
            none.error = tr("the link went away");
            onReadBack(none);
            return;
        }
        m_reader->start(m_job.profile.dialect);
        return;
    }
    const PlanStep &s = m_plan.steps[m_nextStep];
    setStep(s.label);
    m_runner->run(s.label, s.plan.commands);
}

void ProfileRunner::onStepFinished(const OperationResult &r)
{
    ++m_stepsDone;
    if (!r.ok) {
        m_failedStep = m_nextStep;
        QString why = r.message;
        // The runner quotes the failed line: the recorded (masked) message replaces it.
        if (!m_report.commands.isEmpty() && !m_report.commands.last().message.isEmpty())
            why = m_report.commands.last().message;
        m_failure = r.cancelled ? tr("stopped") : why;
        m_nextStep = int(m_plan.steps.size()); // nothing more is sent
    } else {
        ++m_nextStep;
    }
    runNextStep();
}

void ProfileRunner::onReadBack(const ModuleReadBack &rb)
{
    m_report.verifyMs = m_stageClock.elapsed();
    for (const AtResult &r : rb.results)
        record(QStringLiteral("read back"), QStringLiteral("read back"), r);
    ++m_stepsDone;
    m_report.fields = verify(rb);
    const bool applyOk = m_failedStep < 0 && !m_stopRequested;
    if (m_stopRequested) {
        finish(false, tr("stopped"), QStringLiteral("apply"));
        return;
    }
    // A restart or a lost link explains a failed command better than the command does.
    if (m_restarted) {
        finish(false, tr("The module restarted during the apply; rerun with only changes to resume from what it reports."),
               QStringLiteral("apply"));
        return;
    }
    if (m_linkLost) {
        finish(false, tr("The link to the module went away; rerun to resume from what it reports."), QStringLiteral("apply"));
        return;
    }
    if (!applyOk) {
        finish(false, m_failure, QStringLiteral("apply"));
        return;
    }
    if (!rb.complete) {
        finish(false, tr("Could not read the module back: %1").arg(rb.error), QStringLiteral("read back"));
        return;
    }
    if (!fieldchecks::allPassed(m_report.fields)) {
        finish(false, tr("%n field(s) not as the profile says", nullptr, m_report.failedFieldCount()),
               QStringLiteral("read back"));
        return;
    }
    m_stage = Stage::Checks;
    m_stageClock.start();
    m_nextCheck = -1;
    runNextCheck();
}

QList<FieldCheck> ProfileRunner::verify(const ModuleReadBack &rb) const
{
    enum class Ran { NotRun, Ok, Failed };
    QHash<QString, int> stepOf;
    for (int i = 0; i < m_plan.steps.size(); ++i)
        for (const QString &f : m_plan.steps[i].fields)
            stepOf.insert(f, i);
    auto ran = [this](int i) {
        if (i < 0)
            return Ran::NotRun;
        if (i == m_failedStep)
            return Ran::Failed;
        return i < m_nextStep && (m_failedStep < 0 || i < m_failedStep) ? Ran::Ok : Ran::NotRun;
    };
    const QStringList unreadable = ModuleReadBack::unreadableFields(m_job.profile.dialect);
    QList<FieldCheck> rows = fieldchecks::compare(m_desired, rb);
    for (FieldCheck &row : rows) {
        const int i = stepOf.value(row.field, -1);
        const Ran r = ran(i);
        row.applied = r == Ran::Ok;
        if (r == Ran::Failed && row.verdict != FieldCheck::Verdict::Match) {
            row.verdict = FieldCheck::Verdict::Failed;
            row.note = m_failure;
        } else if (i >= 0 && r == Ran::NotRun && row.verdict != FieldCheck::Verdict::Match) {
            row.verdict = FieldCheck::Verdict::NotApplied;
            row.note = tr("not sent: an earlier step failed");
        } else if (row.verdict == FieldCheck::Verdict::Differs) {
            row.note = row.applied ? tr("the module accepted the command but reports another value")
                                   : tr("changed during the run (it matched before)");
        } else if (row.verdict == FieldCheck::Verdict::Unreadable && row.field == QLatin1String("/wifi/password")
                   && rb.value(QStringLiteral("/wifi/join")).toBool()
                   && rb.value(QStringLiteral("/wifi/ssid")) == m_desired.value(QStringLiteral("/wifi/ssid"))) {
            // Not readable, but proven: the module is joined to the network it opens.
            row.note = row.applied ? tr("set in this run; the module joined %1 with it").arg(rb.value(QStringLiteral("/wifi/ssid")).toString())
                                   : tr("left as it was; the module is joined to %1").arg(rb.value(QStringLiteral("/wifi/ssid")).toString());
        } else if (row.verdict == FieldCheck::Verdict::Unreadable && unreadable.contains(row.field)) {
            if (row.applied)
                row.note = tr("set in this run and accepted (OK); the firmware cannot report it");
            else if (i < 0)
                row.note = tr("left as it was (what the module reports matches); the firmware cannot report it");
        }
    }
    return rows;
}

void ProfileRunner::runNextCheck()
{
    ++m_nextCheck;
    if (m_stopRequested) {
        finish(false, tr("stopped"), QStringLiteral("checks"));
        return;
    }
    if (m_nextCheck >= m_plan.checks.size()) {
        m_report.checksMs = m_stageClock.elapsed();
        const bool allPass = std::all_of(m_report.checks.begin(), m_report.checks.end(), [](const CheckResult &c) {
            return c.verdict == CheckResult::Verdict::Pass;
        });
        QString error;
        for (const CheckResult &c : std::as_const(m_report.checks))
            if (error.isEmpty() && c.verdict != CheckResult::Verdict::Pass)
                error = tr("%1: %2").arg(c.label, c.detail);
        if (m_restarted)
            finish(false, tr("The module restarted during the checks."), QStringLiteral("checks"));
        else
            finish(allPass, error, allPass ? QStringLiteral("done") : QStringLiteral("checks"));
        return;
    }
    const PlannedCheck &pc = m_plan.checks[m_nextCheck];
    m_checkPhase = 0;
    m_loopbackSeen = false;
    m_sntpAttempts = 0;
    m_checkClock.start();
    CheckResult c;
    c.check = pc.check;
    c.label = pc.label;
    m_report.checks << c;
    setStep(pc.label);
    m_runner->run(pc.label, pc.plan.commands);
}

void ProfileRunner::endLoopback(CheckResult::Verdict verdict, const QString &detail)
{
    // Unsubscribe what the check subscribed, then report.
    const PlannedCheck &pc = m_plan.checks[m_nextCheck];
    m_checkPhase = 2;
    m_pendingVerdict = verdict;
    m_pendingDetail = detail;
    if (pc.cleanup.isEmpty())
        finishCheck(verdict, detail);
    else
        m_runner->run(pc.label, pc.cleanup.commands);
}

void ProfileRunner::onCheckFinished(const OperationResult &r)
{
    const PlannedCheck &pc = m_plan.checks[m_nextCheck];
    const PostCheck &c = pc.check;
    const AtResult *last = r.results.isEmpty() ? nullptr : &r.results.last();
    auto lineAfter = [last](const QByteArray &prefix) {
        if (last)
            for (const QByteArray &l : last->lines)
                if (l.startsWith(prefix))
                    return QString::fromUtf8(l.mid(prefix.size())).trimmed();
        return QString();
    };
    QString failure = r.message;
    if (!r.ok && !m_report.commands.isEmpty() && !m_report.commands.last().message.isEmpty())
        failure = m_report.commands.last().message;

    switch (c.kind) {
    case PostCheck::Kind::Ping:
        if (!r.ok)
            return finishCheck(CheckResult::Verdict::Fail, failure);
        return finishCheck(CheckResult::Verdict::Pass,
                           lineAfter("+PING:").isEmpty() ? tr("answered") : tr("%1 ms").arg(lineAfter("+PING:")));
    case PostCheck::Kind::Resolve: {
        if (!r.ok)
            return finishCheck(CheckResult::Verdict::Fail, failure);
        const QString ip = DeviceModel::splitFields(lineAfter("+CIPDOMAIN:").toUtf8()).value(0);
        if (ip.isEmpty())
            return finishCheck(CheckResult::Verdict::Fail, tr("the module's reply holds no address"));
        if (!c.expect.isEmpty() && ip != c.expect)
            return finishCheck(CheckResult::Verdict::Fail, tr("resolved to %1, expected %2").arg(ip, c.expect));
        return finishCheck(CheckResult::Verdict::Pass, ip);
    }
    case PostCheck::Kind::SntpTime: {
        const int timeoutS = c.timeoutS > 0 ? c.timeoutS : kDefaultSntpTimeoutS;
        const QString text = lineAfter("+CIPSNTPTIME:");
        const std::optional<QDateTime> t = NetService::parseModuleTime(text);
        const bool synced = r.ok && t && t->date().year() >= 2000;
        if (!synced) {
            if (m_checkClock.elapsed() < qint64(timeoutS) * 1000 && (r.ok || ++m_sntpAttempts < 3)) {
                m_checkTimer.start(1000); // not synchronised yet: read again
                return;
            }
            return finishCheck(CheckResult::Verdict::Fail,
                               r.ok ? tr("not synchronised after %n s (%1)", nullptr, timeoutS).arg(text) : failure);
        }
        if (c.maxOffsetS < 0)
            return finishCheck(CheckResult::Verdict::Pass, text);
        const int tzMinutes = m_expanded.sntp && m_expanded.sntp->timezone
            ? NetService::timezoneMinutes(QString::number(*m_expanded.sntp->timezone)).value_or(0)
            : 0;
        const qint64 offset = t->toSecsSinceEpoch() - qint64(tzMinutes) * 60 - QDateTime::currentSecsSinceEpoch();
        const QString detail = tr("%1 (offset %2 s)").arg(text).arg(offset);
        return finishCheck(qAbs(offset) <= c.maxOffsetS ? CheckResult::Verdict::Pass : CheckResult::Verdict::Fail, detail);
    }
    case PostCheck::Kind::MqttLoopback:
        if (m_checkPhase == 2) // unsubscribed (or tried to): the verdict was decided before
            return finishCheck(m_pendingVerdict, m_pendingDetail);
        if (!r.ok)
            return endLoopback(CheckResult::Verdict::Fail, failure);
        m_checkPhase = 1;
        if (m_loopbackSeen)
            return endLoopback(CheckResult::Verdict::Pass, tr("came back after %1 ms").arg(m_checkClock.elapsed()));
        m_checkTimer.start((c.timeoutS > 0 ? c.timeoutS : kDefaultLoopbackTimeoutS) * 1000);
        return;
    }
}

void ProfileRunner::finishCheck(CheckResult::Verdict verdict, const QString &detail)
{
    m_checkTimer.stop();
    CheckResult &c = m_report.checks.last();
    c.verdict = verdict;
    c.detail = detail;
    c.ms = m_checkClock.elapsed();
    ++m_stepsDone;
    m_checkPhase = 0;
    runNextCheck();
}

void ProfileRunner::finish(bool passed, const QString &error, const QString &step)
{
    m_checkTimer.stop();
    for (const QMetaObject::Connection &c : std::as_const(m_sessionConnections))
        disconnect(c);
    m_sessionConnections.clear();
    m_running = false;
    m_stage = Stage::Idle;
    m_report.passed = passed;
    m_report.error = passed ? QString() : error;
    m_report.step = step;
    m_report.finished = QDateTime::currentDateTimeUtc();
    if (passed)
        m_stepsDone = m_stepsTotal;
    setStep(passed ? tr("done") : step);
    emit finished(m_report);
}

} // namespace atb
