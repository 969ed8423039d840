#include "provisioningpage.h"

#include "pagecommon.h"

#include "dialogs/messages.h"
#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "provisioning/profilereader.h"
#include "provisioning/profileplanner.h"
#include "secrets/keychain.h"
#include "secrets/secretresolver.h"
#include "secretstore.h"
#include "services/mqttservice.h"
#include "simulatorlink.h"
#include "theme.h"
#include "widgets/stationtablemodel.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QGroupBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QUrl>

using namespace atb;

namespace {

// The demo of --screenshot: every section the built-in simulated module can take offline.
Profile demoProfile()
{
    QJsonObject o { { "format", "atbench-profile" }, { "version", 1 }, { "name", "Line 3 sensor (demo)" }, { "dialect", "esp" } };
    o.insert("persistence", QJsonObject { { "store", true } });
    o.insert("wifi", QJsonObject { { "mode", "station" }, { "ssid", "BenchAP" }, { "password", QJsonObject { { "secret", "wifi.password" } } } });
    o.insert("connection", QJsonObject { { "multiple_connections", true }, { "transmission", "normal" } });
    o.insert("sntp", QJsonObject { { "enabled", true }, { "timezone", 8 }, { "servers", QJsonArray { "127.0.0.1" } } });
    o.insert("post_checks", QJsonArray { QJsonObject { { "check", "resolve" }, { "name", "localhost" } },
                                         QJsonObject { { "check", "ping" }, { "host", "127.0.0.1" } } });
    QList<JsonIssue> issues;
    return Profile::fromJson(o, &issues).value_or(Profile());
}

} // namespace

ProvisioningPage::ProvisioningPage(DeviceSession *session, DeviceModel *model, MqttService *mqtt, SecretStore *secrets,
                                   Messages *messages, QWidget *parent)
    : FormPage(parent), m_session(session), m_model(model), m_mqtt(mqtt), m_secrets(secrets), m_messages(messages),
      m_station(new Station(this)), m_watcher(new PortWatcher(this)), m_sim(new SimulatorLink(this)),
      m_tableModel(new StationTableModel(m_station, this))
{
    setObjectName(QStringLiteral("provisioningPage"));
    buildUi();
    retranslate();
    connect(m_watcher, &PortWatcher::portsChanged, this, &ProvisioningPage::fillPorts);
    connect(m_station, &Station::allFinished, this, &ProvisioningPage::onAllFinished);
    connect(m_station, &Station::reportError, this, [this](const QString &message) { setStatus(message, true); });
    connect(m_station, &Station::moduleChanged, this, [this](int index) {
        updateButtons();
        if (index == selectedIndex())
            showFields();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        showFields();
    });
    connect(m_profilePath, &QLineEdit::returnPressed, this, [this] { loadProfile(m_profilePath->text()); });
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QString file = m_messages->openFileName(tr("Open profile"), QFileInfo(m_profilePath->text()).path(),
                                                      tr("AT Bench profiles (*.json);;All files (*)"));
        if (!file.isEmpty())
            loadProfile(file);
    });
    connect(m_saveModule, &QPushButton::clicked, this, &ProvisioningPage::saveModuleAsProfile);
    connect(m_chooseDir, &QPushButton::clicked, this, [this] {
        const QString dir = m_messages->existingDirectory(tr("Report folder"), m_reportDir->text());
        if (!dir.isEmpty())
            m_reportDir->setText(dir);
    });
    connect(m_stop, &QPushButton::clicked, this, &ProvisioningPage::stop);
    connect(m_retry, &QPushButton::clicked, this, &ProvisioningPage::retrySelected);
    connect(m_log, &QPushButton::clicked, this, &ProvisioningPage::openLog);
    connect(m_report, &QPushButton::clicked, this, &ProvisioningPage::openReport);
    connect(m_table, &QTableView::doubleClicked, this, &ProvisioningPage::openReport);
    for (QRadioButton *b : { m_allFields, m_onlyChanges })
        connect(b, &QRadioButton::toggled, this, [this] { updatePreview(); });
    m_watcher->start();
    fillPorts();
    updateSummary();
    updateButtons();
}

