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
               "FILE may be - for standard input. See README.md for the event format.\n"
               "FILE may also be a recording (docs/recording.md, by atbench or atbench-sim): its\n"
               "module bytes are decoded in the recording's dialect (unless --dialect says), each\n"
               "event with \"t_us\", and the host's writes appear as {\"kind\":\"host\",...}.")));
    p.addHelpOption();
    QCommandLineOption dialectOpt(QStringLiteral("dialect"),
                                  QCoreApplication::translate("cli", "Firmware family: esp or beken (default esp)."),
                                  QStringLiteral("name"), QStringLiteral("esp"));
    p.addOption(dialectOpt);
    p.addPositionalArgument(QStringLiteral("file"),
                            QCoreApplication::translate("cli", "Capture file, or - for standard input."));
    p.process(args);

    QTextStream err(stderr);
    const QStringList files = p.positionalArguments();
    if (files.size() == 1 && files[0] != QLatin1String("-") && RecordingReader::isRecording(files[0])) {
        Recording rec;
        QString error;
        if (!RecordingReader::read(files[0], &rec, &error)) {
            err << QCoreApplication::translate("cli", "atbench-cli decode: %1").arg(error) << Qt::endl;
            return ExitUsage;
        }
        const auto d = p.isSet(dialectOpt) ? dialectFromName(p.value(dialectOpt)) : std::optional<Dialect>(recordingDialect(rec));
        if (!d) {
            err << QCoreApplication::translate("cli", "atbench-cli decode: unknown dialect '%1' (use esp or beken)")
                       .arg(p.value(dialectOpt))
                << Qt::endl;
            return ExitUsage;
        }
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return ExitIo;
        decodeRecording(rec, out, *d);
        out.flush();
        return ExitOk;
    }
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
    sub.summary = QCoreApplication::translate("cli", "decode a capture of module output, or a recording, into JSON Lines (FILE may be -)");
    sub.run = [sub](const QStringList &args) { return runDecode(sub, args); };
    return sub;
}

} // namespace atb::cli
