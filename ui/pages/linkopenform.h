#pragma once

#include "protocol/dialect.h"
#include "services/connectionservice.h"

#include <QGroupBox>

class FieldErrors;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// The Connections page's "Open a link" (AT+CIPSTART): link ID, type, remote host and port,
// keep-alive (TCP/SSL/TLS) or local port and UDP peer mode (UDP/DTLS). On Beken also a local
// port for TCP/TLS (a server link) and a local IP (seed 000 examples 2 and 4). Its fields
// report errors in `errors` under `scope`.
class LinkOpenForm : public QGroupBox
{
    Q_OBJECT
public:
    LinkOpenForm(FieldErrors *errors, const QByteArray &scope, QWidget *parent = nullptr);

    atb::LinkOpenSettings settings() const;
    // The link types of the dialect (the selection stays when it still exists) and the rows
    // that apply to the selected type.
    void setDialect(atb::Dialect dialect, const QStringList &linkTypes);
    // Without multiplexing the link ID is not sent: the field is off.
    void setLinkIdEnabled(bool on);
    bool isLinkIdEnabled() const;
    int linkId() const;
    // `edit`: as if typed (edited() when it changes); otherwise silently.
    void setLinkId(int id, bool edit);
    void retranslate();

signals:
    void edited();
    void openRequested();

private:
    void updateRows();

    atb::Dialect m_dialect = atb::Dialect::Esp;
    bool m_setting = false;
    QFormLayout *m_form;
    QLabel *m_idLabel, *m_typeLabel, *m_hostLabel, *m_portLabel, *m_keepAliveLabel, *m_localPortLabel, *m_localIpLabel,
        *m_udpModeLabel;
    QSpinBox *m_id;
    QComboBox *m_type;
    QLineEdit *m_host;
    QLineEdit *m_port;
    QSpinBox *m_keepAlive;
    QLineEdit *m_localPort;
    QLineEdit *m_localIp;
    QComboBox *m_udpMode;
    QPushButton *m_open;
};