ProvisioningPage::~ProvisioningPage()
{
    // The station's modules (sessions in their own threads) end before the page's widgets.
    m_station->stop();
    delete m_station;
}

void ProvisioningPage::showFields()
{
    m_fields->clear();
    const int index = selectedIndex();
    if (index <= 0)
        return;
    const StationModule &m = m_station->module(index);
    const ThemeColours colours = ThemeColours::fromPalette(palette());
    auto verdictWord = [](FieldCheck::Verdict v) {
        switch (v) {
        case FieldCheck::Verdict::Match: return tr("match");
        case FieldCheck::Verdict::Differs: return tr("differs");
        case FieldCheck::Verdict::Unreadable: return tr("not readable");
        case FieldCheck::Verdict::Failed: return tr("failed");
        case FieldCheck::Verdict::NotApplied: return tr("not applied");
        }
        return QString();
    };
    for (const FieldCheck &f : m.report.fields) {
        auto *item = new QTreeWidgetItem(m_fields, { f.field, FieldCheck::shown(f.desired, f.secret),
                                                     FieldCheck::shown(f.actual, f.secret), verdictWord(f.verdict), f.note });
        if (f.verdict == FieldCheck::Verdict::Match)
            item->setForeground(3, colours.ok);
        else if (!f.passed())
            item->setForeground(3, colours.error);
    }
    for (const CheckResult &c : m.report.checks) {
        const bool pass = c.verdict == CheckResult::Verdict::Pass;
        auto *item = new QTreeWidgetItem(m_fields, { c.label, QString(), c.detail,
                                                     pass ? tr("pass") : c.verdict == CheckResult::Verdict::Fail ? tr("fail")
                                                                                                                    : tr("skipped"),
                                                     QString() });
        item->setForeground(3, pass ? colours.ok : colours.error);
    }
}

void ProvisioningPage::fillPorts()
{
    QHash<QString, bool> checked;
    for (int i = 0; i < m_ports->count(); ++i)
        checked.insert(m_ports->item(i)->data(Qt::UserRole).toString(), m_ports->item(i)->checkState() == Qt::Checked);
    m_ports->clear();
    for (const PortDescription &p : m_watcher->ports()) {
        auto *item = new QListWidgetItem(p.label(), m_ports);
        item->setData(Qt::UserRole, p.systemLocation);
        item->setData(Qt::UserRole + 1, p.serialNumber);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.value(p.systemLocation) ? Qt::Checked : Qt::Unchecked);
    }
}

void ProvisioningPage::read()
{
    m_watcher->rescan();
    if (!m_profilePath->text().isEmpty() && QFileInfo::exists(m_profilePath->text()))
        loadProfile(m_profilePath->text());
}

bool ProvisioningPage::loadProfile(const QString &fileName)
{
    clearFieldErrors();
    QList<JsonIssue> issues;
    std::optional<Profile> p = Profile::load(fileName, &issues);
    m_profilePath->setText(fileName);
    if (!p) {
        m_profile.reset();
        QStringList texts;
        for (const JsonIssue &i : std::as_const(issues))
            texts << i.text();
        showFieldError("profile", issues.value(0).text());
        setStatus(tr("%1 is not a usable profile: %2").arg(QFileInfo(fileName).fileName(), texts.join(QLatin1String("; "))), true);
        updateSummary();
        updateButtons();
        return false;
    }
    setProfile(*p, fileName);
    setStatus(tr("Profile loaded: %1").arg(QDir::toNativeSeparators(fileName)));
    return true;
}

void ProvisioningPage::setProfile(const Profile &profile, const QString &origin)
{
    clearFieldErrors();
    m_profile = profile;
    m_profileOrigin = origin;
    if (m_profilePath->text() != origin && QFileInfo::exists(origin))
        m_profilePath->setText(origin);
    updateSummary();
    updateButtons();
    updatePreview();
}

