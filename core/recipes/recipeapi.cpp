#include "recipeapi.h"

#include "engine/devicesession.h"
#include "log/redactor.h"
#include "protocol/bytetext.h"
#include "recipenamespaces.h"
#include "runcontrol.h"

#include <QDateTime>
#include <QJSEngine>
#include <QMetaMethod>
#include <QRegularExpression>

#include <cmath>

namespace atb {

namespace {
const char kCheckFailed[] = "CheckFailed";
const char kNoAnswer[] = "NoAnswer";
const char kOrigin[] = "recipe";

int toMs(const QJSValue &v, int fallback)
{
    if (v.isUndefined() || v.isNull())
        return fallback;
    const double d = v.toNumber();
    if (!std::isfinite(d) || d < 0)
        return fallback;
    return int(std::min(d, 24.0 * 3600 * 1000));
}

QString text(QJSEngine *engine, const QJSValue &v)
{
    if (v.isUndefined())
        return QString();
    if (v.isObject() && !v.isError() && !v.isCallable() && !v.isRegExp()) {
        // Objects as JSON, so log(at("AT")) shows the reply.
        QJSValue json = engine->globalObject().property(QStringLiteral("JSON"));
        const QJSValue s = json.property(QStringLiteral("stringify")).callWithInstance(json, { v });
        if (s.isString())
            return s.toString();
    }
    return v.toString();
}
} // namespace

RecipeApi::RecipeApi(QJSEngine *engine, const Recipe &recipe, const RecipeRunOptions &options, RecipeBridge *bridge,
                     DeviceSession *session, std::shared_ptr<RunControl> control, EventSink sink)
    : m_engine(engine), m_recipe(recipe), m_options(options), m_bridge(bridge), m_session(session),
      m_control(std::move(control)), m_sink(std::move(sink)), m_answers(options.answers)
{
    for (const RecipeParam &p : recipe.params) {
        const QString v = options.params.value(p.name, p.defaultValue);
        if (p.secret && v.size() >= 3)
            m_secrets << v;
    }
    m_clock.start();
}

RecipeApi::~RecipeApi()
{
    qDeleteAll(m_namespaces);
}

void RecipeApi::install()
{
    QJSValue global = m_engine->globalObject();
    const QJSValue self = m_engine->newQObject(this);
    for (const char *name : { "at", "send", "expect", "discard", "sleep", "log", "check", "require", "step", "ask",
                              "param", "fromHex", "toHex", "elapsed" })
        global.setProperty(QString::fromLatin1(name), self.property(QString::fromLatin1(name)));

    // console.log() of copied snippets goes where log() goes.
    QJSValue console = m_engine->newObject();
    for (const char *name : { "log", "info", "warn", "error" })
        console.setProperty(QString::fromLatin1(name), self.property(QStringLiteral("log")));
    global.setProperty(QStringLiteral("console"), console);

    QJSValue info = m_engine->newObject();
    info.setProperty(QStringLiteral("id"), m_recipe.id);
    info.setProperty(QStringLiteral("title"), m_recipe.title);
    info.setProperty(QStringLiteral("port"), m_options.port);
    global.setProperty(QStringLiteral("recipe"), info);

    // device.* are properties (a fresh look at the model each time); the others plain objects
    // holding the functions, so completion and for-in show only the API.
    auto *device = new DeviceApi(this);
    m_namespaces << device;
    global.setProperty(QStringLiteral("device"), m_engine->newQObject(device));
    const QList<QObject *> spaces = { new WifiApi(this), new NetApi(this), new LinkApi(this), new MqttApi(this),
                                      new ThroughputApi(this), new PcApi(this) };
    for (QObject *o : spaces) {
        m_namespaces << o;
        const QJSValue wrapper = m_engine->newQObject(o);
        QJSValue ns = m_engine->newObject();
        const QMetaObject *mo = o->metaObject();
        for (int i = mo->methodOffset(); i < mo->methodCount(); ++i) {
            const QMetaMethod m = mo->method(i);
            if (m.methodType() == QMetaMethod::Method && m.access() == QMetaMethod::Public) {
                const QString name = QString::fromLatin1(m.name());
                ns.setProperty(name, wrapper.property(name));
            }
        }
        global.setProperty(o->objectName(), ns);
    }
}

RecipeResult RecipeApi::run()
{
    RecipeResult result;
    result.recipeId = m_recipe.id;
    result.title = m_recipe.title;
    result.port = m_options.port;
    result.startedUtc = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    m_clock.restart();
    m_markMs = 0;
    const QJSValue r = m_engine->evaluate(m_recipe.source, m_recipe.filePath, 1);
    setActivity(QString());
    result.durationMs = m_clock.elapsed();

    const RunControl::Stop stop = m_control->stopReason();
    if (stop != RunControl::Stop::None) {
        result.verdict = stop == RunControl::Stop::Cancelled ? RecipeResult::Verdict::Cancelled : RecipeResult::Verdict::Timeout;
        result.message = m_control->stopMessage();
        if (stop == RunControl::Stop::StepLimit && !m_steps.isEmpty())
            record(m_steps.last(), false, result.message);
    } else if (r.isError()) {
        const QString name = r.property(QStringLiteral("name")).toString();
        if (name == QLatin1String(kCheckFailed)) {
            result.verdict = RecipeResult::Verdict::Fail; // require(): the check is recorded
            result.message = masked(r.property(QStringLiteral("message")).toString());
        } else {
            result.verdict = RecipeResult::Verdict::Error;
            result.message = masked(r.toString());
            result.errorFile = m_recipe.filePath;
            result.errorLine = r.property(QStringLiteral("lineNumber")).toInt();
        }
    } else {
        result.verdict = RecipeResult::Verdict::Pass;
    }
    result.checks = m_checks;
    if (result.verdict == RecipeResult::Verdict::Pass && result.failedCount() > 0)
        result.verdict = RecipeResult::Verdict::Fail;
    if (!result.message.isEmpty())
        emitLog(result.errorText());
    result.log = m_log;
    return result;
}

// ---- plumbing ---------------------------------------------------------------------------------

QVariant RecipeApi::call(const Job &job, int ownLimitMs, bool *timedOut)
{
    if (timedOut)
        *timedOut = false;
    if (m_control->stopped())
        return QVariant();
    const quint64 req = m_control->newRequest();
    m_bridge->post([job, req](RecipeBridge &b) { job(b, req); });
    QVariant answer;
    const QDeadlineTimer own = ownLimitMs >= 0 ? QDeadlineTimer(ownLimitMs) : QDeadlineTimer(QDeadlineTimer::Forever);
    const RunControl::Wake w = m_control->wait(req, own, &answer);
    if (w == RunControl::Wake::Done)
        return answer;
    m_control->drop(req);
    m_bridge->post([req](RecipeBridge &b) { b.abandon(req); });
    // A run limit that passed is a stop (the watchdog may not have seen it yet).
    if (w == RunControl::Wake::Deadline && !m_control->watch() && timedOut)
        *timedOut = true;
    return QVariant();
}

QJSValue RecipeApi::operation(const QString &activity, const Job &job)
{
    setActivity(activity);
    const QVariant v = call(job);
    setActivity(QString());
    if (!v.isValid())
        return QJSValue();
    return toJs(v);
}

QJSValue RecipeApi::toJs(const QVariant &v)
{
    return m_engine->toScriptValue(v);
}

QByteArray RecipeApi::bytes(const QJSValue &v)
{
    if (v.isString())
        return v.toString().toUtf8();
    if (v.isObject()) {
        const QVariant var = v.toVariant();
        if (var.typeId() == QMetaType::QByteArray)
            return var.toByteArray();
        const QJSValue buffer = v.property(QStringLiteral("buffer")); // a typed array
        if (buffer.isObject()) {
            const QByteArray all = buffer.toVariant().toByteArray();
            const int offset = v.property(QStringLiteral("byteOffset")).toInt();
            const int length = v.property(QStringLiteral("byteLength")).toInt();
            return all.mid(offset, length);
        }
    }
    return v.isUndefined() || v.isNull() ? QByteArray() : v.toString().toUtf8();
}

QJSValue RecipeApi::typeError(const QString &message)
{
    m_engine->throwError(QJSValue::TypeError, message);
    return QJSValue();
}

QJSValue RecipeApi::throwNamed(const QString &name, const QString &message)
{
    QJSValue e = m_engine->newErrorObject(QJSValue::GenericError, message);
    e.setProperty(QStringLiteral("name"), name);
    m_engine->throwError(e);
    return QJSValue();
}

QString RecipeApi::masked(const QString &text) const
{
    QString out = text;
    for (const QString &s : m_secrets)
        out.replace(s, QString::fromLatin1(Redactor::kMask.data(), Redactor::kMask.size()));
    return out;
}

void RecipeApi::setActivity(const QString &text)
{
    RecipeEvent e;
    e.kind = RecipeEvent::Kind::Activity;
    e.detail = masked(text);
    m_sink(e);
}

int RecipeApi::callerLine()
{
    // An error made now carries the position of the script code that called us.
    m_engine->throwError(QString());
    return m_engine->catchError().property(QStringLiteral("lineNumber")).toInt();
}

void RecipeApi::emitLog(const QString &text)
{
    const QString t = masked(text);
    m_log << t;
    if (m_session)
        m_session->log()->appendInfo(QStringLiteral("[%1] %2").arg(m_recipe.id, t));
    RecipeEvent e;
    e.kind = RecipeEvent::Kind::Log;
    e.detail = t;
    m_sink(e);
}

void RecipeApi::record(const QString &name, bool passed, const QString &detail)
{
    RecipeCheck c;
    c.name = masked(name);
    c.passed = passed;
    c.detail = masked(detail);
    c.step = m_steps.isEmpty() ? QString() : m_steps.last();
    const qint64 now = m_clock.elapsed();
    c.ms = now - m_markMs;
    m_markMs = now;
    c.line = m_control->stopped() ? 0 : callerLine();
    m_checks << c;
    if (m_session)
        m_session->log()->appendInfo(QStringLiteral("[%1] %2 %3%4")
                                         .arg(m_recipe.id, RecipeResult::verdictText(passed ? RecipeResult::Verdict::Pass
                                                                                            : RecipeResult::Verdict::Fail),
                                              c.name, c.detail.isEmpty() ? QString() : QStringLiteral(": ") + c.detail),
                                     !passed);
    RecipeEvent e;
    e.kind = RecipeEvent::Kind::Check;
    e.name = c.name;
    e.passed = passed;
    e.ms = c.ms;
    e.detail = c.detail;
    e.check = c;
    m_sink(e);
}

// ---- the global functions -------------------------------------------------------------------

QJSValue RecipeApi::at(const QJSValue &line, const QJSValue &options)
{
    if (!line.isString() || line.toString().trimmed().isEmpty())
        return typeError(tr("at(line, options): line must be a command such as \"AT+GMR\"."));
    const QByteArray l = line.toString().trimmed().toUtf8();
    qint64 length = -1;
    AtCommand c = AtCommand::fromLine(l, m_session && m_session->dialect() == Dialect::Beken, &length);
    c.origin = QLatin1String(kOrigin);
    const QJSValue timeout = options.property(QStringLiteral("timeout"));
    if (!timeout.isUndefined())
        c.timeoutMs = std::max(1, toMs(timeout, c.timeoutMs));
    const QJSValue data = options.property(QStringLiteral("data"));
    if (!data.isUndefined()) {
        if (!c.expectsPrompt)
            return typeError(tr("at(): %1 has no data phase; \"data\" is for commands such as AT+CIPSEND=<n>.")
                                 .arg(QString::fromUtf8(l)));
        c.payload = bytes(data);
    }
    setActivity(QString::fromUtf8(Redactor::maskLine(l)));
    const QVariant v = call([c](RecipeBridge &b, quint64 req) { b.command(req, c); });
    setActivity(QString());
    if (!v.isValid())
        return QJSValue();
    QVariantMap m = v.toMap();
    if (m.value(QStringLiteral("prompt")).toBool())
        m_promptCommand = m.value(QStringLiteral("commandId")).toULongLong();
    const QJSValue pattern = options.property(QStringLiteral("expect"));
    if (!pattern.isUndefined() && m.value(QStringLiteral("ok")).toBool() && !m.value(QStringLiteral("prompt")).toBool()) {
        LineMatcher matcher;
        if (pattern.isRegExp())
            matcher.regex = pattern.toVariant().toRegularExpression();
        else
            matcher.substring = pattern.toString();
        QStringList groups;
        bool found = false;
        QVariantList replies = m.value(QStringLiteral("lines")).toList();
        replies << m.value(QStringLiteral("final"));
        for (const QVariant &reply : std::as_const(replies)) {
            if (matcher.matches(reply.toString(), &groups)) {
                found = true;
                break;
            }
        }
        m.insert(QStringLiteral("match"), found ? QVariant(groups) : QVariant());
        if (!found) {
            m.insert(QStringLiteral("ok"), false);
            m.insert(QStringLiteral("error"), tr("%1: the reply has no %2").arg(QString::fromUtf8(Redactor::maskLine(l)), matcher.describe()));
        }
    }
    return toJs(m);
}

QJSValue RecipeApi::send(const QJSValue &data)
{
    const QByteArray b = bytes(data);
    QVariant v;
    if (m_promptCommand != 0) {
        const quint64 id = m_promptCommand;
        m_promptCommand = 0;
        setActivity(tr("data phase: %n byte(s)", "", int(b.size())));
        v = call([id, b](RecipeBridge &br, quint64 req) { br.payload(req, id, b); });
        setActivity(QString());
    } else {
        v = call([b](RecipeBridge &br, quint64 req) { br.raw(req, b); });
    }
    return v.isValid() ? toJs(v) : QJSValue();
}

QJSValue RecipeApi::expect(const QJSValue &pattern, const QJSValue &timeoutMs)
{
    LineMatcher matcher;
    if (pattern.isRegExp())
        matcher.regex = pattern.toVariant().toRegularExpression();
    else if (pattern.isString() && !pattern.toString().isEmpty())
        matcher.substring = pattern.toString();
    else
        return typeError(tr("expect(pattern, timeout): pattern must be a string or a /regular expression/."));
    const int limit = toMs(timeoutMs, kDefaultExpectMs);
    setActivity(tr("expect %1 (%2 s)").arg(matcher.describe()).arg(limit / 1000.0));
    bool timedOut = false;
    const QVariant v = call([matcher](RecipeBridge &b, quint64 req) { b.expect(req, matcher); }, limit, &timedOut);
    setActivity(QString());
    if (!v.isValid())
        return QJSValue(QJSValue::NullValue);
    return toJs(v);
}

void RecipeApi::discard()
{
    call([](RecipeBridge &b, quint64 req) { b.discard(req); });
}

void RecipeApi::sleep(const QJSValue &ms)
{
    const int limit = toMs(ms, 0);
    setActivity(tr("sleep %1 ms").arg(limit));
    m_control->wait(0, QDeadlineTimer(limit));
    m_control->watch();
    setActivity(QString());
}

void RecipeApi::log(const QJSValue &a, const QJSValue &b, const QJSValue &c, const QJSValue &d)
{
    QStringList parts;
    for (const QJSValue *v : { &a, &b, &c, &d })
        if (!v->isUndefined())
            parts << text(m_engine, *v);
    emitLog(parts.join(QLatin1Char(' ')));
}

bool RecipeApi::check(const QJSValue &name, const QJSValue &condition, const QJSValue &detail)
{
    // A reply or an operation's result counts by its "ok": check("AT answers", at("AT")).
    const QJSValue ok = condition.isObject() ? condition.property(QStringLiteral("ok")) : QJSValue();
    const bool passed = ok.isBool() ? ok.toBool() : condition.toBool();
    QString why = detail.isUndefined() ? QString() : text(m_engine, detail);
    if (why.isEmpty() && ok.isBool()) {
        const QString error = condition.property(QStringLiteral("error")).toString();
        const QString message = condition.property(QStringLiteral("message")).toString();
        const QString final = condition.property(QStringLiteral("final")).toString();
        for (const QString &candidate : { passed ? QString() : error, message, final })
            if (!candidate.isEmpty() && candidate != QLatin1String("undefined")) {
                why = candidate;
                break;
            }
    }
    record(name.toString(), passed, why);
    return passed;
}

bool RecipeApi::require(const QJSValue &name, const QJSValue &condition, const QJSValue &detail)
{
    if (check(name, condition, detail))
        return true;
    throwNamed(QLatin1String(kCheckFailed), tr("Required check \"%1\" failed; the recipe stops here.").arg(name.toString()));
    return false;
}

QJSValue RecipeApi::step(const QJSValue &name, const QJSValue &fn, const QJSValue &options)
{
    if (!fn.isCallable())
        return typeError(tr("step(name, function, options): the second argument must be a function."));
    const QString stepName = masked(name.toString());
    const int limit = toMs(options.property(QStringLiteral("timeout")), 0);
    const int failedBefore = int(std::count_if(m_checks.cbegin(), m_checks.cend(), [](const RecipeCheck &c) { return !c.passed; }));
    RecipeEvent started;
    started.kind = RecipeEvent::Kind::StepStarted;
    started.name = stepName;
    m_sink(started);
    m_steps << stepName;
    m_markMs = m_clock.elapsed();
    const qint64 begin = m_markMs;
    if (limit > 0)
        m_control->setStepLimit(limit, stepName);
    QJSValue result = fn.call();
    if (limit > 0)
        m_control->setStepLimit(0, QString());
    const bool threw = result.isError() || m_engine->hasError();
    if (m_control->stopReason() == RunControl::Stop::StepLimit) {
        // run() records the step's failure with the stop message; keep the step name for it.
    } else {
        m_steps.removeLast();
    }
    const int failedAfter = int(std::count_if(m_checks.cbegin(), m_checks.cend(), [](const RecipeCheck &c) { return !c.passed; }));
    RecipeEvent finished;
    finished.kind = RecipeEvent::Kind::StepFinished;
    finished.name = stepName;
    finished.passed = !threw && failedAfter == failedBefore && !m_control->stopped();
    finished.ms = m_clock.elapsed() - begin;
    m_sink(finished);
    if (result.isError() && !m_engine->hasError()) {
        m_engine->throwError(result); // the same error object: its line stays the original one
        return QJSValue();
    }
    return result;
}

QJSValue RecipeApi::ask(const QJSValue &question, const QJSValue &options)
{
    const QString q = question.toString();
    QStringList choices;
    const QJSValue c = options.property(QStringLiteral("choices"));
    if (c.isArray())
        choices = c.toVariant().toStringList();
    if (!m_answers.isEmpty()) {
        const QString answer = m_answers.takeFirst();
        emitLog(tr("ask: %1 -> %2").arg(q, answer));
        return QJSValue(answer);
    }
    if (!m_options.interactive)
        return throwNamed(QLatin1String(kNoAnswer), tr("ask(\"%1\") has no answer: give one with --answer TEXT.").arg(q));
    const int limit = toMs(options.property(QStringLiteral("timeout")), -1);
    setActivity(tr("waiting for an answer: %1").arg(q));
    bool timedOut = false;
    const QVariant v = call([q, choices](RecipeBridge &b, quint64 req) { b.ask(req, q, choices); }, limit, &timedOut);
    setActivity(QString());
    if (timedOut)
        return throwNamed(QLatin1String(kNoAnswer), tr("ask(\"%1\") was not answered within %2 s.").arg(q).arg(limit / 1000.0));
    if (!v.isValid())
        return QJSValue();
    emitLog(tr("ask: %1 -> %2").arg(q, v.toString()));
    return QJSValue(v.toString());
}

QJSValue RecipeApi::param(const QJSValue &name, const QJSValue &fallback)
{
    const QString n = name.toString();
    if (m_options.params.contains(n))
        return QJSValue(m_options.params.value(n));
    if (const RecipeParam *p = m_recipe.param(n); p && (!p->defaultValue.isEmpty() || fallback.isUndefined()))
        return QJSValue(p->defaultValue);
    if (!fallback.isUndefined())
        return fallback;
    return typeError(tr("param(\"%1\"): the recipe declares no such parameter (// @param %1 ...) and gives no fallback.").arg(n));
}

QJSValue RecipeApi::fromHex(const QJSValue &hexText)
{
    const ByteText::Decoded d = ByteText::fromHex(hexText.toString());
    if (!d.ok())
        return typeError(tr("fromHex(): %1").arg(d.error));
    return m_engine->toScriptValue(d.bytes);
}

QString RecipeApi::toHex(const QJSValue &data)
{
    return QString::fromLatin1(bytes(data).toHex());
}

double RecipeApi::elapsed() const
{
    return double(m_clock.nsecsElapsed()) / 1e6;
}

} // namespace atb
