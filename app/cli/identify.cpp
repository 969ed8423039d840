#include "moduleoptions.h"
#include "subcommand.h"

#include "model/devicemodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace atb::cli {

namespace {

QString confidenceName(DialectProbeResult::Confidence c)
{
    switch (c) {
    case DialectProbeResult::Confidence::High: return QStringLiteral("high");
    case DialectProbeResult::Confidence::Low: return QStringLiteral("low");
    case DialectProbeResult::Confidence::None: break;
    }
    return QStringLiteral("none");
}

int runIdentify(const Subcommand &sub, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(describe(sub, QCoreApplication::translate(
        "cli", "Open the module on PORT, ask AT+GMR (and probe when that does not decide) and print one JSON\n"
               "object: port, dialect, whether it was detected or given, confidence, evidence, firmware lines.")));
    p.addHelpOption();
    ModuleOptions module;
    module.addTo(p);
    p.process(args);
    QString error;
    if (!p.positionalArguments().isEmpty()) {
        printError(sub.name, QCoreApplication::translate("cli", "unexpected argument '%1'.").arg(p.positionalArguments().first()));
        return ExitUsage;
    }
    if (!module.read(p, &error)) {
        printError(sub.name, error);
        return ExitUsage;
    }
    const PortSpec spec = module.ports().first();
    const std::unique_ptr<ModuleConnection> m = module.open(spec, &error);
    if (!m) {
        printError(sub.name, error);
        return ExitUnreachable;
    }
    const DialectProbeResult probe = m->probe();
    QJsonObject o;
    o.insert(QStringLiteral("port"), spec.toString());
    o.insert(QStringLiteral("dialect"), dialectName(m->model()->dialect()));
    o.insert(QStringLiteral("dialect_source"), module.dialect() == DialectChoice::Auto ? QStringLiteral("detected")
                                                                                       : QStringLiteral("given"));
    o.insert(QStringLiteral("confidence"), confidenceName(probe.confidence));
    o.insert(QStringLiteral("evidence"), probe.evidence);
    o.insert(QStringLiteral("firmware"), QJsonArray::fromStringList(probe.firmware));
    const QByteArray out = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    fwrite(out.constData(), 1, size_t(out.size()), stdout);
    fflush(stdout);
    return ExitOk;
}

} // namespace

Subcommand identifySubcommand()
{
    Subcommand sub;
    sub.name = QStringLiteral("identify");
    sub.synopsis = QStringLiteral("identify --port PORT [--baud N] [--dialect esp|beken|auto]");
    sub.summary = QCoreApplication::translate("cli", "which firmware answers on PORT (dialect, AT+GMR lines) as JSON");
    sub.run = [sub](const QStringList &args) { return runIdentify(sub, args); };
    return sub;
}

} // namespace atb::cli
