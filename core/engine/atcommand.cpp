#include "atcommand.h"

#include "protocol/commandcatalog.h"

#include <QCoreApplication>

namespace atb {

namespace {

QByteArray nameOf(const QByteArray &line)
{
    qsizetype end = line.size();
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '=' || c == '?') {
            end = i;
            break;
        }
    }
    return line.left(end).trimmed().toUpper();
}

// Numeric fields of the parameter part, split at commas outside quotes. Enough to find the
// announced length of a data-phase command; no unescaping is needed for that.
QList<QByteArray> roughFields(const QByteArray &params)
{
    QList<QByteArray> out;
    QByteArray cur;
    bool quoted = false;
    for (qsizetype i = 0; i < params.size(); ++i) {
        const char c = params[i];
        if (c == '\\' && i + 1 < params.size()) {
            cur += c;
            cur += params[++i];
            continue;
        }
        if (c == '"')
            quoted = !quoted;
        if (c == ',' && !quoted) {
            out.append(cur.trimmed());
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.append(cur.trimmed());
    return out;
}

} // namespace

AtCommand AtCommand::fromLine(const QByteArray &line, bool beken, qint64 *payloadLength)
{
    AtCommand c;
    c.line = line;
    if (payloadLength)
        *payloadLength = -1;
    const QByteArray name = nameOf(line);
    const qsizetype eq = line.indexOf('=');
    const bool isSet = eq >= 0 && !line.endsWith("=?");
    const bool isQuery = !isSet && line.endsWith('?');
    const QList<QByteArray> f = isSet ? roughFields(line.mid(eq + 1)) : QList<QByteArray>();
    bool ok = false;

    // Timeouts, data phase and quiet end come from the command catalog (one description of
    // every command, shared with the encoder, the forms and the console's help).
    const Dialect dialect = beken ? Dialect::Beken : Dialect::Esp;
    const CommandForm form = line.endsWith("=?") ? CommandForm::Test
                             : isSet             ? CommandForm::Set
                             : isQuery           ? CommandForm::Query
                                                 : CommandForm::Execute;
    const CommandSpec *spec = CommandCatalog::builtin().find(name, dialect);
    if (spec) {
        c.timeoutMs = spec->timeoutMs + 1000; // margin for the UART and the host
        c.expectsPrompt = spec->hasPrompt(form);
        c.enterPassthrough = c.expectsPrompt && form == CommandForm::Execute;
        if (spec->hasQuietEnd(form)) {
            c.quietEndMs = name == "AT+PING" ? 1500 : 300;
            c.emptyReplyOk = name != "AT+PING";
        }
    }

    // The announced length of the data phase.
    if (name == "AT+CIPSEND" || name == "AT+CIPSENDEX") {
        if (isSet) {
            // =<len> | =<id>,<len> | =[<id>,]<len>,"<host>",<port>
            qint64 len = -1;
            if (f.size() == 1 || (f.size() == 3 && f[1].startsWith('"')))
                len = f[0].toLongLong(&ok);
            else if (f.size() >= 2)
                len = f[1].toLongLong(&ok);
            if (payloadLength && ok)
                *payloadLength = len;
        }
    } else if (name == "AT+MQTTPUBRAW" && isSet) {
        if (f.size() >= 3) {
            const qint64 len = f[2].toLongLong(&ok);
            if (payloadLength && ok)
                *payloadLength = len;
        }
    } else if ((name == "AT+MQTTLONGCLIENTID" || name == "AT+MQTTLONGUSERNAME"
                || name == "AT+MQTTLONGPASSWORD") && isSet) {
        c.expectsPrompt = true; // later firmware; not in the catalog
        if (f.size() >= 2) {
            const qint64 len = f[1].toLongLong(&ok);
            if (payloadLength && ok)
                *payloadLength = len;
        }
    }
    return c;
}

QString AtResult::statusName(Status s)
{
    switch (s) {
    case Status::Ok:
        return QCoreApplication::translate("AtResult", "OK");
    case Status::Error:
        return QCoreApplication::translate("AtResult", "error");
    case Status::Busy:
        return QCoreApplication::translate("AtResult", "busy");
    case Status::Timeout:
        return QCoreApplication::translate("AtResult", "timeout");
    case Status::Cancelled:
        return QCoreApplication::translate("AtResult", "cancelled");
    case Status::Disconnected:
        return QCoreApplication::translate("AtResult", "disconnected");
    case Status::Refused:
        return QCoreApplication::translate("AtResult", "refused");
    }
    return {};
}

} // namespace atb
