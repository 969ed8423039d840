#pragma once

#include "engine/devicesession.h"
#include "transport/serialtransport.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

// Where to connect, as the port bar describes it. A value passed to MainWindow.
struct ConnectionChoice
{
    enum class Kind { Serial, Tcp, SimulatorEsp, SimulatorBeken };
    Kind kind = Kind::Serial;
    atb::SerialSettings serial; // Kind::Serial
    QString host;               // Kind::Tcp
    quint16 port = 0;           // Kind::Tcp

    bool isSimulator() const { return kind == Kind::SimulatorEsp || kind == Kind::SimulatorBeken; }
};

// The port bar: serial port (or simulator, or TCP bridge), baud rate, flow control, DTR/RTS on
// open, Connect/Disconnect and a state indicator.
class ConnectionBar : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionBar(bool simulatorEntries, QWidget *parent = nullptr);

    // Fills *choice from the widgets; false with *error set when an entry is invalid.
    bool choice(ConnectionChoice *choice, QString *error) const;
    // Selects the entries that describe `choice` (serial port names not listed are added).
    void setChoice(const ConnectionChoice &choice);
    // Selects a serial port by name or path; false when it is not listed.
    bool selectSerialPort(const QString &nameOrPath);
    int serialPortCount() const;
    // Serial ports that look like real adapters (USB IDs or a description), as opposed to bare
    // legacy or virtual UARTs such as an unused ttyS0.
    int adapterCount() const;

    void setState(atb::DeviceSession::State state);

    QComboBox *portCombo() const { return m_port; }
    QComboBox *baudCombo() const { return m_baud; }
    QLineEdit *tcpEdit() const { return m_tcp; }
    QPushButton *connectButton() const { return m_connect; }
    QLabel *stateLabel() const { return m_state; }

public slots:
    void refreshPorts();

signals:
    void connectRequested();
    void disconnectRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateEnabled();

    bool m_simulatorEntries;
    QLabel *m_portLabel;
    QComboBox *m_port;
    QToolButton *m_refresh;
    QLineEdit *m_tcp;
    QLabel *m_baudLabel;
    QComboBox *m_baud;
    QLabel *m_flowLabel;
    QComboBox *m_flow;
    QCheckBox *m_dtr;
    QCheckBox *m_rts;
    QPushButton *m_connect;
    QLabel *m_state;
    atb::DeviceSession::State m_sessionState = atb::DeviceSession::State::Disconnected;
};
