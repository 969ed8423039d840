#include "application.h"
#include "atbench_version.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QTextStream>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    // Lets Wayland and the shell tie the window to the menu entry and its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.atbench.AtBench"));
    QApplication::setApplicationName(QStringLiteral("atbench"));
    QApplication::setOrganizationName(QStringLiteral("atbench"));
    QApplication::setApplicationDisplayName(QStringLiteral("AT Bench"));
    QApplication::setApplicationVersion(QStringLiteral(ATBENCH_VERSION));

    QCommandLineParser p;
    p.setApplicationDescription(QApplication::translate(
        "main", "AT Bench: configure and monitor Wi-Fi modules driven by AT commands "
                "(Espressif ESP-AT, Beken ATSVR) over a serial port or a TCP serial bridge."));
    p.addHelpOption();
    p.addVersionOption();
    QCommandLineOption portOpt(QStringLiteral("port"),
                               QApplication::translate("main", "Open this serial port at start (e.g. /dev/ttyUSB0)."),
                               QStringLiteral("device"));
    QCommandLineOption baudOpt(QStringLiteral("baud"), QApplication::translate("main", "Baud rate for --port (default 115200)."),
                               QStringLiteral("rate"), QStringLiteral("115200"));
    QCommandLineOption tcpOpt(QStringLiteral("tcp"),
                              QApplication::translate("main", "Connect to a raw TCP serial bridge at start (host:port)."),
                              QStringLiteral("host:port"));
    QCommandLineOption simOpt(QStringLiteral("simulator"),
                              QApplication::translate("main", "Start the built-in simulated module: esp or beken."),
                              QStringLiteral("dialect"));
    QCommandLineOption shotOpt(QStringLiteral("screenshot"),
                               QApplication::translate("main", "Render every page to PNG files in DIR and exit."),
                               QStringLiteral("dir"));
    QCommandLineOption langOpt(QStringLiteral("lang"),
                               QApplication::translate("main", "User interface language: en or zh_CN (default: system)."),
                               QStringLiteral("lang"));
    p.addOptions({ portOpt, baudOpt, tcpOpt, simOpt, shotOpt, langOpt });
    p.process(app);

    LaunchOptions opts;
    opts.port = p.value(portOpt);
    opts.baud = p.value(baudOpt).toInt();
    opts.tcp = p.value(tcpOpt);
    opts.simulator = p.value(simOpt);
    opts.language = p.value(langOpt);
    opts.screenshotDir = p.value(shotOpt);
    if (opts.baud <= 0) {
        QTextStream(stderr) << QApplication::translate("main", "atbench: invalid --baud '%1'").arg(p.value(baudOpt)) << Qt::endl;
        return 2;
    }

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
