#pragma once

#include "services/wifiservice.h"

#include <QHash>
#include <QWidget>

namespace atb {
class DeviceModel;
}
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QToolButton;
class SecretStore;

// The Wi-Fi page: the station's live state (from the DeviceModel's Wi-Fi URCs and replies),
// the Wi-Fi mode (AT+CWMODE, meanings from the command catalog), a scan table (AT+CWLAP:
// sortable, signal bars, double-click fills the SSID), joining with password (show/hide,
// "remember" in the SecretStore under "wifi/<ssid>") and optional BSSID, disconnect, and the
// IP details. Apply (Ctrl+Return) hands a WifiSettings to WifiService::apply(); Read (F5) queries
// the module. Invalid input is reported beside its field and nothing is sent. "Show AT" lists
// the exact lines each button sends (the password masked unless it is shown).
class WifiPage : public QWidget
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
    bool isDirty() const;
    bool isBusy() const { return m_isBusy; }
    // The exact lines Apply sends now (empty when invalid or nothing to do).
    QList<QByteArray> previewLines() const;
    QString statusText() const;
    // The reason shown beside a field ("mode", "ssid", "pwd", "bssid"); empty when none.
    QString fieldError(const QByteArray &param) const;

    QComboBox *modeCombo() const { return m_mode; }
    QLineEdit *ssidEdit() const { return m_ssid; }
    QLineEdit *passwordEdit() const { return m_password; }
    QToolButton *showPasswordButton() const { return m_showPassword; }
    QCheckBox *rememberCheck() const { return m_remember; }
    QLineEdit *bssidEdit() const { return m_bssid; }
    QTableView *scanTable() const { return m_table; }
    QStandardItemModel *scanModel() const { return m_apModel; }
    QPushButton *scanButton() const { return m_scan; }
    QPushButton *readButton() const { return m_read; }
    QPushButton *disconnectButton() const { return m_disconnect; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *revertButton() const { return m_revert; }
    QToolButton *showAtButton() const { return m_showAt; }
    QPlainTextEdit *atPreview() const { return m_preview; }
    QProgressBar *busyIndicator() const { return m_busy; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *stateLabel() const { return m_state; }
    QLabel *ipLabel() const { return m_ip; }
    QLabel *macLabel() const { return m_mac; }
    QLabel *gatewayLabel() const { return m_gateway; }
    QLabel *netmaskLabel() const { return m_netmask; }
    QLabel *lastFailureLabel() const { return m_lastFailure; }
    QWidget *form() const { return m_form; }

    // MainWindow --screenshot hook: reads the module's Wi-Fi state and scans.
    Q_INVOKABLE void prepareScreenshot();

public slots:
    void load();
    void apply();
    void revert();
    void read();
    void scan();
    void disconnectFromAp();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void fillModes();
    void loadState();
    void loadAccessPoints();
    void markDirty();
    void validate(bool showErrors);
    void updatePreview();
    void clearFieldErrors();
    void setFieldError(const QByteArray &param, const QString &error);
    void setStatus(const QString &text, bool problem);
    void onBusyChanged(bool busy);
    void onFinished(const atb::OperationResult &result);
    void onSecretLoaded(const QString &key, const QString &secret, bool found);
    void requestSecret();
    void applyColours();
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
    bool m_isBusy = false;
    bool m_edited = false;    // show validation errors once the user has changed something
    bool m_statusProblem = false;
    QHash<QByteArray, QLabel *> m_errorLabels;

    QWidget *m_form = nullptr;
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
    QPushButton *m_read = nullptr;
    QPushButton *m_disconnect = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_revert = nullptr;
    QToolButton *m_showAt = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_status = nullptr;
};
