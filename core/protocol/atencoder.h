#pragma once

#include "commandcatalog.h"
#include "dialect.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace atb {

// One typed parameter value for a set command. Omitted = leave an optional parameter out
// (an omitted parameter in the middle keeps its comma: AT+CWJAP="ssid","pwd",,1).
struct AtArg
{
    enum Kind { Omitted, Int, Str };
    Kind kind = Omitted;
    qint64 i = 0;
    QByteArray s;

    static AtArg omitted() { return {}; }
    static AtArg integer(qint64 v) { return { Int, v, {} }; }
    static AtArg string(QByteArray v) { return { Str, 0, std::move(v) }; }

    friend bool operator==(const AtArg &a, const AtArg &b) { return a.kind == b.kind && a.i == b.i && a.s == b.s; }
};

struct EncodeResult
{
    QByteArray line;                   // the command without CR LF; empty on error
    QString error;                     // translated; empty on success
    QByteArray errorParam;             // the parameter the error is about (catalog name), if any
    QString warning;                   // accepted, but above a recommended limit (Beken CIPSEND > 1024)
    const CommandSpec *spec = nullptr; // the catalog entry used (null for compose())
    int signature = -1;                // index of the Signature the arguments matched

    bool ok() const { return error.isEmpty() && !line.isEmpty(); }
};

// Builds command lines from typed parameters, validated against the CommandCatalog entry of
// the encoder's dialect: parameter kinds, ranges, enum values, string choices and byte
// lengths (protocol.md 3.3), then the 256-byte line limit (whole line incl. "AT" and CR LF).
// Errors name the parameter and the limit.
//
// Alternative parameter shapes (CIPSTART/CIPSEND/CIPSSLCPSK/CIPRECVDATA with or without a
// leading link id, TCP vs UDP CIPSTART) are chosen automatically: the first Signature whose
// parameter count range, argument kinds (integer vs string) and string choices (e.g. "TCP" vs
// "UDP") fit the arguments is used; pass `signature` to force one (the index into
// CommandSpec::signatures). Variable-length lists (CIPDNS 0–3 servers, CIPSNTPCFG 1–3 servers,
// MQTTALPN) are optional trailing parameters of one signature.
//
// Escaping: ESP wraps strings in quotes and escapes \ " , with a backslash. Beken (source
// behaviour, protocol.md 3.2) only understands \" inside quotes; commas are literal there and a
// backslash cannot be sent reliably, so strings containing '\' are refused for Beken. NUL, CR
// and LF are refused in both dialects (they would end the line).
class AtEncoder
{
public:
    static constexpr int kMaxLineBytes = 256; // including "AT" and the CR LF

    explicit AtEncoder(Dialect dialect, const CommandCatalog &catalog = CommandCatalog::builtin());

    Dialect dialect() const { return m_dialect; }

    EncodeResult set(QByteArrayView command, const QList<AtArg> &args, int signature = -1) const;
    EncodeResult query(QByteArrayView command) const;   // AT+X?
    EncodeResult execute(QByteArrayView command) const; // AT+X
    EncodeResult test(QByteArrayView command) const;    // AT+X=?

    // Without the catalog, for commands it does not know: escapes strings, keeps omitted
    // commas and checks the line limit only.
    static EncodeResult compose(QByteArrayView command, const QList<AtArg> &args, Dialect dialect);

    // Quoted and escaped string, or an empty QByteArray with *error set when the dialect cannot
    // carry it (NUL/CR/LF; backslash on Beken).
    static QByteArray escapeString(QByteArrayView value, Dialect dialect, QString *error = nullptr);

    // Splits the parameter part of a set command or of a reply line into raw values, removing
    // quotes. Accepts "1,\"a\",\"b\"" or a whole "AT+CMD=..." line (the dialect's escapes are
    // undone: ESP \x -> x, Beken only \" -> "), or a "+NAME:..." reply line (module output is not
    // escaped: backslashes are kept and a quote only ends a string before a comma or the end).
    // Commas inside quotes are kept in both dialects. Empty fields give empty values; blanks
    // around unquoted values are trimmed. *ok is false for an unterminated quote or text after a
    // closing quote.
    static QList<QByteArray> splitParams(QByteArrayView params, Dialect dialect, bool *ok = nullptr);

    // For logs: the line with every secret parameter (passwords, PSKs) replaced by "***".
    // Lines the catalog cannot match are returned unchanged.
    QByteArray redact(QByteArrayView line) const;

private:
    Dialect m_dialect;
    const CommandCatalog *m_catalog;
};

} // namespace atb