void ProvisioningPage::updateSummary()
{
    if (!m_profile) {
        m_summary->setText(tr("No profile yet: open one, or save the connected module as a profile."));
        return;
    }
    const Profile &p = *m_profile;
    QStringList sections;
    if (p.persistence)
        sections << tr("persistence");
    if (p.wifi)
        sections << tr("Wi-Fi");
    if (p.connection)
        sections << tr("connection modes");
    if (p.dns)
        sections << tr("DNS");
    if (p.sntp)
        sections << tr("SNTP");
    if (p.tlsPsk)
        sections << tr("TLS PSK");
    if (p.mqtt)
        sections << tr("MQTT");
    QStringList secrets;
    for (const auto &use : p.secretUses())
        secrets << use.first;
    QString text = tr("%1 — %2 — sets: %3 — %n check(s)", nullptr, int(p.postChecks.size()))
                       .arg(p.name.isEmpty() ? tr("(no name)") : p.name,
                            p.dialect == Dialect::Beken ? QStringLiteral("Beken ATSVR") : QStringLiteral("ESP-AT"),
                            sections.isEmpty() ? tr("nothing") : sections.join(QLatin1String(", ")));
    if (!secrets.isEmpty())
        text += QLatin1Char('\n') + tr("Secrets: %1").arg(secrets.join(QLatin1String(", ")));
    text += QLatin1Char('\n') + p.hash().left(19);
    m_summary->setText(text);
}

bool ProvisioningPage::canApply() const
{
    return m_profile.has_value() && !m_running;
}

void ProvisioningPage::updateButtons()
{
    FormPage::updateButtons();
    const int index = selectedIndex();
    const bool rowFinished = index > 0 && m_station->module(index).finished();
    m_stop->setEnabled(m_running);
    m_retry->setEnabled(rowFinished && (m_profile.has_value()));
    m_log->setEnabled(index > 0);
    m_report->setEnabled(rowFinished);
    m_saveModule->setEnabled(!m_reader);
}

int ProvisioningPage::selectedIndex() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().row() + 1;
}

QString ProvisioningPage::moduleMac(int index) const
{
    // A locally administered unicast address per built-in module, so ${MAC} differs.
    return QStringLiteral("02:5e:00:00:%1:%2").arg(index / 256, 2, 16, QLatin1Char('0')).arg(index % 256, 2, 16, QLatin1Char('0'));
}

bool ProvisioningPage::resolveSecrets(QHash<QString, QString> *values)
{
    QStringList names;
    for (const auto &use : m_profile->secretUses())
        names << use.first;
    if (names.isEmpty())
        return true;
    SecretResolver resolver;
    for (auto it = m_sessionSecrets.begin(); it != m_sessionSecrets.end(); ++it)
        resolver.setValue(it.key(), it.value());
    bool remember = false;
    resolver.setPrompt([this, &remember](const QStringList &missing) {
        return m_messages->askSecrets(tr("Secrets for this batch"),
                                      tr("The profile names these secrets; they are used for this batch and kept "
                                         "in memory until AT Bench closes. They are never written into a profile, "
                                         "report or log."),
                                      missing, Keychain::reachable(), &remember);
    });
    QStringList missing;
    *values = resolver.resolve(names, &missing);
    for (auto it = values->begin(); it != values->end(); ++it) {
        m_sessionSecrets.insert(it.key(), it.value());
        if (remember && resolver.sourceOf(it.key()) == QLatin1String("prompt") && m_secrets)
            m_secrets->save(SecretResolver::keychainKey(it.key()), it.value());
    }
    if (!missing.isEmpty()) {
        setStatus(tr("Secrets missing, nothing was sent: %1").arg(missing.join(QLatin1String(", "))), true);
        return false;
    }
    return true;
}

