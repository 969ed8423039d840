#pragma once

#include "connectioncontroller.h"
#include "linkcombo.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

// The port bar: serial port (or simulator, or TCP bridge), baud rate, flow control, DTR/RTS on
// open, Connect/Disconnect and a state indicator. A view of the ConnectionController's choice:
// it has no data bits, parity or stop bits of its own and keeps the controller's.
class ConnectionBar : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionBar(bool simulatorEntries, QWidget *parent = nullptr);

    // Fills *choice from the widgets; false with *error set when an entry is invalid.
    bool choice(ConnectionChoice *choice, QString *error) const;
    // Hands the bar's entries to the controller (with the line settings only the Port page
    // shows); false with *error set when an entry is invalid. Before connecting from the bar.
    bool commitChoice(QString *error);
    // Selects the entries that describe `choice` (serial port names not listed are added).
    void setChoice(const ConnectionChoice &choice);
    int serialPortCount() const { return m_port->serialPortCount(); }
    // Serial ports that look like real adapters (USB IDs or a description), as opposed to bare
    // legacy or virtual UARTs such as an unused ttyS0.
    int adapterCount() const { return m_port->adapterCount(); }

    void setState(atb::DeviceSession::State state);

    // Shares the choice with `controller`: edits here update it, its changes (from the Port
    // page) update the widgets. One object holds the state; the bar is a view of it.
    void setController(ConnectionController *controller);
    ConnectionController *controller() const { return m_controller; }

    LinkCombo *portCombo() const { return m_port; }
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

    void pushToController();

    ConnectionController *m_controller = nullptr;
    bool m_syncing = false;
    QLabel *m_portLabel;
    LinkCombo *m_port;
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
