#pragma once

#include "connectioncontroller.h"
#include "engine/devicesession.h"
#include "engine/dialectprobe.h"
#include "formpage.h"

namespace atb {
class DeviceModel;
}
class LinkCombo;
class Messages;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

// The Port page: the detailed form of the ConnectionChoice the port bar also shows (both are
// views of one ConnectionController): serial port with description and USB IDs, baud, data
// bits, parity, stop bits, flow control, DTR/RTS on open, a raw TCP bridge, the built-in
// simulated modules; Connect/Disconnect; the dialect (detected, or forced); "Reconnect
// automatically"; "Read module state" (F5). Apply (Ctrl+Return) connects with the form's
// settings. "Show AT" lists the lines detection and reading send.
class PortPage : public FormPage
{
    Q_OBJECT
public:
    PortPage(atb::DeviceModel *model, ConnectionController *controller, Messages *messages = nullptr,
             QWidget *parent = nullptr);

    // The form's settings; false with *error (and *field: "host", "port", "baud") when invalid.
    bool formChoice(ConnectionChoice *choice, QString *error, QString *field = nullptr) const;
    bool isDirty() const override;

    // Applies the form: connects (or reconnects) with its settings. False when invalid (the
    // reason is shown beside the field; nothing is opened).
    bool connectWithForm();
    void apply() override { connectWithForm(); }
    void revert() override;
    void read() override;
    void refreshPorts();

    LinkCombo *portCombo() const { return m_port; }
    QLabel *portDetails() const { return m_portDetails; }
    QComboBox *baudCombo() const { return m_baud; }
    QComboBox *dataBitsCombo() const { return m_dataBits; }
    QComboBox *parityCombo() const { return m_parity; }
    QComboBox *stopBitsCombo() const { return m_stopBits; }
    QComboBox *flowCombo() const { return m_flow; }
    QCheckBox *dtrCheck() const { return m_dtr; }
    QCheckBox *rtsCheck() const { return m_rts; }
    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *tcpPortSpin() const { return m_tcpPort; }
    QLabel *hostError() const { return errorLabel("host"); }
    QLabel *baudError() const { return errorLabel("baud"); }
    QComboBox *dialectCombo() const { return m_dialect; }
    QLabel *detectedLabel() const { return m_detected; }
    QLabel *firmwareLabel() const { return m_firmware; }
    QLabel *evidenceLabel() const { return m_evidence; }
    QCheckBox *reconnectCheck() const { return m_reconnect; }
    QPushButton *disconnectButton() const { return m_disconnect; }
    QPushButton *detectButton() const { return m_detect; }

    // --screenshot: reads the module state when connected.
    void prepareScreenshot() override;

protected:
    void retranslate() override;
    void updatePreview() override;
    void updateButtons() override;
    bool canApply() const override;

private:
    void buildUi();
    void load();
    void loadModel();
    void markDirty();
    void updatePortDetails();
    void onBusyChanged(bool busy);
    void onStateChanged(atb::DeviceSession::State state);
    void onProbeFinished(const atb::DialectProbeResult &result);

    atb::DeviceModel *m_model;
    ConnectionController *m_controller;
    Messages *m_messages;
    bool m_loading = false;

    QGroupBox *m_linkBox = nullptr;
    QGroupBox *m_serialBox = nullptr;
    QGroupBox *m_tcpBox = nullptr;
    QGroupBox *m_moduleBox = nullptr;
    QLabel *m_portLabel = nullptr;
    LinkCombo *m_port = nullptr;
    QToolButton *m_refresh = nullptr;
    QLabel *m_portDetails = nullptr;
    QLabel *m_baudLabel = nullptr;
    QComboBox *m_baud = nullptr;
    QLabel *m_dataBitsLabel = nullptr;
    QComboBox *m_dataBits = nullptr;
    QLabel *m_parityLabel = nullptr;
    QComboBox *m_parity = nullptr;
    QLabel *m_stopBitsLabel = nullptr;
    QComboBox *m_stopBits = nullptr;
    QLabel *m_flowLabel = nullptr;
    QComboBox *m_flow = nullptr;
    QCheckBox *m_dtr = nullptr;
    QCheckBox *m_rts = nullptr;
    QLabel *m_lineHint = nullptr;
    QLabel *m_hostLabel = nullptr;
    QLineEdit *m_host = nullptr;
    QLabel *m_tcpPortLabel = nullptr;
    QSpinBox *m_tcpPort = nullptr;
    QLabel *m_tcpHint = nullptr;
    QLabel *m_simHint = nullptr;
    QLabel *m_dialectLabel = nullptr;
    QComboBox *m_dialect = nullptr;
    QLabel *m_detectedTitle = nullptr;
    QLabel *m_detected = nullptr;
    QLabel *m_evidence = nullptr;
    QLabel *m_firmwareTitle = nullptr;
    QLabel *m_firmware = nullptr;
    QCheckBox *m_reconnect = nullptr;
    QPushButton *m_detect = nullptr;
    QPushButton *m_disconnect = nullptr;
    QLabel *m_stateLabel = nullptr;
};
