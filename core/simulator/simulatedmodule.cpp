// SimulatedModule core: input framing, pacing, dispatcher, basic and Wi-Fi commands, faults.
// Networking commands are in simulatedmodule_net.cpp, MQTT in simulatedmodule_mqtt.cpp.
#include "simulator/simulatedmodule.h"

#include "simulator/mqttclient.h"
#include "simulator/recorder.h"
#include "simulator/simlogging.h"

#include "atbench_version.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QTcpServer>

namespace atb::sim {

QString dialectName(Dialect d)
{
    switch (d) {
    case Dialect::Esp: return QStringLiteral("esp");
    case Dialect::BekenDoc: return QStringLiteral("beken-doc");
    case Dialect::BekenSrc: return QStringLiteral("beken-src");
    }
    return QString();
}

bool parseDialect(const QString &name, Dialect *out)
{
    if (name == QLatin1String("esp"))
        *out = Dialect::Esp;
    else if (name == QLatin1String("beken-doc") || name == QLatin1String("beken"))
        *out = Dialect::BekenDoc; // "beken" as atbench and atbench-cli spell it: the seed's behaviour
    else if (name == QLatin1String("beken-src"))
        *out = Dialect::BekenSrc;
    else
        return false;
    return true;
}

// ---------------------------------------------------------------------------------------------
// Fault SPEC grammar

QString Fault::grammarHelp()
{
    return QStringLiteral(
        "Fault SPEC grammar:  NAME[:ARG][@MS]   (@MS = apply MS milliseconds after boot, else at boot)\n"
        "  busy:N          answer the next N commands with \"busy p...\" (Beken: BUSY)\n"
        "  error:CODE      fail the next command with ERR CODE CODE (e.g. 0x010a6044); the\n"
        "                  ERR CODE line is printed when AT+SYSLOG=1, ERROR always\n"
        "  delay:MS        delay every reply by MS milliseconds (busy meanwhile; 0 = off)\n"
        "  drop:P          drop each device->host byte with probability P (0..1)\n"
        "  garble:P        flip one bit of each device->host byte with probability P (0..1)\n"
        "  reset           spontaneous module reset (boots again and prints ready)\n"
        "  broker-drop     the MQTT broker connection is lost (+MQTTDISCONNECTED:0; with\n"
        "                  reconnect=1 it comes back after about 1 s with +MQTTCONNECTED)\n"
        "  wifi-drop       the Wi-Fi link is lost (WIFI DISCONNECT, links CLOSED, MQTT lost)\n"
        "  join-fail:N     the next AT+CWJAP fails with +CWJAP:N (1 timeout, 2 wrong password,\n"
        "                  3 AP not found, 4 connect failed)\n"
        "Examples: --fault busy:2 --fault error:0x010a6044 --fault reset@5000 --fault drop:0.001");
}

bool Fault::parse(const QString &spec, Fault *out, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("bad fault spec '%1': %2").arg(spec, why);
        return false;
    };
    Fault f;
    QString s = spec.trimmed();
    const int at = s.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        bool ok = false;
        f.atMs = s.mid(at + 1).toLongLong(&ok);
        if (!ok || f.atMs < 0)
            return fail(QStringLiteral("'@' must be followed by milliseconds >= 0"));
        s = s.left(at);
    }
    const int colon = s.indexOf(QLatin1Char(':'));
    const QString name = colon >= 0 ? s.left(colon) : s;
    const QString arg = colon >= 0 ? s.mid(colon + 1) : QString();
    bool ok = true;
    if (name == QLatin1String("busy")) {
        f.kind = Kind::Busy;
        f.count = arg.isEmpty() ? 1 : arg.toLongLong(&ok);
        if (!ok || f.count < 1)
            return fail(QStringLiteral("busy:N needs N >= 1"));
    } else if (name == QLatin1String("error")) {
        f.kind = Kind::Error;
        const qulonglong v = arg.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)
            ? arg.mid(2).toULongLong(&ok, 16) : arg.toULongLong(&ok, 10);
        if (!ok || arg.isEmpty() || v > 0xffffffffULL)
            return fail(QStringLiteral("error:CODE needs a 32-bit code such as 0x010a6044"));
        f.code = quint32(v);
    } else if (name == QLatin1String("delay")) {
        f.kind = Kind::Delay;
        f.delayMs = arg.toLongLong(&ok);
        if (!ok || f.delayMs < 0 || f.delayMs > 600000)
            return fail(QStringLiteral("delay:MS needs 0..600000"));
    } else if (name == QLatin1String("drop") || name == QLatin1String("garble")) {
        f.kind = name == QLatin1String("drop") ? Kind::Drop : Kind::Garble;
        f.probability = arg.toDouble(&ok);
        if (!ok || f.probability < 0 || f.probability > 1)
            return fail(QStringLiteral("%1:P needs a probability 0..1").arg(name));
    } else if (name == QLatin1String("reset")) {
        f.kind = Kind::Reset;
    } else if (name == QLatin1String("broker-drop")) {
        f.kind = Kind::BrokerDrop;
    } else if (name == QLatin1String("wifi-drop")) {
        f.kind = Kind::WifiDrop;
    } else if (name == QLatin1String("join-fail")) {
        f.kind = Kind::JoinFail;
        f.count = arg.toLongLong(&ok);
        if (!ok || f.count < 1 || f.count > 4)
            return fail(QStringLiteral("join-fail:N needs N in 1..4"));
    } else {
        return fail(QStringLiteral("unknown fault name '%1'").arg(name));
    }
    if (!arg.isEmpty() && (f.kind == Kind::Reset || f.kind == Kind::BrokerDrop || f.kind == Kind::WifiDrop))
        return fail(QStringLiteral("%1 takes no argument").arg(name));
    *out = f;
    return true;
}

