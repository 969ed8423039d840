// Fuzzes the encoder (typed parameters through the catalog, free commands through compose(),
// free text through escapeString() and AtCommand::fromLine()) in both dialects, and checks what
// must hold for every input:
// - an accepted line fits the 256-byte limit with its CR LF and holds no CR, LF or NUL;
// - splitting the accepted line gives back exactly the values encoded (escaping round trip),
//   and the parameters it was built from are not reordered or lost;
// - a refused line has an error and no line;
// - redact() of an accepted line hides every non-empty secret parameter ("***");
// - an escaped string splits back to the same bytes.
// Input layout (all optional; missing bytes read as 0): byte 0 = flags (bit 0 dialect, bits 1-2
// mode), byte 1 = command index in the dialect's catalog, then the arguments: a kind byte
// (bits 0-1: omitted / integer / string; bit 2: small integer), then 1 or 8 bytes of integer or
// a length byte and that many bytes of string.
#include "engine/atcommand.h"
#include "protocol/atencoder.h"
#include "protocol/commandcatalog.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace {

using atb::AtArg;
using atb::AtEncoder;
using atb::Dialect;
using atb::EncodeResult;

class Reader
{
public:
    Reader(const uint8_t *data, size_t size) : m_p(data), m_rest(size) { }
    bool atEnd() const { return m_rest == 0; }
    uint8_t byte()
    {
        if (m_rest == 0)
            return 0;
        --m_rest;
        return *m_p++;
    }
    qint64 int64()
    {
        quint64 v = 0;
        for (int i = 0; i < 8; ++i)
            v = (v << 8) | byte();
        return qint64(v);
    }
    QByteArray bytes(size_t n)
    {
        n = n < m_rest ? n : m_rest;
        QByteArray b(reinterpret_cast<const char *>(m_p), qsizetype(n));
        m_p += n;
        m_rest -= n;
        return b;
    }
    QByteArray rest() { return bytes(m_rest); }

private:
    const uint8_t *m_p;
    size_t m_rest;
};

void check(bool cond)
{
    if (!cond)
        std::abort();
}

QList<AtArg> readArgs(Reader &in)
{
    QList<AtArg> args;
    while (!in.atEnd() && args.size() < 12) {
        const uint8_t kind = in.byte();
        switch (kind & 3) {
        case 1:
            args << AtArg::integer((kind & 4) ? qint64(int8_t(in.byte())) : in.int64());
            break;
        case 2:
        case 3:
            args << AtArg::string(in.bytes(in.byte()));
            break;
        default:
            args << AtArg::omitted();
        }
    }
    return args;
}

// The line invariants shared by every accepted line.
void checkLine(const EncodeResult &r)
{
    if (!r.ok()) {
        check(!r.error.isEmpty());
        check(r.line.isEmpty());
        return;
    }
    check(r.line.size() + 2 <= AtEncoder::kMaxLineBytes);
    check(!r.line.contains('\r') && !r.line.contains('\n') && !r.line.contains('\0'));
    check(r.line.startsWith("AT"));
}

// Splitting the accepted line gives the encoded values back, in order. Trailing omitted
// arguments may be left out of the line altogether.
void checkRoundTrip(const EncodeResult &r, const QList<AtArg> &args, Dialect d)
{
    if (!r.ok() || !r.line.contains('='))
        return;
    bool ok = false;
    const QList<QByteArray> values = AtEncoder::splitParams(r.line, d, &ok);
    check(ok);
    check(values.size() <= args.size() || (args.isEmpty() && values.size() == 1 && values.first().isEmpty()));
    for (qsizetype i = 0; i < args.size(); ++i) {
        const AtArg &a = args.at(i);
        if (i >= values.size()) {
            check(a.kind == AtArg::Omitted);
            continue;
        }
        switch (a.kind) {
        case AtArg::Omitted:
            check(values.at(i).isEmpty());
            break;
        case AtArg::Int:
            check(values.at(i) == QByteArray::number(a.i));
            break;
        case AtArg::Str:
            check(values.at(i) == a.s);
            break;
        }
    }
}

