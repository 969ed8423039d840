#pragma once

#include <QtGlobal>
#include <chrono>

namespace atb {

// The monotonic clock that timestamps traffic, in nanoseconds: when a command's last byte left
// the port (AtResult::sentNs), when the session parsed an event (AtEvent::receivedNs), when a
// broker message reached the app's MQTT client (BrokerMessage::arrivedNs). Every thread reads
// the same clock (std::chrono::steady_clock), so stamps taken in the I/O thread, a Paho thread
// and the GUI thread can be subtracted from one another.
inline qint64 steadyClockNs()
{
    return qint64(std::chrono::duration_cast<std::chrono::nanoseconds>(
                      std::chrono::steady_clock::now().time_since_epoch())
                      .count());
}

} // namespace atb
