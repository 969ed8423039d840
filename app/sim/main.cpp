// atbench-sim: an AT-command Wi-Fi module simulator on a pseudo-terminal or a TCP port.
#include "atbench_version.h"

#include "simulator/commandtable.h"
#include "simulator/ptyfrontend.h"
#include "simulator/recorder.h"
#include "simulator/replaymodule.h"
#include "simulator/simulatedmodule.h"
#include "simulator/tcpfrontend.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace atb::sim;

namespace {
int g_signalFds[2] = { -1, -1 };

// Every command answered (per dialect and firmware) and the ones deliberately left unanswered.
QString commandsHelp()
{
    QStringList all, esp, esp3;
    for (const CommandInfo *ci : allCommands()) {
        const QString name = QString::fromLatin1(ci->name);
        (ci->avail == CommandInfo::All ? all : ci->avail == CommandInfo::EspOnly ? esp : esp3).append(name);
    }
    auto wrap = [](const QStringList &names) {
        QString out, line = QStringLiteral("  ");
        for (const QString &n : names) {
            if (line.size() + n.size() > 98) {
                out += line.trimmed().prepend(QStringLiteral("  ")) + QLatin1Char('\n');
                line = QStringLiteral("  ");
            }
            line += n + QLatin1Char(' ');
        }
        return out + line.trimmed().prepend(QStringLiteral("  ")) + QLatin1Char('\n');
    };
    QString s = QStringLiteral("Commands answered in every dialect (query/set/execute/test forms as documented):\n") + wrap(all)
        + QStringLiteral("ESP-AT only (the Beken dialects answer ERROR):\n") + wrap(esp)
        + QStringLiteral("ESP-AT 3.x only (--firmware 3.2):\n") + wrap(esp3)
        + QStringLiteral("Deliberately unanswered (ERROR, as firmware built without the feature):\n");
    for (const UnansweredCommand &u : unansweredCommands())
        s += QStringLiteral("  %1: %2\n").arg(QString::fromLatin1(u.name), QString::fromLatin1(u.reason));
    return s;
}

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const ssize_t r = ::write(g_signalFds[0], &c, 1);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "atbench-sim: %s\n(see atbench-sim --help)\n", qPrintable(message));
    return 2;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("atbench-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ATBENCH_VERSION));

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "AT Bench module simulator: behaves like a freshly booted ESP-AT or Beken ATSVR Wi-Fi module\n"
        "on a pseudo-terminal (--pty) or a raw TCP port (--tcp), with real TCP/UDP/TLS sockets, DNS,\n"
        "ping, SNTP and an MQTT client (Eclipse Paho) on the host.\n\n"
        "Prints a line starting with READY on stdout once commands are accepted, and a summary\n"
        "(overruns, byte and command counts) on stderr at exit (SIGINT/SIGTERM).\n\n"
        "MQTT over WebSocket (scheme 6) is tested through a WebSocket-to-TCP bridge; WSS (7, 8) uses\n"
        "Paho's wss:// untested.\n"
        "PING uses ICMP echo when permitted (datagram or raw socket), otherwise the time of a TCP\n"
        "connect to port 7 (a refusal counts as an answer).\n\n")
        + commandsHelp() + QStringLiteral("\n")
        + Fault::grammarHelp() + QStringLiteral(
        "\n\nRecord format (--record FILE): the recording format of docs/recording.md (JSON Lines), the one\n"
        "  atbench writes: a header object, then {\"t\":<us>,\"host\":\"AT\\r\\n\"} (host->module),\n"
        "  {\"t\":<us>,\"module\":\"...\"} (module->host; \"host_hex\"/\"module_hex\" for bytes that are not text)\n"
        "  and {\"t\":<us>,\"event\":\"overrun\"|\"fault\"|\"boot\"|\"summary\",...}; secrets masked with '*'.\n"
        "  atbench-sim --extract-device-bytes FILE OUT writes the module's bytes to OUT ('-' = stdout).\n\n"
        "Replay (--replay FILE, a recording by atbench or atbench-sim): instead of simulating, answer the\n"
        "  host from the recording's module side. Host lines are matched in order (a recorded '*' run\n"
        "  matches a masked secret, data after '>' by length); the module output recorded after a line\n"
        "  follows with its recorded delays, unprompted URCs included. On a mismatch the replay skips to\n"
        "  a match among the next 16 recorded lines, else answers as the recording did to the same line\n"
        "  elsewhere, else ERROR (--replay-strict: always ERROR). Each mismatch is printed on stderr,\n"
        "  the counts at exit (docs/recording.md, \"Replay\")."));
    p.addHelpOption();
    p.addVersionOption();
    QCommandLineOption dialectOpt(QStringLiteral("dialect"), QStringLiteral("Firmware dialect: esp (default), beken-doc (alias beken), beken-src."),
                                  QStringLiteral("esp|beken-doc|beken-src"), QStringLiteral("esp"));
    QCommandLineOption ptyOpt(QStringLiteral("pty"), QStringLiteral("Create a pseudo-terminal and make LINK a symlink to it."), QStringLiteral("LINK"));
    QCommandLineOption tcpOpt(QStringLiteral("tcp"), QStringLiteral("Listen on 127.0.0.1:PORT for one raw TCP client at a time."), QStringLiteral("PORT"));
    QCommandLineOption baudOpt(QStringLiteral("baud"), QStringLiteral("Pace both directions at N/10 bytes/s (8N1); 0 = unthrottled. Default 115200."),
                               QStringLiteral("N"), QStringLiteral("115200"));
    QCommandLineOption wifiOpt(QStringLiteral("wifi-connected"), QStringLiteral("Boot joined to the first access point."));
    QCommandLineOption apOpt(QStringLiteral("ap"), QStringLiteral("Access point (repeatable; replaces the default BenchAP:12345678). RSSI optional."),
                             QStringLiteral("SSID:PASSWORD[:RSSI]"));
    QCommandLineOption faultOpt(QStringLiteral("fault"), QStringLiteral("Inject a fault (repeatable), grammar above."), QStringLiteral("SPEC"));
    QCommandLineOption recordOpt(QStringLiteral("record"), QStringLiteral("Record both directions to FILE (JSON Lines)."), QStringLiteral("FILE"));
    QCommandLineOption loopbackOpt(QStringLiteral("loopback-only"), QStringLiteral("Only talk to 127.0.0.0/8 / ::1 and resolve only \"localhost\"."));
    QCommandLineOption seedOpt(QStringLiteral("seed"), QStringLiteral("Random seed for drop/garble faults."), QStringLiteral("N"));
    QCommandLineOption firmwareOpt(QStringLiteral("firmware"),
                                   QStringLiteral("ESP-AT release the esp dialect follows where releases differ: 2.4 (default) or 3.2."),
                                   QStringLiteral("2.4|3.2"), QStringLiteral("2.4"));
    QCommandLineOption latencyOpt(QStringLiteral("net-latency"),
                                  QStringLiteral("One-way latency of the simulated network in ms (link data and broker traffic each way, "
                                                 "connects); 0 for benchmarks. Default %1.")
                                      .arg(SimulatedModuleOptions::kFieldLatencyMs),
                                  QStringLiteral("MS"), QString::number(SimulatedModuleOptions::kFieldLatencyMs));
    QCommandLineOption macOpt(QStringLiteral("mac"),
                              QStringLiteral("Station MAC address of the module (the softAP's is derived from it); default "
                                             "a fixed one. Give several simulators distinct ones."),
                              QStringLiteral("aa:bb:cc:dd:ee:ff"));
    QCommandLineOption extractOpt(QStringLiteral("extract-device-bytes"), QStringLiteral("Write the device->host bytes of record FILE to OUT and exit."),
                                  QStringLiteral("FILE"));
    QCommandLineOption replayOpt(QStringLiteral("replay"),
                                 QStringLiteral("Answer the host from recording FILE instead of simulating (see Replay above)."),
                                 QStringLiteral("FILE"));
    QCommandLineOption strictOpt(QStringLiteral("replay-strict"), QStringLiteral("With --replay: answer ERROR to every line that does not match in order."));
    QCommandLineOption disableOpt(QStringLiteral("disable"),
                                  QStringLiteral("Commands the simulated firmware lacks (repeatable, comma-separated, e.g. AT+MQTTCONN,AT+PING): "
                                                 "they answer ERROR and AT+CMD? does not list them."),
                                  QStringLiteral("CMD[,CMD]"));
    for (const auto *o : { &dialectOpt, &firmwareOpt, &latencyOpt, &ptyOpt, &tcpOpt, &baudOpt, &wifiOpt, &apOpt, &faultOpt, &recordOpt, &loopbackOpt, &seedOpt, &macOpt, &extractOpt, &replayOpt, &strictOpt, &disableOpt })
        p.addOption(*o);
    p.addPositionalArgument(QStringLiteral("OUT"), QStringLiteral("Output file for --extract-device-bytes."), QStringLiteral("[OUT]"));
    if (!p.parse(app.arguments()))
        return fail(p.errorText());
    if (p.isSet(QStringLiteral("help")))
        p.showHelp(0);
    if (p.isSet(QStringLiteral("version")))
        p.showVersion();

    if (p.isSet(extractOpt)) {
        if (p.positionalArguments().size() != 1)
            return fail(QStringLiteral("--extract-device-bytes FILE needs exactly one OUT argument"));
        QString error;
        if (!Recorder::extractDeviceBytes(p.value(extractOpt), p.positionalArguments().first(), &error))
            return fail(error);
        return 0;
    }
    if (!p.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));
    if (p.isSet(strictOpt) && !p.isSet(replayOpt))
        return fail(QStringLiteral("--replay-strict needs --replay FILE"));
    if (p.isSet(replayOpt))
        for (const auto *o : { &recordOpt, &faultOpt, &wifiOpt, &apOpt, &disableOpt, &firmwareOpt })
            if (p.isSet(*o))
                return fail(QStringLiteral("--%1 does not apply to --replay (the recording decides)").arg(o->names().first()));

    SimulatedModule::Options o;
    bool ok = false;
    if (!parseDialect(p.value(dialectOpt), &o.dialect))
        return fail(QStringLiteral("unknown dialect '%1' (esp, beken-doc, beken-src)").arg(p.value(dialectOpt)));
    if (!parseFirmware(p.value(firmwareOpt), &o.firmware))
        return fail(QStringLiteral("unknown firmware '%1' (2.4, 3.2)").arg(p.value(firmwareOpt)));
    if (p.isSet(firmwareOpt) && o.dialect != Dialect::Esp)
        return fail(QStringLiteral("--firmware applies to the esp dialect only"));
    const int latency = p.value(latencyOpt).toInt(&ok);
    if (!ok || latency < 0 || latency > 10000)
        return fail(QStringLiteral("--net-latency must be 0..10000 ms, got '%1'").arg(p.value(latencyOpt)));
    o.networkLatencyMs = latency;
    if (p.isSet(ptyOpt) == p.isSet(tcpOpt))
        return fail(QStringLiteral("give exactly one of --pty LINK or --tcp PORT"));
    o.baud = p.value(baudOpt).toLongLong(&ok);
    if (!ok || o.baud < 0 || o.baud > 20000000)
        return fail(QStringLiteral("--baud must be 0..20000000, got '%1'").arg(p.value(baudOpt)));
    if (p.isSet(apOpt)) {
        o.accessPoints.clear();
        for (const QString &spec : p.values(apOpt)) {
            const int colon = spec.indexOf(QLatin1Char(':'));
            if (colon <= 0)
                return fail(QStringLiteral("--ap needs SSID:PASSWORD, got '%1'").arg(spec));
            AccessPoint ap;
            ap.ssid = spec.left(colon);
            ap.password = spec.mid(colon + 1);
            const int last = ap.password.lastIndexOf(QLatin1Char(':'));
            if (last >= 0) {
                bool rssiOk = false;
                const int rssi = ap.password.mid(last + 1).toInt(&rssiOk);
                if (rssiOk && rssi < 0 && rssi > -128) {
                    ap.rssi = rssi;
                    ap.password.truncate(last);
                }
            }
            if (!ap.password.isEmpty() && ap.password.size() < 8)
                return fail(QStringLiteral("--ap password must be empty (open) or 8..63 characters"));
            o.accessPoints.append(ap);
        }
    }
    o.wifiConnected = p.isSet(wifiOpt);
    // Tests set ATBENCH_SIM_LOOPBACK_ONLY so nothing the simulator does leaves the machine.
    o.loopbackOnly = p.isSet(loopbackOpt) || qEnvironmentVariableIsSet("ATBENCH_SIM_LOOPBACK_ONLY");
    if (p.isSet(seedOpt))
        o.randomSeed = p.value(seedOpt).toUInt();
    if (p.isSet(macOpt)) {
        static const QRegularExpression macRe(QStringLiteral("^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$"));
        const QString mac = p.value(macOpt);
        // Unicast only (bit 0 of the first byte clear), as a station address must be.
        if (!macRe.match(mac).hasMatch() || (mac.left(2).toInt(nullptr, 16) & 1))
            return fail(QStringLiteral("--mac needs a unicast address like 02:00:00:00:00:01, got '%1'").arg(mac));
        o.stationMac = mac.toLower();
    }
    for (const QString &spec : p.values(faultOpt)) {
        Fault f;
        QString error;
        if (!Fault::parse(spec, &f, &error))
            return fail(error);
        o.faults.append(f);
    }
    for (const QString &spec : p.values(disableOpt)) {
        for (const QString &name : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString n = name.trimmed().toUpper();
            if (!findCommand(n.toLatin1()))
                return fail(QStringLiteral("--disable: '%1' is not a command the simulator answers").arg(name.trimmed()));
            o.disabledCommands << n;
        }
    }
    quint16 tcpPort = 0;
    if (p.isSet(tcpOpt)) {
        const uint v = p.value(tcpOpt).toUInt(&ok);
        if (!ok || v > 65535)
            return fail(QStringLiteral("--tcp needs a port 0..65535"));
        tcpPort = quint16(v);
    }

    std::unique_ptr<DeviceEndpoint> endpoint;
    ReplayModule *replay = nullptr;
    if (p.isSet(replayOpt)) {
        RecordingFile recording;
        QString error;
        if (!RecordingFile::read(p.value(replayOpt), &recording, &error))
            return fail(QStringLiteral("--replay: %1").arg(error));
        ReplayOptions ro;
        ro.strict = p.isSet(strictOpt);
        replay = new ReplayModule(recording, ro);
        endpoint.reset(replay);
        QObject::connect(replay, &ReplayModule::mismatch, &app, [](const QString &text) {
            std::fprintf(stderr, "atbench-sim: replay: %s\n", qPrintable(text));
        });
        if (!recording.dialect().isEmpty())
            parseDialect(recording.dialect(), &o.dialect);
    } else {
        endpoint = std::make_unique<SimulatedModule>(o);
    }
    auto *simulated = qobject_cast<SimulatedModule *>(endpoint.get());
    DeviceEndpoint &module = *endpoint;
    Recorder recorder;
    if (p.isSet(recordOpt)) {
        QString error;
        const QJsonObject header { { QStringLiteral("dialect"), dialectName(o.dialect) }, { QStringLiteral("baud"), double(o.baud) },
                                   { QStringLiteral("firmware"), firmwareName(o.firmware) } };
        if (!recorder.open(p.value(recordOpt), header, &error))
            return fail(QStringLiteral("--record: %1").arg(error));
        simulated->setRecorder(&recorder);
    }

    std::unique_ptr<PtyFrontEnd> pty;
    std::unique_ptr<TcpFrontEnd> tcp;
    QString error;
    if (p.isSet(ptyOpt)) {
        pty = std::make_unique<PtyFrontEnd>(&module, p.value(ptyOpt));
        if (!pty->open(&error))
            return fail(error);
        module.start();
    } else {
        tcp = std::make_unique<TcpFrontEnd>(&module, tcpPort);
        if (!tcp->open(&error))
            return fail(error);
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) == 0) {
        auto *sn = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, &app);
        QObject::connect(sn, &QSocketNotifier::activated, &app, []() { QCoreApplication::quit(); });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
        std::signal(SIGHUP, onSignal);
    }
    std::signal(SIGPIPE, SIG_IGN);

    const QString replayNote = replay ? QStringLiteral(" replay=%1").arg(p.value(replayOpt)) : QString();
    auto announce = [&]() {
        if (pty)
            std::printf("READY pty=%s slave=%s dialect=%s baud=%lld firmware=%s latency_ms=%d%s\n", qPrintable(pty->linkPath()),
                        qPrintable(pty->slavePath()), qPrintable(dialectName(o.dialect)), static_cast<long long>(o.baud),
                        qPrintable(firmwareName(o.firmware)), o.networkLatencyMs, qPrintable(replayNote));
        else
            std::printf("READY tcp=127.0.0.1:%u dialect=%s baud=%lld firmware=%s latency_ms=%d%s\n", unsigned(tcp->port()),
                        qPrintable(dialectName(o.dialect)), static_cast<long long>(o.baud), qPrintable(firmwareName(o.firmware)),
                        o.networkLatencyMs, qPrintable(replayNote));
        std::fflush(stdout);
    };
    // READY once commands are accepted: after the boot "ready" (pty); at once for TCP, where the
    // module boots when the first client connects.
    if (pty)
        QObject::connect(&module, &DeviceEndpoint::booted, &app, announce, Qt::SingleShotConnection);
    else
        announce();

    const int rc = app.exec();
    module.stop();
    if (replay) {
        std::fprintf(stderr, "atbench-sim: replay %s\n", qPrintable(replay->summary()));
        return rc;
    }
    const SimulatedModule &sm = *simulated;
    QStringList counts;
    const auto cc = sm.commandCounts();
    for (auto it = cc.cbegin(); it != cc.cend(); ++it)
        counts << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
    counts.sort();
    std::fprintf(stderr, "atbench-sim: overruns=%lld bytes_from_host=%lld bytes_to_host=%lld fault_dropped=%lld commands: %s\n",
                 static_cast<long long>(sm.overruns()), static_cast<long long>(sm.bytesFromHost()),
                 static_cast<long long>(sm.bytesToHost()), static_cast<long long>(sm.bytesDroppedByFault()),
                 qPrintable(counts.join(QLatin1Char(' '))));
    if (recorder.isOpen()) {
        recorder.event(QStringLiteral("summary"), QJsonObject { { QStringLiteral("overruns"), double(sm.overruns()) },
                                                                 { QStringLiteral("bytes_from_host"), double(sm.bytesFromHost()) },
                                                                 { QStringLiteral("bytes_to_host"), double(sm.bytesToHost()) } });
        recorder.close();
    }
    return rc;
}
