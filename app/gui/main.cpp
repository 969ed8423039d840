#include "application.h"
#include "atbench_version.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QTextStream>

namespace {

// The GUI's command line. Defined once, used by both passes of main().
struct GuiOptions
{
    QCommandLineOption port { QStringLiteral("port"),
                              QApplication::translate("main", "Open this serial port at start (e.g. /dev/ttyUSB0)."),
                              QStringLiteral("device") };
    QCommandLineOption baud { QStringLiteral("baud"), QApplication::translate("main", "Baud rate for --port (default 115200)."),
                              QStringLiteral("rate"), QStringLiteral("115200") };
    QCommandLineOption tcp { QStringLiteral("tcp"),
                             QApplication::translate("main", "Connect to a raw TCP serial bridge at start (host:port)."),
                             QStringLiteral("host:port") };
    QCommandLineOption simulator { QStringLiteral("simulator"),
                                   QApplication::translate("main", "Start the built-in simulated module: esp or beken."),
                                   QStringLiteral("dialect") };
    QCommandLineOption screenshot { QStringLiteral("screenshot"),
                                    QApplication::translate("main", "Render every page to PNG files in DIR and exit."),
                                    QStringLiteral("dir") };
    QCommandLineOption language { QStringLiteral("lang"),
                                  QApplication::translate("main", "User interface language: en or zh_CN (default: system)."),
                                  QStringLiteral("lang") };

    void addTo(QCommandLineParser &p) const
    {
        p.setApplicationDescription(QApplication::translate(
            "main", "AT Bench: configure and monitor Wi-Fi modules driven by AT commands "
                    "(Espressif ESP-AT, Beken ATSVR) over a serial port or a TCP serial bridge."));
        p.addHelpOption();
        p.addVersionOption();
        p.addOptions({ port, baud, tcp, simulator, screenshot, language });
    }
};

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("atbench"));
    QCoreApplication::setOrganizationName(QStringLiteral("atbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ATBENCH_VERSION));
}

} // namespace

int main(int argc, char **argv)
{
    const GuiOptions opt;
    {
        // --help, --version and a malformed command line are answered before any window system
        // is needed (a QGuiApplication aborts without a display): a QCoreApplication prints them
        // and exits, so they work on a headless machine, as atbench-cli's do.
        QStringList args;
        for (int i = 0; i < argc; ++i)
            args << QString::fromLocal8Bit(argv[i]);
        QCommandLineParser p;
        opt.addTo(p);
        if (!p.parse(args) || p.isSet(QStringLiteral("help")) || p.isSet(QStringLiteral("version"))) {
            QCoreApplication core(argc, argv);
            setIdentity();
            p.process(core); // prints the help, the version or the error, then exits
            return 2;
        }
        if (p.value(opt.baud).toInt() <= 0) {
            QTextStream(stderr) << QApplication::translate("main", "atbench: invalid --baud '%1'").arg(p.value(opt.baud))
                                << Qt::endl;
            return 2;
        }
    }

    QApplication app(argc, argv);
    setIdentity();
    // Lets Wayland and the shell tie the window to the menu entry and its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.atbench.AtBench"));
    QApplication::setApplicationDisplayName(QStringLiteral("AT Bench"));

    QCommandLineParser p;
    opt.addTo(p);
    p.process(app);

    LaunchOptions opts;
    opts.port = p.value(opt.port);
    opts.baud = p.value(opt.baud).toInt();
    opts.tcp = p.value(opt.tcp);
    opts.simulator = p.value(opt.simulator);
    opts.language = p.value(opt.language);
    opts.screenshotDir = p.value(opt.screenshot);

    Application root;
    MainWindow *w = root.window();
    if (!opts.screenshotDir.isEmpty()) {
        QString error;
        const int n = w->saveScreenshots(opts, &error);
        if (n <= 0) {
            QTextStream(stderr) << "atbench --screenshot: " << error << Qt::endl;
            return 1;
        }
        QTextStream(stdout) << n << " screenshots written to " << QDir(opts.screenshotDir).absolutePath() << Qt::endl;
        return 0;
    }
    w->start(opts);
    w->show();
    return app.exec();
}
