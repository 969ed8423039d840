#include "subcommand.h"

#include "atbench_version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace atb::cli;

namespace atb::cli {

void printError(const QString &subcommand, const QString &message)
{
    QTextStream(stderr) << "atbench-cli " << subcommand << ": " << message << Qt::endl;
}

QString describe(const Subcommand &sub, const QString &details)
{
    // QCommandLineParser's usage line names only the program, so spell the sub-command out.
    return QStringLiteral("atbench-cli ") + sub.synopsis + QStringLiteral("\n\n") + details;
}

} // namespace atb::cli

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("atbench-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ATBENCH_VERSION));

    // Every sub-command, in the order --help lists them.
    const QList<Subcommand> subcommands {
        decodeSubcommand(),
        identifySubcommand(),
        runSubcommand(),
        readSubcommand(),
        diffSubcommand(),
        provisionSubcommand(),
        bundleSubcommand(),
    };

    QStringList args = QCoreApplication::arguments();
    // Sub-commands first: "atbench-cli decode [options] FILE".
    if (args.size() >= 2) {
        for (const Subcommand &sub : subcommands) {
            if (args[1] == sub.name) {
                args.removeAt(1);
                return sub.run(args);
            }
        }
    }

    QString list;
    for (const Subcommand &sub : subcommands)
        list += QStringLiteral("  %1\n      %2\n").arg(sub.synopsis, sub.summary);
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate("cli", "AT Bench command-line tool.\n\nCommands:\n")
                                + list
                                + QCoreApplication::translate(
                                    "cli",
                                    "\nRun 'atbench-cli COMMAND --help' for the options of a command.\n"
                                    "PORT is a serial device (a pty such as atbench-sim --pty makes works) or tcp:HOST:PORT.\n"
                                    "Exit codes: 0 done and passed, 1 a verdict failed, 2 bad arguments or input,\n"
                                    "3 port unreachable or no module answered, 4 an output file could not be written,\n"
                                    "5 a recipe's script failed, 6 a recipe ran out of time, 7 interrupted."));
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument(QStringLiteral("command"), QCoreApplication::translate("cli", "The command to run."));
    p.process(app);
    const QStringList pos = p.positionalArguments();
    if (pos.isEmpty()) {
        QTextStream(stderr) << p.helpText();
        return ExitUsage;
    }
    QTextStream(stderr) << QCoreApplication::translate("cli", "atbench-cli: unknown command '%1' (try --help)").arg(pos[0])
                        << Qt::endl;
    return ExitUsage;
}
