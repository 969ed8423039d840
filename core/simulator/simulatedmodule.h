#pragma once
// SimulatedModule: the device side of an AT-command Wi-Fi module (ESP-AT 2.x or Beken ATSVR).
//
// Written independently of the host code (never includes core/protocol or core/engine); the
// wire format follows docs/protocol.md (section numbers cited as "P x.y").
//
// Thread affinity: a SimulatedModule is an ordinary QObject. It, its sockets, timers and the
// MQTT client wrapper live in the thread the module belongs to (the creating thread or the one
// it was moved to with moveToThread() before start()). All public methods must be called from
// that thread; from any other thread use queued signal/slot connections (receiveFromHost() is a
// slot, sendToHost() a signal, so connecting a host in another thread with the default
// AutoConnection just works). Paho MQTT callbacks arrive on Paho's own threads and are
// re-posted into the module's thread.
#include "simulator/commandline.h"
#include "simulator/deviceendpoint.h"
#include "simulator/dialect.h"
#include "simulator/faultspec.h"
#include "simulator/linktable.h"
#include "simulator/modulesettings.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <functional>
#include <memory>

class QTcpServer;
class QUdpSocket;

namespace atb::sim {

class MqttClient;
class Recorder;
struct CommandInfo;
class DelayLine;
class Pinger;
class UartPacer;

struct AccessPoint {
    QString ssid;
    QString password; // empty = open network
    int rssi = -45;
    int channel = 6;
};

struct SimulatedModuleOptions {
    Dialect dialect = Dialect::Esp;
    QList<AccessPoint> accessPoints { AccessPoint { QStringLiteral("BenchAP"),
                                                    QStringLiteral("12345678"), -45, 6 } };
    bool wifiConnected = false; // boot joined to accessPoints.first()
    qint64 baud = 0;            // pace both directions at baud/10 bytes/s; 0 = unthrottled
    QList<Fault> faults;
    quint32 randomSeed = 0;     // for drop/garble; 0 = random
    int bootDelayMs = -1;       // -1 = dialect default (esp 0 ms, Beken 400 ms, P 2.6 "Boot")
    // Refuse (as "unreachable") every peer that is not 127.0.0.0/8 or ::1, and never resolve
    // names other than "localhost". Tests set this so nothing ever leaves the machine.
    bool loopbackOnly = false;
    // ESP-AT version the esp dialect reports and follows where versions differ ("2.4", "3.2").
    EspFirmware firmware = EspFirmware::V2_4;
    // One-way latency of the simulated network: link data and broker traffic each way, TCP
    // connects (one round trip). 0 = as fast as the host (benchmarks); kFieldLatencyMs is what
    // host code meets on a typical Wi-Fi network (the default of atbench-sim and the GUI).
    int networkLatencyMs = 0;
    static constexpr int kFieldLatencyMs = 10;
    // Station MAC address ("aa:bb:cc:dd:ee:ff", lower case) of a fresh module; the softAP's is
    // derived from it (last byte plus one). Empty = the fixed default every simulator shares.
    // Several simulated modules at once (a provisioning station) need distinct ones.
    QString stationMac;
    // Commands this firmware is built without ("AT+MQTTCONN", upper case): they answer ERROR
    // (ERR CODE 0x01090000) and AT+CMD? does not list them, like a build without the feature.
    QStringList disabledCommands;
};

class SimulatedModule : public DeviceEndpoint
{
    Q_OBJECT
public:
    using Options = SimulatedModuleOptions;

    explicit SimulatedModule(const Options &options = Options(), QObject *parent = nullptr);
    ~SimulatedModule() override;

    const Options &options() const { return m_options; }
    Dialect dialect() const { return m_options.dialect; }

    // Boots the module: emits the dialect's "ready" (after bootDelayMs) and arms the faults.
    void start() override;
    // Powers the module off: closes links and MQTT, stops timers; no more output.
    void stop() override;
    bool isRunning() const override { return m_running; }

    // Pacing (8N1: baud/10 bytes per second, both directions); 0 = unthrottled.
    qint64 baud() const;
    void setBaud(qint64 baud);

