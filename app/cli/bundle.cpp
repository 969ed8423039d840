// atbench-cli bundle: a support bundle from a module on PORT (issue 13, "A support bundle").
#include "moduleoptions.h"
#include "subcommand.h"

#include "diagnostics/capabilities.h"
#include "diagnostics/statereader.h"
#include "diagnostics/supportbundle.h"
#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "recording/recordingreader.h"
#include "recording/sessionrecorder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <cstdio>

namespace atb::cli {

namespace {

constexpr int kReadTimeoutMs = 60000;

int runBundle(const Subcommand &sub, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(describe(sub, QCoreApplication::translate(
        "cli", "Open the module on PORT, record the session while reading its state and settings (AT+GMR,\n"
               "AT+CMD?, Wi-Fi, IP, links, DNS, SNTP, MQTT), and write a support bundle (a zip) to FILE: the\n"
               "recording, the module's state and profile, firmware and command list, versions, the port's\n"
               "USB identity and the failed commands decoded. Passwords and PSKs are masked.\n"
               "Prints one JSON object: bundle, port, dialect, firmware, files, errors, commands.")));
    p.addHelpOption();
    ModuleOptions module;
    module.addTo(p);
    QCommandLineOption outOpt(QStringLiteral("out"), QCoreApplication::translate("cli", "The zip to write (required)."),
                              QStringLiteral("FILE"));
    p.addOption(outOpt);
    p.process(args);
    QString error;
    if (!p.positionalArguments().isEmpty()) {
        printError(sub.name, QCoreApplication::translate("cli", "unexpected argument '%1'.").arg(p.positionalArguments().first()));
        return ExitUsage;
    }
    if (!p.isSet(outOpt) || p.value(outOpt).isEmpty()) {
        printError(sub.name, QCoreApplication::translate("cli", "--out FILE is required."));
        return ExitUsage;
    }
    if (!module.read(p, &error)) {
        printError(sub.name, error);
        return ExitUsage;
    }
    const QString out = p.value(outOpt);
    const PortSpec spec = module.ports().first();

    QTemporaryDir tmp;
    const QString recordingPath = tmp.filePath(QStringLiteral("atbench-cli-%1.jsonl")
                                                   .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    QJsonObject port = spec.kind == PortSpec::Kind::Serial ? SupportBundle::portIdentity(spec.serial.portName)
                                                           : QJsonObject { { QStringLiteral("name"), spec.toString() } };
    port.insert(QStringLiteral("spec"), spec.toString());
    if (spec.kind == PortSpec::Kind::Serial)
        port.insert(QStringLiteral("baud"), double(spec.serial.baudRate));

    ModuleConnection m;
    auto recorder = std::make_shared<SessionRecorder>();
    if (!recorder->open(recordingPath, QJsonObject { { QStringLiteral("port"), port },
                                                     { QStringLiteral("app"), SupportBundle::environment(QStringLiteral("atbench-cli")) } },
                        &error)) {
        printError(sub.name, error);
        return ExitIo;
    }
    m.session()->setTap(recorder);
    Capabilities caps;
    caps.follow(m.session());
    if (!m.openAndWait(spec, module.dialect(), &error, module.openTimeoutMs())) {
        printError(sub.name, error);
        return ExitUnreachable;
    }
    StateReader reader(m.session());
    bool done = false;
    QObject::connect(&reader, &StateReader::finished, &reader, [&done] { done = true; });
    reader.start(StateReader::readLines(m.model()->dialect()));
    const QDeadlineTimer deadline(kReadTimeoutMs);
    while (!done && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    // Let the replies reach the model before it is read.
    QCoreApplication::processEvents();
    m.session()->setTap(nullptr);
    recorder->close();

    Recording recording;
    RecordingReader::read(recordingPath, &recording, nullptr);
    SupportBundleInput in;
    in.program = QStringLiteral("atbench-cli");
    in.recordingParts = recorder->parts();
    in.state = SupportBundle::deviceState(*m.model());
    in.profile = SupportBundle::profileReadBack(reader.results(), m.model()->dialect(), spec.toString());
    in.firmware = m.model()->firmware();
    in.capabilities = caps.commands();
    in.capabilitySource = caps.source();
    in.port = port;
    in.errors = SupportBundle::lastErrors(recording);
    QStringList files;
    if (!SupportBundle::write(out, in, &files, &error)) {
        printError(sub.name, error);
        return ExitIo;
    }
    const QJsonObject o { { QStringLiteral("bundle"), QDir::cleanPath(QDir::current().absoluteFilePath(out)) },
                          { QStringLiteral("port"), spec.toString() },
                          { QStringLiteral("dialect"), dialectName(m.model()->dialect()) },
                          { QStringLiteral("firmware"), QJsonArray::fromStringList(in.firmware) },
                          { QStringLiteral("files"), QJsonArray::fromStringList(files) },
                          { QStringLiteral("errors"), int(in.errors.size()) },
                          { QStringLiteral("commands"), int(in.capabilities.size()) },
                          { QStringLiteral("complete"), done } };
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    fwrite(line.constData(), 1, size_t(line.size()), stdout);
    fflush(stdout);
    return ExitOk;
}

} // namespace

Subcommand bundleSubcommand()
{
    Subcommand sub;
    sub.name = QStringLiteral("bundle");
    sub.synopsis = QStringLiteral("bundle --port PORT --out FILE [--baud N] [--dialect esp|beken|auto]");
    sub.summary = QCoreApplication::translate("cli", "read the module on PORT and write a support bundle (zip, secrets masked)");
    sub.run = [sub](const QStringList &args) { return runBundle(sub, args); };
    return sub;
}

} // namespace atb::cli
