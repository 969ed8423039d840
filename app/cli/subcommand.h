#pragma once

#include <QString>
#include <QStringList>
#include <functional>

namespace atb::cli {

// Exit codes every sub-command uses (README, "atbench-cli").
enum ExitCode {
    ExitOk = 0,          // done; every check passed
    ExitFailed = 1,      // ran, but a verdict failed (a field differs, a module failed, a check failed)
    ExitUsage = 2,       // bad arguments, unreadable or invalid input file
    ExitUnreachable = 3, // a port could not be opened or no module answered on it
    ExitIo = 4,          // an output file could not be written
    ExitScript = 5,      // run: the recipe's script failed (syntax error, exception, ask() unanswered)
    ExitTimeLimit = 6,   // run: the recipe's or a step's time limit ran out
    ExitInterrupted = 7, // run: stopped by SIGINT/SIGTERM
};

// One sub-command of atbench-cli. `run` gets the arguments with the sub-command removed
// (args[0] is the program); it parses them with QCommandLineParser, which gives --help.
struct Subcommand
{
    QString name;     // "decode"
    QString synopsis; // "decode [--dialect esp|beken] FILE"
    QString summary;  // one line for atbench-cli --help
    std::function<int(const QStringList &args)> run;
};

// "atbench-cli SUB: message" on standard error.
void printError(const QString &subcommand, const QString &message);
// Description text for a sub-command's QCommandLineParser: usage line, blank line, details.
QString describe(const Subcommand &sub, const QString &details);

// The sub-commands, one file each. A new one: write <name>.cpp with a function returning its
// Subcommand, declare it here and list it in main.cpp.
Subcommand decodeSubcommand();
Subcommand identifySubcommand();
Subcommand runSubcommand();
Subcommand readSubcommand();
Subcommand diffSubcommand();
Subcommand provisionSubcommand();
Subcommand bundleSubcommand();

} // namespace atb::cli