// Every non-empty secret parameter of an accepted line is hidden by redact().
void checkRedaction(const AtEncoder &enc, const EncodeResult &r, const QList<AtArg> &args, Dialect d)
{
    if (!r.ok() || !r.spec || r.signature < 0 || r.signature >= r.spec->signatures.size())
        return;
    const atb::Signature &sig = r.spec->signatures.at(r.signature);
    const QByteArray hidden = enc.redact(r.line);
    bool ok = false;
    const QList<QByteArray> values = AtEncoder::splitParams(hidden, d, &ok);
    for (qsizetype i = 0; i < sig.params.size() && i < args.size(); ++i) {
        if (!sig.params.at(i).secret || args.at(i).kind != AtArg::Str || args.at(i).s.isEmpty())
            continue;
        check(ok && i < values.size() && values.at(i) == "***");
    }
}

void fuzzCatalogSet(Reader &in, Dialect d, uint8_t index)
{
    const AtEncoder enc(d);
    const QList<const atb::CommandSpec *> specs = atb::CommandCatalog::builtin().all(d);
    if (specs.isEmpty())
        return;
    const atb::CommandSpec *spec = specs.at(index % specs.size());
    const QList<AtArg> args = readArgs(in);
    const EncodeResult r = enc.set(spec->name, args);
    checkLine(r);
    if (r.ok()) {
        check(r.line.startsWith(spec->name + '='));
        check(r.spec == spec);
    }
    checkRoundTrip(r, args, d);
    checkRedaction(enc, r, args, d);
}

void fuzzCompose(Reader &in, Dialect d)
{
    const QByteArray name = "AT+" + in.bytes(in.byte() % 24);
    const QList<AtArg> args = readArgs(in);
    const EncodeResult r = AtEncoder::compose(name, args, d);
    checkLine(r);
    checkRoundTrip(r, args, d);
}

void fuzzFreeText(Reader &in, Dialect d)
{
    const QByteArray text = in.rest();
    QString error;
    const QByteArray quoted = AtEncoder::escapeString(text, d, &error);
    if (quoted.isEmpty()) {
        check(!error.isEmpty());
    } else {
        check(quoted.size() >= 2 && quoted.startsWith('"') && quoted.endsWith('"'));
        check(!quoted.contains('\r') && !quoted.contains('\n') && !quoted.contains('\0'));
        bool ok = false;
        const QList<QByteArray> values = AtEncoder::splitParams(quoted, d, &ok);
        check(ok && values.size() == 1 && values.first() == text);
    }
    // A line typed in the console: whatever it is, the command gets sane timings.
    const atb::AtCommand c = atb::AtCommand::fromLine(text, d == Dialect::Beken);
    check(c.line == text);
    check(c.timeoutMs > 0 && c.dataTimeoutMs > 0 && c.quietEndMs >= 0);
    const AtEncoder enc(d);
    enc.redact(text); // never crashes, whatever the line
    atb::CommandCatalog::builtin().completions(text.left(32), d);
}

void fuzzOtherForms(Reader &in, Dialect d, uint8_t index)
{
    const AtEncoder enc(d);
    const QList<const atb::CommandSpec *> specs = atb::CommandCatalog::builtin().all(d);
    if (specs.isEmpty())
        return;
    const atb::CommandSpec *spec = specs.at(index % specs.size());
    for (const EncodeResult &r : { enc.query(spec->name), enc.execute(spec->name), enc.test(spec->name) })
        checkLine(r);
    // A forced signature, maybe out of range.
    const int signature = int(in.byte() % 4) - 1;
    const QList<AtArg> args = readArgs(in);
    const EncodeResult r = enc.set(spec->name, args, signature);
    checkLine(r);
    checkRoundTrip(r, args, d);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Reader in(data, size);
    const uint8_t flags = in.byte();
    const uint8_t index = in.byte();
    const Dialect d = (flags & 1) ? Dialect::Beken : Dialect::Esp;
    switch ((flags >> 1) & 3) {
    case 0:
        fuzzCatalogSet(in, d, index);
        break;
    case 1:
        fuzzCompose(in, d);
        break;
    case 2:
        fuzzFreeText(in, d);
        break;
    default:
        fuzzOtherForms(in, d, index);
    }
    return 0;
}
