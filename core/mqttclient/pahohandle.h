// One way to end a Paho MQTTAsync client, for every host-side owner of one (BrokerClient,
// ReportPublisher): disconnect at once without waiting for in-flight work, then destroy. The
// handle is cleared first, so a callback that races with the teardown sees none.
#pragma once

#include <MQTTAsync.h>

namespace atb {

inline void destroyPahoHandle(MQTTAsync &handle)
{
    if (!handle)
        return;
    MQTTAsync h = handle;
    handle = nullptr;
    if (MQTTAsync_isConnected(h)) {
        MQTTAsync_disconnectOptions d = MQTTAsync_disconnectOptions_initializer;
        d.timeout = 0;
        MQTTAsync_disconnect(h, &d);
    }
    MQTTAsync_destroy(&h);
}

} // namespace atb
