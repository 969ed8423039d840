// SimulatedModule: ESP-AT 2.4/3.x basic commands beyond the seeds (sleep, RAM, RF power, time
// stamp) and the parameter checks the Wi-Fi and TCP/IP extras share.
#include "simulator/simulatedmodule.h"

#include "simulator/wire.h"

#include <QDateTime>
#include <QHostAddress>
#include <QRegularExpression>

namespace atb::sim {

bool SimulatedModule::ipv4Param(const Command &c, int idx, QString *out) const
{
    QHostAddress a;
    if (!c.hasParam(idx) || !a.setAddress(c.strParam(idx)) || a.protocol() != QAbstractSocket::IPv4Protocol)
        return false;
    *out = a.toString();
    return true;
}

bool SimulatedModule::macParam(const Command &c, int idx, QString *out) const
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$"));
    const QString mac = c.strParam(idx);
    if (!re.match(mac).hasMatch())
        return false;
    // Bit 0 of the first byte marks a multicast address, which no interface may take.
    if (mac.left(2).toInt(nullptr, 16) & 1)
        return false;
    *out = mac.toLower();
    return true;
}

// AT+GSLP=<time>: prints the time, then the module sleeps and wakes with a reset (deep sleep).
void SimulatedModule::cmdGslp(const Command &c)
{
    qint64 ms = 0;
    if (!intParam(c, 0, &ms) || ms < 0 || ms > 0x7fffffffLL) {
        finishError(0x01070000);
        return;
    }
    outLine(num(ms));
    finishOk();
    // Deep sleep: no answer to anything until the wake-up reset; 0 sleeps until a reset, which
    // the simulator cannot receive, so it wakes at once.
    reboot(false, int(qMin<qint64>(ms, 24LL * 3600 * 1000)));
}

void SimulatedModule::cmdSleep(const Command &c)
{
    intSetting(c, "+SLEEP:", &m_sleepMode, 3);
}

void SimulatedModule::cmdSysram()
{
    // The heap of an ESP32-C3 running ESP-AT with a couple of links open (plausible figures;
    // the simulator has no heap of its own to report).
    const qint64 used = qint64(m_links.size()) * 6144 + (m_mqtt.state >= 4 ? 24576 : 0);
    outLine("+SYSRAM:" + num(172032 - used) + "," + num(139264 - used));
    finishOk();
}

void SimulatedModule::cmdSystimestamp(const Command &c)
{
    const qint64 clockS = (m_sntp.synced ? QDateTime::currentMSecsSinceEpoch() + m_sntp.offsetMs : m_clock.elapsed()) / 1000;
    if (c.kind == 'q') {
        outLine("+SYSTIMESTAMP:" + num(clockS + m_timestampOffsetS));
        finishOk();
        return;
    }
    qint64 v = 0;
    if (!intParam(c, 0, &v) || v < 0 || v > 0xffffffffLL) {
        finishError(0x01070000);
        return;
    }
    m_timestampOffsetS = v - clockS;
    finishOk();
}

void SimulatedModule::cmdRfpower(const Command &c)
{
    ModuleSettings &s = m_settings;
    if (c.kind == 'q') {
        outLine("+RFPOWER:" + num(s.rfWifi) + "," + num(s.rfBleAdv) + "," + num(s.rfBleScan) + "," + num(s.rfBleConn));
        finishOk();
        return;
    }
    // <wifi_power> 40..84 (0.25 dBm units, ESP32-C3); the three Bluetooth LE levels 0..15.
    qint64 v[4] = { s.rfWifi, s.rfBleAdv, s.rfBleScan, s.rfBleConn };
    if (c.params.size() > 4 || !intParam(c, 0, &v[0]) || v[0] < 40 || v[0] > 84) {
        finishError(0x01070000);
        return;
    }
    for (int i = 1; i < 4; ++i) {
        if (hasParam(c, i) && (!intParam(c, i, &v[i]) || v[i] < 0 || v[i] > 15)) {
            finishError(0x01070000);
            return;
        }
    }
    s.rfWifi = int(v[0]);
    s.rfBleAdv = int(v[1]);
    s.rfBleScan = int(v[2]);
    s.rfBleConn = int(v[3]);
    finishOk();
}

// AT+SLEEPWKCFG=<wakeup source>,<param1>[,<param2>]: 0 timer (ms), 1 reserved, 2 GPIO (pin, level).
void SimulatedModule::cmdSleepwkcfg(const Command &c)
{
    qint64 src = 0, p1 = 0, p2 = 0;
    if (!intParam(c, 0, &src) || (src != 0 && src != 2) || !intParam(c, 1, &p1) || p1 < 0
        || (src == 2 && (!intParam(c, 2, &p2) || p2 < 0 || p2 > 1))) {
        finishError(0x01070000);
        return;
    }
    m_settings.wakeSource = int(src);
    m_settings.wakeParam1 = int(p1);
    m_settings.wakeParam2 = int(p2);
    finishOk();
}

} // namespace atb::sim