void ProvisioningPage::apply()
{
    if (m_running)
        return;
    clearFieldErrors();
    if (!m_profile) {
        showFieldError("profile", tr("Open a profile first, or save the connected module as one."));
        setStatus(tr("No profile."), true);
        return;
    }
    QList<QPair<PortSpec, QString>> ports; // spec, USB serial number
    for (int i = 0; i < m_ports->count(); ++i) {
        const QListWidgetItem *item = m_ports->item(i);
        if (item->checkState() != Qt::Checked)
            continue;
        if (const auto spec = PortSpec::parse(item->data(Qt::UserRole).toString()))
            ports << qMakePair(*spec, item->data(Qt::UserRole + 1).toString());
    }
    for (const QString &text : m_bridges->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        QString error;
        const std::optional<PortSpec> spec = PortSpec::parse(text.trimmed(), &error);
        if (!spec || spec->kind != PortSpec::Kind::Tcp) {
            showFieldError("bridges", spec ? tr("\"%1\" is not tcp:HOST:PORT").arg(text.trimmed()) : error);
            setStatus(tr("Check the TCP bridges."), true);
            return;
        }
        ports << qMakePair(*spec, QString());
    }
    const QString flavour = m_profile->dialect == Dialect::Beken ? QStringLiteral("sim:beken") : QStringLiteral("sim:esp");
    for (int i = 0; i < m_simCount->value(); ++i)
        ports << qMakePair(PortSpec::parse(flavour).value(), QString());
    if (ports.isEmpty() && !m_stationMode->isChecked()) {
        showFieldError("ports", tr("Tick a serial port, give a TCP bridge or a number of simulated modules, or turn "
                                   "station mode on."));
        setStatus(tr("No module chosen."), true);
        return;
    }
    std::optional<ReportPublishSettings> publishTo;
    if (!m_publish->text().trimmed().isEmpty()) {
        QString error;
        publishTo = ReportPublishSettings::parse(m_publish->text().trimmed(), &error);
        if (!publishTo) {
            showFieldError("publish", error);
            setStatus(tr("Check where the reports are published."), true);
            return;
        }
    }
    QHash<QString, QString> secrets;
    if (!resolveSecrets(&secrets))
        return;
    const ModuleIdentity sample = placeholders::sampleIdentity(
        1, ports.isEmpty() ? QStringLiteral("sim:esp") : ports.first().first.toString(),
        ports.isEmpty() || ports.first().second.isEmpty() ? QStringLiteral("SAMPLE0001") : ports.first().second);
    const QList<JsonIssue> issues = ProfilePlanner::validate(*m_profile, secrets, sample);
    if (!issues.isEmpty()) {
        QStringList texts;
        for (const JsonIssue &i : issues)
            texts << i.text();
        showFieldError("profile", issues.first().text());
        setStatus(tr("The profile cannot be applied, nothing was sent: %1").arg(texts.join(QLatin1String("; "))), true);
        return;
    }

    m_station->clear();
    Station::Settings s;
    s.profile = *m_profile;
    s.secrets = secrets;
    s.mode = m_onlyChanges->isChecked() ? ProfileRunner::Mode::OnlyChanges : ProfileRunner::Mode::All;
    s.reportDir = m_reportDir->text().trimmed();
    s.publish = publishTo;
    s.simulatorFactory = [this](int index) -> ModuleConnection::SimulatorFactory {
        const QString mac = moduleMac(index);
        QPointer<SimulatorLink> sim = m_sim;
        return [sim, mac](const QString &flavour, qint64 baud) -> std::function<Transport *(QObject *)> {
            if (!sim)
                return {};
            return sim->factory(flavour == QLatin1String("beken") ? SimulatorLink::Flavour::Beken : SimulatorLink::Flavour::Esp,
                                baud, mac);
        };
    };
    m_station->setSettings(s);
    for (const auto &[spec, serial] : std::as_const(ports)) {
        PortSpec p = spec;
        if (p.kind != PortSpec::Kind::Tcp && p.serial.baudRate <= 0)
            p.serial.baudRate = s.baud;
        m_station->addPort(p, serial);
    }
    m_running = true;
    setBusy(true);
    m_station->start();
    if (m_stationMode->isChecked()) {
        m_station->watch(m_watcher);
        setStatus(ports.isEmpty() ? tr("Station mode: plug in a module, it is provisioned at once.")
                                  : tr("Provisioning %n module(s); station mode takes every adapter plugged in.", nullptr,
                                       int(ports.size())));
    } else {
        setStatus(tr("Provisioning %n module(s)…", nullptr, int(ports.size())));
    }
}

