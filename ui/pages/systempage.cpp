#include "systempage.h"

#include "dialogs/messages.h"
#include "model/devicemodel.h"
#include "pagecommon.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QStyle>
#include <QVBoxLayout>

using atb::OperationPlan;
using atb::SystemSettings;

SystemPage::SystemPage(atb::DeviceModel *model, atb::SystemService *service, Messages *messages, QWidget *parent)
    : FormPage(parent), m_model(model), m_service(service), m_messages(messages)
{
    setObjectName(QStringLiteral("systemPage"));
    setWindowIcon(style()->standardIcon(QStyle::SP_ComputerIcon));
    auto *form = new QWidget(this);

    m_moduleBox = new QGroupBox(form);
    m_firmwareTitle = new QLabel(m_moduleBox);
    m_firmware = makeValueLabel(m_moduleBox, "firmwareLabel", true);
    m_dialectTitle = new QLabel(m_moduleBox);
    m_dialect = makeValueLabel(m_moduleBox, "dialectLabel");
    auto *moduleForm = new QFormLayout(m_moduleBox);
    moduleForm->addRow(m_firmwareTitle, m_firmware);
    moduleForm->addRow(m_dialectTitle, m_dialect);

    m_settingsBox = new QGroupBox(form);
    m_store = new QCheckBox(m_settingsBox);
    m_store->setObjectName(QStringLiteral("storeCheck"));
    m_storeTitle = new QLabel(m_settingsBox);
    m_storeState = makeValueLabel(m_settingsBox, "storeStateLabel", true);
    m_sysLog = new QCheckBox(m_settingsBox);
    m_sysLog->setObjectName(QStringLiteral("sysLogCheck"));
    auto *settingsLay = new QVBoxLayout(m_settingsBox);
    settingsLay->addWidget(withFieldError(m_store, "store_mode"));
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_storeTitle);
    stateRow->addWidget(m_storeState, 1);
    settingsLay->addLayout(stateRow);
    settingsLay->addWidget(withFieldError(m_sysLog, "status"));
    setFallbackField("store_mode");

    m_maintenanceBox = new QGroupBox(form);
    m_maintenanceNote = new QLabel(m_maintenanceBox);
    m_maintenanceNote->setWordWrap(true);
    m_restart = new QPushButton(m_maintenanceBox);
    m_restart->setObjectName(QStringLiteral("restartButton"));
    m_restart->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_restore = new QPushButton(m_maintenanceBox);
    m_restore->setObjectName(QStringLiteral("restoreButton"));
    m_restore->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    auto *maintenance = new QVBoxLayout(m_maintenanceBox);
    maintenance->addWidget(m_maintenanceNote);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_restart);
    buttons->addWidget(m_restore);
    buttons->addStretch(1);
    maintenance->addLayout(buttons);

    auto *lay = new QVBoxLayout(form);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(m_moduleBox);
    lay->addWidget(m_settingsBox);
    lay->addWidget(m_maintenanceBox);
    lay->addStretch(1);
    setForm(form);

    connect(m_store, &QCheckBox::toggled, this, &SystemPage::markDirty);
    connect(m_sysLog, &QCheckBox::toggled, this, &SystemPage::markDirty);
    connect(m_restart, &QPushButton::clicked, this, &SystemPage::restart);
    connect(m_restore, &QPushButton::clicked, this, &SystemPage::restore);
    connect(m_service, &atb::SystemService::busyChanged, this, &SystemPage::setBusy);
    connect(m_service, &atb::SystemService::finished, this, [this](const atb::OperationResult &r) {
        setStatus(r.message, !r.ok);
        if (r.ok)
            load();
    });
    connect(m_service, &atb::SystemService::stateChanged, this, [this] {
        loadState();
        if (!isDirty() && !isBusy())
            load();
    });
    for (auto signal : { &atb::DeviceModel::firmwareChanged, &atb::DeviceModel::sysLogChanged })
        connect(m_model, signal, this, [this] {
            loadState();
            if (!isDirty() && !isBusy())
                load();
        });
    connect(m_model, &atb::DeviceModel::dialectChanged, this, [this] {
        loadState();
        load();
    });

    retranslate();
    load();
}

// ---- model -> widgets ------------------------------------------------------------------------

void SystemPage::load()
{
    {
        const QScopedValueRollback<bool> loading(m_loading, true);
        // Unknown: the factory defaults (saved to flash; error codes off).
        m_store->setChecked(m_service->store() != 0);
        m_sysLog->setChecked(m_model->sysLog() == 1);
        m_loaded = settings();
    }
    clearAllFieldErrors();
    loadState();
    markDirty();
}

