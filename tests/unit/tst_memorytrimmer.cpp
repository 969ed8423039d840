// MemoryTrimmer: the free pages a worker thread's arena keeps after its blocks are freed go back
// to the system when it trims (RSS read from /proc/self/status), and the timer trims on its own.
#include "stats/memorytrimmer.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <vector>

using atb::MemoryTrimmer;

class TstMemoryTrimmer : public QObject
{
    Q_OBJECT
private slots:
    void freedPagesGoBackToTheSystem_data();
    void freedPagesGoBackToTheSystem();
    void timerTrimsOnItsOwn();
};

namespace {

qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &l : f.readAll().split('\n'))
        if (l.startsWith("VmRSS:"))
            return l.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

bool allocatorIsReplaced()
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}

} // namespace

void TstMemoryTrimmer::freedPagesGoBackToTheSystem_data()
{
    QTest::addColumn<int>("blockBytes");
    QTest::addColumn<int>("keepEvery"); // one block in keepEvery stays allocated (fragmentation)
    QTest::newRow("log-record sized, 1 in 64 kept") << 200 << 64;
    QTest::newRow("payload sized, 1 in 16 kept") << 1500 << 16;
}

// What the soak saw: blocks allocated and freed in another thread, a few kept alive among them,
// so the arena cannot shrink from its top. Without a trim the pages stay resident.
void TstMemoryTrimmer::freedPagesGoBackToTheSystem()
{
#ifndef __GLIBC__
    QSKIP("malloc_trim is glibc's");
#endif
    if (allocatorIsReplaced())
        QSKIP("a sanitizer replaces the allocator");
    QFETCH(int, blockBytes);
    QFETCH(int, keepEvery);
    constexpr qint64 kTotal = 96LL * 1024 * 1024;
    std::vector<char *> kept;
    qint64 afterFree = 0;
    QThread *worker = QThread::create([&] {
        std::vector<char *> blocks;
        blocks.reserve(size_t(kTotal / blockBytes));
        for (qint64 done = 0; done < kTotal; done += blockBytes) {
            char *b = static_cast<char *>(::malloc(size_t(blockBytes)));
            memset(b, 0x5a, size_t(blockBytes)); // resident
            blocks.push_back(b);
        }
        for (size_t i = 0; i < blocks.size(); ++i) {
            if (i % size_t(keepEvery) == 0)
                kept.push_back(blocks[i]);
            else
                ::free(blocks[i]);
        }
    });
    worker->start();
    QVERIFY(worker->wait(60000));
    delete worker;
    afterFree = rssKb();
    QVERIFY(afterFree > 0);
    MemoryTrimmer::trimNow();
    const qint64 afterTrim = rssKb();
    qInfo("RSS after the frees %lld kB, after the trim %lld kB (%lld kB given back of %lld kB freed)", afterFree,
          afterTrim, afterFree - afterTrim, (kTotal - kTotal / keepEvery) / 1024);
    for (char *b : kept)
        ::free(b);
    // At least half of what was freed leaves the process (pages holding a kept block stay).
    QVERIFY2(afterFree - afterTrim >= kTotal / 2 / 1024,
             qPrintable(QStringLiteral("%1 kB given back").arg(afterFree - afterTrim)));
}

void TstMemoryTrimmer::timerTrimsOnItsOwn()
{
    MemoryTrimmer t(nullptr, 1000);
    QCOMPARE(t.trims(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(t.trims() >= 2, 5000);
}

QTEST_GUILESS_MAIN(TstMemoryTrimmer)
#include "tst_memorytrimmer.moc"
