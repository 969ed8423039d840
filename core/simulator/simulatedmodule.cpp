// SimulatedModule core: life cycle, output, pacing glue, input framing. The dispatcher is in
// simulatedmodule_dispatch.cpp; the handlers in simulatedmodule_basic.cpp (basic commands,
// faults), _wifi.cpp, _links.cpp (CIPSTART, link set-up), _linkio.cpp (link data), _send.cpp
// (CIPSEND, passthrough, CIPCLOSE/CIPSTATUS/CIPSERVER, passive receive), _services.cpp (DNS,
// ping, SNTP, PSK) and _mqtt.cpp.
#include "simulator/simulatedmodule.h"

#include "simulator/mqttclient.h"
#include "simulator/recorder.h"
#include "simulator/simlogging.h"
#include "simulator/delayline.h"
#include "simulator/uartpacer.h"
#include "simulator/wire.h"

#include <QJsonObject>
#include <QTcpServer>

namespace atb::sim {

// ---------------------------------------------------------------------------------------------

SimulatedModule::SimulatedModule(const Options &options, QObject *parent)
    : DeviceEndpoint(parent),
      m_options(options),
      m_pacer(new UartPacer(this)),
      m_sendlTimer(this),
      m_ptFlushTimer(this),
      m_ptGuardTimer(this),
      m_sntpTimer(this)
{
    m_sendlTimer.setSingleShot(true);
    connect(&m_sendlTimer, &QTimer::timeout, this, [this] { sendLTransmit(true); });
    m_sntpTimer.setSingleShot(true);
    connect(&m_sntpTimer, &QTimer::timeout, this, [this] {
        if (m_running && m_sntp.enable && m_wifiConnected)
            startNtpQuery();
    });
    m_pacer->setBaud(options.baud);
    m_uartDefBaud = options.baud;
    m_rng = options.randomSeed ? QRandomGenerator(options.randomSeed)
                               : QRandomGenerator(QRandomGenerator::global()->generate());
    connect(m_pacer, &UartPacer::hostBytes, this, &SimulatedModule::emitToHost);
    connect(m_pacer, &UartPacer::deviceBytes, this, &SimulatedModule::processInput);
    connect(m_pacer, &UartPacer::ticked, this, &SimulatedModule::onPacerTick);
    m_net = new DelayLine(this);
    m_net->setDelayMs(options.networkLatencyMs);
    restoreSettings();
    m_ptFlushTimer.setSingleShot(true);
    m_ptFlushTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_ptFlushTimer, &QTimer::timeout, this, [this]() { flushPassthrough(true); });
    m_ptGuardTimer.setSingleShot(true);
    m_ptGuardTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_ptGuardTimer, &QTimer::timeout, this, &SimulatedModule::passthroughGuardTimeout);
    m_clock.start();
    for (const AccessPoint &ap : m_options.accessPoints)
        registerSecret(ap.password);
    if (m_options.wifiConnected && !m_options.accessPoints.isEmpty()) {
        m_storedWifi = true;
        m_storedSsid = m_options.accessPoints.first().ssid;
        m_storedPassword = m_options.accessPoints.first().password;
    }
}

SimulatedModule::~SimulatedModule()
{
    m_running = false;
    mqttDestroy();
    closeAllLinks(false);
}