void SystemPage::loadState()
{
    const QStringList fw = m_model->firmware();
    m_firmware->setText(fw.isEmpty() ? tr("not read yet: press Read (F5)") : fw.join(QLatin1Char('\n')));
    m_dialect->setText(m_model->dialect() == atb::Dialect::Esp ? tr("ESP-AT") : tr("Beken ATSVR"));
    const int store = m_service->store();
    m_storeState->setText(store < 0    ? tr("not read yet")
                          : store == 1 ? tr("changes are saved to flash")
                                       : tr("changes last until the next restart"));
    m_sysLog->setVisible(m_model->dialect() == atb::Dialect::Esp);
    updateButtons();
}

// ---- widgets -> settings ---------------------------------------------------------------------

SystemSettings SystemPage::settings() const
{
    SystemSettings s;
    s.store = m_store->isChecked() ? 1 : 0;
    s.sysLog = m_model->dialect() == atb::Dialect::Esp ? (m_sysLog->isChecked() ? 1 : 0) : -1;
    return s;
}

bool SystemPage::isDirty() const
{
    return !(settings() == m_loaded);
}

void SystemPage::markDirty()
{
    if (m_loading)
        return;
    clearAllFieldErrors();
    updateButtons();
    updatePreview();
}

void SystemPage::updateButtons()
{
    FormPage::updateButtons();
    m_restart->setEnabled(!isBusy());
    m_restore->setEnabled(!isBusy());
}

void SystemPage::updatePreview()
{
    if (m_loading)
        return;
    AtPreviewText text;
    text.section(tr("Apply (Ctrl+Return)"), m_service->planApply(settings()));
    text.section(tr("Read (F5)"), m_service->planRead());
    text.section(tr("Restart (asks first)"), m_service->planRestart());
    text.section(tr("Restore factory settings (asks first)"), m_service->planRestore());
    setPreviewText(text.text());
}

// ---- actions ---------------------------------------------------------------------------------

void SystemPage::read()
{
    started(m_service->read());
}

void SystemPage::apply()
{
    if (isBusy())
        return;
    const SystemSettings s = settings();
    // Unknown settings count as changed: sending them makes them known.
    const OperationPlan p = m_service->planApply(s);
    if (!showPlanError(p, QByteArray(), true)) {
        setStatus(tr("Nothing was sent: %1").arg(p.error), !p.errorParam.isEmpty());
        return;
    }
    started(m_service->apply(s));
}

void SystemPage::revert()
{
    load();
    setStatus(QString(), false);
}

void SystemPage::confirmed(const QString &title, const QString &text, const QString &action,
                           const std::function<OperationPlan()> &start)
{
    if (isBusy())
        return;
    if (!m_messages || !m_messages->confirm(title, text, action)) {
        setStatus(tr("Not sent: %1 was cancelled.").arg(action), false);
        return;
    }
    started(start());
}

void SystemPage::restart()
{
    confirmed(tr("Restart the module?"),
              tr("AT+RST restarts the module: open links and the MQTT connection drop, and settings not saved "
                 "to flash are lost."),
              tr("Restart"), [this] { return m_service->restart(); });
}

void SystemPage::restore()
{
    confirmed(tr("Restore factory settings?"),
              tr("AT+RESTORE erases everything the module saved (the Wi-Fi network and its password, MQTT, UART, "
                 "SoftAP and TCP/IP settings) and restarts it. This cannot be undone."),
              tr("Restore factory settings"), [this] { return m_service->restore(); });
}

void SystemPage::prepareScreenshot()
{
    read();
}

void SystemPage::retranslate()
{
    FormPage::retranslate();
    setWindowTitle(tr("System"));
    setToolTip(tr("Version, saving settings to flash, error codes, restart and factory reset"));
    m_moduleBox->setTitle(tr("Module"));
    m_firmwareTitle->setText(tr("Firmware:"));
    m_dialectTitle->setText(tr("Command set:"));
    m_settingsBox->setTitle(tr("Settings"));
    m_store->setText(tr("Save configuration changes to flash (AT+SYSSTORE=1)"));
    m_store->setToolTip(tr("Off: Wi-Fi, MQTT and TCP/IP changes last until the next restart (AT+SYSSTORE=0)"));
    m_storeTitle->setText(tr("The module:"));
    m_sysLog->setText(tr("Explain failures with error codes (AT+SYSLOG=1)"));
    m_sysLog->setToolTip(tr("ESP-AT prints an ERR CODE line with each failure; AT Bench turns it into words"));
    m_maintenanceBox->setTitle(tr("Maintenance"));
    m_maintenanceNote->setText(tr("Both ask before anything is sent. Restore erases the saved Wi-Fi network and "
                                  "password and every other saved setting."));
    m_restart->setText(tr("Restart (AT+RST)…"));
    m_restore->setText(tr("Restore factory settings (AT+RESTORE)…"));
    readButton()->setToolTip(tr("Query the version and settings (F5)"));
    applyButton()->setToolTip(tr("Send the changed settings (Ctrl+Return)"));
    loadState();
    updatePreview();
}
