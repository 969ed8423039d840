// atbench-bench [--quick] [SCENARIO...]: prints one JSON object per scenario (JSON Lines).
// Exit status 0 when every scenario met its target, 1 otherwise, 2 on bad arguments.
#include "atbench_version.h"
#include "scenarios.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QMap>
#include <QTextStream>
#include <functional>

using namespace atb::bench;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("atbench-bench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ATBENCH_VERSION));

    ThroughputOptions topt;
    auto single = [](QJsonObject (*f)(const Options &)) {
        return [f](const Options &o) { return QList<QJsonObject> { f(o) }; };
    };
    auto throughput = [&topt](QList<QJsonObject> (*f)(const ThroughputOptions &)) {
        return [f, &topt](const Options &) { return f(topt); };
    };
    const QMap<QString, std::function<QList<QJsonObject>(const Options &)>> scenarios {
        { QStringLiteral("parser"), single(runParserScenario) },
        { QStringLiteral("roundtrip"), single(runRoundtripScenario) },
#ifdef ATBENCH_HAVE_SIMULATOR
        { QStringLiteral("passthrough-tx"), throughput(runPassthroughTxScenario) },
        { QStringLiteral("passthrough-rx"), throughput(runPassthroughRxScenario) },
        { QStringLiteral("cipsend"), throughput(runCipsendScenario) },
        { QStringLiteral("ipd-rx"), throughput(runIpdRxScenario) },
        { QStringLiteral("gui-stall"), throughput(runStallScenario) },
        { QStringLiteral("soak"), throughput(runSoakScenario) },
        { QStringLiteral("mqtt-pub"), throughput(runMqttPubScenario) },
        { QStringLiteral("mqtt-loop"), throughput(runMqttLoopScenario) },
        { QStringLiteral("provision"), runProvisionScenario },
#endif
    };

    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("AT Bench benchmarks. Scenarios: %1 (default: all).\n"
                       "Each prints {\"scenario\",\"value\",\"unit\",\"baseline\",\"ratio\",\"target\",\"pass\",...}; "
                       "the baseline is measured in the same run.")
            .arg(scenarios.keys().join(QStringLiteral(", "))));
    p.addHelpOption();
    p.addVersionOption();
    QCommandLineOption quick(QStringLiteral("quick"), QStringLiteral("Smaller inputs (smoke run)."));
    p.addOption(quick);
    QCommandLineOption baud(QStringLiteral("baud"),
                            QStringLiteral("Baud rates for the throughput scenarios, comma-separated (default 115200,921600,3000000)."),
                            QStringLiteral("N[,N...]"));
    p.addOption(baud);
    QCommandLineOption seconds(QStringLiteral("seconds"),
                               QStringLiteral("Data phase per throughput run in seconds (default: 10; gui-stall 5). Soak: the whole run, warm-up included (default: until every bounded buffer is full, then 900 s more; 3600 = G12's hour, the maximum)."),
                               QStringLiteral("S"));
    p.addOption(seconds);
    p.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("Scenarios to run."), QStringLiteral("[scenario...]"));
    p.process(app);

    QStringList names = p.positionalArguments();
    if (names.isEmpty())
        names = scenarios.keys();
    for (const QString &n : names) {
        if (!scenarios.contains(n)) {
            QTextStream(stderr) << "atbench-bench: unknown scenario '" << n << "' (known: "
                                << scenarios.keys().join(QStringLiteral(", ")) << ")" << Qt::endl;
            return 2;
        }
    }
    Options opt;
    opt.quick = p.isSet(quick);
    topt.quick = opt.quick;
    if (p.isSet(baud)) {
        topt.bauds.clear();
        for (const QString &b : p.value(baud).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const qint64 v = b.trimmed().toLongLong(&ok);
            if (!ok || v <= 0) {
                QTextStream(stderr) << "atbench-bench: bad --baud value '" << b << "'" << Qt::endl;
                return 2;
            }
            topt.bauds << v;
        }
    }
    if (p.isSet(seconds)) {
        bool ok = false;
        topt.seconds = p.value(seconds).toDouble(&ok);
        if (!ok || topt.seconds <= 0) {
            QTextStream(stderr) << "atbench-bench: bad --seconds value" << Qt::endl;
            return 2;
        }
    }
    bool allPass = true;
    QTextStream out(stdout);
    for (const QString &n : names) {
        for (const QJsonObject &o : scenarios.value(n)(opt)) {
            allPass = allPass && o.value(QStringLiteral("pass")).toBool();
            out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
        }
    }
    return allPass ? 0 : 1;
}
