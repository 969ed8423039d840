#include "moduleoptions.h"
#include "subcommand.h"

#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "mqttclient/brokerclient.h"
#include "mqttclient/loopcheck.h"
#include "mqttclient/modulebrokersetup.h"
#include "services/mqttservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <cmath>
#include <cstdio>

namespace atb::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

struct Options
{
    BrokerSettings broker;
    int scheme = 1;
    LoopSettings loop;
};

// "HOST:PORT" -> host and port; false with *error.
bool parseBroker(const QString &text, BrokerSettings *out, QString *error)
{
    const int colon = int(text.lastIndexOf(QLatin1Char(':')));
    bool ok = false;
    const int port = colon > 0 ? text.mid(colon + 1).toInt(&ok) : 0;
    if (colon <= 0 || !ok || port < 1 || port > 65535) {
        *error = tr("--broker wants HOST:PORT (a port from 1 to 65535), not '%1'.").arg(text);
        return false;
    }
    out->host = text.left(colon);
    if (out->host.startsWith(QLatin1Char('[')) && out->host.endsWith(QLatin1Char(']')))
        out->host = out->host.mid(1, out->host.size() - 2);
    out->port = port;
    return true;
}

// The app's transport for the module's scheme: 1 TCP, 2-5 TLS, 6 WebSocket, 7-10 WebSocket over
// TLS; no verification for 2 and 7 (as the module does), else the system's CAs or --ca-file.
void applyScheme(int scheme, BrokerSettings *b)
{
    const bool tls = MqttService::schemeUsesTls(scheme);
    const bool ws = MqttService::schemeUsesWebSocket(scheme);
    b->transport = ws ? (tls ? BrokerSettings::Transport::WebSocketTls : BrokerSettings::Transport::WebSocket)
                      : (tls ? BrokerSettings::Transport::Tls : BrokerSettings::Transport::Tcp);
    b->verifyServer = tls && scheme != 2 && scheme != 7;
}

QJsonValue ms(double v)
{
    return v < 0 ? QJsonValue() : QJsonValue(std::round(v * 1000) / 1000);
}

QJsonObject directionJson(const LoopDirectionStats &d)
{
    return QJsonObject {
        { QStringLiteral("sent"), d.sent },
        { QStringLiteral("received"), d.received },
        { QStringLiteral("lost"), d.lost },
        { QStringLiteral("duplicated"), d.duplicated },
        { QStringLiteral("corrupted"), d.corrupted },
        { QStringLiteral("out_of_order"), d.outOfOrder },
        { QStringLiteral("failed"), d.failed },
        { QStringLiteral("latency_min_ms"), ms(d.latencyMinMs) },
        { QStringLiteral("latency_median_ms"), ms(d.latencyMedianMs) },
        { QStringLiteral("latency_p99_ms"), ms(d.latencyP99Ms) },
        { QStringLiteral("latency_max_ms"), ms(d.latencyMaxMs) },
        { QStringLiteral("app_median_ms"), ms(d.appMedianMs) },
    };
}

void printJson(const QJsonObject &o)
{
    const QByteArray out = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    fwrite(out.constData(), 1, size_t(out.size()), stdout);
    fflush(stdout);
}

// Runs the event loop until `done` or `timeoutMs`; false on the timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QEventLoop loop;
    QTimer poll, deadline;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    poll.start(10);
    deadline.setSingleShot(true);
    deadline.start(timeoutMs);
    if (!done())
        loop.exec();
    return done();
}

