#pragma once

#include "transport.h"

#include <QTcpSocket>

namespace atb {

// Raw TCP client to a serial-over-TCP bridge (ser2net raw mode, socat, ESP-AT "AT through socket").
class TcpTransport : public Transport
{
    Q_OBJECT
public:
    TcpTransport(const QString &host, quint16 port, QObject *parent = nullptr);

    void open() override;
    void close() override;
    void write(const QByteArray &bytes) override;
    qint64 bytesToWrite() const override;
    QString displayName() const override;

private:
    QString m_host;
    quint16 m_port;
    QTcpSocket m_socket;
    bool m_closing = false;
};

} // namespace atb
