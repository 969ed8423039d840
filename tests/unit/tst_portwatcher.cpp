#include "transport/portwatcher.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <pty.h>
#include <unistd.h>

using atb::PortDescription;
using atb::PortWatcher;

// Ports appearing and disappearing as a pty program's links do (atbench-sim --pty LINK makes a
// symbolic link to /dev/pts/N): the watcher reports each once, and a dangling link is no port.
class tst_PortWatcher : public QObject
{
    Q_OBJECT
private slots:
    void reportsLinksAppearingAndDisappearing();
    void pollsWithoutBeingAsked();
    void filtersNames();
};

namespace {

// A pty whose slave is reachable through `link` while the object lives.
struct PtyLink
{
    int master = -1;
    QString link;
    PtyLink(const QString &path) : link(path)
    {
        int slave = -1;
        char name[256] = {};
        if (::openpty(&master, &slave, name, nullptr, nullptr) != 0)
            return;
        ::close(slave);
        QFile::link(QString::fromLocal8Bit(name), link);
    }
    ~PtyLink() { unplug(); }
    void unplug()
    {
        if (master >= 0)
            ::close(master);
        master = -1;
    }
};

} // namespace

void tst_PortWatcher::reportsLinksAppearingAndDisappearing()
{
    QTemporaryDir dir;
    PortWatcher w;
    w.setSystemPorts(false);
    w.watchFolder(dir.path(), { QStringLiteral("tty*") });
    QSignalSpy added(&w, &PortWatcher::portAdded);
    QSignalSpy removed(&w, &PortWatcher::portRemoved);
    w.rescan();
    QCOMPARE(added.size(), 0);

    auto a = std::make_unique<PtyLink>(dir.filePath(QStringLiteral("ttyA")));
    w.rescan();
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.first().first().value<PortDescription>().systemLocation, dir.filePath(QStringLiteral("ttyA")));
    QCOMPARE(w.ports().size(), 1);
    w.rescan(); // nothing new
    QCOMPARE(added.size(), 1);
    QCOMPARE(removed.size(), 0);

    // The pty closes but its link stays behind: the link dangles, so the port is gone.
    a->unplug();
    w.rescan();
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().value<PortDescription>().name, QStringLiteral("ttyA"));
    QVERIFY(w.ports().isEmpty());

    // Comes back under the same name (a new pty behind it).
    QFile::remove(dir.filePath(QStringLiteral("ttyA")));
    PtyLink again(dir.filePath(QStringLiteral("ttyA")));
    w.rescan();
    QCOMPARE(added.size(), 2);
}

void tst_PortWatcher::pollsWithoutBeingAsked()
{
    QTemporaryDir dir;
    PortWatcher w;
    w.setSystemPorts(false);
    w.watchFolder(dir.path(), { QStringLiteral("tty*") });
    QSignalSpy changed(&w, &PortWatcher::portsChanged);
    w.start(50);
    QVERIFY(w.isRunning());
    {
        PtyLink p(dir.filePath(QStringLiteral("ttyB")));
        QTRY_COMPARE(w.ports().size(), 1);
    }
    QTRY_VERIFY(w.ports().isEmpty());
    QVERIFY(changed.size() >= 2);
    w.stop();
    QVERIFY(!w.isRunning());
}

void tst_PortWatcher::filtersNames()
{
    QTemporaryDir dir;
    PortWatcher w;
    w.setSystemPorts(false);
    w.watchFolder(dir.path(), { QStringLiteral("ttyUSB*") });
    PtyLink other(dir.filePath(QStringLiteral("notes")));
    PtyLink wanted(dir.filePath(QStringLiteral("ttyUSB7")));
    w.rescan();
    QCOMPARE(w.ports().size(), 1);
    QCOMPARE(w.ports().first().name, QStringLiteral("ttyUSB7"));
}

QTEST_GUILESS_MAIN(tst_PortWatcher)
#include "tst_portwatcher.moc"
