#pragma once

#include "formpage.h"
#include "provisioning/profile.h"
#include "provisioning/station.h"
#include "transport/portwatcher.h"

#include <QHash>
#include <optional>

namespace atb {
class DeviceModel;
class DeviceSession;
class MqttService;
class ProfileReader;
}
class Messages;
class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableView;
class QTreeWidget;
class SecretStore;
class SimulatorLink;
class StationTableModel;

// The Provisioning page: one profile onto many modules at once, each proven field by field.
//   Profile: open a profile file, or "Save module as profile" (everything the connected module
//            reports, read through the main connection); its summary; every field or only
//            what differs.
//   Modules: serial ports (ticked in the list), TCP bridges (tcp:HOST:PORT, comma-separated),
//            built-in simulated modules (each with a MAC of its own); station mode provisions
//            every adapter plugged in while it is on.
//   Reports: a folder for the JSON report and log of each module and the batch's CSV, JUnit
//            XML and HTML; optionally an MQTT topic each module's report is published to.
// Apply is Start (Ctrl+Return): the secrets the profile names come from this session's answers,
// the system keychain (entry secret/NAME) or one prompt per batch; the profile is checked
// against the firmware's limits first, and nothing is sent when anything is missing or wrong.
// The table has one row per module (identity, step, progress, verdict, time), and below it the
// selected module's fields (desired, actual, verdict) and checks; Stop, Retry, Open log and
// Open report act on the selected row. Show AT lists the lines a fresh module
// receives (each module is planned against its own read-back). Read (F5) scans the ports again
// and reloads the profile file.
class ProvisioningPage : public FormPage
{
    Q_OBJECT
public:
    ProvisioningPage(atb::DeviceSession *session, atb::DeviceModel *model, atb::MqttService *mqtt,
                     SecretStore *secrets, Messages *messages, QWidget *parent = nullptr);
    ~ProvisioningPage() override;

    bool loadProfile(const QString &fileName);
    void setProfile(const atb::Profile &profile, const QString &origin);
    std::optional<atb::Profile> profile() const { return m_profile; }
    // Secrets answered in this session (kept in memory only), used before the keychain.
    void setSessionSecret(const QString &name, const QString &value) { m_sessionSecrets.insert(name, value); }

    atb::Station *station() const { return m_station; }
    atb::PortWatcher *portWatcher() const { return m_watcher; }
    QLineEdit *profileEdit() const { return m_profilePath; }
    QLabel *profileSummary() const { return m_summary; }
    QPushButton *saveModuleButton() const { return m_saveModule; }
    QRadioButton *onlyChangesButton() const { return m_onlyChanges; }
    QListWidget *portList() const { return m_ports; }
    QLineEdit *bridgesEdit() const { return m_bridges; }
    QSpinBox *simulatorCount() const { return m_simCount; }
    QCheckBox *stationModeCheck() const { return m_stationMode; }
    QLineEdit *reportDirEdit() const { return m_reportDir; }
    QLineEdit *publishEdit() const { return m_publish; }
    QTableView *table() const { return m_table; }
    // The selected module's per-field table: field, desired, actual, verdict, note (then checks).
    QTreeWidget *fieldTable() const { return m_fields; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *logButton() const { return m_log; }
    QPushButton *reportButton() const { return m_report; }

    // --screenshot: a demo profile onto four built-in simulated modules.
    void prepareScreenshot() override;
    bool isScreenshotPending() const override;

public slots:
    void read() override;   // scan the ports, reload the profile file
    void apply() override;  // start
    void stop();
    void retrySelected();
    void openLog();
    void openReport();
    void saveModuleAsProfile();

protected:
    void retranslate() override;
    void updateButtons() override;
    bool canApply() const override;
    void updatePreview() override;

private:
    void buildUi();
    void fillPorts();
    void onAllFinished();
    void updateSummary();
    void showFields();
    int selectedIndex() const;
    bool resolveSecrets(QHash<QString, QString> *values);
    QString moduleMac(int index) const;

    atb::DeviceSession *m_session;
    atb::DeviceModel *m_model;
    atb::MqttService *m_mqtt;
    SecretStore *m_secrets;
    Messages *m_messages;
    atb::Station *m_station;
    atb::PortWatcher *m_watcher;
    SimulatorLink *m_sim;
    atb::ProfileReader *m_reader = nullptr;
    StationTableModel *m_tableModel;
    std::optional<atb::Profile> m_profile;
    QString m_profileOrigin;
    QHash<QString, QString> m_sessionSecrets;
    bool m_running = false;
    bool m_screenshotRun = false;

    QGroupBox *m_profileBox = nullptr;
    QLabel *m_profileLabel = nullptr;
    QLineEdit *m_profilePath = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_saveModule = nullptr;
    QLabel *m_summary = nullptr;
    QRadioButton *m_allFields = nullptr;
    QRadioButton *m_onlyChanges = nullptr;
    QGroupBox *m_modulesBox = nullptr;
    QListWidget *m_ports = nullptr;
    QLabel *m_bridgesLabel = nullptr;
    QLineEdit *m_bridges = nullptr;
    QLabel *m_simLabel = nullptr;
    QSpinBox *m_simCount = nullptr;
    QCheckBox *m_stationMode = nullptr;
    QGroupBox *m_reportsBox = nullptr;
    QLineEdit *m_reportDir = nullptr;
    QPushButton *m_chooseDir = nullptr;
    QLabel *m_reportHint = nullptr;
    QLabel *m_publishLabel = nullptr;
    QLineEdit *m_publish = nullptr;
    QTableView *m_table = nullptr;
    QTreeWidget *m_fields = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_log = nullptr;
    QPushButton *m_report = nullptr;
};
