#include "moduleoptions.h"
#include "profileoptions.h"
#include "subcommand.h"

#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "provisioning/profilereader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QSaveFile>
#include <cstdio>

namespace atb::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

int runRead(const Subcommand &sub, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(describe(sub, tr(
        "Read everything the module on PORT reports (Wi-Fi, connection modes, DNS, SNTP, TLS PSK, MQTT,\n"
        "persistence) and print it as a profile (JSON, docs/provisioning.md) on standard output: the\n"
        "\"save module as profile\" of the command line. Only queries are sent. Passwords and the PSK\n"
        "become secret references; fields the firmware cannot report are listed in source.unreadable.")));
    p.addHelpOption();
    ModuleOptions module;
    module.addTo(p);
    QCommandLineOption output(QStringLiteral("output"), tr("Write the profile to FILE instead of standard output."),
                              QStringLiteral("FILE"));
    p.addOption(output);
    p.process(args);
    if (!checkModuleArguments(sub.name, p, module))
        return ExitUsage;
    QString error;
    const PortSpec spec = module.ports().first();
    const std::unique_ptr<ModuleConnection> m = module.open(spec, &error);
    if (!m) {
        printError(sub.name, error);
        return ExitUnreachable;
    }
    ProfileReader reader(m->session());
    ModuleReadBack rb;
    QEventLoop loop;
    QObject::connect(&reader, &ProfileReader::finished, &loop, [&](const ModuleReadBack &r) {
        rb = r;
        loop.quit();
    });
    reader.start(m->model()->dialect());
    loop.exec();
    if (!rb.complete) {
        printError(sub.name, tr("%1: %2").arg(spec.toString(), rb.error));
        return ExitUnreachable;
    }
    const QByteArray text = rb.toProfile(spec.toString()).toFileText();
    if (p.isSet(output)) {
        QSaveFile f(p.value(output));
        if (!f.open(QIODevice::WriteOnly) || f.write(text) < 0 || !f.commit()) {
            printError(sub.name, tr("cannot write %1: %2").arg(p.value(output), f.errorString()));
            return ExitIo;
        }
        return ExitOk;
    }
    fwrite(text.constData(), 1, size_t(text.size()), stdout);
    fflush(stdout);
    return ExitOk;
}

} // namespace

Subcommand readSubcommand()
{
    Subcommand sub;
    sub.name = QStringLiteral("read");
    sub.synopsis = QStringLiteral("read --port PORT [--baud N] [--dialect esp|beken|auto] [--output FILE]");
    sub.summary = tr("the module's configuration as a profile (JSON): save module as profile");
    sub.run = [sub](const QStringList &args) { return runRead(sub, args); };
    return sub;
}

} // namespace atb::cli
