// MainWindow::saveScreenshots (--screenshot), apart from the window's construction and wiring.
#include "mainwindow.h"

#include "connectioncontroller.h"
#include "diagnostics/diagnostics.h"
#include "diagnostics/timelineview.h"
#include "pages/consolepage.h"
#include "pages/page.h"
#include "widgets/historylineedit.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QImage>
#include <QListWidget>
#include <QStackedWidget>
#include <functional>

using atb::DeviceSession;

int MainWindow::saveScreenshots(const LaunchOptions &opts, QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    const QDir dir(opts.screenshotDir.isEmpty() ? QStringLiteral(".") : opts.screenshotDir);
    if (!QDir().mkpath(dir.absolutePath())) {
        *error = tr("Cannot create the directory %1").arg(dir.absolutePath());
        return 0;
    }
    setPersistSettings(false);
    const QString previousLanguage = m_language;

    auto spin = [](int ms, const std::function<bool()> &done) {
        const QDeadlineTimer deadline(ms);
        while (!done() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
        return done();
    };

    setAttribute(Qt::WA_DontShowOnScreen, true);
    resize(1280, 800);
    show();
    setLanguage(QStringLiteral("en"));

    // The rendering talks to the built-in module only, which stays on this machine.
    qputenv("ATBENCH_SIM_LOOPBACK_ONLY", "1");
    ConnectionChoice sim;
    sim.kind = ConnectionChoice::Kind::SimulatorEsp;
    m_connection->connectTo(sim);
    if (!spin(5000, [this] { return m_state == DeviceSession::State::Connected; })) {
        *error = tr("The built-in simulated module did not connect");
        return 0;
    }
    // Let the boot banner arrive before typing.
    spin(300, [] { return false; });
    const QStringList commands = { QStringLiteral("AT"), QStringLiteral("ATE0"), QStringLiteral("AT+GMR"),
                                   QStringLiteral("AT+CIPMUX?"), QStringLiteral("AT+CWMODE?"),
                                   QStringLiteral("AT+SYSLOG=1"), // ERR CODE lines with failures
                                   QStringLiteral("AT+CIPSTART=\"TCP\",\"\",0"), // a decoded failure
                                   // Joined, so the pages (and the throughput lab) show a working module;
                                   // the password appears masked in the log. Left and joined again, with
                                   // the RSSI read, so the timeline under the console has a story to show.
                                   QStringLiteral("AT+CWJAP=\"BenchAP\",\"12345678\""), QStringLiteral("AT+CWJAP?"),
                                   QStringLiteral("AT+CWQAP"), QStringLiteral("AT+CWJAP=\"BenchAP\",\"12345678\""),
                                   QStringLiteral("AT+CWJAP?") };
    for (const QString &c : commands) {
        m_console->input()->setText(c);
        m_console->submitInput();
        spin(5000, [this] { return m_console->pendingCount() == 0; });
    }
    m_console->input()->clear();

    int written = 0;
    for (const QString &lang : { QStringLiteral("en"), QStringLiteral("zh_CN") }) {
        if (!setLanguage(lang)) {
            *error = tr("The %1 translation did not load").arg(lang);
            continue;
        }
        // Pages may read the module's state first, so they show real values (and their status
        // lines are written in this language).
        for (int i = 0; i < m_stack->count(); ++i) {
            auto *page = static_cast<Page *>(m_stack->widget(i));
            page->prepareScreenshot();
            spin(15000, [page] { return !page->isScreenshotPending(); });
        }
        m_diag->timelinePanel()->view()->fitAll();
        for (int i = 0; i < m_stack->count(); ++i) {
            m_pageList->setCurrentRow(i);
            resize(1280, 800);
            spin(150, [] { return false; }); // log batches and layouts settle
            QImage image = grab().toImage();
            if (image.size() != QSize(1280, 800))
                image = image.scaled(1280, 800, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
            QWidget *w = m_stack->widget(i);
            const QString name = w->objectName().isEmpty() ? QStringLiteral("page%1").arg(i) : w->objectName();
            const QString path = dir.filePath(QStringLiteral("%1_%2.png").arg(name, lang));
            if (!image.save(path, "PNG")) {
                *error = tr("Cannot write %1").arg(path);
                continue;
            }
            ++written;
        }
        // The timeline on its own (README), as the console page shows it.
        m_pageList->setCurrentRow(0);
        spin(150, [] { return false; });
        const QString timeline = dir.filePath(QStringLiteral("timeline_%1.png").arg(lang));
        if (m_diag->timelinePanel()->grab().save(timeline, "PNG"))
            ++written;
        else
            *error = tr("Cannot write %1").arg(timeline);
    }
    m_pageList->setCurrentRow(0);
    disconnectFromModule();
    spin(2000, [this] { return m_state == DeviceSession::State::Disconnected; });
    setLanguage(previousLanguage);
    hide();
    setAttribute(Qt::WA_DontShowOnScreen, false);
    return written;
}
