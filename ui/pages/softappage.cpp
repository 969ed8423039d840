#include "softappage.h"

#include "model/devicemodel.h"
#include "pagecommon.h"
#include "protocol/atencoder.h"
#include "protocol/commandcatalog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using atb::OperationPlan;
using atb::SoftApNetworkSettings;
using atb::SoftApSettings;

namespace {

const QByteArray kNetwork = "network";
const QByteArray kStations = "stations";

// An access point: a mast with waves on both sides, from the palette.
QIcon softApIcon(const QPalette &pal)
{
    return paletteIcon([&pal](QPainter &p, qreal s) {
        QPen pen(pal.color(QPalette::Text), 1.8 * s);
        pen.setCapStyle(Qt::RoundCap);
        p.setPen(pen);
        p.drawLine(QPointF(12 * s, 10 * s), QPointF(12 * s, 21 * s));
        p.drawLine(QPointF(8 * s, 21 * s), QPointF(16 * s, 21 * s));
        p.setBrush(pal.color(QPalette::Text));
        p.drawEllipse(QPointF(12 * s, 9 * s), 1.6 * s, 1.6 * s);
        p.setBrush(Qt::NoBrush);
        for (qreal r : { 4.5, 8.0 }) {
            const QRectF box((12 - r) * s, (9 - r) * s, 2 * r * s, 2 * r * s);
            p.drawArc(box, -40 * 16, 80 * 16);
            p.drawArc(box, 140 * 16, 80 * 16);
        }
    });
}

QLineEdit *addressEdit(QWidget *parent, const char *name, const QString &placeholder)
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(QLatin1String(name));
    e->setMaxLength(15);
    e->setPlaceholderText(placeholder);
    return e;
}

} // namespace

SoftApPage::SoftApPage(atb::DeviceModel *model, atb::SoftApService *service, QWidget *parent)
    : FormPage(parent), m_model(model), m_service(service)
{
    setObjectName(QStringLiteral("softApPage"));
    auto *form = new QWidget(this);
    m_unavailable = new QLabel(form);
    m_unavailable->setObjectName(QStringLiteral("softApUnavailable"));
    m_unavailable->setWordWrap(true);
    auto *right = new QVBoxLayout;
    right->addWidget(buildNetworkBox());
    right->addWidget(buildStationsBox(), 1);
    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(buildApBox());
    left->addStretch(1);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    auto *lay = new QVBoxLayout(form);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(m_unavailable);
    lay->addLayout(columns, 1);
    setForm(form);
    fillCatalogChoices();

    for (QLineEdit *e : { m_ssid, m_password })
        connect(e, &QLineEdit::textChanged, this, &SoftApPage::markDirty);
    for (QSpinBox *b : { m_channel, m_max })
        connect(b, &QSpinBox::valueChanged, this, &SoftApPage::markDirty);
    connect(m_encryption, &QComboBox::currentIndexChanged, this, &SoftApPage::markDirty);
    connect(m_hidden, &QCheckBox::toggled, this, &SoftApPage::markDirty);
    auto networkEdited = [this] {
        if (m_loading)
            return;
        m_networkEdited = true;
        m_lease->setEnabled(m_customRange->isChecked());
        m_start->setEnabled(m_customRange->isChecked());
        m_end->setEnabled(m_customRange->isChecked());
        showPlanError(m_service->planNetwork(networkSettings()), kNetwork);
        updatePreview();
    };
    for (QLineEdit *e : { m_ip, m_gateway, m_netmask, m_start, m_end })
        connect(e, &QLineEdit::textChanged, this, networkEdited);
    connect(m_customRange, &QRadioButton::toggled, this, networkEdited);
    connect(m_lease, &QSpinBox::valueChanged, this, networkEdited);
    connect(m_showPassword, &QToolButton::toggled, this, [this](bool on) {
        m_password->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        m_showPassword->setText(on ? tr("Hide") : tr("Show"));
        updatePreview();
    });
    connect(m_setNetwork, &QPushButton::clicked, this, &SoftApPage::applyNetwork);
    connect(m_refresh, &QPushButton::clicked, this, &SoftApPage::refreshStations);
    connect(m_kick, &QPushButton::clicked, this, &SoftApPage::disconnectStation);
    connect(m_kickAll, &QPushButton::clicked, this, &SoftApPage::disconnectAllStations);

    connect(m_service, &atb::SoftApService::busyChanged, this, &SoftApPage::setBusy);
    connect(m_service, &atb::SoftApService::finished, this, [this](const atb::OperationResult &r) {
        setStatus(r.message, !r.ok);
        if (r.ok && !isDirty())
            load();
    });
    connect(m_service, &atb::SoftApService::stateChanged, this, [this] {
        loadState();
        if (!isDirty() && !isBusy())
            load();
    });
    connect(m_model, &atb::DeviceModel::dialectChanged, this, [this] {
        fillCatalogChoices();
        loadState();
    });

    retranslate();
    loadState();
    load();
}

