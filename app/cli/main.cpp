#include "decode.h"

#include "atbench_version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <cstdio>

using namespace atb;

static int runDecode(const QStringList &args)
{
    QCommandLineParser p;
    // QCommandLineParser's usage line names only the program, so spell the sub-command out.
    p.setApplicationDescription(QCoreApplication::translate(
        "cli", "atbench-cli decode [--dialect esp|beken] FILE\n\n"
               "Decode bytes a module sent (a capture) into JSON Lines, one event per line.\n"
               "FILE may be - for standard input. See README.md for the event format.\n"
               "FILE may also be a recording (docs/recording.md, by atbench or atbench-sim): its\n"
               "module bytes are decoded in the recording's dialect (unless --dialect says), each\n"
               "event with \"t_us\", and the host's writes appear as {\"kind\":\"host\",...}."));
    p.addHelpOption();
    QCommandLineOption dialectOpt(QStringLiteral("dialect"),
                                  QCoreApplication::translate("cli", "Firmware family: esp or beken (default esp)."),
                                  QStringLiteral("name"), QStringLiteral("esp"));
    p.addOption(dialectOpt);
    p.addPositionalArgument(QStringLiteral("file"),
                            QCoreApplication::translate("cli", "Capture file, or - for standard input."));
    p.process(args);

    QTextStream err(stderr);
    const QStringList args0 = p.positionalArguments();
    if (args0.size() == 1 && args0[0] != QLatin1String("-") && RecordingReader::isRecording(args0[0])) {
        Recording rec;
        QString error;
        if (!RecordingReader::read(args0[0], &rec, &error)) {
            err << QCoreApplication::translate("cli", "atbench-cli decode: %1").arg(error) << Qt::endl;
            return 1;
        }
        auto d = p.isSet(dialectOpt) ? dialectFromName(p.value(dialectOpt)) : std::optional<Dialect>(cli::recordingDialect(rec));
        if (!d) {
            err << QCoreApplication::translate("cli", "atbench-cli decode: unknown dialect '%1' (use esp or beken)")
                       .arg(p.value(dialectOpt))
                << Qt::endl;
            return 2;
        }
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return 1;
        cli::decodeRecording(rec, out, *d);
        out.flush();
        return 0;
    }
    const auto dialect = dialectFromName(p.value(dialectOpt));
    if (!dialect) {
        err << QCoreApplication::translate("cli", "atbench-cli decode: unknown dialect '%1' (use esp or beken)")
                   .arg(p.value(dialectOpt))
            << Qt::endl;
        return 2;
    }
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1) {
        err << QCoreApplication::translate("cli", "atbench-cli decode: expected exactly one FILE (or -)") << Qt::endl;
        return 2;
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

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("atbench-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ATBENCH_VERSION));

    QStringList args = QCoreApplication::arguments();
    // Sub-commands first: "atbench-cli decode [options] FILE".
    if (args.size() >= 2 && args[1] == QLatin1String("decode")) {
        args.removeAt(1);
        return runDecode(args);
    }

    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "cli",
        "AT Bench command-line tool.\n\n"
        "Commands:\n"
        "  decode [--dialect esp|beken] FILE   decode a capture of module output into JSON Lines\n"
        "                                      (FILE may be - for standard input)\n\n"
        "Run 'atbench-cli decode --help' for the options of a command."));
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument(QStringLiteral("command"), QCoreApplication::translate("cli", "decode"));
    p.process(app);
    const QStringList pos = p.positionalArguments();
    QTextStream err(stderr);
    if (pos.isEmpty()) {
        err << p.helpText();
        return 2;
    }
    err << QCoreApplication::translate("cli", "atbench-cli: unknown command '%1' (try --help)").arg(pos[0]) << Qt::endl;
    return 2;
}