void ProvisioningPage::stop()
{
    if (!m_running)
        return;
    m_station->stop();
    if (!m_station->isRunning())
        onAllFinished();
}

void ProvisioningPage::onAllFinished()
{
    if (!m_running || m_station->isWatching())
        return;
    m_running = false;
    setBusy(false);
    const QList<StationModule> modules = m_station->modules();
    const int passed = int(std::count_if(modules.begin(), modules.end(),
                                         [](const StationModule &m) { return m.state == StationModule::State::Passed; }));
    QString text = passed == modules.size()
        ? tr("%1 of %n module(s) passed: every field read back and verified.", nullptr, int(modules.size())).arg(passed)
        : tr("%1 of %n module(s) passed.", nullptr, int(modules.size())).arg(passed);
    if (!m_reportDir->text().trimmed().isEmpty())
        text += QLatin1Char(' ') + tr("Reports: %1").arg(QDir::toNativeSeparators(m_reportDir->text().trimmed()));
    setStatus(text, passed != modules.size());
    // The screenshot shows the first module's fields, as a person clicking a row sees them.
    if (m_screenshotRun && selectedIndex() == 0 && !modules.isEmpty())
        m_table->selectRow(0);
    updateButtons();
}

void ProvisioningPage::retrySelected()
{
    const int index = selectedIndex();
    if (index <= 0 || !m_station->module(index).finished())
        return;
    if (!m_running) {
        m_running = true;
        setBusy(true);
    }
    setStatus(tr("Module %1 again…").arg(index));
    m_station->retry(index);
}

void ProvisioningPage::openLog()
{
    const int index = selectedIndex();
    if (index <= 0)
        return;
    const StationModule &m = m_station->module(index);
    m_messages->showText(tr("Log of module %1 (%2)").arg(index).arg(m.port), m_station->logText(index));
}

void ProvisioningPage::openReport()
{
    const int index = selectedIndex();
    if (index <= 0 || !m_station->module(index).finished())
        return;
    const StationModule &m = m_station->module(index);
    const QString dir = m_reportDir->text().trimmed();
    if (!dir.isEmpty() && QFileInfo::exists(QDir(dir).filePath(QStringLiteral("report.html")))) {
        QUrl url = QUrl::fromLocalFile(QDir(dir).absoluteFilePath(QStringLiteral("report.html")));
        url.setFragment(QStringLiteral("m%1").arg(index));
        m_messages->openUrl(url);
        return;
    }
    // No report folder: the field table as text.
    QStringList lines { tr("Module %1 on %2, MAC %3: %4").arg(index).arg(m.port, m.mac,
                                                                     m.state == StationModule::State::Passed ? tr("pass")
                                                                                                             : m.error) };
    for (const FieldCheck &f : m.report.fields)
        lines << QStringLiteral("%1  %2 | %3 | %4  %5")
                     .arg(f.field, FieldCheck::shown(f.desired, f.secret), FieldCheck::shown(f.actual, f.secret),
                          FieldCheck::verdictName(f.verdict), f.note);
    for (const CheckResult &c : m.report.checks)
        lines << QStringLiteral("%1: %2 (%3)").arg(c.label, CheckResult::verdictName(c.verdict), c.detail);
    m_messages->showText(tr("Report of module %1").arg(index), lines.join(QLatin1Char('\n')));
}

