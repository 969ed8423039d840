#include "tcptransport.h"

namespace atb {

TcpTransport::TcpTransport(const QString &host, quint16 port, QObject *parent)
    : Transport(parent), m_host(host), m_port(port), m_socket(this)
{
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        setState(State::Open);
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, [this] {
        const QByteArray data = m_socket.readAll();
        if (!data.isEmpty())
            emit received(data);
    });
    connect(&m_socket, &QTcpSocket::bytesWritten, this, &Transport::bytesWritten);
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
        const bool wasOpen = state() == State::Open;
        setState(State::Closed);
        if (wasOpen && !m_closing)
            emit errorOccurred(tr("The bridge %1:%2 closed the connection").arg(m_host).arg(m_port), true);
    });
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (m_closing || e == QAbstractSocket::RemoteHostClosedError)
            return; // reported by disconnected()
        const bool fatal = state() != State::Open || m_socket.state() != QAbstractSocket::ConnectedState;
        if (fatal)
            setState(State::Closed);
        emit errorOccurred(tr("TCP bridge %1:%2: %3").arg(m_host).arg(m_port).arg(m_socket.errorString()),
                           fatal);
    });
}

void TcpTransport::open()
{
    m_closing = false;
    setState(State::Opening);
    m_socket.connectToHost(m_host, m_port);
}

void TcpTransport::close()
{
    m_closing = true;
    m_socket.abort();
    setState(State::Closed);
}

void TcpTransport::write(const QByteArray &bytes)
{
    if (m_socket.state() != QAbstractSocket::ConnectedState) {
        emit errorOccurred(tr("Write on a closed connection"), false);
        return;
    }
    m_socket.write(bytes);
}

qint64 TcpTransport::bytesToWrite() const
{
    return m_socket.bytesToWrite();
}

QString TcpTransport::displayName() const
{
    return QStringLiteral("tcp://%1:%2").arg(m_host).arg(m_port);
}

} // namespace atb
