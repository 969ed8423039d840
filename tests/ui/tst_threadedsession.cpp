// The app's arrangement: the session in its own I/O thread (SessionHost), the model and the main
// window in the GUI thread, the built-in simulated module beside the session. The other widget
// tests keep the session in the test thread; this one crosses threads the way atbench does, so
// the ThreadSanitizer tier checks the GUI reading the session (state, link name, counters, the
// simulator link) and the teardown in Application's order, ending with the link still open.
#include "console/consolemodel.h"
#include "dialogs/messages.h"
#include "engine/devicesession.h"
#include "engine/sessionhost.h"
#include "mainwindow.h"
#include "model/devicemodel.h"
#include "pages/consolepage.h"
#include "simulatorlink.h"
#include "widgets/connectionbar.h"
#include "widgets/historylineedit.h"

#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using atb::DeviceSession;
using atb::LogRecord;

class tst_ThreadedSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("atbench-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_threadedsession"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void windowDrivesASessionInItsOwnThread_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("ESP-AT") << int(ConnectionChoice::Kind::SimulatorEsp);
        QTest::newRow("Beken") << int(ConnectionChoice::Kind::SimulatorBeken);
    }

    void windowDrivesASessionInItsOwnThread()
    {
        QFETCH(int, kind);
        auto host = std::make_unique<atb::SessionHost>();
        DeviceSession *session = host->session();
        QVERIFY(session->thread() != QThread::currentThread());
        auto model = std::make_unique<atb::DeviceModel>();
        model->follow(session);
        auto window = std::make_unique<MainWindow>(session, model.get());
        window->messages()->setScripted(true);

        ConnectionChoice sim;
        sim.kind = ConnectionChoice::Kind(kind);
        window->connectionBar()->setChoice(sim);
        QTest::mouseClick(window->connectionBar()->connectButton(), Qt::LeftButton);
        QTRY_COMPARE(window->sessionState(), DeviceSession::State::Connected);
        QVERIFY(window->simulatorLink()->isActive());
        QVERIFY(!session->linkName().isEmpty());

        ConsolePage *console = window->consolePage();
        auto type = [console](const QString &line) {
            QTest::keyClicks(console->input(), line);
            QTest::keyClick(console->input(), Qt::Key_Return);
        };
        auto rowWith = [console](const QString &text, LogRecord::Kind k) {
            const ConsoleModel *m = console->consoleModel();
            for (int r = 0; r < m->rowCount(); ++r) {
                const QModelIndex i = m->index(r);
                if (i.data(ConsoleModel::TextRole).toString().contains(text)
                    && i.data(ConsoleModel::KindRole).toInt() == int(k))
                    return r;
            }
            return -1;
        };
        type(QStringLiteral("AT+GMR"));
        QTRY_VERIFY(!model->firmware().isEmpty());
        QTRY_VERIFY(window->findChild<QLabel *>(QStringLiteral("statusBytes"))->text() != QStringLiteral("TX 0 B · RX 0 B"));

        // The cable goes; the window sees it from the other thread and connects again.
        window->simulatorLink()->breakLink();
        QTRY_COMPARE(window->sessionState(), DeviceSession::State::Disconnected);
        QTRY_VERIFY(!window->simulatorLink()->isActive());
        QTest::mouseClick(window->connectionBar()->connectButton(), Qt::LeftButton);
        QTRY_COMPARE(window->sessionState(), DeviceSession::State::Connected);
        console->clear();
        type(QStringLiteral("AT"));
        QTRY_VERIFY(rowWith(QStringLiteral("OK"), LogRecord::Kind::Final) >= 0);

        // Application's teardown, with the link open: window, model, then the session's thread.
        window.reset();
        model.reset();
        host.reset();
    }

private:
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(tst_ThreadedSession)
#include "tst_threadedsession.moc"
