#include "decode.h"
#include "subcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

namespace atb::cli {

static int runDecode(const Subcommand &sub, const QStringList &args)
{
    QCommandLineParser p;
    // QCommandLineParser's usage line names only the program, so spell the sub-command out.
    p.setApplicationDescription(describe(sub, QCoreApplication::translate(
        "cli", "Decode bytes a module sent (a capture) into JSON Lines, one event per line.\n"
               "FILE may be - for standard input. See README.md for the event format.")));
    p.addHelpOption();
    QCommandLineOption dialectOpt(QStringLiteral("dialect"),
                                  QCoreApplication::translate("cli", "Firmware family: esp or beken (default esp)."),
                                  QStringLiteral("name"), QStringLiteral("esp"));
    p.addOption(dialectOpt);
    p.addPositionalArgument(QStringLiteral("file"),
                            QCoreApplication::translate("cli", "Capture file, or - for standard input."));
    p.process(args);

    QTextStream err(stderr);
    const auto dialect = dialectFromName(p.value(dialectOpt));
    if (!dialect) {
        err << QCoreApplication::translate("cli", "atbench-cli decode: unknown dialect '%1' (use esp or beken)")
                   .arg(p.value(dialectOpt))
            << Qt::endl;
        return ExitUsage;
    }
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1) {
        err << QCoreApplication::translate("cli", "atbench-cli decode: expected exactly one FILE (or -)") << Qt::endl;
        return ExitUsage;
    }
    QFile in;
    if (pos[0] == QLatin1String("-")) {
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            err << QCoreApplication::translate("cli", "atbench-cli decode: cannot read standard input") << Qt::endl;
            return 1;
        }
    } else {
        in.setFileName(pos[0]);
        if (!in.open(QIODevice::ReadOnly)) {
            err << QCoreApplication::translate("cli", "atbench-cli decode: cannot open '%1': %2")
                       .arg(pos[0], in.errorString())
                << Qt::endl;
            return 1;
        }
    }
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 1;
    cli::decodeStream(in, out, *dialect);
    out.flush();
    return 0;
}

Subcommand decodeSubcommand()
{
    Subcommand sub;
    sub.name = QStringLiteral("decode");
    sub.synopsis = QStringLiteral("decode [--dialect esp|beken] FILE");
    sub.summary = QCoreApplication::translate("cli", "decode a capture of module output into JSON Lines (FILE may be -)");
    sub.run = [sub](const QStringList &args) { return runDecode(sub, args); };
    return sub;
}

} // namespace atb::cli