QString Fault::toString() const
{
    QString s;
    switch (kind) {
    case Kind::Busy: s = QStringLiteral("busy:%1").arg(count); break;
    case Kind::Error: s = QStringLiteral("error:0x%1").arg(code, 8, 16, QLatin1Char('0')); break;
    case Kind::Delay: s = QStringLiteral("delay:%1").arg(delayMs); break;
    case Kind::Drop: s = QStringLiteral("drop:%1").arg(probability); break;
    case Kind::Garble: s = QStringLiteral("garble:%1").arg(probability); break;
    case Kind::Reset: s = QStringLiteral("reset"); break;
    case Kind::BrokerDrop: s = QStringLiteral("broker-drop"); break;
    case Kind::WifiDrop: s = QStringLiteral("wifi-drop"); break;
    case Kind::JoinFail: s = QStringLiteral("join-fail:%1").arg(count); break;
    }
    if (atMs >= 0)
        s += QStringLiteral("@%1").arg(atMs);
    return s;
}

// ---------------------------------------------------------------------------------------------

SimulatedModule::SimulatedModule(const Options &options, QObject *parent)
    : QObject(parent),
      m_options(options),
      m_pacer(this),
      m_ptFlushTimer(this),
      m_ptGuardTimer(this)
{
    m_baud = options.baud;
    m_uartDefBaud = options.baud;
    m_rng = options.randomSeed ? QRandomGenerator(options.randomSeed)
                               : QRandomGenerator(QRandomGenerator::global()->generate());
    m_pacer.setTimerType(Qt::PreciseTimer);
    m_pacer.setInterval(1);
    connect(&m_pacer, &QTimer::timeout, this, &SimulatedModule::paceTick);
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
    m_pacer.stop();
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
    if (m_baud != 0 || m_uartDefBaud != 0)
        m_baud = m_uartDefBaud;
}

