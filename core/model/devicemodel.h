#pragma once

#include "devicestate.h"
#include "engine/atcommand.h"
#include "protocol/dialect.h"

#include <QObject>
#include <QStringList>

namespace atb {

class DeviceSession;

// What we know about the module, as properties with change signals. Kept current from the
// replies of successful commands and from URCs; pages read it and reload on its signals.
// Values are -1 / empty / known=false until the module has told us.
class DeviceModel : public QObject
{
    Q_OBJECT
    Q_PROPERTY(atb::Dialect dialect READ dialect NOTIFY dialectChanged)
    Q_PROPERTY(QStringList firmware READ firmware NOTIFY firmwareChanged)
    Q_PROPERTY(int echo READ echo NOTIFY echoChanged)
    Q_PROPERTY(int cipMux READ cipMux NOTIFY cipMuxChanged)
    Q_PROPERTY(int cipMode READ cipMode NOTIFY cipModeChanged)
    Q_PROPERTY(bool passthrough READ passthrough NOTIFY passthroughChanged)
    Q_PROPERTY(int sysLog READ sysLog NOTIFY sysLogChanged)
public:
    explicit DeviceModel(QObject *parent = nullptr);

    Dialect dialect() const { return m_dialect; }
    bool dialectDetected() const { return m_dialectDetected; }
    QStringList firmware() const { return m_firmware; }
    int echo() const { return m_echo; } // -1 unknown, 0 off, 1 on
    int cipMux() const { return m_cipMux; }
    int cipMode() const { return m_cipMode; }
    bool passthrough() const { return m_passthrough; }
    // AT+SYSLOG (ESP): -1 unknown, 0 off, 1 failures carry ERR CODE lines. Off after a reboot.
    int sysLog() const { return m_sysLog; }
    QList<LinkInfo> links() const { return m_links; }
    WifiState wifi() const { return m_wifi; }
    DnsState dns() const { return m_dns; }
    SntpState sntp() const { return m_sntp; }
    MqttState mqtt() const { return m_mqtt; }

    void setDialect(Dialect d, bool detected = false);
    void setPassthrough(bool on);
    void setEcho(bool on);
    // The link was closed or the module rebooted: forget everything it told us.
    void reset();

    // Keeps the model current from `session` (in any thread; the feed arrives queued): the one
    // place a session is wired to a model. Replies and URCs update it, passthrough follows the
    // session's state, a closed link forgets what the module told (reset()), and a change of
    // the model's dialect (detected from AT+GMR or chosen) becomes the session's parser
    // dialect. Following another session, or nullptr, drops the previous one.
    void follow(DeviceSession *session);

    // Feed from the session (follow() connects these).
    void applyResult(const AtResult &result);
    void applyUrc(const AtEvent &event);

    // "+CIPDNS:1,\"a\",\"b\"" -> {"1","a","b"} (quotes removed, ESP escapes undone).
    static QStringList splitFields(QByteArrayView params);

signals:
    void dialectChanged(atb::Dialect dialect);
    void firmwareChanged();
    void echoChanged();
    void cipMuxChanged();
    void cipModeChanged();
    void sysLogChanged();
    void passthroughChanged(bool on);
    void linksChanged();
    void wifiChanged();
    void dnsChanged();
    void sntpChanged();
    void mqttChanged();

private:
    void setCipMux(int v);
    void setCipMode(int v);
    void setSysLog(int v);
    void setLinks(const QList<LinkInfo> &links);
    void setWifi(const WifiState &w);
    void setDns(const DnsState &d);
    void setSntp(const SntpState &s);
    void setMqtt(const MqttState &m);
    void applyReplyLine(const QByteArray &line);
    void linkOpened(int id, const QString &type, const QString &host, int port);
    void linkClosed(int id);
    // devicemodel_links.cpp: one +CIPSTATUS/+CIPSTATE/+BIPSTATUS line as a link (false when the
    // line is none of them), and ids for the rows of seed 000's +BIPSTATUS (which has none).
    static bool parseStatusLine(const QByteArray &line, int row, LinkInfo *link, bool *hasId);
    QList<LinkInfo> withKnownIds(QList<LinkInfo> rows) const;

    QList<QMetaObject::Connection> m_following;
    Dialect m_dialect = Dialect::Esp;
    bool m_dialectDetected = false;
    QStringList m_firmware;
    int m_echo = -1;
    int m_cipMux = -1;
    int m_cipMode = -1;
    int m_sysLog = -1;
    bool m_passthrough = false;
    QList<LinkInfo> m_links;
    WifiState m_wifi;
    DnsState m_dns;
    SntpState m_sntp;
    MqttState m_mqtt;
};

} // namespace atb