int runMqttLoop(const Subcommand &sub, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(describe(sub, tr(
        "Run the MQTT loop through the module on PORT and a broker: the module publishes (AT+MQTTPUB, or\n"
        "AT+MQTTPUBRAW for payloads a quoted string cannot carry) and AT Bench's own MQTT client checks\n"
        "every payload byte for byte; AT Bench publishes to a topic the module subscribed and matches its\n"
        "+MQTTSUBRECV. The module's MQTT client is configured and connected to the broker first when it\n"
        "is not connected there already (its Wi-Fi must be up). Prints one JSON object: per direction\n"
        "(\"module_to_app\", \"app_to_module\") sent, received, lost, duplicated, corrupted, out_of_order,\n"
        "failed and latency_min/median/p99/max_ms (from the command's last byte on the wire, or the app's\n"
        "publish, to the arrival at the other end; null when none arrived), then \"verdict\" (pass or fail)\n"
        "and \"reason\". Exit 0 only when nothing was lost or corrupted; a broker that goes away ends the\n"
        "run within seconds with the loss counted (exit 1).")));
    p.addHelpOption();
    ModuleOptions module;
    module.addTo(p);
    const QCommandLineOption brokerOpt(QStringLiteral("broker"), tr("The broker, as both ends reach it."),
                                       QStringLiteral("HOST:PORT"));
    const QCommandLineOption schemeOpt(QStringLiteral("scheme"),
                                       tr("The module's AT+MQTTUSERCFG scheme, 1 to 10 (default 1, MQTT over TCP); "
                                          "the app's client uses the same transport."),
                                       QStringLiteral("1..10"), QStringLiteral("1"));
    const QCommandLineOption countOpt(QStringLiteral("count"), tr("Messages per direction (default 100)."),
                                      QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption rateOpt(QStringLiteral("rate"), tr("Messages per second per direction (default 10)."),
                                     QStringLiteral("R"), QStringLiteral("10"));
    const QCommandLineOption sizeOpt(QStringLiteral("size"),
                                     tr("Payload bytes, %1 to %2 (default 32).")
                                         .arg(LoopSettings::kHeaderSize)
                                         .arg(LoopSettings::kMaxSize),
                                     QStringLiteral("BYTES"), QStringLiteral("32"));
    const QCommandLineOption qosOpt(QStringLiteral("qos"), tr("QoS of both ends' publishes and subscriptions (default 0)."),
                                    QStringLiteral("Q"), QStringLiteral("0"));
    const QCommandLineOption topicOpt(QStringLiteral("topic"),
                                      tr("Topic prefix: the module publishes to PREFIX/up, the app to PREFIX/down "
                                         "(default atbench/loop/ and 4 random hex digits)."),
                                      QStringLiteral("PREFIX"));
    const QCommandLineOption caOpt(QStringLiteral("ca-file"),
                                   tr("TLS schemes: the PEM file of CAs the app's client trusts (default: the system's)."),
                                   QStringLiteral("FILE"));
    for (const QCommandLineOption &o : { brokerOpt, schemeOpt, countOpt, rateOpt, sizeOpt, qosOpt, topicOpt, caOpt })
        p.addOption(o);
    p.process(args);

    QString error;
    auto usage = [&sub](const QString &why) {
        printError(sub.name, why);
        return ExitUsage;
    };
    if (!p.positionalArguments().isEmpty())
        return usage(tr("unexpected argument '%1'.").arg(p.positionalArguments().first()));
    if (!module.read(p, &error))
        return usage(error);
    Options o;
    if (!p.isSet(brokerOpt))
        return usage(tr("--broker HOST:PORT is required."));
    if (!parseBroker(p.value(brokerOpt), &o.broker, &error))
        return usage(error);
    bool ok = false;
    o.scheme = p.value(schemeOpt).toInt(&ok);
    if (!ok || o.scheme < 1 || o.scheme > 10)
        return usage(tr("--scheme wants 1 to 10, not '%1'.").arg(p.value(schemeOpt)));
    applyScheme(o.scheme, &o.broker);
    o.broker.caFile = p.value(caOpt);
    o.broker.autoReconnect = false; // a broker that goes away ends the run
    o.loop.count = p.value(countOpt).toInt(&ok);
    if (!ok || o.loop.count < 1)
        return usage(tr("--count wants a number of messages, 1 or more, not '%1'.").arg(p.value(countOpt)));
    o.loop.rate = p.value(rateOpt).toDouble(&ok);
    if (!ok)
        return usage(tr("--rate wants messages per second, not '%1'.").arg(p.value(rateOpt)));
    o.loop.size = p.value(sizeOpt).toInt(&ok);
    if (!ok)
        return usage(tr("--size wants a number of bytes, not '%1'.").arg(p.value(sizeOpt)));
    o.loop.qos = p.value(qosOpt).toInt(&ok);
    if (!ok)
        return usage(tr("--qos wants 0, 1 or 2, not '%1'.").arg(p.value(qosOpt)));
    o.loop.topicPrefix = p.isSet(topicOpt) ? p.value(topicOpt) : LoopSettings::randomPrefix();
    o.loop.content = LoopSettings::Content::Special;
    o.loop.brokerLossEndMs = 3000;
    o.loop.lossTimeoutMs = 5000;
    QByteArray field;
    if (const QString why = o.loop.validate(&field); !why.isEmpty())
        return usage(QStringLiteral("--%1: %2").arg(QString::fromLatin1(field == "topic" ? "topic" : field), why));
    if (const QString why = o.broker.validate(); !why.isEmpty())
        return usage(QStringLiteral("--broker: %1").arg(why));

    const PortSpec spec = module.ports().first();
    const std::unique_ptr<ModuleConnection> m = module.open(spec, &error);
    if (!m) {
        printError(sub.name, error);
        return ExitUnreachable;
    }
    DeviceSession *session = m->session();
    MqttService mqtt(session, m->model());
    BrokerClient client;
    ModuleBrokerSetup setup(&mqtt, m->model());
    LoopCheck loop(session, &mqtt, &client, m->model());

    QJsonObject out {
        { QStringLiteral("port"), spec.toString() },
        { QStringLiteral("broker"), QStringLiteral("%1:%2").arg(o.broker.host).arg(o.broker.port) },
        { QStringLiteral("scheme"), o.scheme },
        { QStringLiteral("topic"), o.loop.topicPrefix },
        { QStringLiteral("count"), o.loop.count },
        { QStringLiteral("rate"), o.loop.rate },
        { QStringLiteral("size"), o.loop.size },
        { QStringLiteral("qos"), o.loop.qos },
    };
    auto finish = [&](bool passed, const QString &reason) {
        const LoopStats st = loop.stats();
        out.insert(QStringLiteral("module_to_app"), directionJson(st.moduleToApp));
        out.insert(QStringLiteral("app_to_module"), directionJson(st.appToModule));
        out.insert(QStringLiteral("elapsed_s"), std::round(st.elapsedS * 1000) / 1000);
        out.insert(QStringLiteral("verdict"), passed ? QStringLiteral("pass") : QStringLiteral("fail"));
        out.insert(QStringLiteral("reason"), reason);
        printJson(out);
        return passed ? ExitOk : ExitFailed;
    };

    // 1. The module's MQTT client to the broker (unless it is there already).
    bool setupDone = false, setupOk = false;
    QString setupMessage;
    QObject::connect(&setup, &ModuleBrokerSetup::finished, &setup, [&](bool good, const QString &message) {
        setupDone = true;
        setupOk = good;
        setupMessage = message;
    });
    if (!setup.start(ModuleBrokerSetup::configFor(o.broker), ModuleBrokerSetup::connectFor(o.broker), &error))
        return finish(false, error);
    if (!waitFor([&] { return setupDone; }, 40000))
        return finish(false, tr("The module's MQTT client did not connect within 40 s."));
    if (!setupOk)
        return finish(false, tr("The module's MQTT client could not connect: %1").arg(setupMessage));

    // 2. AT Bench's own client.
    QString clientError;
    QObject::connect(&client, &BrokerClient::connectFailed, &client, [&](const QString &why) { clientError = why; });
    if (!client.connectToBroker(o.broker, &error))
        return finish(false, error);
    if (!waitFor([&] { return client.isConnected() || !clientError.isEmpty(); }, (o.broker.connectTimeoutS + 5) * 1000)
        || !client.isConnected())
        return finish(false, tr("AT Bench's MQTT client could not connect to %1: %2")
                                 .arg(o.broker.uri(), clientError.isEmpty() ? tr("no answer") : clientError));

    // 3. The loop; a safety net above the run's own limits so nothing ever hangs.
    bool done = false, passed = false;
    QString verdict;
    QObject::connect(&loop, &LoopCheck::finished, &loop, [&](bool good, const QString &text) {
        done = true;
        passed = good;
        verdict = text;
    });
    QObject::connect(m.get(), &ModuleConnection::lost, &loop, [&](const QString &why) {
        verdict = why;
        loop.abort();
    });
    if (!loop.start(o.loop, &error))
        return finish(false, error);
    const int expectedMs = int(1000.0 * o.loop.count / o.loop.rate) + o.loop.lossTimeoutMs + 30000;
    if (!waitFor([&] { return done; }, expectedMs)) {
        loop.abort();
        waitFor([&] { return done; }, 1000);
        return finish(false, tr("The run did not end within %1 s.").arg(expectedMs / 1000));
    }
    return finish(passed, verdict);
}

} // namespace

Subcommand mqttLoopSubcommand()
{
    Subcommand sub;
    sub.name = QStringLiteral("mqtt-loop");
    sub.synopsis = QStringLiteral("mqtt-loop --port PORT [--baud N] [--dialect esp] --broker HOST:PORT [--scheme 1..10] "
                                  "[--count N] [--rate R] [--size BYTES] [--qos Q] [--topic PREFIX]");
    sub.summary = tr("MQTT both ways through the module and a broker, checked byte for byte, as JSON");
    sub.run = [sub](const QStringList &args) { return runMqttLoop(sub, args); };
    return sub;
}

} // namespace atb::cli
