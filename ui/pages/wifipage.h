#pragma once

#include "formpage.h"
#include "services/wifiservice.h"

namespace atb {
class DeviceModel;
}
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QStandardItemModel;
class QTableView;
class SecretStore;
class StationAddressForm;

// The Wi-Fi page: the station's live state (from the DeviceModel's Wi-Fi URCs and replies),
// the Wi-Fi mode (AT+CWMODE, meanings from the command catalog), a scan table (AT+CWLAP:
// sortable, signal bars, double-click fills the SSID), joining with password (show/hide,
// "remember" in the SecretStore under "wifi/<ssid>") and optional BSSID, disconnect, and the
// IP details, and the station's address (DHCP or fixed, AT+CWDHCP/AT+CIPSTA). On the built-in
// simulated module the Join box names its access point and password. Apply (Ctrl+Return) hands a
// WifiSettings to WifiService::apply(); Read (F5) queries the module. Invalid input is reported beside its field and nothing is sent. "Show AT" lists
// the exact lines each button sends (the password masked unless it is shown).
class WifiPage : public FormPage
{
    Q_OBJECT
public:
    enum Column { SsidColumn, SignalColumn, RssiColumn, ChannelColumn, EncryptionColumn, BssidColumn, ColumnCount };

    // `secrets` may be null (no "remember password").
    WifiPage(atb::DeviceModel *model, atb::WifiService *service, SecretStore *secrets = nullptr,
             QWidget *parent = nullptr);
    ~WifiPage() override;

    // What Apply would hand to the service now. The join fields count only when the user
    // changed them (an unchanged, already joined SSID is not joined again).
    atb::WifiSettings settings() const;
    bool isDirty() const override;
    // The exact lines Apply sends now (empty when invalid or nothing to do).
    QList<QByteArray> previewLines() const;

    QComboBox *modeCombo() const { return m_mode; }
    QLineEdit *ssidEdit() const { return m_ssid; }
    QLineEdit *passwordEdit() const { return m_password; }
    QToolButton *showPasswordButton() const { return m_showPassword; }
    QCheckBox *rememberCheck() const { return m_remember; }
    QLineEdit *bssidEdit() const { return m_bssid; }
    QTableView *scanTable() const { return m_table; }
    QStandardItemModel *scanModel() const { return m_apModel; }
    QPushButton *scanButton() const { return m_scan; }
    QPushButton *disconnectButton() const { return m_disconnect; }
    QLabel *stateLabel() const { return m_state; }
    QLabel *ipLabel() const { return m_ip; }
    QLabel *macLabel() const { return m_mac; }
    QLabel *gatewayLabel() const { return m_gateway; }
    QLabel *netmaskLabel() const { return m_netmask; }
    QLabel *lastFailureLabel() const { return m_lastFailure; }

    // --screenshot: scans.
    void prepareScreenshot() override;
    // The module is the built-in simulated one: say which access point it sees and its password
    // (empty ssid: a real module, nothing to say).
    void setBuiltInAccessPoint(const QString &ssid, const QString &password);

public slots:
    void load();
    void apply() override;
    void revert() override;
    void read() override;
    void scan();
    void disconnectFromAp();
    void applyAddress();

protected:
    void retranslate() override;
    void updateColours() override;
    void updatePreview() override;

private:
    void buildUi();
    void fillModes();
    void loadState();
    void loadAccessPoints();
    void markDirty();
    void validate(bool showErrors);
    void onBusyChanged(bool busy);
    void onFinished(const atb::OperationResult &result);
    void onSecretLoaded(const QString &key, const QString &secret, bool found);
    void requestSecret();
    bool joinRequested() const;
    QString secretKey(const QString &ssid) const;

    atb::DeviceModel *m_model;
    atb::WifiService *m_service;
    SecretStore *m_secrets;
    atb::WifiSettings m_loaded;
    QString m_loadedSsid;     // the SSID field's value at load()
    QString m_pendingSecretSsid;
    QString m_pendingSecret;  // saved to the SecretStore after a successful join
    bool m_pendingRemember = false;
    bool m_pendingApply = false;
    bool m_loading = false;
    bool m_edited = false;    // show validation errors once the user has changed something

    QGroupBox *m_stateBox = nullptr;
    QGroupBox *m_modeBox = nullptr;
    QGroupBox *m_joinBox = nullptr;
    QGroupBox *m_scanBox = nullptr;
    QLabel *m_stateTitle = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_ssidTitle = nullptr;
    QLabel *m_connectedSsid = nullptr;
    QLabel *m_apTitle = nullptr;
    QLabel *m_apDetails = nullptr;
    QLabel *m_ipTitle = nullptr;
    QLabel *m_ip = nullptr;
    QLabel *m_macTitle = nullptr;
    QLabel *m_mac = nullptr;
    QLabel *m_gatewayTitle = nullptr;
    QLabel *m_gateway = nullptr;
    QLabel *m_netmaskTitle = nullptr;
    QLabel *m_netmask = nullptr;
    QLabel *m_lastFailureTitle = nullptr;
    QLabel *m_lastFailure = nullptr;
    QLabel *m_modeLabel = nullptr;
    QComboBox *m_mode = nullptr;
    QLabel *m_modeHint = nullptr;
    QLabel *m_ssidLabel = nullptr;
    QLineEdit *m_ssid = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_password = nullptr;
    QToolButton *m_showPassword = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_bssidLabel = nullptr;
    QLineEdit *m_bssid = nullptr;
    QPushButton *m_scan = nullptr;
    QLabel *m_scanHint = nullptr;
    QTableView *m_table = nullptr;
    QStandardItemModel *m_apModel = nullptr;
    QPushButton *m_disconnect = nullptr;
    QLabel *m_simHint = nullptr;
    QPushButton *m_simFill = nullptr;
    QString m_simSsid;
    QString m_simPassword;
    StationAddressForm *m_address = nullptr;
};
