#include "simulator/tcpfrontend.h"

#include "simulator/simlogging.h"
#include "simulator/simulatedmodule.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace atb::sim {

TcpFrontEnd::TcpFrontEnd(SimulatedModule *module, quint16 port, QObject *parent)
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
    connect(m_module, &SimulatedModule::sendToHost, this, &TcpFrontEnd::write);
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
        connect(s, &QTcpSocket::readyRead, this, [this, s]() { m_module->receiveFromHost(s->readAll()); });
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
