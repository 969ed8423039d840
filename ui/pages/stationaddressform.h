#pragma once

#include "services/wifiservice.h"

#include <QGroupBox>

class FieldErrors;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

// The Wi-Fi page's "Station address": DHCP, or a fixed address with gateway and netmask
// (AT+CWDHCP=1,1 / AT+CIPSTA, ESP-AT). Loads what WifiService reported; its fields report
// errors in `errors` under `scope` ("ip", "gateway", "netmask", "address").
class StationAddressForm : public QGroupBox
{
    Q_OBJECT
public:
    StationAddressForm(FieldErrors *errors, const QByteArray &scope, QWidget *parent = nullptr);

    atb::StationAddressSettings settings() const;
    // The module's values; the form takes them unless the user edited it since.
    void load(const atb::StationAddressSettings &settings, bool force = false);
    bool isEdited() const { return m_edited; }
    // Beken's seed has no AT+CIPSTA: the form says so instead.
    void setAvailable(bool on);
    void retranslate();

signals:
    void edited();
    void applyRequested();

private:
    void updateRows();

    bool m_setting = false;
    bool m_edited = false;
    QRadioButton *m_dhcp;
    QRadioButton *m_fixed;
    QLabel *m_ipLabel, *m_gatewayLabel, *m_netmaskLabel, *m_unavailable;
    QLineEdit *m_ip;
    QLineEdit *m_gateway;
    QLineEdit *m_netmask;
    QPushButton *m_apply;
    QWidget *m_fields;
};
