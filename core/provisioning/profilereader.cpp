#include "profilereader.h"

#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "protocol/atencoder.h"
#include "protocol/cwjapreply.h"

#include <QJsonArray>

namespace atb {

namespace {

const QString kOrigin = QStringLiteral("provisioning");

// The part after "+NAME:" of the first reply line starting with it, or a null array.
QByteArray replyValue(const AtResult &r, const QByteArray &prefix)
{
    for (const QByteArray &l : r.lines)
        if (l.startsWith(prefix))
            return l.mid(prefix.size()).trimmed();
    return QByteArray();
}

int toInt(const QByteArray &s, int fallback = -1)
{
    bool ok = false;
    const int v = s.trimmed().toInt(&ok);
    return ok ? v : fallback;
}

} // namespace

ProfileReader::ProfileReader(DeviceSession *session, QObject *parent) : QObject(parent), m_session(session)
{
    qRegisterMetaType<atb::ModuleReadBack>();
    connect(session, &DeviceSession::commandFinished, this, &ProfileReader::onCommandFinished);
}

QList<QByteArray> ProfileReader::queryLines(Dialect dialect)
{
    const AtEncoder enc(dialect);
    QList<QByteArray> out;
    for (const char *exec : { "AT+GMR", "AT+CIFSR" })
        if (const EncodeResult r = enc.execute(exec); r.ok())
            out << r.line;
    for (const char *query : { "AT+SYSSTORE", "AT+CWMODE", "AT+CWJAP", "AT+CIPMUX", "AT+CIPMODE", "AT+CIPRECVMODE",
                               "AT+CIPDNS", "AT+CIPSNTPCFG", "AT+CIPSSLCPSK", "AT+MQTTCONN", "AT+MQTTSUB" })
        if (const EncodeResult r = enc.query(query); r.ok())
            out << r.line;
    return out;
}

bool ProfileReader::start(Dialect dialect)
{
    if (m_running)
        return false;
    m_running = true;
    m_dialect = dialect;
    m_todo = queryLines(dialect);
    m_results.clear();
    // Never from inside the call.
    QMetaObject::invokeMethod(this, &ProfileReader::submitNext, Qt::QueuedConnection);
    return true;
}

void ProfileReader::cancel()
{
    if (!m_running)
        return;
    m_todo.clear();
    if (m_waiting && m_session)
        m_session->cancel(m_waiting); // ends the read through onCommandFinished
    else
        finish(tr("Cancelled"));
}

void ProfileReader::submitNext()
{
    if (!m_running)
        return;
    if (!m_session) {
        finish(tr("No session"));
        return;
    }
    if (m_todo.isEmpty()) {
        finish(QString());
        return;
    }
    AtCommand c = AtCommand::fromLine(m_todo.takeFirst(), m_dialect == Dialect::Beken);
    c.origin = kOrigin;
    m_waiting = m_session->submit(c);
}

void ProfileReader::onCommandFinished(const AtResult &r)
{
    if (!m_running || r.id != m_waiting)
        return;
    m_waiting = 0;
    m_results << r;
    switch (r.status) {
    case AtResult::Status::Ok:
    case AtResult::Status::Error: // the firmware has no such query, or refuses it now: read on
    case AtResult::Status::Busy:
        submitNext();
        return;
    default:
        finish(tr("%1 got no answer: %2")
                   .arg(QString::fromUtf8(r.command.line),
                        r.message.isEmpty() ? AtResult::statusName(r.status) : r.message));
        return;
    }
}

void ProfileReader::finish(const QString &error)
{
    m_running = false;
    m_todo.clear();
    ModuleReadBack rb = interpret(m_results, m_dialect);
    rb.complete = error.isEmpty();
    rb.error = error;
    if (m_mqttHint)
        rb.mqttHint = m_mqttHint;
    emit finished(rb);
}

ModuleReadBack ProfileReader::interpret(const QList<AtResult> &results, Dialect dialect)
{
    ModuleReadBack rb;
    rb.dialect = dialect;
    rb.results = results;
    rb.complete = true;
    // The model's parsers, on these replies only (never on what was sent before).
    DeviceModel model;
    model.setDialect(dialect);
    QHash<QByteArray, const AtResult *> byName;
    for (const AtResult &r : results) {
        const QByteArray name = CommandCatalog::commandName(r.command.line).toUpper();
        if (!r.ok()) {
            rb.failedQueries << QString::fromUtf8(r.command.line) + QLatin1String(": ")
                    + (r.finalText.isEmpty() ? AtResult::statusName(r.status) : QString::fromUtf8(r.finalText));
            continue;
        }
        byName.insert(name, &r);
        model.applyResult(r);
    }
    auto put = [&rb](const QString &path, const QJsonValue &v) { rb.values.insert(path, v); };

    if (const AtResult *gmr = byName.value("AT+GMR"))
        for (const QByteArray &l : gmr->lines)
            rb.firmware << QString::fromUtf8(l.trimmed());
    if (byName.contains("AT+CIFSR"))
        rb.mac = model.wifi().mac.toLower();
    if (const AtResult *r = byName.value("AT+SYSSTORE"); r && toInt(replyValue(*r, "+SYSSTORE:")) >= 0)
        put(QStringLiteral("/persistence/store"), toInt(replyValue(*r, "+SYSSTORE:")) == 1);
    if (const AtResult *r = byName.value("AT+CWMODE")) {
        const int mode = toInt(replyValue(*r, "+CWMODE:").split(',').value(0));
        if (mode >= 0 && mode <= 3)
            put(QStringLiteral("/wifi/mode"), wifiModeName(mode));
    }
    if (const AtResult *r = byName.value("AT+CWJAP")) {
        std::optional<CwjapReply> joined;
        for (const QByteArray &l : r->lines)
            if (const std::optional<CwjapReply> j = CwjapReply::parse(l.trimmed()); j && j->joined())
                joined = j;
        put(QStringLiteral("/wifi/join"), bool(joined));
        if (joined) {
            put(QStringLiteral("/wifi/ssid"), joined->ssid);
            put(QStringLiteral("/wifi/bssid"), joined->bssid.toLower());
        }
    }
    if (byName.contains("AT+CIPMUX") && model.cipMux() >= 0)
        put(QStringLiteral("/connection/multiple_connections"), model.cipMux() == 1);
    if (byName.contains("AT+CIPMODE") && model.cipMode() >= 0)
        put(QStringLiteral("/connection/transmission"),
            model.cipMode() == 1 ? QStringLiteral("passthrough") : QStringLiteral("normal"));
    if (const AtResult *r = byName.value("AT+CIPRECVMODE"); r && toInt(replyValue(*r, "+CIPRECVMODE:")) >= 0)
        put(QStringLiteral("/connection/receive_mode"),
            toInt(replyValue(*r, "+CIPRECVMODE:")) == 1 ? QStringLiteral("passive") : QStringLiteral("active"));
    if (byName.contains("AT+CIPDNS") && model.dns().known) {
        put(QStringLiteral("/dns/automatic"), !model.dns().manual);
        if (model.dns().manual)
            put(QStringLiteral("/dns/servers"), QJsonArray::fromStringList(model.dns().servers));
    }
    if (byName.contains("AT+CIPSNTPCFG") && model.sntp().known) {
        const SntpState s = model.sntp();
        put(QStringLiteral("/sntp/enabled"), s.enabled);
        bool ok = false;
        const int tz = QString(s.timezone).remove(QLatin1Char('+')).toInt(&ok);
        if (ok)
            put(QStringLiteral("/sntp/timezone"), tz);
        if (s.enabled)
            put(QStringLiteral("/sntp/servers"), QJsonArray::fromStringList(s.servers));
    }
    if (const AtResult *r = byName.value("AT+CIPSSLCPSK")) {
        // +CIPSSLCPSK:<link>,"<psk>","<hint>" per link (the first one stands for all).
        QString psk, hint;
        for (const QByteArray &l : r->lines) {
            if (!l.startsWith("+CIPSSLCPSK:"))
                continue;
            const QList<QByteArray> f = AtEncoder::splitParams(l, dialect);
            if (f.size() >= 3) {
                psk = QString::fromUtf8(f[1]);
                hint = QString::fromUtf8(f[2]);
            } else if (f.size() == 2) {
                psk = QString::fromUtf8(f[0]);
                hint = QString::fromUtf8(f[1]);
            }
            break;
        }
        put(QStringLiteral("/tls_psk/psk"), psk);
        put(QStringLiteral("/tls_psk/hint"), hint);
    }
    if (byName.contains("AT+MQTTCONN")) {
        const MqttState m = model.mqtt();
        rb.mqttState = m.state;
        put(QStringLiteral("/mqtt/connect"), m.state >= 4);
        if (m.state > 0) {
            put(QStringLiteral("/mqtt/scheme"), m.scheme);
            put(QStringLiteral("/mqtt/host"), m.host);
            put(QStringLiteral("/mqtt/port"), m.port.toInt());
            put(QStringLiteral("/mqtt/path"), m.path);
            put(QStringLiteral("/mqtt/reconnect"), m.reconnect);
        }
        if (byName.contains("AT+MQTTSUB")) {
            QJsonArray subs;
            for (const MqttSubscription &s : m.subscriptions)
                subs << QJsonObject { { QStringLiteral("topic"), s.topic }, { QStringLiteral("qos"), s.qos } };
            put(QStringLiteral("/mqtt/subscriptions"), subs);
        }
    }
    return rb;
}

} // namespace atb
