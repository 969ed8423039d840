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

    const QMap<QString, std::function<QJsonObject(const Options &)>> scenarios {
        { QStringLiteral("parser"), runParserScenario },
        { QStringLiteral("roundtrip"), runRoundtripScenario },
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
    bool allPass = true;
    QTextStream out(stdout);
    for (const QString &n : names) {
        const QJsonObject o = scenarios.value(n)(opt);
        allPass = allPass && o.value(QStringLiteral("pass")).toBool();
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    }
    return allPass ? 0 : 1;
}
