#pragma once

#include "formpage.h"
#include "services/netservice.h"

namespace atb {
class DeviceModel;
}
class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QTreeWidget;

// The Network services page: DNS (automatic, or up to three distinct IPv4 servers), SNTP (on/off,
// time zone, 1-3 servers) with the module's time beside the PC's and the difference in seconds,
// domain lookup (AT+CIPDOMAIN) and ping (AT+PING) with the last ten results. Apply
// (Ctrl+Return) hands the changed sections (DNS and/or SNTP) to NetService::apply() as one
// NetSettings; Read (F5) queries DNS, SNTP and the time. Invalid input is reported beside its
// field and nothing is sent. "Show AT" lists the exact lines each button sends.
class NetServicesPage : public FormPage
{
    Q_OBJECT
public:
    enum HistoryColumn { TimeColumn, HostColumn, ResultColumn };

    NetServicesPage(atb::DeviceModel *model, atb::NetService *service, QWidget *parent = nullptr);

    // What Apply hands to the service: only the sections that differ from what the module
    // reported (applyDns / applySntp).
    atb::NetSettings settings() const;
    bool isDirty() const override;
    QList<QByteArray> previewLines() const; // Apply's exact lines; empty when invalid
    // fieldError(): "DNS_IP1".."DNS_IP3", "timezone", "server1".."server3", "domain_name"
    // (lookup), "host" (ping).

    QComboBox *dnsModeCombo() const { return m_dnsMode; }
    QLineEdit *dnsServerEdit(int index) const { return m_dnsServers.value(index); }
    QLabel *dnsCurrentLabel() const { return m_dnsCurrent; }
    QCheckBox *sntpEnableCheck() const { return m_sntpEnable; }
    QLineEdit *timezoneEdit() const { return m_timezone; }
    QLabel *timezoneHint() const { return m_timezoneHint; }
    QLineEdit *sntpServerEdit(int index) const { return m_sntpServers.value(index); }
    QLabel *moduleTimeLabel() const { return m_moduleTime; }
    QLabel *pcTimeLabel() const { return m_pcTime; }
    QLabel *offsetLabel() const { return m_offset; }
    QPushButton *readTimeButton() const { return m_readTime; }
    QLineEdit *lookupEdit() const { return m_lookupName; }
    QPushButton *lookupButton() const { return m_lookup; }
    QLabel *lookupResultLabel() const { return m_lookupResult; }
    QLineEdit *pingEdit() const { return m_pingHost; }
    QPushButton *pingButton() const { return m_ping; }
    QLabel *pingResultLabel() const { return m_pingResult; }
    QTreeWidget *pingHistory() const { return m_history; }

    // --screenshot: reads DNS, SNTP and the module's time.
    void prepareScreenshot() override;

public slots:
    void load();
    void apply() override;
    void revert() override;
    void read() override;
    void readTime();
    void lookup();
    void ping();

protected:
    void retranslate() override;
    void updateColours() override;
    void updatePreview() override;

private:
    void buildUi();
    // Three server fields ("<param>1".."<param>3") with their labels and errors.
    void addServerRows(QFormLayout *form, const char *objectName, const QByteArray &param, QList<QLabel *> *labels,
                       QList<QLineEdit *> *edits);
    void fillDnsModes();
    void loadCurrent();
    void loadTime();
    void loadHistory();
    void markDirty();
    void validate();
    void updateEnabled();
    void updateTimezoneHint();
    void onBusyChanged(bool busy);
    void onFinished(const atb::OperationResult &result);
    atb::DnsSettings dnsForm() const;
    atb::SntpSettings sntpForm() const;

    atb::DeviceModel *m_model;
    atb::NetService *m_service;
    atb::DnsSettings m_loadedDns;
    atb::SntpSettings m_loadedSntp;
    bool m_loading = false;
    bool m_edited = false;
    bool m_lookupEdited = false;
    bool m_pingEdited = false;
    bool m_pendingApply = false;

    QGroupBox *m_dnsBox = nullptr;
    QGroupBox *m_sntpBox = nullptr;
    QGroupBox *m_lookupBox = nullptr;
    QGroupBox *m_pingBox = nullptr;
    QLabel *m_dnsModeLabel = nullptr;
    QComboBox *m_dnsMode = nullptr;
    QList<QLabel *> m_dnsServerLabels;
    QList<QLineEdit *> m_dnsServers;
    QLabel *m_dnsCurrentTitle = nullptr;
    QLabel *m_dnsCurrent = nullptr;
    QCheckBox *m_sntpEnable = nullptr;
    QLabel *m_timezoneLabel = nullptr;
    QLineEdit *m_timezone = nullptr;
    QLabel *m_timezoneHint = nullptr;
    QList<QLabel *> m_sntpServerLabels;
    QList<QLineEdit *> m_sntpServers;
    QLabel *m_moduleTimeTitle = nullptr;
    QLabel *m_moduleTime = nullptr;
    QLabel *m_pcTimeTitle = nullptr;
    QLabel *m_pcTime = nullptr;
    QLabel *m_offsetTitle = nullptr;
    QLabel *m_offset = nullptr;
    QPushButton *m_readTime = nullptr;
    QLabel *m_lookupLabel = nullptr;
    QLineEdit *m_lookupName = nullptr;
    QPushButton *m_lookup = nullptr;
    QLabel *m_lookupResultTitle = nullptr;
    QLabel *m_lookupResult = nullptr;
    QLabel *m_pingLabel = nullptr;
    QLineEdit *m_pingHost = nullptr;
    QPushButton *m_ping = nullptr;
    QLabel *m_pingResultTitle = nullptr;
    QLabel *m_pingResult = nullptr;
    QTreeWidget *m_history = nullptr;
};