    // Fault injection at run time (same meaning as --fault SPEC).
    void injectFault(const Fault &fault);
    bool injectFault(const QString &spec, QString *error = nullptr);
    void makeBusyFor(int commands);
    void failNextCommandWith(quint32 errCode);
    void setReplyDelay(int ms);
    void setDropProbability(double p);
    void setGarbleProbability(double p);
    void resetSpontaneously();
    void dropBrokerConnection();
    void dropWifi();

    // Counters.
    QHash<QString, int> commandCounts() const { return m_commandCounts; } // key: "AT+CIPSEND", "ATE0", ...
    int commandCount(const QString &name) const { return m_commandCounts.value(name); }
    qint64 overruns() const { return m_overruns; }
    // Final result codes (OK/ERROR) queued on the UART, and how long in all they waited there
    // for the line behind the module's own earlier output (URCs, +MQTTSUBRECV, +IPD) that was
    // still to go out when they were queued (UartPacer::toHostBusyNs()).
    qint64 finalsQueued() const { return m_finalsQueued; }
    qint64 finalsWaitNs() const { return m_finalsWaitNs; }
    qint64 bytesFromHost() const { return m_bytesFromHost; }
    qint64 bytesToHost() const { return m_bytesToHost; }
    qint64 bytesDroppedByFault() const { return m_faultDropped; }
    // Front ends report bytes a real UART would have lost (host not reading in time).
    void reportOverrun(qint64 bytes) override;
    // Bytes queued for the host but not yet emitted (pacing backlog).
    qint64 pendingToHost() const;
    // Bytes received from the host but not yet consumed (pacing backlog).
    qint64 pendingFromHost() const override;

    // Optional recorder (not owned); both directions with timestamps, secrets masked.
    void setRecorder(Recorder *recorder) { m_recorder = recorder; }
    // Replaces every known secret (Wi-Fi/MQTT passwords, PSKs) by '*' of the same length.
    QByteArray maskSecrets(const QByteArray &bytes) const;

    // Introspection for tests and the GUI.
    bool echoEnabled() const { return m_echo; }
    bool wifiConnected() const { return m_wifiConnected; }
    int mqttState() const { return m_mqtt.state; }
    bool inDataMode() const { return m_dataMode != DataMode::None; }
    // True while a command executes (further lines get "busy p..."), during boot, and in a data phase.
    bool isExecuting() const { return m_executing || m_booting || m_sendingData; }

    void receiveFromHost(const QByteArray &bytes) override;

signals:
    // sendToHost() and booted() ("ready" has been queued) come from DeviceEndpoint.
    void commandExecuted(const QString &name);
    void overrunOccurred(qint64 bytes);

private:
    enum class DataMode { None, CipSend, CipSendEx, MqttPubRaw, Passthrough, CipSendL };
    using Command = CommandLine;
    struct MqttState {
        int state = 0;
        int scheme = 1;
        QString clientId, username, password, path;
        int keepAlive = 0, disableClean = 0;
        QString lwtTopic, lwtMsg;
        int lwtQos = 0, lwtRetain = 0;
        QStringList alpn;
        QString host;
        int port = 0;
        int reconnect = 0;
        QList<QPair<QString, int>> subs;
    };
    struct Sntp {
        int enable = 0;
        int tzMinutes = 0;
        int tzRaw = 0;
        QStringList servers;
        qint64 offsetMs = 0;
        bool synced = false;
    };

    static constexpr int kMaxLine = 256;        // P 3.3
    static constexpr int kJoinDelayMs = 250;    // simulated association + DHCP time
    static constexpr int kScanDelayMs = 150;
    static constexpr qint64 kHostBacklogHigh = 8192; // stop reading sockets above this UART backlog
    static constexpr qint64 kHostBacklogLow = 4096;

