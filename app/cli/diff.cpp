#include "moduleoptions.h"
#include "profileoptions.h"
#include "subcommand.h"

#include "engine/devicesession.h"
#include "provisioning/profilerunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <cstdio>

namespace atb::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

int runDiff(const Subcommand &sub, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(describe(sub, tr(
        "Compare the module on PORT with a profile without changing anything (only queries are sent).\n"
        "Prints one JSON object per field the profile sets (JSON Lines):\n"
        "  {\"port\",\"field\",\"desired\",\"actual\",\"verdict\",\"applied\",\"note\"}\n"
        "verdict is match, differs or unreadable (the firmware cannot report it); secrets show as \"***\".\n"
        "A secret not given is not compared. Exit 0 when no field differs, 1 when one does, 2 when the\n"
        "profile cannot be compared with this module (another dialect, a placeholder it cannot fill).")));
    p.addHelpOption();
    ModuleOptions module;
    module.addTo(p);
    ProfileOptions profileOptions(false);
    profileOptions.addTo(p);
    p.process(args);
    if (!checkModuleArguments(sub.name, p, module))
        return ExitUsage;
    QString error;
    const std::optional<Profile> profile = profileOptions.loadProfile(p, sub.name);
    if (!profile)
        return ExitUsage;
    QHash<QString, QString> secrets;
    if (!profileOptions.resolveSecrets(p, *profile, sub.name, false, &secrets))
        return ExitUsage;
    const PortSpec spec = module.ports().first();
    const std::unique_ptr<ModuleConnection> m = module.open(spec, &error);
    if (!m) {
        printError(sub.name, error);
        return ExitUnreachable;
    }
    ProfileRunner runner(m->session());
    ModuleReport report;
    QEventLoop loop;
    QObject::connect(&runner, &ProfileRunner::finished, &loop, [&](const ModuleReport &r) {
        report = r;
        loop.quit();
    });
    ProfileRunner::Job job;
    job.profile = *profile;
    job.secrets = secrets;
    job.identity.port = spec.toString();
    job.mode = ProfileRunner::Mode::Diff;
    runner.start(job);
    loop.exec();
    if (report.step == QLatin1String("read")) {
        printError(sub.name, report.error);
        return ExitUnreachable;
    }
    if (report.step == QLatin1String("refused")) {
        printError(sub.name, report.error);
        return ExitUsage;
    }
    QByteArray out;
    for (const FieldCheck &f : std::as_const(report.fields)) {
        QJsonObject o = f.toJson();
        o.insert(QStringLiteral("port"), spec.toString());
        out += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }
    fwrite(out.constData(), 1, size_t(out.size()), stdout);
    fflush(stdout);
    return report.passed ? ExitOk : ExitFailed;
}

} // namespace

Subcommand diffSubcommand()
{
    Subcommand sub;
    sub.name = QStringLiteral("diff");
    sub.synopsis = QStringLiteral("diff --profile FILE --port PORT [--baud N] [--dialect esp|beken|auto] [--secret NAME=VALUE...] "
                                  "[--secrets-file FILE]");
    sub.summary = tr("the module against a profile, field by field (JSON Lines); exit 1 when a field differs");
    sub.run = [sub](const QStringList &args) { return runDiff(sub, args); };
    return sub;
}

} // namespace atb::cli
