#pragma once

#include "engine/devicesession.h"

#include <QTimer>
#include <QWidget>

namespace atb {
class DeviceModel;
}
class QLabel;

// The status bar's permanent fields: link (port or bridge) and baud, connection state, dialect,
// firmware, Wi-Fi/IP, MQTT state (from the model) and TX/RX byte counters (polled from the
// session every 500 ms). MainWindow adds it with statusBar()->addPermanentWidget().
class StatusFields : public QWidget
{
    Q_OBJECT
public:
    StatusFields(atb::DeviceSession *session, atb::DeviceModel *model, QWidget *parent = nullptr);

    // "/dev/ttyUSB0 @ 115200", "tcp://host:port", ... (the session's link name when empty).
    void setLinkName(const QString &name);

    QLabel *linkLabel() const { return m_link; }
    QLabel *stateLabel() const { return m_state; }
    QLabel *dialectLabel() const { return m_dialect; }
    QLabel *firmwareLabel() const { return m_firmware; }
    QLabel *wifiLabel() const { return m_wifi; }
    QLabel *mqttLabel() const { return m_mqtt; }
    QLabel *bytesLabel() const { return m_bytes; }

    static QString humanBytes(qint64 n);

public slots:
    void refresh();
    void updateCounters();

protected:
    void changeEvent(QEvent *event) override;

private:
    atb::DeviceSession *m_session;
    atb::DeviceModel *m_model;
    QString m_linkName;
    QLabel *m_link;
    QLabel *m_state;
    QLabel *m_dialect;
    QLabel *m_firmware;
    QLabel *m_wifi;
    QLabel *m_mqtt;
    QLabel *m_bytes;
    QTimer m_poll;
};
