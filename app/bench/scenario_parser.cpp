// G5: framer + parser throughput on a mixed corpus, fed in 64 B .. 32 KiB pieces; no heap
// allocation per line in steady state. Baseline: a memchr line scan over the same pieces.
#include "benchutil.h"
#include "scenarios.h"

#include "protocol/atparser.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <cstring>

namespace atb::bench {

namespace {

QByteArray makeCorpus(qsizetype targetBytes, qint64 *lines)
{
    QRandomGenerator rng(42);
    QByteArray c;
    c.reserve(targetBytes + 8192);
    qint64 n = 0;
    QByteArray payload(2920, Qt::Uninitialized);
    while (c.size() < targetBytes) {
        switch (rng.bounded(10)) {
        case 0:
            c += "AT+CIPSEND=0,1460\r\n\r\nOK\r\n\r\n>";
            n += 2;
            break;
        case 1:
            c += "\r\nRecv 1460 bytes\r\n\r\nSEND OK\r\n";
            n += 2;
            break;
        case 2: {
            const int len = int(rng.bounded(1, 2921));
            for (int i = 0; i < len; ++i)
                payload[i] = char(rng.bounded(256));
            c += "+IPD,0," + QByteArray::number(len) + ':';
            c.append(payload.constData(), len);
            c += "\r\n";
            n += 1;
            break;
        }
        case 3: {
            const int len = int(rng.bounded(1, 200));
            c += "+MQTTSUBRECV:0,\"sensors/room1/temp\"," + QByteArray::number(len) + ',';
            for (int i = 0; i < len; ++i)
                c += char('a' + rng.bounded(26));
            c += "\r\n";
            n += 1;
            break;
        }
        case 4:
            c += "ERR CODE:0x010a6044\r\n\r\nERROR\r\n";
            n += 1;
            break;
        case 5:
            c += "0,CONNECT\r\n1,CLOSED\r\nWIFI GOT IP\r\n";
            n += 3;
            break;
        default:
            c += "+CIPSTATUS:0,\"TCP\",\"127.0.0.1\",8080,50123,0\r\n\r\nOK\r\n";
            n += 2;
            break;
        }
    }
    *lines = n;
    return c;
}

std::vector<qsizetype> makePieces(qsizetype total)
{
    QRandomGenerator rng(7);
    std::vector<qsizetype> pieces;
    qsizetype done = 0;
    while (done < total) {
        // log-uniform between 64 B and 32 KiB
        const qsizetype size = qsizetype(64 << rng.bounded(10)) + rng.bounded(64);
        pieces.push_back(qMin(size, total - done));
        done += pieces.back();
    }
    return pieces;
}

struct CountingSink : AtEventSink
{
    quint64 events = 0;
    quint64 bytes = 0;
    void onEvent(const AtEventView &e) override
    {
        ++events;
        bytes += quint64(e.text.size() + e.payload.size());
    }
};

} // namespace

QJsonObject runParserScenario(const Options &opt)
{
    qint64 lines = 0;
    const QByteArray corpus = makeCorpus(opt.quick ? 8 << 20 : 64 << 20, &lines);
    const std::vector<qsizetype> pieces = makePieces(corpus.size());

    // Baseline: memchr scan for line ends over the same pieces.
    QElapsedTimer t;
    quint64 baseLines = 0;
    t.start();
    for (int round = 0; round < 3; ++round) {
        qsizetype off = 0;
        for (qsizetype n : pieces) {
            const char *p = corpus.constData() + off;
            const char *end = p + n;
            while (const void *lf = std::memchr(p, '\n', size_t(end - p))) {
                ++baseLines;
                p = static_cast<const char *>(lf) + 1;
            }
            off += n;
        }
    }
    const double baseSeconds = double(t.nsecsElapsed()) / 1e9;
    const double baseMBs = 3.0 * double(corpus.size()) / 1e6 / baseSeconds;

    CountingSink sink;
    AtParser parser(&sink);
    // Warm-up round: buffers reach their steady size.
    {
        qsizetype off = 0;
        for (qsizetype n : pieces) {
            parser.feed(QByteArrayView(corpus).sliced(off, n));
            off += n;
        }
    }
    sink.events = 0;
    const quint64 allocBefore = g_allocations.load();
    t.start();
    const int rounds = 3;
    for (int round = 0; round < rounds; ++round) {
        qsizetype off = 0;
        for (qsizetype n : pieces) {
            parser.feed(QByteArrayView(corpus).sliced(off, n));
            off += n;
        }
    }
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    const quint64 allocs = g_allocations.load() - allocBefore;
    const double mbs = double(rounds) * double(corpus.size()) / 1e6 / seconds;
    const double eventsPerSecond = double(sink.events) / seconds;
    const double allocsPerEvent = sink.events ? double(allocs) / double(sink.events) : 0;

    QJsonObject o = result(QStringLiteral("parser"), mbs, QStringLiteral("MB/s"), baseMBs, mbs / baseMBs,
                           QStringLiteral(">= 100 MB/s, 0 heap allocations per line"),
                           mbs >= 100.0 && allocsPerEvent < 0.001);
    o.insert(QStringLiteral("events_per_s"), eventsPerSecond);
    o.insert(QStringLiteral("allocations_steady_state"), qint64(allocs));
    o.insert(QStringLiteral("allocations_per_event"), allocsPerEvent);
    o.insert(QStringLiteral("corpus_bytes"), qint64(corpus.size()));
    // Reported so the compiler cannot drop the baseline loop.
    o.insert(QStringLiteral("baseline_lines"), qint64(baseLines / 3));
    o.insert(QStringLiteral("ratio_to_5mbaud"), mbs / 0.5);
    return o;
}

} // namespace atb::bench
