#pragma once

#include "formpage.h"
#include "services/softapservice.h"

namespace atb {
class DeviceModel;
}
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;
class QToolButton;

// The SoftAP page (ESP-AT): the module's own access point. Its network (AT+CWSAP: SSID,
// password with show/hide, channel, encryption and maximum stations from the catalog, hidden),
// turned on with AT+CWMODE=3 when it is off; its address and DHCP range (AT+CIPAP,
// AT+CWDHCPS); the connected stations (AT+CWLIF) with disconnect (AT+CWQIF). Apply
// (Ctrl+Return) sends the network; Read (F5) queries the module; "Show AT" lists every button's
// lines with the password masked unless shown. Beken modules have no SoftAP: the page says so.
class SoftApPage : public FormPage
{
    Q_OBJECT
public:
    SoftApPage(atb::DeviceModel *model, atb::SoftApService *service, QWidget *parent = nullptr);

    atb::SoftApSettings settings() const;
    atb::SoftApNetworkSettings networkSettings() const;
    bool isDirty() const override;
    // --screenshot: reads the SoftAP.
    void prepareScreenshot() override;

public slots:
    void load();
    void read() override;
    void apply() override;
    void revert() override;
    void applyNetwork();
    void refreshStations();
    void disconnectStation(); // the selected one
    void disconnectAllStations();

protected:
    void retranslate() override;
    void updatePreview() override;
    void updateButtons() override;

private:
    QGroupBox *buildApBox();
    QGroupBox *buildNetworkBox();
    QGroupBox *buildStationsBox();
    void fillCatalogChoices();
    void loadState();
    void markDirty();
    void runPlan(const atb::OperationPlan &plan, const QByteArray &scope,
                 const std::function<atb::OperationPlan()> &start);

    atb::DeviceModel *m_model;
    atb::SoftApService *m_service;
    bool m_loading = false;
    bool m_networkEdited = false;

    QLabel *m_unavailable;
    QGroupBox *m_apBox, *m_networkBox, *m_stationsBox;
    QLabel *m_stateTitle, *m_ssidLabel, *m_passwordLabel, *m_channelLabel, *m_encryptionLabel, *m_maxLabel;
    QLabel *m_state;
    QLineEdit *m_ssid;
    QLineEdit *m_password;
    QToolButton *m_showPassword;
    QSpinBox *m_channel;
    QComboBox *m_encryption;
    QSpinBox *m_max;
    QCheckBox *m_hidden;
    QLabel *m_ipLabel, *m_gatewayLabel, *m_netmaskLabel, *m_leaseLabel, *m_startLabel, *m_endLabel;
    QLineEdit *m_ip;
    QLineEdit *m_gateway;
    QLineEdit *m_netmask;
    QRadioButton *m_defaultRange;
    QRadioButton *m_customRange;
    QSpinBox *m_lease;
    QLineEdit *m_start;
    QLineEdit *m_end;
    QPushButton *m_setNetwork;
    QTableView *m_stations;
    QStandardItemModel *m_stationModel;
    QLabel *m_stationsNote;
    QPushButton *m_refresh;
    QPushButton *m_kick;
    QPushButton *m_kickAll;
};
