// SimulatedModule: MQTT commands of seed 004 (ESP-AT v2.3) over Eclipse Paho C (P 5.1, P 7.4).
#include "simulator/simulatedmodule.h"

#include "simulator/delayline.h"
#include "simulator/mqttclient.h"
#include "simulator/simlogging.h"
#include "simulator/wire.h"

namespace atb::sim {

namespace {
constexpr quint32 kExec = 0x010a0000; // module 0x01, "execution failed" 0x0A, extension 0x60xx
} // namespace

void SimulatedModule::mqttDestroy()
{
    if (m_mqttClient) {
        m_mqttClient->disconnect(this);
        delete m_mqttClient;
        m_mqttClient = nullptr;
    }
}

void SimulatedModule::cmdMqtt(const Command &c)
{
    const QByteArray &n = c.name;
    auto err = [this](quint32 ext, quint32 first = 0) {
        if (first)
            finishError(first, kExec | ext);
        else
            finishError(kExec | ext);
    };
    if (n == "AT+MQTTCONN" && c.kind == 'q') {
        outLine("+MQTTCONN:0," + num(m_mqtt.state) + "," + num(m_mqtt.state ? m_mqtt.scheme : 0) + ",\""
                + m_mqtt.host.toUtf8() + "\",\"" + (m_mqtt.port ? num(m_mqtt.port) : QByteArray()) + "\",\""
                + m_mqtt.path.toUtf8() + "\"," + num(m_mqtt.reconnect));
        finishOk();
        return;
    }
    if (n == "AT+MQTTSUB" && c.kind == 'q') {
        for (const auto &s : std::as_const(m_mqtt.subs))
            outLine("+MQTTSUB:0," + num(m_mqtt.state) + ",\"" + s.first.toUtf8() + "\"," + num(s.second));
        finishOk();
        return;
    }
    // An unescaped comma inside a quoted string (P 3.1, P 7.4 #79).
    if (c.parseErrorIndex >= 0) {
        quint32 ext = 0x6008;
        if (n == "AT+MQTTPUB")
            ext = c.parseErrorIndex == 1 ? 0x6041 : c.parseErrorIndex == 2 ? 0x6044 : 0x6008;
        else if (n == "AT+MQTTUSERCFG")
            ext = c.parseErrorIndex == 2 ? 0x6014 : c.parseErrorIndex == 3 ? 0x6017 : c.parseErrorIndex == 4 ? 0x601A : 0x6027;
        err(ext, 0x01080000 | quint32(c.parseErrorIndex));
        return;
    }
    qint64 linkId = -1;
    if (!intParam(c, 0, &linkId)) {
        err(0x6010);
        return;
    }
    if (linkId != 0) {
        err(0x6011);
        return;
    }
    const int state = m_mqtt.state;
    const bool connected = state >= 4;
    const int np = int(c.params.size());
    auto len = [&](int i) { return c.params.value(i).value.size(); };

    if (n == "AT+MQTTUSERCFG") {
        qint64 scheme = 0, certId = 0, caId = 0;
        if (np != 8)
            return err(0x6008);
        if (!intParam(c, 1, &scheme))
            return err(0x6012);
        if (scheme < 1 || scheme > 10)
            return err(0x6013);
        if (len(2) == 0)
            return err(0x6015);
        if (len(2) > 256)
            return err(0x6016);
        if (len(3) > 64)
            return err(0x6019);
        if (len(4) > 64)
            return err(0x601C);
        if (!intParam(c, 5, &certId) || certId != 0)
            return err(0x601E);
        if (!intParam(c, 6, &caId) || caId != 0)
            return err(0x6020);
        if (len(7) > 32)
            return err(0x6029);
        if (connected)
            return err(0x6002);
        m_mqtt.scheme = int(scheme);
        m_mqtt.clientId = strParam(c, 2);
        m_mqtt.username = strParam(c, 3);
        m_mqtt.password = strParam(c, 4);
        registerSecret(m_mqtt.password);
        m_mqtt.path = strParam(c, 7);
        m_mqtt.state = 1;
        finishOk();
        return;
    }
    if (n == "AT+MQTTCLIENTID" || n == "AT+MQTTUSERNAME" || n == "AT+MQTTPASSWORD") {
        if (np != 2)
            return err(0x6008);
        if (state == 0)
            return err(0x6001);
        if (connected)
            return err(0x6002);
        const QString v = strParam(c, 1);
        if (n == "AT+MQTTCLIENTID") {
            if (v.isEmpty())
                return err(0x6015);
            m_mqtt.clientId = v;
        } else if (n == "AT+MQTTUSERNAME") {
            m_mqtt.username = v;
        } else {
            m_mqtt.password = v;
            registerSecret(v);
        }
        finishOk();
        return;
    }
    if (n == "AT+MQTTCONNCFG") {
        qint64 ka = 0, dc = 0, q = 0, r = 0;
        if (np != 7)
            return err(0x6008);
        if (!intParam(c, 1, &ka))
            return err(0x602B);
        if (ka < 0 || ka > 7200)
            return err(0x602D);
        if (!intParam(c, 2, &dc))
            return err(0x602E);
        if (dc < 0 || dc > 1)
            return err(0x602F);
        if (len(3) > 128)
            return err(0x6032);
        if (len(4) > 64)
            return err(0x6035);
        if (!intParam(c, 5, &q) || q < 0 || q > 2)
            return err(0x6037);
        if (!intParam(c, 6, &r) || r < 0 || r > 1)
            return err(0x6039);
        if (state == 0)
            return err(0x6001);
        if (connected)
            return err(0x6002);
        m_mqtt.keepAlive = int(ka);
        m_mqtt.disableClean = int(dc);
        m_mqtt.lwtTopic = strParam(c, 3);
        m_mqtt.lwtMsg = strParam(c, 4);
        m_mqtt.lwtQos = int(q);
        m_mqtt.lwtRetain = int(r);
        m_mqtt.state = 2;
        finishOk();
        return;
    }
    if (n == "AT+MQTTALPN") {
        qint64 count = 0;
        if (!intParam(c, 1, &count) || count < 0 || count > 5)
            return err(0x6008);
        if (np != 2 + count)
            return err(0x6008);
        if (state == 0)
            return err(0x6001);
        m_mqtt.alpn.clear();
        for (int i = 0; i < count; ++i)
            m_mqtt.alpn.append(strParam(c, 2 + i));
        finishOk();
        return;
    }
    if (n == "AT+MQTTCONN") {
        qint64 port = 0, rec = 0;
        if (np != 4)
            return err(0x6008);
        if (len(1) == 0)
            return err(0x603B);
        if (len(1) > 128)
            return err(0x603C);
        if (!intParam(c, 2, &port))
            return err(0x603D);
        if (port < 1 || port > 65535)
            return err(0x603E);
        if (!intParam(c, 3, &rec))
            return err(0x603F);
        if (rec < 0 || rec > 1)
            return err(0x6040);
        if (state == 0)
            return err(0x6001);
        if (connected)
            return err(0x6004);
        if (!m_wifiConnected)
            return err(0x600B);
        mqttConnect(0, strParam(c, 1), int(port), int(rec));
        return;
    }
    // The rest needs a client.
    auto needConnected = [&]() -> bool {
        if (state == 3) {
            err(0x6051); // AT_MQTT_IN_DISCONNECTED_STATE
            return false;
        }
        if (!connected || !m_mqttClient) {
            err(0x6006); // AT_MQTT_NULL_LINK (espressif/esp-at#867)
            return false;
        }
        return true;
    };
    if (n == "AT+MQTTPUB") {
        qint64 q = 0, r = 0;
        if (np != 5)
            return err(0x6008);
        if (len(1) == 0)
            return err(0x6042);
        if (len(1) > 128)
            return err(0x6043);
        if (len(2) == 0)
            return err(0x6045);
        if (!intParam(c, 3, &q))
            return err(0x6047);
        if (q < 0 || q > 2)
            return err(0x6048);
        if (!intParam(c, 4, &r))
            return err(0x6049);
        if (r < 0 || r > 1)
            return err(0x604A);
        if (!needConnected())
            return;
        int token = -1;
        if (!m_mqttClient->publish(strParam(c, 1), c.params.at(2).value, int(q), r == 1, &token))
            return err(0x600C);
        if (q == 0) {
            // QoS 0 is done once the client has the message: ESP-AT answers OK without waiting
            // for the network (there is nothing to wait for).
            finishOk();
            return;
        }
        beginAsync();
        whenPublished(token, [this](bool ok) {
            afterLatency([this, ok] {
                if (ok)
                    finishOk();
                else
                    finishError(kExec | 0x600C);
            });
        });
        return;
    }
    if (n == "AT+MQTTPUBRAW") {
        qint64 l = 0, q = 0, r = 0;
        if (np != 5)
            return err(0x6008);
        if (len(1) == 0)
            return err(0x6042);
        if (len(1) > 128)
            return err(0x6043);
        if (!intParam(c, 2, &l))
            return err(0x604B);
        if (l < 1 || l > 1024 * 1024)
            return err(0x604C);
        if (!intParam(c, 3, &q) || q < 0 || q > 2)
            return err(0x6048);
        if (!intParam(c, 4, &r) || r < 0 || r > 1)
            return err(0x604A);
        if (!needConnected())
            return;
        m_dataTopic = strParam(c, 1);
        m_dataQos = int(q);
        m_dataRetain = int(r);
        m_dataExpected = l;
        m_data.clear();
        m_dataMode = DataMode::MqttPubRaw;
        m_executing = true;
        // OK, blank line, ">" (P 6 seed 004 #11).
        out(isEsp() ? QByteArray("\r\nOK\r\n\r\n>") : QByteArray("OK\r\n\r\n>"));
        return;
    }
    if (n == "AT+MQTTSUB") {
        qint64 q = 0;
        if (np != 3)
            return err(0x6008);
        if (len(1) == 0)
            return err(0x6042);
        if (len(1) > 128)
            return err(0x6043);
        if (!intParam(c, 2, &q) || q < 0 || q > 2)
            return err(0x6048);
        if (!needConnected())
            return;
        const QString topic = strParam(c, 1);
        for (const auto &s : std::as_const(m_mqtt.subs))
            if (s.first == topic) {
                outLine("ALREADY SUBSCRIBE"); // then OK (P 6 seed 004 #7)
                finishOk();
                return;
            }
        beginAsync();
        if (!m_mqttClient->subscribe(topic, int(q)))
            return err(0x600D);
        const int qos = int(q);
        connect(m_mqttClient, &MqttClient::subscribed, this, [this, topic, qos](bool ok) {
            if (ok) {
                m_mqtt.subs.append({ topic, qos });
                m_mqtt.state = 6;
                finishOk();
            } else {
                finishError(kExec | 0x600D);
            }
        }, Qt::SingleShotConnection);
        return;
    }
    if (n == "AT+MQTTUNSUB") {
        if (np != 2)
            return err(0x6008);
        if (len(1) == 0)
            return err(0x6042);
        if (len(1) > 128)
            return err(0x6043);
        if (!needConnected())
            return;
        const QString topic = strParam(c, 1);
        int found = -1;
        for (int i = 0; i < m_mqtt.subs.size(); ++i)
            if (m_mqtt.subs.at(i).first == topic)
                found = i;
        if (found < 0) {
            outLine("NO UNSUBSCRIBE");
            finishOk();
            return;
        }
        beginAsync();
        if (!m_mqttClient->unsubscribe(topic))
            return err(0x600E);
        connect(m_mqttClient, &MqttClient::unsubscribed, this, [this, topic](bool ok) {
            if (!ok) {
                finishError(kExec | 0x600E);
                return;
            }
            for (int i = 0; i < m_mqtt.subs.size(); ++i)
                if (m_mqtt.subs.at(i).first == topic) {
                    m_mqtt.subs.removeAt(i);
                    break;
                }
            if (m_mqtt.subs.isEmpty() && m_mqtt.state == 6)
                m_mqtt.state = 5;
            finishOk();
        }, Qt::SingleShotConnection);
        return;
    }
    if (n == "AT+MQTTCLEAN") {
        if (np != 1)
            return err(0x6008);
        if (state == 0)
            return err(0x6003);
        mqttDestroy();
        m_mqtt = MqttState();
        finishOk();
        return;
    }
    finishError(0x01090000);
}

void SimulatedModule::mqttWireClient()
{
    MqttClient *mc = m_mqttClient;
    // Broker traffic reaches the module after the network's latency, in order.
    connect(mc, &MqttClient::connected, this, [this](bool again) { afterLatency([this, again] { mqttOnConnected(again); }); });
    connect(mc, &MqttClient::connectFailed, this, [this](int rc) { afterLatency([this, rc] { mqttOnConnectFailed(rc); }); });
    connect(mc, &MqttClient::connectionLost, this, [this]() { afterLatency([this] { mqttOnLost(); }); });
    connect(mc, &MqttClient::messageArrived, this, [this](const QString &t, const QByteArray &p) {
        afterLatency([this, t, p] { mqttOnMessage(t, p); }, p.size());
    });
}

void SimulatedModule::mqttConnect(int, const QString &host, int port, int reconnect)
{
    const int scheme = m_mqtt.scheme;
    if (scheme == 4 || scheme == 5 || scheme == 9 || scheme == 10) {
        // Client certificates live in the module's flash on real hardware; the simulator has none.
        finishError(kExec | 0x6009);
        return;
    }
    beginAsync();
    m_mqtt.host = host;
    m_mqtt.port = port;
    m_mqtt.reconnect = reconnect;
    m_mqttPendingConnect = true;
    const quint64 gen = m_generation;
    resolveHost(host, [this, gen, scheme, port](const QString &ip) {
        if (gen != m_generation)
            return;
        if (ip.isEmpty()) {
            m_mqttPendingConnect = false;
            finishError(kExec | 0x6050); // URI parse / resolve failure
            return;
        }
        QString prefix = QStringLiteral("tcp");
        if (scheme >= 2 && scheme <= 5)
            prefix = QStringLiteral("ssl");
        else if (scheme == 6)
            prefix = QStringLiteral("ws");
        else if (scheme >= 7)
            prefix = QStringLiteral("wss");
        QString uri = QStringLiteral("%1://%2:%3").arg(prefix, ip).arg(port);
        if (scheme >= 6)
            uri += m_mqtt.path.startsWith(QLatin1Char('/')) ? m_mqtt.path : QLatin1Char('/') + m_mqtt.path;
        MqttClient::Config cfg;
        cfg.uri = uri;
        cfg.clientId = m_mqtt.clientId;
        cfg.username = m_mqtt.username;
        cfg.password = m_mqtt.password;
        cfg.keepAlive = m_mqtt.keepAlive == 0 ? 120 : m_mqtt.keepAlive; // 0 is forced to 120 s (seed 004)
        cfg.cleanSession = m_mqtt.disableClean == 0;
        cfg.lwtTopic = m_mqtt.lwtTopic;
        cfg.lwtMessage = m_mqtt.lwtMsg.toUtf8();
        cfg.lwtQos = m_mqtt.lwtQos;
        cfg.lwtRetain = m_mqtt.lwtRetain == 1;
        cfg.autoReconnect = m_mqtt.reconnect == 1;
        cfg.tls = prefix == QLatin1String("ssl") || prefix == QLatin1String("wss");
        cfg.verifyServer = scheme == 3 || scheme == 8;
        cfg.alpn = m_mqtt.alpn;
        mqttDestroy();
        m_mqttClient = new MqttClient(this);
        mqttWireClient();
        QString error;
        qCInfo(lcSimMqtt).noquote() << "connecting to" << uri;
        if (!m_mqttClient->connectToBroker(cfg, &error)) {
            qCWarning(lcSimMqtt).noquote() << error;
            m_mqttPendingConnect = false;
            mqttDestroy();
            finishError(kExec | 0x600B);
        }
    });
}

QByteArray SimulatedModule::mqttConnectedUrc() const
{
    // +MQTTCONNECTED:<id>,<scheme>,"<host>","<port>","<path>",<reconnect> (port quoted, P 2.6).
    return "+MQTTCONNECTED:0," + num(m_mqtt.scheme) + ",\"" + m_mqtt.host.toUtf8() + "\",\"" + num(m_mqtt.port)
        + "\",\"" + m_mqtt.path.toUtf8() + "\"," + num(m_mqtt.reconnect);
}

void SimulatedModule::mqttOnConnected(bool reconnected)
{
    if (m_mqttPendingConnect) {
        m_mqttPendingConnect = false;
        m_mqtt.state = 4;
        outLine(mqttConnectedUrc());
        finishOk();
        return;
    }
    if (!reconnected && m_mqtt.state >= 4)
        return;
    // Automatic reconnect (reconnect=1): URC without a command; re-subscribe the topics.
    m_mqtt.state = m_mqtt.subs.isEmpty() ? 4 : 6;
    outLine(mqttConnectedUrc());
    for (const auto &s : std::as_const(m_mqtt.subs))
        m_mqttClient->subscribe(s.first, s.second);
}

void SimulatedModule::mqttOnConnectFailed(int rc)
{
    qCInfo(lcSimMqtt) << "connect failed, rc" << rc;
    if (m_mqttPendingConnect) {
        m_mqttPendingConnect = false;
        mqttDestroy();
        finishError(kExec | 0x600B);
    }
}

void SimulatedModule::mqttOnLost()
{
    if (m_mqtt.state < 4)
        return;
    m_mqtt.state = 3;
    outLine("+MQTTDISCONNECTED:0");
}

void SimulatedModule::mqttOnMessage(const QString &topic, const QByteArray &payload)
{
    if (m_mqtt.state < 4)
        return;
    // Length-delimited payload, then CR LF (P 2.6).
    out("+MQTTSUBRECV:0,\"" + topic.toUtf8() + "\"," + num(payload.size()) + "," + payload + "\r\n");
}

void SimulatedModule::mqttPublishRaw()
{
    const QByteArray payload = m_data;
    m_data.clear();
    int token = -1;
    if (!m_mqttClient || m_mqtt.state < 4
        || !m_mqttClient->publish(m_dataTopic, payload, m_dataQos, m_dataRetain == 1, &token)) {
        m_executing = false;
        out("\r\n+MQTTPUB:FAIL\r\n");
        finishNone();
        return;
    }
    auto done = [this](bool ok) {
        m_executing = false;
        out(ok ? QByteArray("\r\n+MQTTPUB:OK\r\n") : QByteArray("\r\n+MQTTPUB:FAIL\r\n"));
        finishNone();
    };
    if (m_dataQos == 0) {
        done(true); // as AT+MQTTPUB: QoS 0 does not wait for the network
        return;
    }
    whenPublished(token, [this, done](bool ok) { afterLatency([done, ok] { done(ok); }); });
}

// Runs done(ok) once the broker acknowledged (or failed) the QoS 1/2 publish with this token.
void SimulatedModule::whenPublished(int token, std::function<void(bool)> done)
{
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn = connect(m_mqttClient, &MqttClient::published, this, [conn, token, done = std::move(done)](int t, bool ok) {
        if (t != token)
            return;
        QObject::disconnect(*conn);
        done(ok);
    });
}

void SimulatedModule::dropBrokerConnection()
{
    if (!m_mqttClient || m_mqtt.state < 4)
        return;
    m_mqttClient->disconnectFromBroker();
    mqttOnLost();
    if (m_mqtt.reconnect == 1) {
        const quint64 gen = m_generation;
        QTimer::singleShot(1000, this, [this, gen]() {
            if (gen != m_generation || !m_mqttClient || m_mqtt.state != 3)
                return;
            m_mqttClient->reconnect();
        });
    }
}

} // namespace atb::sim