    // Wire helpers.
    bool isEsp() const { return m_options.dialect == Dialect::Esp; }
    bool isBeken() const { return !isEsp(); }
    void out(const QByteArray &bytes);
    void outLine(const QByteArray &line) { out(line + "\r\n"); }
    void urc(const QByteArray &line);
    void finishOk();
    void noteFinalQueued(); // finalsQueued() / finalsWaitNs()
    void finishError(quint32 errCode = 0, quint32 extraCode = 0);
    void finishCipSendError();
    void finishNone();
    void beginAsync();
    QByteArray okToken() const;

    // Input path.
    void processInput(const QByteArray &bytes);
    void handleLineByte(char c);
    void handleLine(const QByteArray &line, bool overlong);
    void handleLineImpl(const QByteArray &line, bool overlong);
    void recordRx(const QByteArray &bytes);
    void registerLineSecrets(const Command &c);
    void handleDataBytes(const QByteArray &bytes, int *consumed);
    void handlePassthroughBytes(const QByteArray &bytes);
    // AT+CIPSENDL: data is taken and sent in parallel (simulatedmodule_sendl.cpp).
    void cmdCipsendl(const Command &c);
    void cmdCipsendlcfg(const Command &c);
    int handleSendLBytes(const QByteArray &bytes);
    void sendLTransmit(bool all);
    void flushPassthrough(bool all);
    void passthroughGuardTimeout();
    bool intParam(const Command &c, int idx, qint64 *v) const { return c.intParam(idx, v); }
    // Query answers "<prefix><value>"; set takes 0..max (else ERR CODE 0x01070000), stores it,
    // runs afterSet, then OK. For the plain integer settings (CWMODE, CIPRECVMODE, TRANSINTVL).
    void intSetting(const Command &c, const QByteArray &prefix, int *value, int max,
                    const std::function<void()> &afterSet = {});
    // The same with a lower bound and a state check: allowed(v) false answers ERROR 0x010a0000
    // (the value is valid, but not now); after() runs once the value is stored.
    struct IntRule {
        int min = 0, max = 0;
        std::function<bool(int)> allowed = {};
        std::function<void()> after = {};
    };
    void intSetting(const Command &c, const QByteArray &prefix, int *value, const IntRule &rule);
    QString strParam(const Command &c, int idx) const { return c.strParam(idx); }
    bool hasParam(const Command &c, int idx) const { return c.hasParam(idx); }
    void boot();
    void applyFault(const Fault &f);
    void finishSend(bool ok);
    bool peerAllowed(const QHostAddress &a) const;
    void dispatch(const Command &cmd);
    void execute(const Command &cmd);

    // Pacing.
    void emitToHost(QByteArray chunk);
    void onPacerTick();

