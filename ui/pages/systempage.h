#pragma once

#include "formpage.h"
#include "services/systemservice.h"

#include <QPointer>

namespace atb {
class DeviceModel;
}
class Messages;
class QCheckBox;
class QGroupBox;
class QLabel;

// The System page: the module's version (AT+GMR), whether configuration changes are saved to
// flash (AT+SYSSTORE), error codes with failures (AT+SYSLOG, ESP-AT), and restart (AT+RST) and
// factory reset (AT+RESTORE), each behind a confirmation (Messages::confirm). Apply
// (Ctrl+Return) sends the changed settings; Read (F5) queries the module.
class SystemPage : public FormPage
{
    Q_OBJECT
public:
    // `messages` asks before a restart or restore; without it they are refused.
    SystemPage(atb::DeviceModel *model, atb::SystemService *service, Messages *messages, QWidget *parent = nullptr);

    atb::SystemSettings settings() const;
    bool isDirty() const override;
    void prepareScreenshot() override;

public slots:
    void load();
    void read() override;
    void apply() override;
    void revert() override;
    void restart();
    void restore();

protected:
    void retranslate() override;
    void updatePreview() override;
    void updateButtons() override;

private:
    void loadState();
    void markDirty();
    // Asks, then runs `start`; the status line says when the user backed out.
    void confirmed(const QString &title, const QString &text, const QString &action,
                   const std::function<atb::OperationPlan()> &start);

    atb::DeviceModel *m_model;
    atb::SystemService *m_service;
    QPointer<Messages> m_messages;
    atb::SystemSettings m_loaded;
    bool m_loading = false;

    QGroupBox *m_moduleBox, *m_settingsBox, *m_maintenanceBox;
    QLabel *m_firmwareTitle, *m_dialectTitle, *m_storeTitle;
    QLabel *m_firmware;
    QLabel *m_dialect;
    QLabel *m_storeState;
    QCheckBox *m_store;
    QCheckBox *m_sysLog;
    QLabel *m_maintenanceNote;
    QPushButton *m_restart;
    QPushButton *m_restore;
};
