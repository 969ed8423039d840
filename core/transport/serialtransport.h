#pragma once

#include "transport.h"

#include <QSerialPort>
#include <QTimer>

namespace atb {

struct SerialSettings
{
    QString portName; // "ttyUSB0", "/dev/ttyUSB0" or a pty path
    qint32 baudRate = 115200;
    QSerialPort::DataBits dataBits = QSerialPort::Data8;
    QSerialPort::Parity parity = QSerialPort::NoParity;
    QSerialPort::StopBits stopBits = QSerialPort::OneStop;
    QSerialPort::FlowControl flowControl = QSerialPort::NoFlowControl;
    // Line states applied right after opening. Boards with an auto-reset circuit (ESP32
    // DevKits: DTR/RTS drive EN and IO0) stay running when both are deasserted.
    bool dtrOnOpen = false;
    bool rtsOnOpen = false;

    bool operator==(const SerialSettings &o) const
    {
        return portName == o.portName && baudRate == o.baudRate && dataBits == o.dataBits
            && parity == o.parity && stopBits == o.stopBits && flowControl == o.flowControl
            && dtrOnOpen == o.dtrOnOpen && rtsOnOpen == o.rtsOnOpen;
    }
};

class SerialTransport : public Transport
{
    Q_OBJECT
public:
    explicit SerialTransport(const SerialSettings &settings, QObject *parent = nullptr);
    ~SerialTransport() override;

    void open() override;
    void close() override;
    void write(const QByteArray &bytes) override;
    qint64 bytesToWrite() const override;
    QString displayName() const override;
    qint64 nominalBytesPerSecond() const override;

    const SerialSettings &settings() const { return m_settings; }
    // Changes the local baud rate of an open port (after AT+UART_CUR).
    bool setBaudRate(qint32 baud);

private:
    void handleError(QSerialPort::SerialPortError error);
    bool lineHungUp() const;
    void checkLinePresent();

    SerialSettings m_settings;
    QSerialPort m_port;
    // QSerialPort does not always report a hang-up (closed pty master, some USB drivers): look
    // for it ourselves twice a second.
    QTimer m_presence { this };
    bool m_hangUpCheckQueued = false;
    bool m_closing = false;
};

} // namespace atb