    // Commands.
    void cmdBasic(const Command &c);
    void cmdGmr();
    void cmdCmdList();
    void cmdUart(const Command &c);
    void cmdSysFlag(const Command &c, int *value, int max);
    void cmdCwmode(const Command &c);
    void cmdCwjap(const Command &c);
    void cmdCwqap();
    void cmdCwlap(const Command &c);
    void cmdCifsr();
    void cmdCipsta(const Command &c);
    void cmdCipmux(const Command &c);
    void cmdCipmode(const Command &c);
    void cmdCipdinfo(const Command &c);
    void cmdCipstart(const Command &c);
    void cmdCipsend(const Command &c, bool ex);
    void cmdCipclose(const Command &c);
    void cmdCipstatus(const Command &c);
    void cmdCipserver(const Command &c);
    void cmdCiprecvmode(const Command &c);
    void cmdCiprecvdata(const Command &c);
    void cmdCiprecvlen(const Command &c);
    void cmdTransintvl(const Command &c);
    void cmdCipdns(const Command &c);
    void cmdCipdomain(const Command &c);
    void cmdPing(const Command &c);
    void cmdCipsntpcfg(const Command &c);
    void cmdCipsntptime(const Command &c);
    void cmdCipsslcpsk(const Command &c);
    void cmdMqtt(const Command &c);
    // ESP-AT 2.4/3.x commands beyond the seeds (simulatedmodule_system.cpp, _softap.cpp, _tcpipext.cpp).
    void cmdGslp(const Command &c);
    void cmdSleep(const Command &c);
    void cmdSysram();
    void cmdSystimestamp(const Command &c);
    void cmdRfpower(const Command &c);
    void cmdSleepwkcfg(const Command &c);
    void cmdCwinit(const Command &c);
    void cmdCwstate();
    void cmdCwreconncfg(const Command &c);
    void cmdCwlapopt(const Command &c);
    void cmdCwsap(const Command &c);
    void cmdCwlif();
    void cmdCwqif(const Command &c);
    void cmdCwdhcp(const Command &c);
    void cmdCwdhcps(const Command &c);
    void cmdCwautoconn(const Command &c);
    void cmdCwproto(const Command &c);
    void cmdMac(const Command &c);
    void cmdCipap(const Command &c);
    void cmdCwhostname(const Command &c);
    void cmdCwcountry(const Command &c);
    void cmdCipsto(const Command &c);
    void cmdCipsntpintv(const Command &c);
    void cmdCipreconnintv(const Command &c);
    void cmdCipsslcconf(const Command &c);
    void cmdCipsslcText(const Command &c);
    void cmdCipsslcalpn(const Command &c);
    void cmdCiptcpopt(const Command &c);
    bool tlsLinkParam(const Command &c, int *id, int *next); // [<link ID>,] prefix of the TLS commands
    bool ipv4Param(const Command &c, int idx, QString *out) const;
    bool macParam(const Command &c, int idx, QString *out) const;
    bool isEsp3() const { return isEsp() && m_options.firmware == EspFirmware::V3_2; }
    // Whether this dialect and firmware have the command (drives dispatch and AT+CMD?).
    bool hasCommand(const CommandInfo *ci) const;
    QByteArray cwlapLine(const AccessPoint &ap) const;

    // Wi-Fi.
    void joinWifi(const QString &ssid, const QString &password, bool urcOnly);
    void leaveWifi(bool printUrc);

    // Links.
    int maxLinks() const;
    Link *link(int id);
    void attachSocket(Link *l);
    void onLinkReadyRead(int id);
    void pumpLink(Link *l);
    void onLinkDisconnected(int id);
    void finishDisconnect(int id);
    void deliverLater(Link *l, const QByteArray &data, const QString &fromIp, quint16 fromPort);
    void passiveLater(Link *l, const QByteArray &data);
    void deliverToHost(Link *l, const QByteArray &data, const QString &fromIp, quint16 fromPort);
    void closeLink(int id, bool printUrc);
    void scheduleReconnect(int id);
    void printConnect(int id);
    void closeAllLinks(bool printUrc);
    bool writeToLink(Link *l, const QByteArray &data, const QString &host = QString(), quint16 port = 0);
    bool writeNow(Link *l, const QByteArray &data, const QString &host, quint16 port);
    void startNtpQuery();
    void resolveHost(const QString &host, std::function<void(QString ip)> done);

    // MQTT.
    void mqttConnect(int linkId, const QString &host, int port, int reconnect);
    void mqttOnConnected(bool reconnected);
    void mqttOnConnectFailed(int rc);
    void mqttOnLost();
    void mqttOnMessage(const QString &topic, const QByteArray &payload);
    void mqttDestroy();
    void mqttWireClient();
    void mqttPublishRaw();
    void whenPublished(int token, std::function<void(bool)> done);
    QByteArray mqttConnectedUrc() const;

    // Faults.
    void armFault(const Fault &f);
    // Restarts the module; the boot takes bootMs (-1 = the dialect's restart time).
    void reboot(bool printOk, int bootMs = -1);
    void resetState(bool factory);
    void restoreSettings();
    void afterLatency(std::function<void()> action, qint64 bytes = 0);
    void registerSecret(const QString &secret);

    Options m_options;
    bool m_running = false;

    UartPacer *m_pacer = nullptr;
    QElapsedTimer m_clock;
    bool m_processing = false;
    bool m_booting = false;
    bool m_sendingData = false;
    QByteArray m_surplus;
    bool m_linksStarved = false;
    int m_joinFail = 0;
    QString m_staIp = QStringLiteral("127.0.0.1"); // honest: the sockets really live on loopback
    QString m_gateway = QStringLiteral("127.0.0.1");
    QString m_netmask = QStringLiteral("255.0.0.0");
    QByteArray m_reentrantInput;