// ---- the boxes -------------------------------------------------------------------------------

QGroupBox *SoftApPage::buildApBox()
{
    m_apBox = new QGroupBox(this);
    m_apBox->setObjectName(QStringLiteral("softApBox"));
    m_state = makeValueLabel(m_apBox, "softApState", true);
    m_ssid = new QLineEdit(m_apBox);
    m_ssid->setObjectName(QStringLiteral("softApSsidEdit"));
    m_password = new QLineEdit(m_apBox);
    m_password->setObjectName(QStringLiteral("softApPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_showPassword = new QToolButton(m_apBox);
    m_showPassword->setObjectName(QStringLiteral("softApShowPasswordButton"));
    m_showPassword->setCheckable(true);
    m_channel = new QSpinBox(m_apBox);
    m_channel->setObjectName(QStringLiteral("softApChannelSpin"));
    m_encryption = new QComboBox(m_apBox);
    m_encryption->setObjectName(QStringLiteral("softApEncryptionCombo"));
    m_max = new QSpinBox(m_apBox);
    m_max->setObjectName(QStringLiteral("softApMaxSpin"));
    m_hidden = new QCheckBox(m_apBox);
    m_hidden->setObjectName(QStringLiteral("softApHiddenCheck"));
    for (QLabel **l : { &m_stateTitle, &m_ssidLabel, &m_passwordLabel, &m_channelLabel, &m_encryptionLabel, &m_maxLabel })
        *l = new QLabel(m_apBox);
    m_ssidLabel->setBuddy(m_ssid);
    m_passwordLabel->setBuddy(m_password);
    auto *pwRow = new QHBoxLayout;
    pwRow->setContentsMargins(0, 0, 0, 0);
    pwRow->addWidget(m_password, 1);
    pwRow->addWidget(m_showPassword);
    auto *f = new QFormLayout(m_apBox);
    f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    f->addRow(m_stateTitle, m_state);
    f->addRow(m_ssidLabel, withFieldError(m_ssid, "ssid"));
    f->addRow(m_passwordLabel, withFieldError(pwRow, m_password, "pwd"));
    f->addRow(m_encryptionLabel, withFieldError(m_encryption, "ecn"));
    f->addRow(m_channelLabel, withFieldError(m_channel, "chl"));
    f->addRow(m_maxLabel, withFieldError(m_max, "max_conn"));
    f->addRow(QString(), withFieldError(m_hidden, "ssid_hidden"));
    setFallbackField("ssid");
    return m_apBox;
}

QGroupBox *SoftApPage::buildNetworkBox()
{
    m_networkBox = new QGroupBox(this);
    m_networkBox->setObjectName(QStringLiteral("softApNetworkBox"));
    m_ip = addressEdit(m_networkBox, "softApIpEdit", QStringLiteral("192.168.4.1"));
    m_gateway = addressEdit(m_networkBox, "softApGatewayEdit", QStringLiteral("192.168.4.1"));
    m_netmask = addressEdit(m_networkBox, "softApNetmaskEdit", QStringLiteral("255.255.255.0"));
    m_defaultRange = new QRadioButton(m_networkBox);
    m_defaultRange->setObjectName(QStringLiteral("softApDefaultRangeRadio"));
    m_defaultRange->setChecked(true);
    m_customRange = new QRadioButton(m_networkBox);
    m_customRange->setObjectName(QStringLiteral("softApCustomRangeRadio"));
    m_lease = new QSpinBox(m_networkBox);
    m_lease->setObjectName(QStringLiteral("softApLeaseSpin"));
    setRangeFromCatalog(m_lease, "AT+CWDHCPS", "lease", 1, 2880);
    m_lease->setValue(120);
    m_start = addressEdit(m_networkBox, "softApRangeStartEdit", QStringLiteral("192.168.4.2"));
    m_end = addressEdit(m_networkBox, "softApRangeEndEdit", QStringLiteral("192.168.4.101"));
    for (QWidget *w : std::initializer_list<QWidget *> { m_lease, m_start, m_end })
        w->setEnabled(false);
    m_setNetwork = new QPushButton(m_networkBox);
    m_setNetwork->setObjectName(QStringLiteral("softApNetworkButton"));
    for (QLabel **l : { &m_ipLabel, &m_gatewayLabel, &m_netmaskLabel, &m_leaseLabel, &m_startLabel, &m_endLabel })
        *l = new QLabel(m_networkBox);
    auto *range = new QHBoxLayout;
    range->addWidget(m_defaultRange);
    range->addWidget(m_customRange);
    range->addStretch(1);
    auto *f = new QFormLayout(m_networkBox);
    f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    f->addRow(m_ipLabel, withFieldError(m_ip, "ip", kNetwork));
    f->addRow(m_gatewayLabel, withFieldError(m_gateway, "gateway", kNetwork));
    f->addRow(m_netmaskLabel, withFieldError(m_netmask, "netmask", kNetwork));
    f->addRow(range);
    f->addRow(m_leaseLabel, withFieldError(m_lease, "lease", kNetwork));
    f->addRow(m_startLabel, withFieldError(m_start, "start_IP", kNetwork));
    f->addRow(m_endLabel, withFieldError(m_end, "end_IP", kNetwork));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(withFieldError(new QWidget(m_networkBox), "softap", kNetwork, true), 1);
    buttons->addWidget(m_setNetwork);
    f->addRow(buttons);
    setFallbackField("softap", kNetwork);
    return m_networkBox;
}

QGroupBox *SoftApPage::buildStationsBox()
{
    m_stationsBox = new QGroupBox(this);
    m_stationsBox->setObjectName(QStringLiteral("softApStationsBox"));
    m_stationModel = new QStandardItemModel(0, 2, this);
    m_stations = new QTableView(m_stationsBox);
    m_stations->setObjectName(QStringLiteral("softApStationTable"));
    m_stations->setModel(m_stationModel);
    m_stations->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_stations->setSelectionMode(QAbstractItemView::SingleSelection);
    m_stations->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_stations->verticalHeader()->hide();
    m_stations->horizontalHeader()->setStretchLastSection(true);
    connect(m_stations->selectionModel(), &QItemSelectionModel::currentChanged, this, &SoftApPage::updateButtons);
    m_stationsNote = new QLabel(m_stationsBox);
    m_stationsNote->setWordWrap(true);
    m_refresh = new QPushButton(m_stationsBox);
    m_refresh->setObjectName(QStringLiteral("softApRefreshButton"));
    m_kick = new QPushButton(m_stationsBox);
    m_kick->setObjectName(QStringLiteral("softApDisconnectButton"));
    m_kickAll = new QPushButton(m_stationsBox);
    m_kickAll->setObjectName(QStringLiteral("softApDisconnectAllButton"));
    auto *lay = new QVBoxLayout(m_stationsBox);
    lay->addWidget(m_stations, 1);
    lay->addWidget(m_stationsNote);
    auto *row = new QHBoxLayout;
    row->addWidget(withFieldError(new QWidget(m_stationsBox), "mac", kStations, true), 1);
    row->addWidget(m_refresh);
    row->addWidget(m_kick);
    row->addWidget(m_kickAll);
    lay->addLayout(row);
    setFallbackField("mac", kStations);
    return m_stationsBox;
}

// Channel range and encryption choices from the command catalog's AT+CWSAP.
void SoftApPage::fillCatalogChoices()
{
    const QScopedValueRollback<bool> loading(m_loading, true);
    setRangeFromCatalog(m_channel, "AT+CWSAP", "chl", 1, 14);
    setRangeFromCatalog(m_max, "AT+CWSAP", "max_conn", 1, 10);
    const atb::CommandSpec *spec = atb::CommandCatalog::builtin().find("AT+CWSAP", atb::Dialect::Esp);
    if (!m_service->state().known)
        m_max->setValue(SoftApSettings().maxConnections);
    const QVariant current = m_encryption->currentData();
    m_encryption->clear();
    if (const atb::ParamSpec *ecn = spec ? spec->param("ecn") : nullptr) {
        for (const atb::EnumValue &v : ecn->values)
            m_encryption->addItem(QStringLiteral("%1 — %2").arg(v.value).arg(
                                      QCoreApplication::translate("CommandCatalog", v.meaning)),
                                  int(v.value));
    }
    const int i = m_encryption->findData(current.isValid() ? current : QVariant(3));
    m_encryption->setCurrentIndex(i < 0 ? 0 : i);
}

// ---- model -> widgets ------------------------------------------------------------------------

void SoftApPage::load()
{
    const QScopedValueRollback<bool> loading(m_loading, true);
    const atb::SoftApState st = m_service->state();
    if (st.known) {
        m_ssid->setText(st.config.ssid);
        m_password->setText(st.config.password);
        m_channel->setValue(st.config.channel);
        const int i = m_encryption->findData(st.config.encryption);
        if (i >= 0)
            m_encryption->setCurrentIndex(i);
        m_max->setValue(st.config.maxConnections);
        m_hidden->setChecked(st.config.hidden);
    }
    if (!m_networkEdited && !st.network.ip.isEmpty()) {
        m_ip->setText(st.network.ip);
        m_gateway->setText(st.network.gateway);
        m_netmask->setText(st.network.netmask);
        (st.network.defaultRange ? m_defaultRange : m_customRange)->setChecked(true);
        m_lease->setValue(st.network.leaseMinutes);
        m_start->setText(st.network.rangeStart);
        m_end->setText(st.network.rangeEnd);
    }
    m_loading = false;
    clearAllFieldErrors();
    markDirty();
}

void SoftApPage::loadState()
{
    const bool available = m_service->available();
    m_unavailable->setVisible(!available);
    for (QWidget *w : std::initializer_list<QWidget *> { m_apBox, m_networkBox, m_stationsBox })
        w->setVisible(available);
    const atb::SoftApState st = m_service->state();
    if (st.mode < 0)
        m_state->setText(tr("not read yet: press Read (F5)"));
    else if (!st.apOn())
        m_state->setText(tr("off (Wi-Fi mode %1); Apply turns it on").arg(st.mode));
    else
        m_state->setText(tr("on (Wi-Fi mode %1), %n station(s) connected", nullptr, int(st.stations.size())).arg(st.mode));
    m_stationModel->removeRows(0, m_stationModel->rowCount());
    for (const atb::SoftApStation &s : st.stations)
        m_stationModel->appendRow({ new QStandardItem(s.ip), new QStandardItem(s.mac) });
    updateButtons();
}

// ---- widgets -> settings ---------------------------------------------------------------------

SoftApSettings SoftApPage::settings() const
{
    SoftApSettings s;
    s.ssid = m_ssid->text();
    s.password = m_password->text();
    s.channel = m_channel->value();
    s.encryption = m_encryption->currentData().toInt();
    s.maxConnections = m_max->value();
    s.hidden = m_hidden->isChecked();
    return s;
}

SoftApNetworkSettings SoftApPage::networkSettings() const
{
    SoftApNetworkSettings s;
    s.ip = m_ip->text().trimmed();
    s.gateway = m_gateway->text().trimmed();
    s.netmask = m_netmask->text().trimmed();
    s.defaultRange = m_defaultRange->isChecked();
    s.leaseMinutes = m_lease->value();
    s.rangeStart = m_start->text().trimmed();
    s.rangeEnd = m_end->text().trimmed();
    return s;
}

bool SoftApPage::isDirty() const
{
    const atb::SoftApState st = m_service->state();
    return st.known ? settings() != st.config : !m_ssid->text().isEmpty();
}

void SoftApPage::markDirty()
{
    if (m_loading)
        return;
    clearFieldErrors();
    if (isDirty())
        showPlanError(m_service->planApply(settings()));
    updateButtons();
    updatePreview();
}

void SoftApPage::updateButtons()
{
    FormPage::updateButtons();
    const bool free = !isBusy();
    const bool on = m_service->state().apOn();
    m_setNetwork->setEnabled(free);
    m_refresh->setEnabled(free && on);
    m_kick->setEnabled(free && on && m_stations->currentIndex().isValid());
    m_kickAll->setEnabled(free && on && m_stationModel->rowCount() > 0);
}

void SoftApPage::updatePreview()
{
    if (m_loading)
        return;
    const atb::AtEncoder enc(m_model->dialect());
    const bool showSecrets = m_showPassword->isChecked();
    AtPreviewText text([&enc, showSecrets](const QByteArray &l) { return showSecrets ? l : enc.redact(l); });
    text.section(tr("Apply (Ctrl+Return)"), m_service->planApply(settings()));
    text.section(tr("Set address"), m_service->planNetwork(networkSettings()));
    text.section(tr("Refresh stations"), m_service->planStations());
    text.section(tr("Read (F5)"), m_service->planRead());
    setPreviewText(text.text());
}

// ---- actions ---------------------------------------------------------------------------------

void SoftApPage::runPlan(const OperationPlan &plan, const QByteArray &scope, const std::function<OperationPlan()> &start)
{
    if (isBusy())
        return;
    if (!showPlanError(plan, scope, true)) {
        setStatus(tr("Nothing was sent: %1").arg(plan.error), true);
        return;
    }
    started(start());
}

void SoftApPage::read()
{
    runPlan(m_service->planRead(), QByteArray(), [this] { return m_service->read(); });
}

void SoftApPage::apply()
{
    const SoftApSettings s = settings();
    runPlan(m_service->planApply(s), QByteArray(), [this, s] { return m_service->apply(s); });
}

void SoftApPage::revert()
{
    m_networkEdited = false;
    load();
    setStatus(QString(), false);
}

void SoftApPage::applyNetwork()
{
    const SoftApNetworkSettings s = networkSettings();
    runPlan(m_service->planNetwork(s), kNetwork, [this, s] {
        m_networkEdited = false;
        return m_service->applyNetwork(s);
    });
}

void SoftApPage::refreshStations()
{
    runPlan(m_service->planStations(), kStations, [this] { return m_service->refreshStations(); });
}

void SoftApPage::disconnectStation()
{
    const QModelIndex i = m_stations->currentIndex();
    if (!i.isValid())
        return;
    const QString mac = m_stationModel->index(i.row(), 1).data().toString();
    runPlan(m_service->planDisconnectStation(mac), kStations, [this, mac] { return m_service->disconnectStation(mac); });
}

void SoftApPage::disconnectAllStations()
{
    runPlan(m_service->planDisconnectStation(QString()), kStations,
            [this] { return m_service->disconnectStation(QString()); });
}

void SoftApPage::prepareScreenshot()
{
    read();
}

// ---- texts -----------------------------------------------------------------------------------

void SoftApPage::retranslate()
{
    FormPage::retranslate();
    setWindowTitle(tr("SoftAP"));
    setToolTip(tr("The module's own access point: network, address, DHCP range, connected stations"));
    setWindowIcon(softApIcon(palette()));
    m_unavailable->setText(tr("Seed 000 (Beken ATSVR) has no SoftAP commands: this page is for ESP-AT modules."));
    m_apBox->setTitle(tr("Access point (AT+CWSAP)"));
    m_stateTitle->setText(tr("SoftAP:"));
    m_ssidLabel->setText(tr("&SSID:"));
    m_ssid->setPlaceholderText(tr("Network name (up to 32 bytes)"));
    m_passwordLabel->setText(tr("&Password:"));
    m_password->setPlaceholderText(tr("8 to 64 bytes; empty for an open network"));
    m_showPassword->setText(m_showPassword->isChecked() ? tr("Hide") : tr("Show"));
    m_encryptionLabel->setText(tr("Encryption:"));
    m_channelLabel->setText(tr("Channel:"));
    m_maxLabel->setText(tr("Max. stations:"));
    m_hidden->setText(tr("Hide the SSID"));
    m_networkBox->setTitle(tr("Address and DHCP (AT+CIPAP, AT+CWDHCPS)"));
    m_ipLabel->setText(tr("IP address:"));
    m_gatewayLabel->setText(tr("Gateway:"));
    m_netmaskLabel->setText(tr("Netmask:"));
    m_defaultRange->setText(tr("Default DHCP range"));
    m_customRange->setText(tr("This range:"));
    m_leaseLabel->setText(tr("Lease:"));
    m_lease->setSuffix(tr(" min"));
    m_startLabel->setText(tr("First address:"));
    m_endLabel->setText(tr("Last address:"));
    m_setNetwork->setText(tr("Set address"));
    m_stationsBox->setTitle(tr("Connected stations (AT+CWLIF)"));
    m_stationModel->setHorizontalHeaderLabels({ tr("IP address"), tr("MAC address") });
    m_stationsNote->setText(tr("New stations are listed when the module reports them (+STA_CONNECTED)."));
    m_refresh->setText(tr("Refresh"));
    m_kick->setText(tr("Disconnect"));
    m_kick->setToolTip(tr("AT+CWQIF=<mac>: disconnect the selected station"));
    m_kickAll->setText(tr("Disconnect all"));
    readButton()->setToolTip(tr("Query the Wi-Fi mode and, when it is on, the SoftAP (F5)"));
    applyButton()->setToolTip(tr("Send the access point's network, turning the SoftAP on if it is off (Ctrl+Return)"));
    loadState();
    updatePreview();
}
