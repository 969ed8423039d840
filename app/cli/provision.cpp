#include "moduleoptions.h"
#include "profileoptions.h"
#include "subcommand.h"

#include "provisioning/profileplanner.h"
#include "provisioning/station.h"
#include "transport/portlister.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTextStream>
#include <cstdio>

namespace atb::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

// The USB serial number of a serial port, for ${SERIAL}; empty for ptys and bridges.
QString serialNumberOf(const PortSpec &spec, const QList<PortDescription> &ports)
{
    if (spec.kind != PortSpec::Kind::Serial)
        return QString();
    for (const PortDescription &d : ports)
        if (d.systemLocation == spec.serial.portName || d.name == spec.serial.portName)
            return d.serialNumber;
    return QString();
}

void printLine(const QJsonObject &o)
{
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    fwrite(line.constData(), 1, size_t(line.size()), stdout);
    fflush(stdout);
}

int runProvision(const Subcommand &sub, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(describe(sub, tr(
        "Apply a profile to every PORT at once (each module in its own session and thread), read every\n"
        "value back and compare, then run the profile's post-checks. Prints one JSON object per module\n"
        "when it finishes (JSON Lines):\n"
        "  {\"index\",\"port\",\"mac\",\"verdict\",\"step\",\"fields\",\"fields_failed\",\"checks_failed\",\n"
        "   \"commands\",\"duration_ms\",\"error\"[,\"report\"]}\n"
        "Nothing is sent to any module when the profile is invalid, breaks a firmware limit or a secret\n"
        "is missing. Exit 0 when every module passed, 1 when one failed, 2 for bad arguments or an\n"
        "unusable profile, 3 when a port could not be opened (and no module failed otherwise), 4 when a\n"
        "report could not be written or published.")));
    p.addHelpOption();
    ModuleOptions module(true);
    module.addTo(p);
    ProfileOptions profileOptions;
    profileOptions.addTo(p);
    QCommandLineOption reportDir(QStringLiteral("report"),
                                 tr("Write the reports into DIR: one JSON file and one log per module, report.csv, "
                                    "junit.xml, report.html."),
                                 QStringLiteral("DIR"));
    QCommandLineOption junit(QStringLiteral("junit"), tr("Write a JUnit XML file (one test case per module)."), QStringLiteral("FILE"));
    QCommandLineOption onlyChanges(QStringLiteral("only-changes"),
                                   tr("Send only what differs from what each module reports (default: every field)."));
    QCommandLineOption publish(QStringLiteral("publish"),
                               tr("Publish each module's JSON report to an MQTT broker: mqtt://HOST[:PORT]/TOPIC "
                                  "(the topic may use ${MAC}, ${INDEX}, ...)."),
                               QStringLiteral("URL"));
    p.addOption(reportDir);
    p.addOption(junit);
    p.addOption(onlyChanges);
    p.addOption(publish);
    p.process(args);
    if (!checkModuleArguments(sub.name, p, module))
        return ExitUsage;
    QString error;
    std::optional<ReportPublishSettings> publishTo;
    if (p.isSet(publish)) {
        publishTo = ReportPublishSettings::parse(p.value(publish), &error);
        if (!publishTo) {
            printError(sub.name, error);
            return ExitUsage;
        }
    }
    const std::optional<Profile> profile = profileOptions.loadProfile(p, sub.name);
    if (!profile)
        return ExitUsage;
    QHash<QString, QString> secrets;
    if (!profileOptions.resolveSecrets(p, *profile, sub.name, true, &secrets))
        return ExitUsage;

    // Every module's values checked against the firmware's limits before any port is opened.
    const QList<PortDescription> systemPorts = listSerialPorts();
    const QList<PortSpec> ports = module.ports();
    for (int i = 0; i < ports.size(); ++i) {
        const QString serial = serialNumberOf(ports[i], systemPorts);
        const ModuleIdentity sample
            = placeholders::sampleIdentity(i + 1, ports[i].toString(), serial.isEmpty() ? QStringLiteral("SAMPLE0001") : serial);
        const QList<JsonIssue> issues = ProfilePlanner::validate(*profile, secrets, sample);
        if (!issues.isEmpty()) {
            printError(sub.name, tr("the profile cannot be applied, nothing was sent:"));
            for (const JsonIssue &issue : issues)
                QTextStream(stderr) << "  " << issue.text() << Qt::endl;
            return ExitUsage;
        }
    }

    Station station;
    Station::Settings s;
    s.profile = *profile;
    s.secrets = secrets;
    s.mode = p.isSet(onlyChanges) ? ProfileRunner::Mode::OnlyChanges : ProfileRunner::Mode::All;
    s.dialect = module.dialect();
    s.openTimeoutMs = module.openTimeoutMs();
    s.reportDir = p.value(reportDir);
    s.junitFile = p.value(junit);
    s.publish = publishTo;
    station.setSettings(s);
    for (const PortSpec &spec : ports)
        station.addPort(spec, serialNumberOf(spec, systemPorts));
    bool reportFailed = false;
    QObject::connect(&station, &Station::reportError, [&](const QString &message) {
        reportFailed = true;
        printError(sub.name, message);
    });
    QObject::connect(&station, &Station::moduleFinished, [&](int index, const ModuleReport &r) {
        printLine(r.summaryJson(station.module(index).reportFile));
    });
    QEventLoop loop;
    QObject::connect(&station, &Station::allFinished, &loop, &QEventLoop::quit);
    station.start();
    loop.exec();

    bool anyFailed = false, anyUnreachable = false;
    for (const StationModule &m : station.modules()) {
        if (m.state == StationModule::State::Passed)
            continue;
        if (m.report.step == QLatin1String("open"))
            anyUnreachable = true;
        else
            anyFailed = true;
    }
    if (anyFailed)
        return ExitFailed;
    if (anyUnreachable)
        return ExitUnreachable;
    if (reportFailed)
        return ExitIo;
    return ExitOk;
}

} // namespace

Subcommand provisionSubcommand()
{
    Subcommand sub;
    sub.name = QStringLiteral("provision");
    sub.synopsis = QStringLiteral("provision --profile FILE --port PORT [--port PORT...] [--baud N] [--dialect esp|beken|auto] "
                                  "[--secret NAME=VALUE...] [--secrets-file FILE] [--report DIR] [--junit FILE] [--only-changes] "
                                  "[--publish mqtt://HOST[:PORT]/TOPIC]");
    sub.summary = tr("apply a profile to several modules at once, verify every field, write reports");
    sub.run = [sub](const QStringList &args) { return runProvision(sub, args); };
    return sub;
}

} // namespace atb::cli
