#pragma once
// CommandLine: one AT command line as the module's parser splits it (P 2.1, P 3.1, P 3.2):
// the name, the form (execute, query, set, test) and the parameters with their quoting, after
// the dialect's escape rules. Knows nothing about what the commands do.
#include "simulator/dialect.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace atb::sim {

struct CommandParam {
    QByteArray value;
    bool quoted = false;
    bool present = false;
};

struct CommandLine {
    QByteArray line;   // full line without CR LF
    QByteArray name;   // "AT+CIPSEND", "AT", "ATE0"
    char kind = 'e';   // 'e' execute, 'q' query, 's' set, 't' test, 'x' garbage after the name
    QList<CommandParam> params;
    int parseErrorIndex = -1; // parameter broken by an unescaped comma or an open quote
    Dialect dialect = Dialect::Esp;

    // Parses a line that starts with "AT"; false for anything else (the caller answers ERROR).
    static bool parse(const QByteArray &line, Dialect dialect, CommandLine *out);

    bool hasParam(int idx) const { return idx < params.size() && params.at(idx).present; }
    // A bare decimal integer (ESP rejects quoted integers, P 3.1; Beken accepts them).
    bool intParam(int idx, qint64 *v) const;
    QString strParam(int idx) const;
};

} // namespace atb::sim