    // Command-line state.
    QByteArray m_line;
    bool m_lineOverlong = false;
    bool m_sawCr = false;
    bool m_executing = false;
    QString m_executingName;
    quint64 m_generation = 0; // bumped on reboot; async completions of older generations are ignored

    // Data phase.
    DataMode m_dataMode = DataMode::None;
    qsizetype m_dataExpected = 0;
    QByteArray m_data;
    int m_dataLink = 0;
    QString m_dataHost;
    quint16 m_dataPort = 0;
    QString m_dataTopic;
    int m_dataQos = 0, m_dataRetain = 0;
    bool m_dataSurplusBusy = false;
    struct SendL {
        qint64 received = 0, sent = 0, nextReport = 0, lastReported = -1;
        bool failed = false;
        QByteArray buffer;
    } m_sendl;
    QTimer m_sendlTimer; // flushes a short AT+CIPSENDL block after AT+TRANSINTVL
    // Passthrough.
    QByteArray m_ptBuffer;
    int m_ptPlus = 0;
    qint64 m_ptLastByteMs = -1000000;
    QTimer m_ptFlushTimer;
    QTimer m_ptGuardTimer;
    QTimer m_sntpTimer; // AT+CIPSNTPINTV re-synchronisation
    qint64 m_lastPassthroughExitMs = -1000000;

    // Settings.
    bool m_echo = true;
    int m_syslog = 0;
    int m_sysmsg = 0;
    int m_sysstore = 1;
    int m_cwmode = 1;
    int m_cipmux = 0;
    int m_cipmode = 0;
    int m_cipdinfo = 0;
    int m_recvMode = 0;
    int m_transIntvl = 20;
    qint64 m_uartDefBaud = 115200;
    bool m_wifiConnected = false;
    QString m_ssid, m_wifiPassword;
    bool m_storedWifi = false; // SYSSTORE=1 + joined: auto-join after AT+RST
    QString m_storedSsid, m_storedPassword;
    int m_dnsEnable = 0;
    QStringList m_dnsServers;
    Sntp m_sntp;
    QUdpSocket *m_ntpSocket = nullptr;
    QHash<int, QPair<QString, QString>> m_psk; // link id -> (psk, hint)
    QTcpServer *m_server = nullptr;
    int m_serverMaxConn = 5;
    bool m_hadLinks = false;
    ModuleSettings m_settings;
    int m_sleepMode = 1;
    int m_wifiInit = 1;
    int m_wifiState = 0;        // AT+CWSTATE: 0 never, 2 got IP, 3 connecting, 4 disconnected
    QString m_lastSsid;         // the SSID AT+CWSTATE names
    QString m_joinBssid;        // the <bssid> of the last AT+CWJAP=, empty = any
    qint64 m_timestampOffsetS = 0; // AT+SYSTIMESTAMP= minus the module clock
    DelayLine *m_net = nullptr; // the network's latency (Options::networkLatencyMs)

    LinkTable m_links;
    MqttState m_mqtt;
    MqttClient *m_mqttClient = nullptr;
    bool m_mqttPendingConnect = false;
    Pinger *m_pinger = nullptr;

    // Faults.
    int m_busyFor = 0;
    QList<quint32> m_failWith;
    int m_replyDelayMs = 0;
    double m_dropP = 0, m_garbleP = 0;
    QRandomGenerator m_rng;
    QList<QTimer *> m_faultTimers;

    // Counters.
    QHash<QString, int> m_commandCounts;
    qint64 m_overruns = 0, m_bytesFromHost = 0, m_bytesToHost = 0, m_faultDropped = 0;
    qint64 m_finalsQueued = 0, m_finalsWaitNs = 0;
    QStringList m_secrets;
    Recorder *m_recorder = nullptr;
};

} // namespace atb::sim
