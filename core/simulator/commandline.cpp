#include "simulator/commandline.h"

namespace atb::sim {

bool CommandLine::parse(const QByteArray &line, Dialect dialect, CommandLine *cmd)
{
    // Commands start with upper-case AT (P 2.1).
    if (!line.startsWith("AT"))
        return false;
    cmd->line = line;
    cmd->dialect = dialect;
    if (line == "AT") {
        cmd->name = "AT";
        return true;
    }
    if (line.size() >= 3 && line.at(2) != '+') {
        // ATE0, ATE1 (no other basic V.250 commands are implemented).
        cmd->name = line;
        return true;
    }
    qsizetype i = 3;
    while (i < line.size()) {
        const char c = line.at(i);
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            break;
        ++i;
    }
    cmd->name = line.left(i);
    const QByteArray rest = line.mid(i);
    if (rest.isEmpty()) {
        cmd->kind = 'e';
        return true;
    }
    if (rest == "?") {
        cmd->kind = 'q';
        return true;
    }
    if (rest == "=?") {
        cmd->kind = 't';
        return true;
    }
    if (!rest.startsWith('=')) {
        cmd->kind = 'x'; // garbage after the name
        return true;
    }
    cmd->kind = 's';
    const QByteArray p = rest.mid(1);
    CommandParam cur;
    bool inQuote = false;
    const Dialect d = dialect;
    for (qsizetype k = 0; k < p.size(); ++k) {
        const char c = p.at(k);
        if (c == '\\' && k + 1 < p.size()) {
            const char n = p.at(k + 1);
            if (d == Dialect::BekenSrc) {
                // Beken source only un-escapes \" and "\ " (P 3.2).
                if (n == '"' || n == ' ') {
                    cur.value += n;
                    ++k;
                } else {
                    cur.value += c;
                }
            } else {
                // ESP (and the Beken doc): \\ \, \" and \<any> -> <any> (P 3.1).
                cur.value += n;
                ++k;
            }
            cur.present = true;
            continue;
        }
        if (c == '"') {
            inQuote = !inQuote;
            cur.quoted = true;
            cur.present = true;
            continue;
        }
        if (c == ',') {
            if (inQuote && d == Dialect::Esp) {
                // An unescaped comma inside quotes is a separator on ESP, which breaks the
                // parameter (P 3.1, espressif/esp-at#647: ERR CODE:0x0108<index>).
                if (cmd->parseErrorIndex < 0)
                    cmd->parseErrorIndex = int(cmd->params.size());
                break;
            }
            if (!inQuote) {
                cmd->params.append(cur);
                cur = CommandParam();
                continue;
            }
        }
        if (c == ' ' && !inQuote && d != Dialect::Esp)
            continue; // Beken tolerates blanks between parameters (seed 000 examples, P 6 #7)
        cur.value += c;
        cur.present = true;
    }
    if (inQuote && cmd->parseErrorIndex < 0)
        cmd->parseErrorIndex = int(cmd->params.size());
    cmd->params.append(cur);
    return true;
}

bool CommandLine::intParam(int idx, qint64 *v) const
{
    if (!hasParam(idx))
        return false;
    const CommandParam &p = params.at(idx);
    if (p.quoted && dialect == Dialect::Esp)
        return false; // integers are bare on ESP (P 3.1)
    bool ok = false;
    const QByteArray t = p.value.trimmed();
    // ESP-AT also takes hexadecimal integers ("AT+CWLAPOPT=1,0x7FF" from esp-at-lib).
    if (dialect == Dialect::Esp && (t.startsWith("0x") || t.startsWith("0X")))
        *v = t.mid(2).toLongLong(&ok, 16);
    else
        *v = t.toLongLong(&ok, 10);
    return ok;
}

QString CommandLine::strParam(int idx) const
{
    if (idx >= params.size())
        return QString();
    return QString::fromUtf8(params.at(idx).value);
}

} // namespace atb::sim
