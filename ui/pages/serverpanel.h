#pragma once

#include "protocol/dialect.h"
#include "services/connectionservice.h"

#include <QWidget>

class FieldErrors;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// The Connections page's Server tab (ESP-AT): what the module runs (AT+CIPSERVER?,
// AT+CIPSERVERMAXCONN?, AT+CIPSTO?), and a form for the port, type (TCP/SSL), the maximum
// number of clients and the idle timeout, with Start and Stop. Clients show up as links in the
// page's table. Beken modules have no server command: the tab says how they make one (a TCP
// link with a local port). Its fields report errors in `errors` under `scope`.
class ServerPanel : public QWidget
{
    Q_OBJECT
public:
    ServerPanel(FieldErrors *errors, const QByteArray &scope, QWidget *parent = nullptr);

    // Start: the form's values (enabled). Stop: settings(false).
    atb::ServerSettings settings(bool enabled = true) const;
    // The module's server as last reported; the form takes its values unless edited since.
    void setModuleState(const atb::ServerState &state, const atb::ServerSettings &values);
    void setDialect(atb::Dialect dialect);
    void retranslate();

signals:
    void edited();
    void startRequested();
    void stopRequested();
    void readRequested();

private:
    void updateState();

    atb::Dialect m_dialect = atb::Dialect::Esp;
    atb::ServerState m_module;
    bool m_setting = false;
    bool m_edited = false;
    QLabel *m_stateLabel, *m_portLabel, *m_typeLabel, *m_maxLabel, *m_timeoutLabel;
    QLabel *m_state;
    QLabel *m_bekenNote;
    QWidget *m_form;
    QLineEdit *m_port;
    QComboBox *m_type;
    QSpinBox *m_max;
    QSpinBox *m_timeout;
    QCheckBox *m_closeClients;
    QPushButton *m_read;
    QPushButton *m_start;
    QPushButton *m_stop;
};
