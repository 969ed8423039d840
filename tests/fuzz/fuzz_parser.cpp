// Fuzzes the framer + parser with arbitrary bytes in arbitrary chunkings, switching to raw
// mode on prompts the way the session does, and checks the invariants of every event.
#include "protocol/atparser.h"

#include <cstdint>
#include <cstdlib>

namespace {

struct CheckingSink : atb::AtEventSink
{
    atb::AtParser *parser = nullptr;
    bool rawOnPrompt = false;

    void onEvent(const atb::AtEventView &e) override
    {
        if (e.length >= 0 && !e.payload.isNull() && e.kind == atb::AtEvent::Kind::Urc
            && e.payload.size() != e.length)
            std::abort();
        if (e.kind == atb::AtEvent::Kind::Line && e.text.size() > atb::Framer::kDefaultMaxLine)
            std::abort();
        volatile char sink = 0;
        for (char c : e.text)
            sink ^= c;
        for (char c : e.payload)
            sink ^= c;
        if (e.kind == atb::AtEvent::Kind::Prompt && rawOnPrompt)
            parser->framer().setRawMode(true);
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    CheckingSink sink;
    atb::AtParser parser(&sink, (data[0] & 1) ? atb::Dialect::Beken : atb::Dialect::Esp);
    sink.parser = &parser;
    sink.rawOnPrompt = data[0] & 2;
    parser.framer().setMaxPayloadLength(4096);
    parser.framer().setMaxLineLength(512);
    const size_t step = size_t(data[1]) + 1;
    const char *p = reinterpret_cast<const char *>(data + 2);
    size_t rest = size - 2;
    while (rest > 0) {
        const size_t n = rest < step ? rest : step;
        parser.feed(QByteArrayView(p, qsizetype(n)));
        if (parser.framer().bufferedBytes() > 4096 + 512 + 2048 + qsizetype(step))
            std::abort(); // memory must stay bounded
        p += n;
        rest -= n;
    }
    parser.finish();
    return 0;
}