void SimulatedModule::registerSecret(const QString &secret)
{
    if (secret.isEmpty())
        return;
    const QByteArray raw = secret.toUtf8();
    // Also the escaped spelling as it appears on the command line (P 3.1).
    QByteArray esc;
    for (char c : raw) {
        if (c == '\\' || c == '"' || c == ',')
            esc += '\\';
        esc += c;
    }
    for (const QByteArray &b : { raw, esc }) {
        const QString s = QString::fromUtf8(b);
        if (!m_secrets.contains(s))
            m_secrets.append(s);
    }
    // Longest first so a secret containing another is masked whole.
    std::sort(m_secrets.begin(), m_secrets.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

QByteArray SimulatedModule::maskSecrets(const QByteArray &bytes) const
{
    QByteArray r = bytes;
    for (const QString &s : m_secrets) {
        const QByteArray b = s.toUtf8();
        if (b.size() < 3) // masking 1-2 byte "secrets" would garble ordinary traffic
            continue;
        qsizetype pos = 0;
        while ((pos = r.indexOf(b, pos)) >= 0) {
            r.replace(pos, b.size(), QByteArray(b.size(), '*'));
            pos += b.size();
        }
    }
    return r;
}

// ---------------------------------------------------------------------------------------------
// Life cycle

void SimulatedModule::start()
{
    if (m_running)
        return;
    m_running = true;
    m_clock.restart();
    resetState(false);
    for (const Fault &f : m_options.faults)
        armFault(f);
    m_booting = true;
    m_executing = true;
    const int delay = m_options.bootDelayMs >= 0 ? m_options.bootDelayMs : (isEsp() ? 0 : 400);
    const quint64 gen = m_generation;
    QTimer::singleShot(delay, this, [this, gen]() {
        if (gen == m_generation && m_running)
            boot();
    });
}

void SimulatedModule::boot()
{
    m_booting = false;
    m_executing = false;
    m_line.clear();
    m_sawCr = false;
    // ESP prints "ready" when the AT core is up; Beken prints CR LF "ready" CR LF (P 2.6 "Boot").
    out(isEsp() ? QByteArray("ready\r\n") : QByteArray("\r\nready\r\n"));
    if (m_recorder)
        m_recorder->event(QStringLiteral("boot"));
    emit booted();
    if (m_storedWifi)
        joinWifi(m_storedSsid, m_storedPassword, true);
}

void SimulatedModule::stop()
{
    if (!m_running)
        return;
    ++m_generation;
    mqttDestroy();
    closeAllLinks(false);
    delete m_server;
    m_server = nullptr;
    qDeleteAll(m_faultTimers);
    m_faultTimers.clear();
    m_pacer->clear();
    m_net->clear();
    m_sntpTimer.stop();
    m_sendlTimer.stop();
    m_ptFlushTimer.stop();
    m_ptGuardTimer.stop();
    m_running = false;
}

void SimulatedModule::resetState(bool factory)
{
    m_echo = true;
    m_syslog = 0;
    m_sysmsg = 0;
    m_cwmode = 1;
    // Beken source defaults to multi-link (g_conmode = 1), the doc to 0 (P 5.2, P 6 #20).
    m_cipmux = m_options.dialect == Dialect::BekenSrc ? 1 : 0;
    m_cipmode = 0;
    m_cipdinfo = 0;
    m_recvMode = 0;
    m_transIntvl = 20;
    m_wifiConnected = false;
    m_ssid.clear();
    m_hadLinks = false;
    m_wifiState = 0;
    m_lastSsid.clear();
    m_sleepMode = 1;
    m_wifiInit = 1;
    m_dataMode = DataMode::None;
    m_sendingData = false;
    m_ptBuffer.clear();
    m_ptPlus = 0;
    m_line.clear();
    m_lineOverlong = false;
    m_sawCr = false;
    m_mqtt = MqttState();
    m_psk.clear();
    m_sntp = Sntp();
    m_sntp.tzMinutes = 0;
    m_sntp.servers = QStringList { QStringLiteral("cn.ntp.org.cn"), QStringLiteral("ntp.sjtu.edu.cn"),
                                   QStringLiteral("us.pool.ntp.org") };
    if (factory || m_sysstore == 0) {
        m_dnsEnable = 0;
        m_dnsServers.clear();
    }
    if (factory) {
        m_sysstore = 1;
        m_storedWifi = false;
        m_storedSsid.clear();
        m_storedPassword.clear();
        m_uartDefBaud = m_options.baud;
    }
    // AT+UART_CUR is not kept across a reset; AT+UART_DEF is (P 2.1).
    if (m_pacer->baud() != 0 || m_uartDefBaud != 0)
        m_pacer->setBaud(m_uartDefBaud);
}

// Runs action after the simulated network's latency (at once with latency 0), unless the module
// restarts meanwhile.
void SimulatedModule::afterLatency(std::function<void()> action, qint64 bytes)
{
    const quint64 gen = m_generation;
    m_net->post([this, gen, action = std::move(action)]() {
        if (gen == m_generation && m_running)
            action();
    }, bytes);
}

// AT+RESTORE: the flash-kept ESP-AT settings back to a fresh module's, with its own MACs.
void SimulatedModule::restoreSettings()
{
    m_settings = ModuleSettings();
    m_settings.staMac = m_options.stationMac.isEmpty() ? QString::fromLatin1(macFor(QStringLiteral("atbench-sim-station")))
                                                       : m_options.stationMac.toLower();
    // ESP-IDF derives the softAP MAC from the station's: the last byte plus one.
    QByteArray ap = m_settings.staMac.toLatin1();
    const int last = ap.right(2).toInt(nullptr, 16);
    ap = ap.left(ap.size() - 2) + QByteArray::number((last + 1) & 0xff, 16).rightJustified(2, '0');
    m_settings.apMac = QString::fromLatin1(ap);
    m_settings.ap.ssid = QStringLiteral("ESP_") + QString::fromLatin1(ap.right(8)).remove(QLatin1Char(':')).toUpper();
}

void SimulatedModule::reboot(bool printOk, int bootMs)
{
    if (printOk)
        finishOk();
    const bool wasJoined = m_wifiConnected;
    ++m_generation;
    m_net->clear();
    mqttDestroy();
    closeAllLinks(false);
    delete m_server;
    m_server = nullptr;
    m_ptFlushTimer.stop();
    m_ptGuardTimer.stop();
    if (wasJoined && isEsp())
        outLine("WIFI DISCONNECT");
    resetState(false);
    m_booting = true;
    m_executing = true;
    const quint64 gen = m_generation;
    QTimer::singleShot(bootMs >= 0 ? bootMs : (isEsp() ? 300 : 400), this, [this, gen]() {
        if (gen == m_generation && m_running)
            boot();
    });
}

// ---------------------------------------------------------------------------------------------
// Output

QByteArray SimulatedModule::okToken() const
{
    return isEsp() ? QByteArray("\r\nOK\r\n") : QByteArray("OK\r\n");
}

void SimulatedModule::out(const QByteArray &bytes)
{
    if (!m_running || bytes.isEmpty())
        return;
    if (m_recorder)
        m_recorder->record("tx", maskSecrets(bytes));
    m_pacer->toHost(bytes);
}

void SimulatedModule::urc(const QByteArray &line)
{
    outLine(line);
}

void SimulatedModule::emitToHost(QByteArray chunk)
{
    if (m_dropP > 0 || m_garbleP > 0) {
        QByteArray kept;
        kept.reserve(chunk.size());
        qint64 dropped = 0;
        for (char c : std::as_const(chunk)) {
            if (m_dropP > 0 && m_rng.generateDouble() < m_dropP) {
                ++dropped;
                continue;
            }
            if (m_garbleP > 0 && m_rng.generateDouble() < m_garbleP)
                c = char(c ^ (1 << m_rng.bounded(8)));
            kept.append(c);
        }
        m_faultDropped += dropped;
        chunk = kept;
    }
    if (chunk.isEmpty())
        return;
    m_bytesToHost += chunk.size();
    emit sendToHost(chunk);
}

// The module is idle again *before* the final code goes out, so a host that answers from
// inside sendToHost() (direct connection) is not told "busy p...".
void SimulatedModule::finishOk()
{
    m_executing = false;
    noteFinalQueued();
    out(okToken());
    emit commandExecuted(m_executingName);
}

void SimulatedModule::noteFinalQueued()
{
    ++m_finalsQueued;
    m_finalsWaitNs += m_pacer->toHostBusyNs();
}

void SimulatedModule::finishError(quint32 errCode, quint32 extraCode)
{
    QByteArray bytes;
    if (isEsp()) {
        // ERR CODE lines are printed only with AT+SYSLOG=1 (P 2.3).
        if (m_syslog) {
            if (errCode)
                bytes += QByteArray("ERR CODE:0x") + QByteArray::number(errCode, 16).rightJustified(8, '0') + "\r\n";
            if (extraCode)
                bytes += QByteArray("ERR CODE:0x") + QByteArray::number(extraCode, 16).rightJustified(8, '0') + "\r\n";
        }
        bytes += "\r\nERROR\r\n";
    } else {
        bytes = "ERROR\r\n";
    }
    m_executing = false;
    noteFinalQueued();
    out(bytes);
    emit commandExecuted(m_executingName);
}

void SimulatedModule::finishCipSendError()
{
    // Seed 000 prints CMDRSP:ERROR for CIPSEND failures (P 2.3, P 7.5 #96).
    if (m_options.dialect == Dialect::BekenDoc) {
        m_executing = false;
        out("CMDRSP:ERROR\r\n");
        emit commandExecuted(m_executingName);
    } else {
        finishError(0x010a0000);
    }
}

void SimulatedModule::finishNone()
{
    m_executing = false;
    emit commandExecuted(m_executingName);
}

void SimulatedModule::beginAsync()
{
    m_executing = true;
}

// ---------------------------------------------------------------------------------------------
// Pacing: absolute-deadline 1 ms ticks with a byte budget per direction (performance.md 1.3).

qint64 SimulatedModule::baud() const { return m_pacer->baud(); }
void SimulatedModule::setBaud(qint64 baud) { m_pacer->setBaud(baud); }
qint64 SimulatedModule::pendingToHost() const { return m_pacer->pendingToHost(); }
qint64 SimulatedModule::pendingFromHost() const { return m_pacer->pendingFromHost(); }

// Links that stopped reading because the UART backlog was high resume once it has drained.
void SimulatedModule::onPacerTick()
{
    if (!m_linksStarved)
        return;
    if (pendingToHost() >= kHostBacklogLow) {
        m_pacer->keepTicking();
        return;
    }
    m_linksStarved = false;
    for (Link *l : m_links.all())
        pumpLink(l);
}

void SimulatedModule::reportOverrun(qint64 bytes)
{
    if (bytes <= 0)
        return;
    m_overruns += bytes;
    if (m_recorder)
        m_recorder->event(QStringLiteral("overrun"), QJsonObject { { QStringLiteral("bytes"), double(bytes) } });
    emit overrunOccurred(bytes);
}

// ---------------------------------------------------------------------------------------------
// Input

void SimulatedModule::receiveFromHost(const QByteArray &bytes)
{
    if (!m_running || bytes.isEmpty())
        return;
    m_bytesFromHost += bytes.size();
    m_pacer->fromHost(bytes);
}

void SimulatedModule::processInput(const QByteArray &bytes)
{
    if (m_processing) { // a direct-connected host answered from inside sendToHost()
        m_reentrantInput += bytes;
        return;
    }
    m_processing = true;
    QByteArray work = bytes;
    while (!work.isEmpty()) {
        qsizetype i = 0;
        while (i < work.size()) {
            if (m_dataMode == DataMode::Passthrough) {
                recordRx(work.mid(i));
                handlePassthroughBytes(work.mid(i));
                i = work.size();
                break;
            }
            if (m_dataMode == DataMode::CipSendL) {
                const int n = handleSendLBytes(work.mid(i));
                recordRx(work.mid(i, n));
                i += n;
                continue;
            }
            if (m_sendingData) {
                // Bytes beyond <len> while the data is being sent (P 2.5, P 7.2 #26, #116).
                const QByteArray surplus = work.mid(i);
                recordRx(surplus);
                if (isEsp()) {
                    out("busy p...\r\n");
                } else {
                    m_surplus += surplus;
                }
                i = work.size();
                break;
            }
            if (m_dataMode != DataMode::None) {
                int consumed = 0;
                const QByteArray rest = work.mid(i);
                handleDataBytes(rest, &consumed);
                recordRx(rest.left(consumed));
                i += consumed;
                continue;
            }
            handleLineByte(work.at(i));
            ++i;
        }
        work = m_reentrantInput;
        m_reentrantInput.clear();
    }
    m_processing = false;
}

void SimulatedModule::handleLineByte(char c)
{
    if (c == '\n' && m_sawCr) {
        QByteArray line = m_line;
        line.chop(1); // the CR
        const bool overlong = m_lineOverlong;
        m_line.clear();
        m_lineOverlong = false;
        m_sawCr = false;
        handleLine(line, overlong);
        return;
    }
    m_sawCr = c == '\r';
    if (m_line.size() < kMaxLine + 2)
        m_line.append(c);
    else
        m_lineOverlong = true;
}

void SimulatedModule::recordRx(const QByteArray &bytes)
{
    if (m_recorder && !bytes.isEmpty())
        m_recorder->record("rx", maskSecrets(bytes));
}

void SimulatedModule::registerLineSecrets(const Command &c)
{
    // Secrets are registered before the line is recorded or logged (record rx is per line).
    auto reg = [&](int i) {
        if (i < c.params.size())
            registerSecret(QString::fromUtf8(c.params.at(i).value));
    };
    if (c.name == "AT+CWJAP" || c.name == "AT+CWSAP")
        reg(1);
    else if (c.name == "AT+MQTTUSERCFG")
        reg(4);
    else if (c.name == "AT+MQTTPASSWORD")
        reg(1);
    else if (c.name == "AT+CIPSSLCPSK") {
        reg(int(c.params.size()) - 2);
    }
}

void SimulatedModule::handleLine(const QByteArray &line, bool overlong)
{
    Command pre;
    if (m_recorder && Command::parse(line, m_options.dialect, &pre))
        registerLineSecrets(pre);
    recordRx(line + "\r\n");
    handleLineImpl(line, overlong);
}

void SimulatedModule::handleLineImpl(const QByteArray &line, bool overlong)
{
    if (m_booting)
        return; // nothing listens while the module boots
    if (line.isEmpty() && !isEsp())
        return;
    if (m_executing) {
        // One command at a time; anything else is rejected and discarded (P 2.1, P 7.1 #7).
        if (isEsp()) {
            if (m_syslog)
                out("ERR CODE:0x010b0000\r\n");
            out("busy p...\r\n");
        } else {
            out("\r\nBUSY\r\n");
        }
        return;
    }
    if (m_busyFor > 0) {
        --m_busyFor;
        if (isEsp()) {
            if (m_syslog)
                out("ERR CODE:0x010b0000\r\n");
            out("busy p...\r\n");
        } else {
            out("\r\nBUSY\r\n");
        }
        return;
    }
    // Echo: ESP returns the line and CR LF; Beken the line and two CR LF (P 2.2).
    if (m_echo)
        out(line + (isEsp() ? QByteArray("\r\n") : QByteArray("\r\n\r\n")));
    m_executingName = QStringLiteral("?");
    if (overlong || line.size() > kMaxLine) { // P 3.3: lines over 256 bytes are rejected
        m_commandCounts[QStringLiteral("<overlong>")]++;
        finishError(0x01040000);
        return;
    }
    Command cmd;
    if (!Command::parse(line, m_options.dialect, &cmd)) {
        m_commandCounts[QStringLiteral("<invalid>")]++;
        finishError(line.isEmpty() ? 0x01020000 : 0x01030000);
        return;
    }
    dispatch(cmd);
}

} // namespace atb::sim