void SimulatedModule::reboot(bool printOk)
{
    if (printOk)
        finishOk();
    const bool wasJoined = m_wifiConnected;
    ++m_generation;
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
    QTimer::singleShot(isEsp() ? 300 : 400, this, [this, gen]() {
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
    if (m_baud <= 0) {
        emitToHost(bytes);
        return;
    }
    if (pendingToHost() == 0) {
        m_outQueue.clear();
        m_outPos = 0;
        m_outBaseNs = m_clock.nsecsElapsed();
        m_outSent = 0;
    }
    m_outQueue.append(bytes);
    kickPacer(); // output starts at once too, like a UART
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
    out(okToken());
    emit commandExecuted(m_executingName);
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

void SimulatedModule::setBaud(qint64 baud)
{
    m_baud = qMax<qint64>(0, baud);
    if (m_baud == 0) {
        // Flush what is queued.
        if (pendingToHost() > 0) {
            const QByteArray rest = m_outQueue.mid(m_outPos);
            m_outQueue.clear();
            m_outPos = 0;
            emitToHost(rest);
        }
        if (m_inPos < m_inQueue.size()) {
            const QByteArray rest = m_inQueue.mid(m_inPos);
            m_inQueue.clear();
            m_inPos = 0;
            processInput(rest);
        }
    }
}

void SimulatedModule::ensurePacer()
{
    if (!m_pacer.isActive())
        m_pacer.start();
}

void SimulatedModule::kickPacer()
{
    ensurePacer();
    // Host input is taken at once rather than at the next 1 ms tick: a real UART starts
    // shifting immediately, and waiting for a tick on the command and data legs of a CIPSEND
    // round trip costs normal-mode throughput several percent.
    if (!m_paceScheduled) {
        m_paceScheduled = true;
        QMetaObject::invokeMethod(this, [this] {
            m_paceScheduled = false;
            paceTick();
        }, Qt::QueuedConnection);
    }
}

void SimulatedModule::paceTick()
{
    if (!m_running || m_baud <= 0) {
        m_pacer.stop();
        return;
    }
    const qint64 now = m_clock.nsecsElapsed();
    const double rate = double(m_baud) / 10.0; // 8N1: 10 bit times per byte
    // Catch up after a late tick, but never burst more than 20 ms worth of line time.
    const qint64 burstCap = qMax<qint64>(1, qint64(rate * 0.020));
    // Bytes may be handed over up to 16 byte times ahead of their line time (at most one tick):
    // a constant shift that keeps the long-run rate exact, so that a short reply ("OK", ">",
    // "SEND OK") does not wait for the next 1 ms tick. Without it every stop-and-wait leg waits
    // for a tick; with a whole tick of lookahead short replies would travel faster than the line.
    const qint64 lookaheadNs = qMin<qint64>(1000000, qint64(16.0 * 1e9 / rate));
    auto budget = [&](qint64 &base, qint64 &sent) -> qint64 {
        qint64 allowed = qint64(double(now - base + lookaheadNs) * rate / 1e9) - sent;
        if (allowed > burstCap) {
            base = now - qint64(double(burstCap) * 1e9 / rate);
            sent = 0;
            allowed = burstCap;
        }
        return allowed;
    };

    qint64 pendingOut = pendingToHost();
    if (pendingOut > 0) {
        const qint64 n = qMin(pendingOut, budget(m_outBaseNs, m_outSent));
        if (n > 0) {
            m_outSent += n;
            const QByteArray chunk = m_outQueue.mid(m_outPos, n);
            m_outPos += n;
            if (m_outPos >= m_outQueue.size()) {
                m_outQueue.clear();
                m_outPos = 0;
            } else if (m_outPos > (1 << 20)) {
                m_outQueue.remove(0, m_outPos);
                m_outPos = 0;
            }
            emitToHost(chunk);
        }
    }
    if (pendingToHost() == 0) {
        if (m_pendingBaud >= 0) {
            // AT+UART_CUR/DEF: the new rate applies once the OK has left at the old rate.
            m_baud = m_pendingBaud;
            m_pendingBaud = -1;
        }
        m_outBaseNs = now;
        m_outSent = 0;
    }
    if (pendingToHost() < kHostBacklogLow && m_linksStarved) {
        m_linksStarved = false;
        const auto links = m_links.values();
        for (Link *l : links)
            pumpLink(l);
    }

    const qint64 pendingIn = m_inQueue.size() - m_inPos;
    if (pendingIn > 0) {
        const qint64 n = qMin(pendingIn, budget(m_inBaseNs, m_inTaken));
        if (n > 0) {
            m_inTaken += n;
            const QByteArray chunk = m_inQueue.mid(m_inPos, n);
            m_inPos += n;
            if (m_inPos >= m_inQueue.size()) {
                m_inQueue.clear();
                m_inPos = 0;
            } else if (m_inPos > 64 * 1024) {
                m_inQueue.remove(0, m_inPos);
                m_inPos = 0;
            }
            processInput(chunk);
        }
    } else {
        m_inBaseNs = now;
        m_inTaken = 0;
    }
    if (pendingToHost() == 0 && m_inQueue.isEmpty() && !m_linksStarved)
        m_pacer.stop();
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
    if (m_baud <= 0) {
        processInput(bytes);
        return;
    }
    if (m_inPos >= m_inQueue.size()) {
        m_inQueue.clear();
        m_inPos = 0;
        m_inBaseNs = m_clock.nsecsElapsed();
        m_inTaken = 0;
    }
    m_inQueue.append(bytes);
    kickPacer();
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
    if (c.name == "AT+CWJAP")
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
    if (m_recorder && parseCommand(line, &pre))
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
    if (!parseCommand(line, &cmd)) {
        m_commandCounts[QStringLiteral("<invalid>")]++;
        finishError(line.isEmpty() ? 0x01020000 : 0x01030000);
        return;
    }
    dispatch(cmd);
}

bool SimulatedModule::parseCommand(const QByteArray &line, Command *cmd) const
{
    // Commands start with upper-case AT (P 2.1).
    if (!line.startsWith("AT"))
        return false;
    cmd->line = line;
    if (line == "AT") {
        cmd->name = "AT";
        return true;
    }
    if (line.size() >= 3 && line.at(2) != '+') {
        // ATE0, ATE1 (no other basic V.250 commands are implemented).
        cmd->name = line;
        return true;
    }
    qsizetype i = 3;
    while (i < line.size()) {
        const char c = line.at(i);
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            break;
        ++i;
    }
    cmd->name = line.left(i);
    const QByteArray rest = line.mid(i);
    if (rest.isEmpty()) {
        cmd->kind = 'e';
        return true;
    }
    if (rest == "?") {
        cmd->kind = 'q';
        return true;
    }
    if (rest == "=?") {
        cmd->kind = 't';
        return true;
    }
    if (!rest.startsWith('=')) {
        cmd->kind = 'x'; // garbage after the name
        return true;
    }
    cmd->kind = 's';
    const QByteArray p = rest.mid(1);
    Param cur;
    bool inQuote = false;
    const Dialect d = m_options.dialect;
    for (qsizetype k = 0; k < p.size(); ++k) {
        const char c = p.at(k);
        if (c == '\\' && k + 1 < p.size()) {
            const char n = p.at(k + 1);
            if (d == Dialect::BekenSrc) {
                // Beken source only un-escapes \" and "\ " (P 3.2).
                if (n == '"' || n == ' ') {
                    cur.value += n;
                    ++k;
                } else {
                    cur.value += c;
                }
            } else {
                // ESP (and the Beken doc): \\ \, \" and \<any> -> <any> (P 3.1).
                cur.value += n;
                ++k;
            }
            cur.present = true;
            continue;
        }
        if (c == '"') {
            inQuote = !inQuote;
            cur.quoted = true;
            cur.present = true;
            continue;
        }
        if (c == ',') {
            if (inQuote && d == Dialect::Esp) {
                // An unescaped comma inside quotes is a separator on ESP, which breaks the
                // parameter (P 3.1, espressif/esp-at#647: ERR CODE:0x0108<index>).
                if (cmd->parseErrorIndex < 0)
                    cmd->parseErrorIndex = int(cmd->params.size());
                break;
            }
            if (!inQuote) {
                cmd->params.append(cur);
                cur = Param();
                continue;
            }
        }
        if (c == ' ' && !inQuote && d != Dialect::Esp)
            continue; // Beken tolerates blanks between parameters (seed 000 examples, P 6 #7)
        cur.value += c;
        cur.present = true;
    }
    if (inQuote && cmd->parseErrorIndex < 0)
        cmd->parseErrorIndex = int(cmd->params.size());
    cmd->params.append(cur);
    return true;
}

void SimulatedModule::dispatch(const Command &cmd)
{
    const QString name = QString::fromLatin1(cmd.name);
    m_commandCounts[name]++;
    m_executingName = name;
    qCDebug(lcSim).noquote() << "command" << QString::fromUtf8(maskSecrets(cmd.line));
    if (m_replyDelayMs > 0) {
        beginAsync();
        const quint64 gen = m_generation;
        QTimer::singleShot(m_replyDelayMs, this, [this, gen, cmd]() {
            if (gen == m_generation && m_running)
                execute(cmd);
        });
        return;
    }
    execute(cmd);
}

// ---------------------------------------------------------------------------------------------
// Parameter helpers

bool SimulatedModule::intParam(const Command &c, int idx, qint64 *v) const
{
    if (idx >= c.params.size() || !c.params.at(idx).present)
        return false;
    const Param &p = c.params.at(idx);
    if (p.quoted && isEsp())
        return false; // integers are bare on ESP (P 3.1)
    bool ok = false;
    *v = p.value.trimmed().toLongLong(&ok, 10);
    return ok;
}

QString SimulatedModule::strParam(const Command &c, int idx) const
{
    if (idx >= c.params.size())
        return QString();
    return QString::fromUtf8(c.params.at(idx).value);
}

bool SimulatedModule::hasParam(const Command &c, int idx) const
{
    return idx < c.params.size() && c.params.at(idx).present;
}

// ---------------------------------------------------------------------------------------------
// Command table (also drives AT+CMD?)

namespace {
struct CommandInfo {
    const char *name;
    bool test, query, set, exec;
};
const CommandInfo kCommands[] = {
    { "AT", false, false, false, true },
    { "ATE0", false, false, false, true },
    { "ATE1", false, false, false, true },
    { "AT+RST", true, false, false, true },
    { "AT+GMR", true, false, false, true },
    { "AT+CMD", false, true, false, false },
    { "AT+RESTORE", true, false, false, true },
    { "AT+SYSLOG", true, true, true, false },
    { "AT+SYSMSG", true, true, true, false },
    { "AT+SYSSTORE", true, true, true, false },
    { "AT+UART_CUR", true, true, true, false },
    { "AT+UART_DEF", true, true, true, false },
    { "AT+CWMODE", true, true, true, false },
    { "AT+CWJAP", true, true, true, true },
    { "AT+CWQAP", true, false, false, true },
    { "AT+CWLAP", true, false, true, true },
    { "AT+CIFSR", true, false, false, true },
    { "AT+CIPSTA", true, true, true, false },
    { "AT+CIPSTATUS", true, true, false, true },
    { "AT+CIPSTATE", true, true, false, false },
    { "AT+CIPSTART", true, false, true, false },
    { "AT+CIPSEND", true, false, true, true },
    { "AT+CIPSENDEX", true, false, true, false },
    { "AT+CIPCLOSE", true, false, true, true },
    { "AT+CIPMUX", true, true, true, false },
    { "AT+CIPMODE", true, true, true, false },
    { "AT+CIPDINFO", true, true, true, false },
    { "AT+CIPSERVER", true, true, true, false },
    { "AT+CIPSERVERMAXCONN", true, true, true, false },
    { "AT+CIPRECVMODE", true, true, true, false },
    { "AT+CIPRECVDATA", true, false, true, false },
    { "AT+CIPRECVLEN", true, true, false, false },
    { "AT+TRANSINTVL", true, true, true, false },
    { "AT+CIPSNTPCFG", true, true, true, false },
    { "AT+CIPSNTPTIME", true, true, false, false },
    { "AT+CIPDNS", true, true, true, false },
    { "AT+CIPDOMAIN", true, false, true, false },
    { "AT+PING", true, false, true, false },
    { "AT+CIPSSLCPSK", true, true, true, false },
    { "AT+MQTTUSERCFG", true, false, true, false },
    { "AT+MQTTCLIENTID", true, false, true, false },
    { "AT+MQTTUSERNAME", true, false, true, false },
    { "AT+MQTTPASSWORD", true, false, true, false },
    { "AT+MQTTCONNCFG", true, false, true, false },
    { "AT+MQTTALPN", true, false, true, false },
    { "AT+MQTTCONN", true, true, true, false },
    { "AT+MQTTPUB", true, false, true, false },
    { "AT+MQTTPUBRAW", true, false, true, false },
    { "AT+MQTTSUB", true, true, true, false },
    { "AT+MQTTUNSUB", true, false, true, false },
    { "AT+MQTTCLEAN", true, false, true, false },
};
const CommandInfo *findCommand(const QByteArray &name)
{
    for (const CommandInfo &ci : kCommands)
        if (name == ci.name)
            return &ci;
    return nullptr;
}
} // namespace

void SimulatedModule::execute(const Command &c)
{
    const CommandInfo *ci = findCommand(c.name);
    if (!ci) {
        finishError(0x01090000); // unsupported command (P 7.1 #2)
        return;
    }
    if (!m_failWith.isEmpty()) {
        const quint32 code = m_failWith.takeFirst();
        if (m_recorder)
            m_recorder->event(QStringLiteral("fault"), QJsonObject { { QStringLiteral("error"), QString::number(code, 16) } });
        finishError(code);
        return;
    }
    if (c.kind == 'x') {
        finishError(0x01090000);
        return;
    }
    if (c.kind == 't') {
        // Test commands: answer with the command name and OK (exact ranges are not simulated).
        if (!ci->test) {
            finishError(0x010c0000);
            return;
        }
        outLine(QByteArray(c.name.mid(2)) + ":(simulated)");
        finishOk();
        return;
    }
    const bool allowed = (c.kind == 'q' && ci->query) || (c.kind == 's' && ci->set) || (c.kind == 'e' && ci->exec);
    // Beken-src matches "AT+CIPSTATUS?" while ESP has the execute form; accept both on Beken.
    if (!allowed && !(isBeken() && c.name == "AT+CIPSTATUS")) {
        finishError(0x010c0000); // wrong operation type
        return;
    }
    if (c.parseErrorIndex >= 0 && !c.name.startsWith("AT+MQTT")) {
        finishError(0x01080000 | quint32(c.parseErrorIndex));
        return;
    }

    const QByteArray &n = c.name;
    if (n == "AT" || n == "ATE0" || n == "ATE1" || n == "AT+RST" || n == "AT+RESTORE")
        cmdBasic(c);
    else if (n == "AT+GMR")
        cmdGmr();
    else if (n == "AT+CMD")
        cmdCmdList();
    else if (n == "AT+SYSLOG")
        cmdSysFlag(c, &m_syslog, 1);
    else if (n == "AT+SYSMSG")
        cmdSysFlag(c, &m_sysmsg, 7);
    else if (n == "AT+SYSSTORE")
        cmdSysFlag(c, &m_sysstore, 1);
    else if (n == "AT+UART_CUR" || n == "AT+UART_DEF")
        cmdUart(c);
    else if (n == "AT+CWMODE")
        cmdCwmode(c);
    else if (n == "AT+CWJAP")
        cmdCwjap(c);
    else if (n == "AT+CWQAP")
        cmdCwqap();
    else if (n == "AT+CWLAP")
        cmdCwlap(c);
    else if (n == "AT+CIFSR")
        cmdCifsr();
    else if (n == "AT+CIPSTA")
        cmdCipsta(c);
    else if (n == "AT+CIPMUX")
        cmdCipmux(c);
    else if (n == "AT+CIPMODE")
        cmdCipmode(c);
    else if (n == "AT+CIPDINFO")
        cmdCipdinfo(c);
    else if (n == "AT+CIPSTART")
        cmdCipstart(c);
    else if (n == "AT+CIPSEND")
        cmdCipsend(c, false);
    else if (n == "AT+CIPSENDEX")
        cmdCipsend(c, true);
    else if (n == "AT+CIPCLOSE")
        cmdCipclose(c);
    else if (n == "AT+CIPSTATUS" || n == "AT+CIPSTATE")
        cmdCipstatus(c);
    else if (n == "AT+CIPSERVER" || n == "AT+CIPSERVERMAXCONN")
        cmdCipserver(c);
    else if (n == "AT+CIPRECVMODE")
        cmdCiprecvmode(c);
    else if (n == "AT+CIPRECVDATA")
        cmdCiprecvdata(c);
    else if (n == "AT+CIPRECVLEN")
        cmdCiprecvlen(c);
    else if (n == "AT+TRANSINTVL")
        cmdTransintvl(c);
    else if (n == "AT+CIPDNS")
        cmdCipdns(c);
    else if (n == "AT+CIPDOMAIN")
        cmdCipdomain(c);
    else if (n == "AT+PING")
        cmdPing(c);
    else if (n == "AT+CIPSNTPCFG")
        cmdCipsntpcfg(c);
    else if (n == "AT+CIPSNTPTIME")
        cmdCipsntptime(c);
    else if (n == "AT+CIPSSLCPSK")
        cmdCipsslcpsk(c);
    else if (n.startsWith("AT+MQTT"))
        cmdMqtt(c);
    else
        finishError(0x01090000);
}

// ---------------------------------------------------------------------------------------------
// Basic commands

void SimulatedModule::cmdBasic(const Command &c)
{
    if (c.name == "AT") {
        finishOk();
    } else if (c.name == "ATE0") {
        m_echo = false;
        finishOk();
    } else if (c.name == "ATE1") {
        m_echo = true;
        finishOk();
    } else if (c.name == "AT+RST") {
        reboot(true);
    } else if (c.name == "AT+RESTORE") {
        finishOk();
        m_storedWifi = false;
        m_sysstore = 1;
        m_dnsEnable = 0;
        m_dnsServers.clear();
        m_uartDefBaud = m_options.baud;
        reboot(false);
    }
}

void SimulatedModule::cmdGmr()
{
    if (isEsp()) {
        // Same shape as ESP-AT 2.x (P 7.1 #8); the text says honestly that this is a simulator.
        outLine("AT version:2.4.0.0(atbench-sim " ATBENCH_VERSION " - ESP32C3 - simulated)");
        outLine("SDK version:atbench-sim");
        outLine("compile time(atbench):" __DATE__ " " __TIME__);
        outLine("Bin version:2.4.0(SIM)");
    } else {
        outLine("ATSVR-01.01");
        outLine("atbench-sim " ATBENCH_VERSION " (" + dialectName(m_options.dialect).toLatin1() + ")");
    }
    finishOk();
}

void SimulatedModule::cmdCmdList()
{
    int index = 0;
    for (const CommandInfo &ci : kCommands) {
        outLine(QByteArray("+CMD:") + QByteArray::number(index++) + ",\"" + ci.name + "\"," + (ci.test ? "1" : "0")
                + "," + (ci.query ? "1" : "0") + "," + (ci.set ? "1" : "0") + "," + (ci.exec ? "1" : "0"));
    }
    finishOk();
}

void SimulatedModule::cmdSysFlag(const Command &c, int *value, int max)
{
    if (c.kind == 'q') {
        outLine(QByteArray(c.name.mid(2)) + ":" + QByteArray::number(*value));
        finishOk();
        return;
    }
    qint64 v = 0;
    if (c.params.size() != 1 || !intParam(c, 0, &v) || v < 0 || v > max) {
        finishError(0x01070000);
        return;
    }
    *value = int(v);
    finishOk();
}

void SimulatedModule::cmdUart(const Command &c)
{
    const bool def = c.name == "AT+UART_DEF";
    if (c.kind == 'q') {
        const qint64 b = def ? m_uartDefBaud : m_baud;
        outLine(QByteArray(c.name.mid(2)) + ":" + QByteArray::number(b ? b : 115200) + ",8,1,0,0");
        finishOk();
        return;
    }
    qint64 baud = 0, bits = 8, stop = 1, parity = 0, flow = 0;
    if (c.params.size() != 5 || !intParam(c, 0, &baud) || !intParam(c, 1, &bits) || !intParam(c, 2, &stop)
        || !intParam(c, 3, &parity) || !intParam(c, 4, &flow) || baud < 80 || baud > 5000000 || bits < 5
        || bits > 8 || stop < 1 || stop > 3 || parity < 0 || parity > 2 || flow < 0 || flow > 3) {
        finishError(0x01070000);
        return;
    }
    finishOk();
    // Pacing always counts 10 bit times per byte; data bits/parity/stop are accepted but not
    // simulated. An unthrottled simulator (--baud 0) stays unthrottled.
    if (m_baud > 0 || m_uartDefBaud > 0) {
        if (def)
            m_uartDefBaud = baud;
        m_pendingBaud = baud;
        if (pendingToHost() == 0) {
            m_baud = baud;
            m_pendingBaud = -1;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Wi-Fi

static QByteArray bssidFor(const QString &ssid)
{
    const QByteArray h = QCryptographicHash::hash(ssid.toUtf8(), QCryptographicHash::Sha1);
    QByteArray mac;
    for (int i = 0; i < 6; ++i) {
        const unsigned char b = i == 0 ? (uchar(h.at(0)) & 0xfc) | 0x02 : uchar(h.at(i));
        if (i)
            mac += ':';
        mac += QByteArray::number(b, 16).rightJustified(2, '0');
    }
    return mac;
}

void SimulatedModule::intSetting(const Command &c, const QByteArray &prefix, int *value, int max,
                                 const std::function<void()> &afterSet)
{
    if (c.kind == 'q') {
        outLine(prefix + QByteArray::number(*value));
        finishOk();
        return;
    }
    qint64 v = 0;
    if (!intParam(c, 0, &v) || v < 0 || v > max) {
        finishError(0x01070000);
        return;
    }
    *value = int(v);
    if (afterSet)
        afterSet();
    finishOk();
}

void SimulatedModule::cmdCwmode(const Command &c)
{
    intSetting(c, "+CWMODE:", &m_cwmode, 3, [this] {
        if ((m_cwmode == 0 || m_cwmode == 2) && m_wifiConnected)
            leaveWifi(true);
    });
}

void SimulatedModule::cmdCwjap(const Command &c)
{
    if (c.kind == 'q') {
        if (m_wifiConnected) {
            int rssi = -45, ch = 6;
            for (const AccessPoint &ap : std::as_const(m_options.accessPoints))
                if (ap.ssid == m_ssid) {
                    rssi = ap.rssi;
                    ch = ap.channel;
                }
            outLine("+CWJAP:\"" + m_ssid.toUtf8() + "\",\"" + bssidFor(m_ssid) + "\"," + QByteArray::number(ch)
                    + "," + QByteArray::number(rssi) + ",0,1,3,0,1");
        } else {
            outLine("No AP");
        }
        finishOk();
        return;
    }
    QString ssid = m_storedSsid, password = m_storedPassword;
    if (c.kind == 's') {
        if (c.params.size() < 2 || !hasParam(c, 0)) {
            finishError(0x01070000);
            return;
        }
        ssid = strParam(c, 0);
        password = strParam(c, 1);
        registerSecret(password);
    } else if (ssid.isEmpty()) {
        finishError(0x010a0000);
        return;
    }
    if (m_cwmode != 1 && m_cwmode != 3) {
        finishError(0x010a0000);
        return;
    }
    beginAsync();
    if (m_wifiConnected)
        leaveWifi(true);
    const quint64 gen = m_generation;
    // A join takes a moment on real hardware; the module is busy meanwhile.
    QTimer::singleShot(kJoinDelayMs, this, [this, gen, ssid, password]() {
        if (gen != m_generation || !m_running)
            return;
        int reason = 0;
        const AccessPoint *found = nullptr;
        for (const AccessPoint &ap : std::as_const(m_options.accessPoints))
            if (ap.ssid == ssid)
                found = &ap;
        if (m_joinFail) {
            reason = m_joinFail;
            m_joinFail = 0;
        } else if (!found) {
            reason = 3;
        } else if (found->password != password) {
            reason = 2;
        }
        if (reason) {
            // P 2.6: +CWJAP:<1 timeout|2 wrong password|3 AP not found|4 connect failed>, ERROR.
            if (isEsp())
                outLine("+CWJAP:" + QByteArray::number(reason));
            finishError(0x010a0000);
            return;
        }
        if (m_sysstore) {
            m_storedWifi = true;
            m_storedSsid = ssid;
            m_storedPassword = password;
        }
        joinWifi(ssid, password, false);
    });
}

void SimulatedModule::joinWifi(const QString &ssid, const QString &password, bool urcOnly)
{
    m_wifiConnected = true;
    m_ssid = ssid;
    m_wifiPassword = password;
    registerSecret(password);
    if (urcOnly || isEsp()) {
        outLine("WIFI CONNECTED");
        outLine("WIFI GOT IP");
        if (!urcOnly)
            finishOk();
    } else {
        // Beken doc: OK first, then the Wi-Fi events (P 2.6, P 7.6 #121).
        finishOk();
        outLine("WIFI CONNECTED");
        outLine("WIFI GOT IP");
    }
    if (m_sntp.enable)
        startNtpQuery();
}

void SimulatedModule::leaveWifi(bool printUrc)
{
    if (!m_wifiConnected)
        return;
    m_wifiConnected = false;
    m_ssid.clear();
    if (printUrc)
        outLine(isEsp() ? QByteArray("WIFI DISCONNECT") : QByteArray("WIFI DISCONNECTED"));
    closeAllLinks(true);
    if (m_mqtt.state >= 4) {
        if (m_mqttClient)
            m_mqttClient->disconnectFromBroker();
        mqttOnLost();
    }
}

void SimulatedModule::cmdCwqap()
{
    const bool was = m_wifiConnected;
    m_storedWifi = false;
    finishOk();
    if (was)
        leaveWifi(true);
}

void SimulatedModule::cmdCwlap(const Command &c)
{
    if (m_cwmode != 1 && m_cwmode != 3) {
        finishError(0x010a0000);
        return;
    }
    const QString only = c.kind == 's' ? strParam(c, 0) : QString();
    beginAsync();
    const quint64 gen = m_generation;
    QTimer::singleShot(kScanDelayMs, this, [this, gen, only]() {
        if (gen != m_generation || !m_running)
            return;
        QList<AccessPoint> aps = m_options.accessPoints;
        std::stable_sort(aps.begin(), aps.end(), [](const AccessPoint &a, const AccessPoint &b) { return a.rssi > b.rssi; });
        for (const AccessPoint &ap : std::as_const(aps)) {
            if (!only.isEmpty() && ap.ssid != only)
                continue;
            outLine("+CWLAP:(" + QByteArray(ap.password.isEmpty() ? "0" : "3") + ",\"" + ap.ssid.toUtf8() + "\","
                    + QByteArray::number(ap.rssi) + ",\"" + bssidFor(ap.ssid) + "\"," + QByteArray::number(ap.channel) + ")");
        }
        finishOk();
    });
}

void SimulatedModule::cmdCifsr()
{
    outLine(QByteArray("+CIFSR:STAIP,\"") + (m_wifiConnected ? m_staIp.toLatin1() : QByteArray("0.0.0.0")) + "\"");
    outLine("+CIFSR:STAMAC,\"" + bssidFor(QStringLiteral("atbench-sim-station")) + "\"");
    finishOk();
}

void SimulatedModule::cmdCipsta(const Command &c)
{
    if (c.kind == 's') {
        // Recorded and reported only: the simulator's sockets always use the host's loopback.
        QHostAddress a;
        if (!a.setAddress(strParam(c, 0)) || a.protocol() != QAbstractSocket::IPv4Protocol) {
            finishError(0x01070000);
            return;
        }
        m_staIp = a.toString();
        if (hasParam(c, 1))
            m_gateway = strParam(c, 1);
        if (hasParam(c, 2))
            m_netmask = strParam(c, 2);
        finishOk();
        return;
    }
    const bool up = m_wifiConnected;
    outLine("+CIPSTA:ip:\"" + (up ? m_staIp.toLatin1() : QByteArray("0.0.0.0")) + "\"");
    outLine("+CIPSTA:gateway:\"" + (up ? m_gateway.toLatin1() : QByteArray("0.0.0.0")) + "\"");
    outLine("+CIPSTA:netmask:\"" + (up ? m_netmask.toLatin1() : QByteArray("0.0.0.0")) + "\"");
    finishOk();
}

// ---------------------------------------------------------------------------------------------
// Faults

void SimulatedModule::armFault(const Fault &f)
{
    if (f.atMs < 0) {
        applyFault(f);
        return;
    }
    auto *t = new QTimer(this);
    t->setSingleShot(true);
    const quint64 gen = m_generation;
    connect(t, &QTimer::timeout, this, [this, f, t, gen]() {
        m_faultTimers.removeOne(t);
        t->deleteLater();
        if (m_running && gen == m_generation)
            applyFault(f);
    });
    m_faultTimers.append(t);
    t->start(int(f.atMs));
}

void SimulatedModule::applyFault(const Fault &f)
{
    qCInfo(lcSim).noquote() << "fault" << f.toString();
    if (m_recorder)
        m_recorder->event(QStringLiteral("fault"), QJsonObject { { QStringLiteral("spec"), f.toString() } });
    switch (f.kind) {
    case Fault::Kind::Busy: m_busyFor += int(f.count); break;
    case Fault::Kind::Error: m_failWith.append(f.code); break;
    case Fault::Kind::Delay: m_replyDelayMs = int(f.delayMs); break;
    case Fault::Kind::Drop: m_dropP = f.probability; break;
    case Fault::Kind::Garble: m_garbleP = f.probability; break;
    case Fault::Kind::Reset: reboot(false); break;
    case Fault::Kind::BrokerDrop: dropBrokerConnection(); break;
    case Fault::Kind::WifiDrop: leaveWifi(true); break;
    case Fault::Kind::JoinFail: m_joinFail = int(f.count); break;
    }
}

void SimulatedModule::injectFault(const Fault &fault)
{
    if (!m_running) {
        m_options.faults.append(fault);
        return;
    }
    armFault(fault);
}

bool SimulatedModule::injectFault(const QString &spec, QString *error)
{
    Fault f;
    if (!Fault::parse(spec, &f, error))
        return false;
    injectFault(f);
    return true;
}

void SimulatedModule::makeBusyFor(int commands) { m_busyFor += commands; }
void SimulatedModule::failNextCommandWith(quint32 errCode) { m_failWith.append(errCode); }
void SimulatedModule::setReplyDelay(int ms) { m_replyDelayMs = qMax(0, ms); }
void SimulatedModule::setDropProbability(double p) { m_dropP = qBound(0.0, p, 1.0); }
void SimulatedModule::setGarbleProbability(double p) { m_garbleP = qBound(0.0, p, 1.0); }
void SimulatedModule::resetSpontaneously() { if (m_running) reboot(false); }
void SimulatedModule::dropWifi() { leaveWifi(true); }

} // namespace atb::sim
