#pragma once

#include "atevent.h"
#include "dialect.h"
#include "framer.h"

#include <QByteArrayView>
#include <array>

namespace atb {

// Non-owning view of a classified event, valid only during the callback. The hot path
// (framer + parser) allocates nothing per line; consumers copy what they keep with toEvent().
struct AtEventView
{
    AtEvent::Kind kind = AtEvent::Kind::Line;
    AtEvent::FinalClass finalClass = AtEvent::FinalClass::None;
    QByteArrayView text;
    QByteArrayView name;
    int link = -1;
    qint64 length = -1;
    QByteArrayView payload;
    QByteArrayView topic;
    QByteArrayView remoteIp;
    int remotePort = -1;
    const quint32 *errCodes = nullptr;
    int errCodeCount = 0;

    AtEvent toEvent() const;
};

class AtEventSink
{
public:
    virtual ~AtEventSink() = default;
    virtual void onEvent(const AtEventView &event) = 0;
};

// Classifies the module's output for either dialect (it accepts the union of both):
// final results, the data prompt, URCs, length-delimited records and information lines.
// `ERR CODE:0x...` lines are folded into the failure (or busy) result that follows them.
class AtParser : private FrameSink
{
public:
    explicit AtParser(AtEventSink *sink, Dialect dialect = Dialect::Esp);

    void feed(QByteArrayView bytes) { m_framer.feed(bytes); }
    void finish();
    void reset();

    void setDialect(Dialect d) { m_dialect = d; }
    Dialect dialect() const { return m_dialect; }
    Framer &framer() { return m_framer; }

    // Classification of a single complete line (also used by tests and the model).
    static AtEvent::FinalClass finalClassOf(QByteArrayView line);
    static bool isUrcLine(QByteArrayView line, QByteArrayView *name, int *link);
    static bool parseErrCode(QByteArrayView line, quint32 *code);

private:
    void onFrame(const Frame &frame) override;
    void handleLine(QByteArrayView line);
    void flushPendingCodes();

    AtEventSink *m_sink;
    Dialect m_dialect;
    Framer m_framer;
    std::array<quint32, 8> m_codes {};
    std::array<char, 8 * 20> m_codeText {}; // the original lines, for flushing them as lines
    int m_codeCount = 0;
};

} // namespace atb
