#pragma once
// TcpFrontEnd: exposes a DeviceEndpoint (SimulatedModule or ReplayModule) as a raw TCP byte stream on 127.0.0.1:PORT (like a
// ser2net bridge). One client at a time; further clients are refused (closed at once).
// The module boots when the first client connects, so that client sees "ready".
// Overruns: when more than 64 KiB are waiting in the socket's send buffer the host is not
// reading; new bytes are counted as overrun and discarded, like a UART would lose them.
#include <QObject>
#include <QPointer>

class QTcpServer;
class QTcpSocket;

namespace atb::sim {

class DeviceEndpoint;

class TcpFrontEnd : public QObject
{
    Q_OBJECT
public:
    TcpFrontEnd(DeviceEndpoint *module, quint16 port, QObject *parent = nullptr);
    bool open(QString *error);
    quint16 port() const;

private:
    void onNewConnection();
    void write(const QByteArray &bytes);

    DeviceEndpoint *m_module;
    quint16 m_port;
    QTcpServer *m_server = nullptr;
    QPointer<QTcpSocket> m_client;
};

} // namespace atb::sim