void ProvisioningPage::saveModuleAsProfile()
{
    if (m_reader)
        return;
    if (m_session->state() != DeviceSession::State::Connected) {
        setStatus(tr("Connect a module first (Port page): its configuration is read through the main connection."), true);
        return;
    }
    m_reader = new ProfileReader(m_session, this);
    if (m_mqtt && m_mqtt->hasLastConfig())
        m_reader->setSessionHints(m_mqtt->lastConfig());
    connect(m_reader, &ProfileReader::finished, this, [this](const ModuleReadBack &rb) {
        m_reader->deleteLater();
        m_reader = nullptr;
        setBusy(false);
        if (!rb.complete) {
            setStatus(tr("Could not read the module: %1").arg(rb.error), true);
            return;
        }
        const Profile p = rb.toProfile(m_session->linkName());
        QStringList unreadable;
        for (const QJsonValue &v : p.source.value(QLatin1String("unreadable")).toArray())
            if (!ModuleReadBack::isSecretField(v.toString()))
                unreadable << v.toString();
        QStringList secrets;
        for (const auto &use : p.secretUses())
            secrets << use.first;
        QString note;
        if (!unreadable.isEmpty())
            note += QLatin1Char(' ') + tr("The module cannot report %1: check them in the file.").arg(unreadable.join(QLatin1String(", ")));
        if (!secrets.isEmpty())
            note += QLatin1Char(' ') + tr("Secrets it names (asked when you start): %1.").arg(secrets.join(QLatin1String(", ")));
        const QString suggested = QDir::home().filePath(
            QStringLiteral("module-%1.json").arg(rb.mac.isEmpty() ? QStringLiteral("profile") : QString(rb.mac).remove(QLatin1Char(':'))));
        const QString file = m_messages->saveFileName(tr("Save module as profile"), suggested,
                                                      tr("AT Bench profiles (*.json)"), nullptr);
        if (file.isEmpty()) {
            setProfile(p, QString());
            m_profilePath->clear();
            setStatus(tr("The module's configuration is the profile now (not saved to a file).") + note);
            return;
        }
        QString error;
        if (!p.save(file, &error)) {
            setStatus(error, true);
            return;
        }
        loadProfile(file);
        setStatus(tr("Saved %1.").arg(QDir::toNativeSeparators(file)) + note);
    });
    setBusy(true);
    setStatus(tr("Reading everything the module reports…"));
    m_reader->start(m_model->dialect());
    updateButtons();
}

void ProvisioningPage::updatePreview()
{
    if (!showAtButton()->isChecked())
        return;
    if (!m_profile) {
        setPreviewText(QStringLiteral("# ") + tr("Open a profile to see the lines it sends."));
        return;
    }
    // Secrets not known yet stand in as placeholders; the preview masks every secret anyway.
    QHash<QString, QString> secrets = m_sessionSecrets;
    for (const auto &use : m_profile->secretUses())
        if (!secrets.contains(use.first))
            secrets.insert(use.first, QStringLiteral("********"));
    QList<JsonIssue> issues;
    const Profile expanded = placeholders::expandProfile(*m_profile, placeholders::sampleIdentity(), &issues);
    ModuleReadBack blank;
    blank.dialect = m_profile->dialect;
    ProfilePlan plan = ProfilePlanner::plan(expanded, secrets, blank, ProfilePlanner::Mode::All);
    if (!issues.isEmpty())
        plan.issues = issues;
    QString text = QStringLiteral("# ") + tr("What a fresh module receives (module 1, MAC 02:00:00:00:00:00):") + QLatin1Char('\n');
    text += plan.previewText(m_profile->dialect);
    if (m_onlyChanges->isChecked())
        text += QStringLiteral("\n# ") + tr("Only what differs: each module is read first and gets only the lines for "
                                             "values it does not have yet.");
    setPreviewText(text);
}

void ProvisioningPage::prepareScreenshot()
{
    if (m_running)
        return;
    setProfile(demoProfile(), QString());
    m_profilePath->setText(QStringLiteral("line3-sensor.json"));
    setSessionSecret(QStringLiteral("wifi.password"), QStringLiteral("12345678"));
    m_simCount->setValue(4);
    m_onlyChanges->setChecked(false);
    m_screenshotRun = true;
    apply();
}

bool ProvisioningPage::isScreenshotPending() const
{
    return m_running || m_reader;
}
