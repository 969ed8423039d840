#include "serialtransport.h"

#ifdef Q_OS_UNIX
#include <poll.h>
#endif

namespace atb {

SerialTransport::SerialTransport(const SerialSettings &settings, QObject *parent)
    : Transport(parent), m_settings(settings), m_port(this)
{
    connect(&m_port, &QSerialPort::readyRead, this, [this] {
        const QByteArray data = m_port.readAll();
        if (!data.isEmpty())
            emit received(data);
    });
    connect(&m_port, &QSerialPort::bytesWritten, this, &Transport::bytesWritten);
    connect(&m_port, &QSerialPort::errorOccurred, this, &SerialTransport::handleError);
    m_presence.setInterval(500);
    connect(&m_presence, &QTimer::timeout, this, &SerialTransport::checkLinePresent);
}

bool SerialTransport::lineHungUp() const
{
#ifdef Q_OS_UNIX
    if (!m_port.isOpen())
        return false;
    pollfd p { int(m_port.handle()), POLLIN, 0 };
    return ::poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
#else
    return false;
#endif
}

void SerialTransport::checkLinePresent()
{
    m_hangUpCheckQueued = false;
    if (!lineHungUp())
        return;
    // Drain what arrived before the hang-up, then report the loss.
    const QByteArray rest = m_port.readAll();
    if (!rest.isEmpty())
        emit received(rest);
    close();
    emit errorOccurred(tr("The port %1 disappeared (the line hung up: adapter unplugged or device gone)").arg(m_settings.portName), true);
}

SerialTransport::~SerialTransport()
{
    if (m_port.isOpen())
        m_port.close();
}

void SerialTransport::open()
{
    if (m_port.isOpen())
        return;
    setState(State::Opening);
    m_port.setPortName(m_settings.portName);
    m_port.setBaudRate(m_settings.baudRate);
    m_port.setDataBits(m_settings.dataBits);
    m_port.setParity(m_settings.parity);
    m_port.setStopBits(m_settings.stopBits);
    m_port.setFlowControl(m_settings.flowControl);
    if (!m_port.open(QIODevice::ReadWrite)) {
        const QString msg = tr("Cannot open %1: %2").arg(m_settings.portName, m_port.errorString());
        setState(State::Closed);
        emit errorOccurred(msg, true);
        return;
    }
    // Opening a tty on Linux raises DTR and RTS; put them where the user wants them at once.
    // (A board that resets on the raising edge may still see a glitch of a few microseconds.)
    m_port.setDataTerminalReady(m_settings.dtrOnOpen);
    if (m_settings.flowControl != QSerialPort::HardwareControl)
        m_port.setRequestToSend(m_settings.rtsOnOpen);
    m_port.clearError();
    m_presence.start();
    setState(State::Open);
}

void SerialTransport::close()
{
    m_presence.stop();
    // Closing a hung-up tty fails to restore its settings; those errors say nothing new.
    m_closing = true;
    if (m_port.isOpen())
        m_port.close();
    m_closing = false;
    setState(State::Closed);
}

void SerialTransport::write(const QByteArray &bytes)
{
    if (!m_port.isOpen()) {
        emit errorOccurred(tr("Write on a closed port"), false);
        return;
    }
    m_port.write(bytes);
}

qint64 SerialTransport::bytesToWrite() const
{
    return m_port.bytesToWrite();
}

QString SerialTransport::displayName() const
{
    return QStringLiteral("%1 @ %2").arg(m_settings.portName).arg(m_settings.baudRate);
}

qint64 SerialTransport::nominalBytesPerSecond() const
{
    int bits = 1 + int(m_settings.dataBits) + (m_settings.parity == QSerialPort::NoParity ? 0 : 1)
             + (m_settings.stopBits == QSerialPort::OneStop ? 1 : 2);
    return m_settings.baudRate / bits;
}

bool SerialTransport::setBaudRate(qint32 baud)
{
    m_settings.baudRate = baud;
    return !m_port.isOpen() || m_port.setBaudRate(baud);
}

void SerialTransport::handleError(QSerialPort::SerialPortError error)
{
    if (m_closing)
        return;
    switch (error) {
    case QSerialPort::NoError:
        return;
    case QSerialPort::ResourceError:
    case QSerialPort::DeviceNotFoundError:
    case QSerialPort::PermissionError:
    case QSerialPort::OpenError:
    case QSerialPort::NotOpenError: {
        // ResourceError is what an unplugged USB adapter (or a closed pty master) produces.
        const QString msg = error == QSerialPort::ResourceError
            ? tr("The port %1 disappeared (adapter unplugged or device gone): %2")
                  .arg(m_settings.portName, m_port.errorString())
            : tr("Port %1: %2").arg(m_settings.portName, m_port.errorString());
        close();
        emit errorOccurred(msg, true);
        return;
    }
    case QSerialPort::ReadError:
    case QSerialPort::WriteError:
        // A hung-up line (closed pty master, some USB drivers) reads 0 bytes; QSerialPort reports
        // that as ReadError with whatever errno was left over, and again on every turn of the
        // event loop. Report the hang-up once instead: the port is closed from the event loop,
        // not from inside QSerialPort's notification.
        if (lineHungUp()) {
            if (!m_hangUpCheckQueued) {
                m_hangUpCheckQueued = true;
                QMetaObject::invokeMethod(this, &SerialTransport::checkLinePresent, Qt::QueuedConnection);
            }
            m_port.clearError();
            return;
        }
        [[fallthrough]];
    default:
        emit errorOccurred(tr("Port %1: %2").arg(m_settings.portName, m_port.errorString()), false);
        m_port.clearError();
        return;
    }
}

} // namespace atb
