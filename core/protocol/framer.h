#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace atb {

// One unit cut from the byte stream by the Framer. Views point into the framer's buffer and are
// valid only during the callback that receives them.
struct Frame
{
    enum class Kind {
        Line,        // a line without its terminator (may be empty)
        Prompt,      // the '>' data prompt at the start of a line, no newline after it
        Payload,     // a length-delimited record: header plus exactly `length` payload bytes
        Raw,         // passthrough bytes
        Error        // framing problem; `text` explains, `payload` holds what was salvaged
    };
    enum class Record { None, Ipd, MqttSubRecv, CipRecvData };

    Kind kind = Kind::Line;
    Record record = Record::None;
    QByteArrayView text;    // Line: the line; Payload: the header up to its delimiter; Error: message
    QByteArrayView payload; // Payload: the bytes; Error: salvaged bytes (truncated payload)
    QByteArrayView topic;   // MqttSubRecv
    QByteArrayView remoteIp;
    int link = -1;
    int remotePort = -1;
    qint64 length = -1;
};

class FrameSink
{
public:
    virtual ~FrameSink() = default;
    virtual void onFrame(const Frame &frame) = 0;
};

// Incremental splitter for the module's output. Correct for every chunking of the input: a
// line, a prompt or a length-delimited header may arrive in any number of pieces. Memory is
// bounded: lines longer than maxLineLength and payloads longer than maxPayloadLength are
// reported as errors instead of buffered.
class Framer
{
public:
    static constexpr qsizetype kDefaultMaxLine = 8 * 1024;
    static constexpr qint64 kDefaultMaxPayload = 256 * 1024;

    explicit Framer(FrameSink *sink);

    void feed(QByteArrayView bytes);
    // End of input (end of a capture file, or a long quiet period while a payload is open):
    // whatever is buffered is reported, a partial payload as an Error frame.
    void finish();
    void reset();

    // Passthrough: every byte is delivered as Raw until switched back.
    void setRawMode(bool raw);
    bool rawMode() const { return m_raw; }
    // True while a length-delimited payload has been started but not completed.
    bool inPayload() const { return m_state == State::Payload; }

    void setMaxLineLength(qsizetype n) { m_maxLine = n; }
    void setMaxPayloadLength(qint64 n) { m_maxPayload = n; }
    qsizetype bufferedBytes() const { return m_buf.size() - m_pos; }

private:
    enum class State { LineStart, Payload, Discard };
    enum class HeaderResult { NotAHeader, NeedMore, Complete };

    bool step(bool atEnd);
    bool stepLine(bool atEnd);
    bool stepPayload(bool atEnd);
    HeaderResult parseHeader(bool atEnd);
    HeaderResult parseIpd(qsizetype from, qsizetype avail, bool atEnd);
    HeaderResult parseSubRecv(qsizetype from, qsizetype avail, bool atEnd);
    HeaderResult parseRecvData(qsizetype from, qsizetype avail, bool atEnd);
    HeaderResult acceptHeader(Frame::Record rec, qsizetype headerLen, qint64 len);
    void emitError(const char *message, QByteArrayView salvaged = {});
    void compact();

    FrameSink *m_sink;
    QByteArray m_buf;
    qsizetype m_pos = 0;
    State m_state = State::LineStart;
    bool m_raw = false;
    bool m_afterPrompt = false; // a "> " prompt may arrive split between '>' and ' '
    qsizetype m_maxLine = kDefaultMaxLine;
    qint64 m_maxPayload = kDefaultMaxPayload;

    // Open payload: header fields are offsets relative to m_pos (the record start).
    Frame::Record m_rec = Frame::Record::None;
    qsizetype m_headerLen = 0;
    qint64 m_payloadLen = 0;
    int m_link = -1;
    int m_port = -1;
    qsizetype m_ipFrom = 0, m_ipLen = 0, m_topicFrom = 0, m_topicLen = 0;
};

} // namespace atb
