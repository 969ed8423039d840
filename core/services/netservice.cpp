#include "netservice.h"

#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "protocol/atencoder.h"

#include <QRegularExpression>

namespace atb {

namespace {

const QString kOrigin = QStringLiteral("net");

std::optional<qint64> parseSignedInt(QString s)
{
    s = s.trimmed();
    if (s.startsWith(QLatin1Char('+')))
        s = s.mid(1);
    static const QRegularExpression re(QStringLiteral("^-?\\d{1,5}$"));
    if (!re.match(s).hasMatch())
        return std::nullopt;
    return s.toLongLong();
}

} // namespace

QString PingRecord::text() const
{
    if (!ok)
        return failure.isEmpty() ? NetService::tr("failed") : failure;
    if (ticks)
        return NetService::tr("%1/%2 replies, average %3 ticks").arg(replies).arg(sent).arg(time);
    return NetService::tr("%1 ms").arg(time);
}

NetService::NetService(DeviceSession *session, DeviceModel *model, QObject *parent)
    : QObject(parent), m_session(session), m_model(model)
{
    qRegisterMetaType<atb::NetSettings>();
    qRegisterMetaType<atb::TimeReading>();
    qRegisterMetaType<atb::PingRecord>();
    // Before the runner: a time reading exists before finished() reaches the page.
    connect(session, &DeviceSession::commandFinished, this, &NetService::onCommandFinished);
    m_runner = new CommandRunner(session, this);
    m_runner->setOrigin(QStringLiteral("net"));
    connect(m_runner, &CommandRunner::busyChanged, this, &NetService::busyChanged);
    connect(m_runner, &CommandRunner::finished, this, &NetService::onRunnerFinished);
}

bool NetService::isBusy() const
{
    return m_runner->isBusy();
}

bool NetService::isIpv4(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return false;
    for (int i = 1; i <= 4; ++i)
        if (m.captured(i).toInt() > 255)
            return false;
    return true;
}

std::optional<int> NetService::timezoneMinutes(const QString &timezone)
{
    const std::optional<qint64> v = parseSignedInt(timezone);
    if (!v)
        return std::nullopt;
    if (qAbs(*v) < 100)
        return int(*v * 60);
    const qint64 hh = *v / 100, mm = qAbs(*v) % 100;
    if (mm >= 60)
        return std::nullopt;
    return int(hh * 60 + (*v < 0 ? -mm : mm));
}

std::optional<QDateTime> NetService::parseModuleTime(const QString &text)
{
    const QString t = text.trimmed();
    // asctime: "Thu Sep  2 18:57:03 2021"
    static const QRegularExpression asc(
        QStringLiteral("^[A-Za-z]{3}\\s+([A-Za-z]{3})\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{1,2}):(\\d{1,2})\\s+(\\d{4})$"));
    // Beken: "2022-10-21 19:20:39" (document) or "2022-10-21 19-20-39" (source, maybe unpadded)
    static const QRegularExpression bk(
        QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})[ T]+(\\d{1,2})[:-](\\d{1,2})[:-](\\d{1,2})$"));
    static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    QDate date;
    QTime time;
    QRegularExpressionMatch m = asc.match(t);
    if (m.hasMatch()) {
        int month = 0;
        for (int i = 0; i < 12; ++i)
            if (m.captured(1).compare(QLatin1String(months[i]), Qt::CaseInsensitive) == 0)
                month = i + 1;
        date = QDate(m.captured(6).toInt(), month, m.captured(2).toInt());
        time = QTime(m.captured(3).toInt(), m.captured(4).toInt(), m.captured(5).toInt());
    } else if ((m = bk.match(t)).hasMatch()) {
        date = QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        time = QTime(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    }
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}

Dialect NetService::dialect() const
{
    return m_model ? m_model->dialect() : Dialect::Esp;
}

OperationPlan NetService::planDns(const DnsSettings &dns) const
{
    OperationPlan p;
    const AtEncoder enc(dialect());
    auto fail = [&p](const QString &error, const QByteArray &param) { return p.fail(error, param); };
    auto paramName = [](int index) { return QByteArray("DNS_IP") + QByteArray::number(index + 1); };
    QList<AtArg> args { AtArg::integer(dns.manual ? 1 : 0) };
    QList<int> origin; // args[1 + k] came from servers[origin[k]]
    if (dns.manual) {
        QStringList seen;
        for (int i = 0; i < dns.servers.size(); ++i) {
            const QString s = dns.servers[i].trimmed();
            if (s.isEmpty())
                continue;
            if (i > 2)
                return fail(tr("At most three DNS servers can be set."), paramName(2));
            if (!isIpv4(s))
                return fail(tr("\"%1\" is not an IPv4 address (four numbers 0-255, like 8.8.8.8).").arg(s),
                            paramName(i));
            if (seen.contains(s))
                return fail(tr("%1 is already in the list; the servers must differ.").arg(s), paramName(i));
            seen << s;
            args << AtArg::string(s.toLatin1());
            origin << i;
        }
    }
    const EncodeResult r = enc.set("AT+CIPDNS", args);
    if (!r.ok()) {
        QByteArray param = r.errorParam;
        if (param.startsWith("DNS_IP")) {
            const int k = param.mid(6).toInt() - 1;
            if (k >= 0 && k < origin.size())
                param = paramName(origin[k]);
        }
        return fail(r.error, param);
    }
    const bool noServer = dns.manual && origin.isEmpty();
    p.add(r.line, dialect(), kOrigin,
          noServer ? tr("Manual with no server: the module uses 208.67.222.222 (seed 000).") : QString());
    if (noServer && dialect() == Dialect::Beken)
        p.warning = tr("Seed 000 documents AT+CIPDNS=1 alone (208.67.222.222), but the Beken SDK source answers "
                       "ERROR to it (protocol.md 5.4): give a server if the module refuses.");
    return p;
}

OperationPlan NetService::planSntp(const SntpSettings &sntp) const
{
    OperationPlan p;
    const Dialect dialect = this->dialect();
    const AtEncoder enc(dialect);
    auto fail = [&p](const QString &error, const QByteArray &param) { return p.fail(error, param); };
    auto paramName = [](int index) { return QByteArray("server") + QByteArray::number(index + 1); };

    const std::optional<qint64> tz = parseSignedInt(sntp.timezone);
    if (!tz) {
        return fail(dialect == Dialect::Esp
                        ? tr("The time zone is a whole number of hours from -12 to 14, or [+|-]hhmm such as 530 "
                             "for UTC+05:30.")
                        : tr("The time zone is a whole number of hours from -12 to 12."),
                    "timezone");
    }
    // ESP's second form (protocol.md 5.3): [+|-]hhmm, e.g. 530 = UTC+05:30, -930 = UTC-09:30.
    const bool hhmm = qAbs(*tz) >= 100;
    if (hhmm) {
        if (dialect != Dialect::Esp)
            return fail(tr("This module takes whole hours only (-12 to 12)."), "timezone");
        const qint64 hh = *tz / 100, mm = qAbs(*tz) % 100;
        if (mm % 15 != 0 || mm >= 60 || *tz > 1400 || *tz < -1200 || hh < -12 || hh > 14)
            return fail(tr("%1 is not a UTC offset: use [+|-]hhmm between -1200 and +1400 with minutes 00, 15, 30 "
                           "or 45.")
                            .arg(sntp.timezone.trimmed()),
                        "timezone");
    }

    QList<AtArg> args { AtArg::integer(sntp.enabled ? 1 : 0) };
    QList<int> origin;
    if (sntp.enabled) {
        args << AtArg::integer(hhmm ? 0 : *tz); // the catalog knows whole hours only; see below
        for (int i = 0; i < sntp.servers.size(); ++i) {
            const QString s = sntp.servers[i].trimmed();
            if (s.isEmpty())
                continue;
            if (i > 2)
                return fail(tr("At most three SNTP servers can be set."), paramName(2));
            args << AtArg::string(s.toUtf8());
            origin << i;
        }
        if (origin.isEmpty())
            return fail(tr("Enter at least one SNTP server."), paramName(0));
    } else if (dialect == Dialect::Beken) {
        args << AtArg::integer(*tz); // required by the Beken syntax even when disabling
    }
    EncodeResult r = enc.set("AT+CIPSNTPCFG", args);
    if (r.ok() && hhmm) {
        args[1] = AtArg::integer(*tz);
        r = AtEncoder::compose("AT+CIPSNTPCFG", args, dialect);
    }
    if (!r.ok()) {
        QByteArray param = r.errorParam;
        if (param.startsWith("server")) {
            const int k = param.mid(6).toInt() - 1;
            if (k >= 0 && k < origin.size())
                param = paramName(origin[k]);
        }
        return fail(r.error, param);
    }
    p.add(r.line, dialect, kOrigin);
    return p;
}

OperationPlan NetService::planApply(const NetSettings &s) const
{
    OperationPlan p;
    if (s.applyDns)
        p.append(planDns(s.dns));
    if (s.applySntp)
        p.append(planSntp(s.sntp));
    return p;
}

OperationPlan NetService::apply(const NetSettings &settings)
{
    const QString label = settings.applyDns && settings.applySntp ? tr("Set DNS and SNTP")
                          : settings.applyDns                     ? tr("Set DNS servers")
                                                                  : tr("Set SNTP");
    return start(Op::Apply, label, planApply(settings));
}

OperationPlan NetService::planRead() const
{
    const AtEncoder enc(dialect());
    OperationPlan p;
    // CIPDNS? last: the Beken source has no query handler for it (protocol.md 5.4).
    for (const EncodeResult &r : { enc.query("AT+CIPSNTPCFG"), enc.query("AT+CIPSNTPTIME"), enc.query("AT+CIPDNS") })
        p.addEncoded(r, dialect(), kOrigin);
    return p;
}

OperationPlan NetService::read()
{
    return start(Op::Read, tr("Read DNS and SNTP"), planRead());
}

OperationPlan NetService::planReadTime() const
{
    OperationPlan p;
    p.addEncoded(AtEncoder(dialect()).query("AT+CIPSNTPTIME"), dialect(), kOrigin);
    return p;
}

OperationPlan NetService::readTime()
{
    return start(Op::ReadTime, tr("Read the module's time"), planReadTime());
}

OperationPlan NetService::planOneString(QByteArrayView command, const QString &value, const QByteArray &param,
                                        const QString &emptyMessage) const
{
    const QString v = value.trimmed();
    if (v.isEmpty())
        return OperationPlan::failure(emptyMessage, param);
    const EncodeResult r = AtEncoder(dialect()).set(command, { AtArg::string(v.toUtf8()) });
    if (!r.ok())
        return OperationPlan::failure(r.error, r.errorParam.isEmpty() ? param : r.errorParam);
    OperationPlan p;
    p.add(r.line, dialect(), kOrigin);
    return p;
}

OperationPlan NetService::planLookup(const QString &name) const
{
    return planOneString("AT+CIPDOMAIN", name, "domain_name", tr("Enter a domain name to look up."));
}

OperationPlan NetService::lookup(const QString &name)
{
    const QString target = name.trimmed();
    return start(Op::Lookup, tr("Look up %1").arg(target), planLookup(name), target);
}

OperationPlan NetService::planPing(const QString &host) const
{
    return planOneString("AT+PING", host, "host", tr("Enter a host name or IPv4 address to ping."));
}

OperationPlan NetService::ping(const QString &host)
{
    const QString target = host.trimmed();
    return start(Op::Ping, tr("Ping %1").arg(target), planPing(host), target);
}

void NetService::cancel()
{
    m_runner->cancel();
}

OperationPlan NetService::start(Op op, const QString &label, const OperationPlan &plan, const QString &target)
{
    return m_runner->start(label, plan, [this, op, target] {
        m_op = op;
        m_opTarget = target;
    });
}

void NetService::onCommandFinished(const AtResult &r)
{
    if (!r.ok() || CommandCatalog::commandName(r.command.line).toUpper() != "AT+CIPSNTPTIME")
        return;
    QString text;
    for (const QByteArray &l : r.lines)
        if (l.startsWith("+CIPSNTPTIME:"))
            text = QString::fromUtf8(l.mid(13)).trimmed();
    if (text.isEmpty())
        return;
    TimeReading t;
    t.valid = true;
    t.moduleText = text;
    t.pcTimeUtc = QDateTime::currentDateTimeUtc();
    if (const std::optional<QDateTime> mt = parseModuleTime(text)) {
        t.parsed = true;
        t.moduleTime = *mt;
        t.synchronised = mt->date().year() >= 2000;
        const QString tz = m_model ? m_model->sntp().timezone : QString();
        const std::optional<int> minutes = tz.isEmpty() ? std::nullopt : timezoneMinutes(tz);
        if (minutes) {
            t.timezoneKnown = true;
            t.timezoneMinutes = *minutes;
            t.offsetSeconds = mt->toSecsSinceEpoch() - qint64(*minutes) * 60 - t.pcTimeUtc.toSecsSinceEpoch();
        } else {
            // Unknown module time zone: compare with the PC's wall clock.
            const QDateTime local = t.pcTimeUtc.toLocalTime();
            const QDateTime localFields(local.date(), local.time(), Qt::UTC);
            t.offsetSeconds = mt->toSecsSinceEpoch() - localFields.toSecsSinceEpoch();
        }
    }
    m_time = t;
    emit timeRead(t);
}

void NetService::onRunnerFinished(const OperationResult &result)
{
    OperationResult out = result;
    const Op op = m_op;
    const QString target = m_opTarget;
    m_op = Op::None;
    m_opTarget.clear();
    const AtResult *last = result.results.isEmpty() ? nullptr : &result.results.last();

    switch (op) {
    case Op::Apply:
        if (result.ok)
            out.message = tr("%1: done.").arg(result.label);
        break;
    case Op::Read:
        if (result.ok) {
            out.message = tr("DNS and SNTP settings read from the module.");
        } else if (last && last->status == AtResult::Status::Error
                   && CommandCatalog::commandName(last->command.line).toUpper() == "AT+CIPDNS"
                   && m_model && m_model->dialect() == Dialect::Beken) {
            // The Beken source registers no AT+CIPDNS? handler (protocol.md 3.2, 5.4).
            out.ok = true; // a firmware limit, not a failure of the read
            out.message = tr("SNTP settings read; this firmware cannot report its DNS servers (it has no "
                             "AT+CIPDNS? query).");
        }
        break;
    case Op::ReadTime:
        if (result.ok && m_time.valid)
            out.message = tr("Module time: %1").arg(m_time.moduleText);
        break;
    case Op::Lookup: {
        m_lookupName = target;
        m_lookupIp.clear();
        m_lookupError.clear();
        if (result.ok && last) {
            for (const QByteArray &l : last->lines)
                if (l.startsWith("+CIPDOMAIN:"))
                    m_lookupIp = DeviceModel::splitFields(QByteArrayView(l).sliced(11)).value(0);
            if (m_lookupIp.isEmpty())
                m_lookupError = tr("the module's reply holds no address");
        } else if (last && last->status == AtResult::Status::Error) {
            m_lookupError = tr("the name could not be resolved");
        } else if (last && last->status == AtResult::Status::Timeout) {
            m_lookupError = tr("no answer from the module (it prints nothing when a name cannot be resolved)");
        } else {
            m_lookupError = result.message;
        }
        out.ok = !m_lookupIp.isEmpty();
        out.message = out.ok ? tr("%1 is %2").arg(target, m_lookupIp)
                             : tr("Could not resolve %1: %2").arg(target, m_lookupError);
        emit lookupFinished(target, m_lookupIp, m_lookupError);
        break;
    }
    case Op::Ping: {
        PingRecord rec;
        rec.when = QDateTime::currentDateTime();
        rec.host = target;
        static const QRegularExpression reply(QStringLiteral("bytes from .*time=(\\d+)"));
        static const QRegularExpression lost(QStringLiteral("^From .*timeout"));
        int sum = 0;
        if (last) {
            for (const QByteArray &raw : last->lines) {
                const QString l = QString::fromUtf8(raw).trimmed();
                QRegularExpressionMatch m;
                if (l == QLatin1String("+PING:TIMEOUT")) {
                    rec.failure = QStringLiteral("TIMEOUT");
                } else if (l.startsWith(QLatin1String("+PING:"))) {
                    bool ok = false;
                    const int ms = l.mid(6).trimmed().toInt(&ok);
                    if (ok) {
                        rec.ok = true;
                        rec.time = ms;
                    }
                } else if ((m = reply.match(l)).hasMatch()) {
                    ++rec.sent;
                    ++rec.replies;
                    sum += m.captured(1).toInt();
                } else if (lost.match(l).hasMatch()) {
                    ++rec.sent;
                } else if (l.startsWith(QLatin1String("ping: unknown host"))) {
                    rec.failure = tr("unknown host");
                }
            }
        }
        if (rec.sent > 0) {
            rec.ticks = true;
            rec.ok = rec.replies > 0;
            rec.time = rec.replies > 0 ? sum / rec.replies : -1;
            if (!rec.ok && rec.failure.isEmpty())
                rec.failure = QStringLiteral("TIMEOUT");
        }
        if (!rec.ok && rec.failure.isEmpty()) {
            if (last && last->status == AtResult::Status::Error)
                rec.failure = tr("failed");
            else if (last)
                rec.failure = tr("no answer from the module");
            else
                rec.failure = tr("not sent");
        }
        out.ok = rec.ok;
        if (rec.ok) {
            out.message = tr("Ping %1: %2").arg(target, rec.text());
        } else if (!last || last->status == AtResult::Status::Error || last->ok()) {
            const QString why = rec.failure == QLatin1String("TIMEOUT")
                ? tr("no answer (TIMEOUT: the host did not reply or the name could not be resolved)")
                : rec.failure;
            out.message = tr("Ping %1 failed: %2").arg(target, why);
        }
        m_pings.prepend(rec);
        while (m_pings.size() > kPingHistory)
            m_pings.removeLast();
        emit pingHistoryChanged();
        break;
    }
    case Op::None:
        break;
    }
    emit finished(out);
}

} // namespace atb
