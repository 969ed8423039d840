#include "simulator/tcpfrontend.h"

#include "simulator/simlogging.h"
#include "simulator/deviceendpoint.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace atb::sim {

TcpFrontEnd::TcpFrontEnd(DeviceEndpoint *module, quint16 port, QObject *parent)
    : QObject(parent), m_module(module), m_port(port)
{
}

bool TcpFrontEnd::open(QString *error)
{
    m_server = new QTcpServer(this);
    if (!m_server->listen(QHostAddress::LocalHost, m_port)) {
        if (error)
            *error = QStringLiteral("listen on 127.0.0.1:%1: %2").arg(m_port).arg(m_server->errorString());
        return false;
    }
    connect(m_server, &QTcpServer::newConnection, this, &TcpFrontEnd::onNewConnection);
    connect(m_module, &DeviceEndpoint::sendToHost, this, &TcpFrontEnd::write);
    return true;
}

quint16 TcpFrontEnd::port() const
{
    return m_server ? m_server->serverPort() : m_port;
}

void TcpFrontEnd::onNewConnection()
{
    while (QTcpSocket *s = m_server->nextPendingConnection()) {
        if (m_client) {
            qCInfo(lcSimWire) << "refusing a second TCP client";
            s->abort();
            s->deleteLater();
            continue;
        }
        m_client = s;
        s->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        // Like the pty: only take host bytes while the paced input backlog is small, so TCP
        // flow control holds a fast host back (the socket's own buffer is bounded too).
        s->setReadBufferSize(16 * 1024);
        auto pull = [this, s]() {
            if (m_module->pendingFromHost() <= 16 * 1024 && s->bytesAvailable() > 0)
                m_module->receiveFromHost(s->read(16 * 1024));
            if (s->bytesAvailable() > 0)
                QTimer::singleShot(2, s, [s]() { emit s->readyRead(); });
        };
        connect(s, &QTcpSocket::readyRead, this, pull);
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        if (!m_module->isRunning())
            m_module->start();
    }
}

void TcpFrontEnd::write(const QByteArray &bytes)
{
    if (!m_client)
        return; // nothing attached to the "UART"
    if (m_client->bytesToWrite() > 64 * 1024) {
        m_module->reportOverrun(bytes.size());
        return;
    }
    m_client->write(bytes);
}

} // namespace atb::sim
