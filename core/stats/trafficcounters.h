#pragma once

#include <QAtomicInteger>
#include <array>

namespace atb {

// The byte (or message) paths the meter counts.
enum class ThroughputPath : int {
    UartTx,   // bytes the session wrote to the link (commands, payloads, raw passthrough)
    UartRx,   // bytes the session read from the link
    LinkTx,   // payload bytes of successful AT+CIPSEND / CIPSENDEX data phases
    LinkRx,   // payload bytes of +IPD and +CIPRECVDATA
    RawTx,    // passthrough bytes written (DeviceSession::sendRaw())
    RawRx,    // passthrough bytes received (rawDataReceived)
    MqttPub,  // successful AT+MQTTPUB / AT+MQTTPUBRAW (messages)
    MqttRecv, // +MQTTSUBRECV (messages)
    PeerTx,   // bytes a PC-side peer sent to the module's link (network side, fed by the lab)
    PeerRx,   // bytes a PC-side peer received from the module's link (network side, fed by the lab)
};
constexpr int kThroughputPathCount = 10;

// Running totals per path of one link: written by the thread that sees the traffic (a
// DeviceSession's I/O thread), read from any thread. Each total is exact at any moment; totals
// of different paths are not one snapshot. This is all ThroughputMeter needs from a session, so
// core/stats knows nothing of core/engine: DeviceSession counts into one and hands it out as a
// std::shared_ptr, which lets a meter outlive the session it watched.
class TrafficCounters
{
public:
    void add(ThroughputPath path, qint64 amount) { m_totals[size_t(path)].fetchAndAddRelaxed(amount); }
    qint64 total(ThroughputPath path) const { return m_totals[size_t(path)].loadRelaxed(); }

private:
    std::array<QAtomicInteger<qint64>, kThroughputPathCount> m_totals {};
};

} // namespace atb
