#include "wifipage.h"

#include "pagecommon.h"

#include "theme.h"
#include "model/devicemodel.h"
#include "protocol/commandcatalog.h"
#include "protocol/cwjapreply.h"
#include "secretstore.h"
#include "stationaddressform.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using atb::AccessPointInfo;
using atb::WifiService;
using atb::WifiSettings;

namespace {

constexpr int kSortRole = Qt::UserRole + 1;
constexpr int kPercentRole = Qt::UserRole + 2;

// Signal strength as a small progress bar drawn by the style (follows the palette).
class SignalBarDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        const QWidget *w = option.widget;
        QStyle *style = w ? w->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &background, painter, w);

        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(4, 4, -4, -4);
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = index.data(kPercentRole).toInt();
        bar.textVisible = false;
        bar.state = option.state | QStyle::State_Horizontal;
        bar.palette = option.palette;
        bar.direction = option.direction;
        bar.fontMetrics = option.fontMetrics;
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, w);
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        s.setWidth(qMax(s.width(), 56));
        return s;
    }
};


// Wi-Fi fan: a dot and three arcs, drawn from the palette (no image plugin needed).
QIcon wifiIcon(const QPalette &pal)
{
    return paletteIcon([&pal](QPainter &p, qreal s) {
        QPen pen(pal.color(QPalette::Text), 2.0 * s);
        pen.setCapStyle(Qt::RoundCap);
        p.setPen(pen);
        p.setBrush(pal.color(QPalette::Text));
        p.drawEllipse(QPointF(12 * s, 19 * s), 1.6 * s, 1.6 * s);
        p.setBrush(Qt::NoBrush);
        for (qreal r : { 5.5, 10.0, 14.5 }) {
            const QRectF box((12 - r) * s, (19 - r) * s, 2 * r * s, 2 * r * s);
            p.drawArc(box, 45 * 16, 90 * 16);
        }
    });
}

QString orDash(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("—") : s;
}

} // namespace

WifiPage::WifiPage(atb::DeviceModel *model, WifiService *service, SecretStore *secrets, QWidget *parent)
    : FormPage(parent), m_model(model), m_service(service), m_secrets(secrets)
{
    setObjectName(QStringLiteral("wifiPage"));
    buildUi();
    fillModes();
    requireCommands(m_scan, { QStringLiteral("AT+CWLAP") }); // capabilities
    retranslate();

    connect(m_model, &atb::DeviceModel::wifiChanged, this, [this] {
        loadState();
        if (!isDirty() && !isBusy())
            load();
    });
    connect(m_model, &atb::DeviceModel::dialectChanged, this, [this] {
        m_address->setAvailable(m_model->dialect() == atb::Dialect::Esp);
        fillModes();
        updatePreview();
    });
    connect(m_service, &WifiService::infoChanged, this, [this] {
        m_address->load(m_service->address());
        loadState();
        if (!isDirty() && !isBusy())
            load();
        else
            updatePreview(); // a known mode changes what Apply sends
    });
    connect(m_service, &WifiService::accessPointsChanged, this, &WifiPage::loadAccessPoints);
    connect(m_service, &WifiService::lastJoinFailureChanged, this, &WifiPage::loadState);
    connect(m_service, &WifiService::busyChanged, this, &WifiPage::onBusyChanged);
    connect(m_service, &WifiService::finished, this, &WifiPage::onFinished);
    if (m_secrets)
        connect(m_secrets, &SecretStore::secretLoaded, this, &WifiPage::onSecretLoaded);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &WifiPage::markDirty);
    connect(m_ssid, &QLineEdit::textChanged, this, &WifiPage::markDirty);
    connect(m_password, &QLineEdit::textChanged, this, &WifiPage::markDirty);
    connect(m_bssid, &QLineEdit::textChanged, this, &WifiPage::markDirty);
    connect(m_ssid, &QLineEdit::editingFinished, this, &WifiPage::requestSecret);
    connect(m_showPassword, &QToolButton::toggled, this, [this](bool on) {
        m_password->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        m_showPassword->setText(on ? tr("Hide") : tr("Show"));
        updatePreview();
    });
    connect(m_scan, &QPushButton::clicked, this, &WifiPage::scan);
    connect(m_address, &StationAddressForm::applyRequested, this, &WifiPage::applyAddress);
    connect(m_address, &StationAddressForm::edited, this, [this] {
        showPlanError(m_service->planAddress(m_address->settings()), "address");
        updatePreview();
    });
    connect(m_simFill, &QPushButton::clicked, this, [this] {
        m_ssid->setText(m_simSsid);
        m_password->setText(m_simPassword);
        m_password->setFocus();
    });
    connect(m_disconnect, &QPushButton::clicked, this, &WifiPage::disconnectFromAp);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString ssid = m_apModel->index(index.row(), SsidColumn).data(Qt::DisplayRole).toString();
        if (ssid.isEmpty() || isBusy())
            return;
        m_ssid->setText(ssid);
        m_password->clear();
        m_bssid->clear();
        requestSecret();
        m_password->setFocus();
    });

    m_address->setAvailable(m_model->dialect() == atb::Dialect::Esp);
    m_address->load(m_service->address());
    loadState();
    loadAccessPoints();
    load();
    onBusyChanged(m_service->isBusy());
}

WifiPage::~WifiPage()
{
    // A focused line edit emits editingFinished while the children are destroyed, after this
    // class's part is gone.
    m_ssid->disconnect(this);
}

void WifiPage::buildUi()
{
    auto *form = new QWidget(this);
    form->setObjectName(QStringLiteral("wifiForm"));

    // Connection state ----------------------------------------------------------------------
    m_stateBox = new QGroupBox(form);
    auto *stateForm = new QFormLayout(m_stateBox);
    stateForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_stateTitle = new QLabel(m_stateBox);
    m_state = makeValueLabel(m_stateBox, "stateLabel");
    m_ssidTitle = new QLabel(m_stateBox);
    m_connectedSsid = makeValueLabel(m_stateBox, "connectedSsidLabel");
    m_apTitle = new QLabel(m_stateBox);
    m_apDetails = makeValueLabel(m_stateBox, "apDetailsLabel");
    m_ipTitle = new QLabel(m_stateBox);
    m_ip = makeValueLabel(m_stateBox, "ipLabel");
    m_macTitle = new QLabel(m_stateBox);
    m_mac = makeValueLabel(m_stateBox, "macLabel");
    m_gatewayTitle = new QLabel(m_stateBox);
    m_gateway = makeValueLabel(m_stateBox, "gatewayLabel");
    m_netmaskTitle = new QLabel(m_stateBox);
    m_netmask = makeValueLabel(m_stateBox, "netmaskLabel");
    m_lastFailureTitle = new QLabel(m_stateBox);
    m_lastFailure = makeValueLabel(m_stateBox, "lastFailureLabel");
    m_lastFailure->setWordWrap(true);
    stateForm->addRow(m_stateTitle, m_state);
    stateForm->addRow(m_ssidTitle, m_connectedSsid);
    stateForm->addRow(m_apTitle, m_apDetails);
    stateForm->addRow(m_ipTitle, m_ip);
    stateForm->addRow(m_macTitle, m_mac);
    stateForm->addRow(m_gatewayTitle, m_gateway);
    stateForm->addRow(m_netmaskTitle, m_netmask);
    stateForm->addRow(m_lastFailureTitle, m_lastFailure);

    // Mode -----------------------------------------------------------------------------------
    m_modeBox = new QGroupBox(form);
    auto *modeForm = new QFormLayout(m_modeBox);
    modeForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_modeLabel = new QLabel(m_modeBox);
    m_mode = new QComboBox(m_modeBox);
    m_mode->setObjectName(QStringLiteral("modeCombo"));
    m_modeLabel->setBuddy(m_mode);
    modeForm->addRow(m_modeLabel, withFieldError(m_mode, "mode"));

    // Join -----------------------------------------------------------------------------------
    m_joinBox = new QGroupBox(form);
    auto *joinForm = new QFormLayout(m_joinBox);
    joinForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // The built-in simulated module: which access point it sees, and the password (hidden for
    // a real module).
    m_simHint = new QLabel(m_joinBox);
    m_simHint->setObjectName(QStringLiteral("simulatorApHint"));
    m_simHint->setWordWrap(true);
    m_simHint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_simFill = new QPushButton(m_joinBox);
    m_simFill->setObjectName(QStringLiteral("simulatorApFillButton"));
    auto *simRow = new QHBoxLayout;
    simRow->addWidget(m_simHint, 1);
    simRow->addWidget(m_simFill, 0, Qt::AlignTop);
    joinForm->addRow(simRow);
    m_simHint->hide();
    m_simFill->hide();
    m_ssidLabel = new QLabel(m_joinBox);
    m_ssid = new QLineEdit(m_joinBox);
    m_ssid->setObjectName(QStringLiteral("ssidEdit"));
    m_ssid->setClearButtonEnabled(true);
    m_ssidLabel->setBuddy(m_ssid);
    joinForm->addRow(m_ssidLabel, withFieldError(m_ssid, "ssid"));
    setFallbackField("ssid"); // a reason about no field in particular (the whole line)

    m_passwordLabel = new QLabel(m_joinBox);
    m_password = new QLineEdit(m_joinBox);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordLabel->setBuddy(m_password);
    m_showPassword = new QToolButton(m_joinBox);
    m_showPassword->setObjectName(QStringLiteral("showPasswordButton"));
    m_showPassword->setCheckable(true);
    auto *pwRow = new QHBoxLayout;
    pwRow->setContentsMargins(0, 0, 0, 0);
    pwRow->addWidget(m_password, 1);
    pwRow->addWidget(m_showPassword);
    joinForm->addRow(m_passwordLabel, withFieldError(pwRow, m_password, "pwd"));
    m_remember = new QCheckBox(m_joinBox);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_remember->setEnabled(m_secrets != nullptr);
    joinForm->addRow(QString(), m_remember);

    m_bssidLabel = new QLabel(m_joinBox);
    m_bssid = new QLineEdit(m_joinBox);
    m_bssid->setObjectName(QStringLiteral("bssidEdit"));
    m_bssid->setMaxLength(17);
    m_bssid->setClearButtonEnabled(true);
    m_bssidLabel->setBuddy(m_bssid);
    joinForm->addRow(m_bssidLabel, withFieldError(m_bssid, "bssid"));

    // Scan -----------------------------------------------------------------------------------
    m_scanBox = new QGroupBox(form);
    auto *scanLay = new QVBoxLayout(m_scanBox);
    auto *scanRow = new QHBoxLayout;
    m_scan = new QPushButton(m_scanBox);
    m_scan->setObjectName(QStringLiteral("scanButton"));
    m_scanHint = new QLabel(m_scanBox);
    m_scanHint->setWordWrap(true);
    scanRow->addWidget(m_scan);
    scanRow->addWidget(m_scanHint, 1);
    scanLay->addLayout(scanRow);
    m_apModel = new QStandardItemModel(0, ColumnCount, this);
    m_apModel->setSortRole(kSortRole);
    m_table = new QTableView(m_scanBox);
    m_table->setObjectName(QStringLiteral("scanTable"));
    m_table->setModel(m_apModel);
    m_table->setItemDelegateForColumn(SignalColumn, new SignalBarDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RssiColumn, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(SsidColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(SignalColumn, QHeaderView::Fixed);
    m_table->horizontalHeader()->resizeSection(SignalColumn, 64);
    scanLay->addWidget(m_table, 1);

    m_address = new StationAddressForm(&fieldErrors(), "address", form);

    auto *left = new QVBoxLayout;
    left->addWidget(m_stateBox);
    left->addWidget(m_modeBox);
    left->addWidget(m_joinBox);
    left->addStretch(1);
    auto *columns = new QHBoxLayout(form);
    columns->setContentsMargins(0, 0, 0, 0);
    columns->addLayout(left, 5);
    auto *right = new QVBoxLayout;
    right->addWidget(m_scanBox, 1);
    right->addWidget(m_address);
    columns->addLayout(right, 6);

    setForm(form);
    applyButton()->setDefault(true);
    m_disconnect = new QPushButton(this);
    m_disconnect->setObjectName(QStringLiteral("disconnectButton"));
    footerButtons()->insertWidget(1, m_disconnect);
}

void WifiPage::fillModes()
{
    const QVariant current = m_mode->currentData();
    const bool wasLoading = m_loading;
    m_loading = true;
    m_mode->clear();
    const atb::CommandSpec *spec = atb::CommandCatalog::builtin().find("AT+CWMODE", m_model->dialect());
    const atb::ParamSpec *p = spec ? spec->param("mode") : nullptr;
    if (p) {
        for (const atb::EnumValue &v : p->values)
            m_mode->addItem(QStringLiteral("%1 — %2").arg(v.value).arg(QCoreApplication::translate("CommandCatalog", v.meaning)),
                            int(v.value));
    }
    const int idx = m_mode->findData(current.isValid() ? current : QVariant(1));
    m_mode->setCurrentIndex(idx >= 0 ? idx : 0);
    m_loading = wasLoading;
}

void WifiPage::retranslate()
{
    FormPage::retranslate();
    setWindowTitle(tr("Wi-Fi"));
    setToolTip(tr("Wi-Fi mode, scan, join and the station's addresses"));
    setWindowIcon(wifiIcon(palette()));
    m_stateBox->setTitle(tr("Connection"));
    m_modeBox->setTitle(tr("Wi-Fi mode"));
    m_joinBox->setTitle(tr("Join a network"));
    m_scanBox->setTitle(tr("Access points"));
    m_stateTitle->setText(tr("State:"));
    m_ssidTitle->setText(tr("Network:"));
    m_apTitle->setText(tr("Access point:"));
    m_ipTitle->setText(tr("IP address:"));
    m_macTitle->setText(tr("MAC address:"));
    m_gatewayTitle->setText(tr("Gateway:"));
    m_netmaskTitle->setText(tr("Netmask:"));
    m_lastFailureTitle->setText(tr("Last join failure:"));
    m_modeLabel->setText(tr("&Mode:"));
    m_mode->setToolTip(tr("AT+CWMODE: the station joins access points; the SoftAP lets devices join the module"));
    m_ssidLabel->setText(tr("&SSID:"));
    m_ssid->setPlaceholderText(tr("Network name (up to 32 bytes)"));
    m_passwordLabel->setText(tr("&Password:"));
    m_password->setPlaceholderText(tr("Empty for an open network"));
    m_showPassword->setText(m_showPassword->isChecked() ? tr("Hide") : tr("Show"));
    m_showPassword->setToolTip(tr("Show or hide the password"));
    m_remember->setText(tr("&Remember the password for this network"));
    m_remember->setToolTip(!m_secrets ? tr("No password store is available")
                           : m_secrets->isAvailable()
                               ? tr("Kept in the system keychain, never in the settings file or the log")
                               : m_secrets->backendDescription());
    m_bssidLabel->setText(tr("&BSSID:"));
    m_bssid->setPlaceholderText(tr("Optional: only this access point, e.g. 1a:2b:3c:4d:5e:6f"));
    m_scan->setText(tr("S&can"));
    m_scan->setToolTip(tr("List the access points the module can see (AT+CWLAP)"));
    m_scanHint->setText(tr("Double-click a network to fill in its name."));
    m_apModel->setHorizontalHeaderLabels(
        { tr("SSID"), tr("Signal"), tr("dBm"), tr("Ch."), tr("Security"), tr("BSSID") });
    readButton()->setToolTip(tr("Query the module's Wi-Fi mode, connection and addresses (F5)"));
    m_disconnect->setText(tr("&Disconnect"));
    m_disconnect->setToolTip(tr("Leave the access point (AT+CWQAP)"));
    applyButton()->setToolTip(tr("Set the mode and join the network (Ctrl+Return)"));
    m_simFill->setText(tr("Fill in"));
    m_simFill->setToolTip(tr("Put this network and password into the form"));
    setBuiltInAccessPoint(m_simSsid, m_simPassword);
    m_address->retranslate();
    fillModes();
    loadState();
    loadAccessPoints();
    validate(m_edited); // the reasons beside the fields, in the new language
    updatePreview();
}

void WifiPage::updateColours()
{
    FormPage::updateColours();
    setWindowIcon(wifiIcon(palette()));
    loadState();
}

bool WifiPage::joinRequested() const
{
    return m_ssid->text() != m_loadedSsid || !m_password->text().isEmpty() || !m_bssid->text().trimmed().isEmpty();
}

WifiSettings WifiPage::settings() const
{
    WifiSettings s;
    s.mode = m_mode->currentData().isValid() ? m_mode->currentData().toInt() : 1;
    if (joinRequested()) {
        s.ssid = m_ssid->text();
        s.password = m_password->text();
        s.bssid = m_bssid->text().trimmed();
    }
    return s;
}

bool WifiPage::isDirty() const
{
    return settings() != m_loaded;
}

QList<QByteArray> WifiPage::previewLines() const
{
    return m_service->planApply(settings()).lines();
}

QString WifiPage::secretKey(const QString &ssid) const
{
    return QStringLiteral("wifi/") + ssid;
}

void WifiPage::load()
{
    m_loading = true;
    const atb::WifiInfo info = m_service->info();
    if (info.mode >= 0) {
        const int idx = m_mode->findData(info.mode);
        if (idx >= 0)
            m_mode->setCurrentIndex(idx);
    }
    m_loadedSsid = m_model->wifi().connected ? m_model->wifi().ssid : QString();
    m_ssid->setText(m_loadedSsid);
    m_password->clear();
    m_bssid->clear();
    m_loading = false;
    m_loaded = settings();
    m_edited = false;
    clearFieldErrors();
    markDirty();
    if (!m_loadedSsid.isEmpty())
        requestSecret();
}

void WifiPage::revert()
{
    load();
    setStatus(QString(), false);
}

void WifiPage::loadState()
{
    const atb::WifiState w = m_model->wifi();
    const atb::WifiInfo info = m_service->info();
    const ThemeColours c = ThemeColours::fromPalette(palette());
    QString state;
    QColor colour;
    if (w.connected && w.gotIp) {
        state = tr("Connected, got an IP address");
        colour = c.ok;
    } else if (w.connected) {
        state = tr("Connected, waiting for an IP address");
        colour = c.pending;
    } else {
        state = tr("Not connected");
    }
    m_state->setText(QStringLiteral("● ") + state);
    setTextColour(m_state, colour);
    m_connectedSsid->setText(orDash(w.connected ? w.ssid : QString()));
    QStringList ap;
    if (w.connected && !info.bssid.isEmpty())
        ap << info.bssid;
    if (w.connected && info.channel > 0)
        ap << tr("channel %1").arg(info.channel);
    if (w.connected && w.rssi < 0)
        ap << tr("%1 dBm").arg(w.rssi);
    m_apDetails->setText(orDash(ap.join(QStringLiteral(", "))));
    m_ip->setText(orDash(w.ip));
    m_mac->setText(orDash(w.mac));
    m_gateway->setText(orDash(info.gateway));
    m_netmask->setText(orDash(info.netmask));
    QString failure = m_service->lastJoinFailure();
    if (failure.isEmpty() && w.lastJoinError > 0)
        failure = atb::CwjapReply::failureText(w.lastJoinError);
    m_lastFailure->setText(orDash(failure));
    setTextColour(m_lastFailure, failure.isEmpty() ? QColor() : c.error);
}

void WifiPage::loadAccessPoints()
{
    const QList<AccessPointInfo> aps = m_service->accessPoints();
    const int sortColumn = m_table->horizontalHeader()->sortIndicatorSection();
    const Qt::SortOrder order = m_table->horizontalHeader()->sortIndicatorOrder();
    m_table->setSortingEnabled(false);
    m_apModel->removeRows(0, m_apModel->rowCount());
    for (const AccessPointInfo &a : aps) {
        QList<QStandardItem *> row;
        auto *ssid = new QStandardItem(a.ssid);
        ssid->setData(a.ssid.toLower(), kSortRole);
        ssid->setToolTip(a.ssid);
        auto *signal = new QStandardItem;
        signal->setData(a.rssi, kSortRole);
        signal->setData(AccessPointInfo::signalPercent(a.rssi), kPercentRole);
        signal->setToolTip(tr("%1 dBm").arg(a.rssi));
        auto *rssi = new QStandardItem(QString::number(a.rssi));
        rssi->setData(a.rssi, kSortRole);
        rssi->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *channel = new QStandardItem(QString::number(a.channel));
        channel->setData(a.channel, kSortRole);
        channel->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *enc = new QStandardItem(AccessPointInfo::encryptionText(a.encryption));
        enc->setData(a.encryption, kSortRole);
        auto *bssid = new QStandardItem(a.bssid);
        bssid->setData(a.bssid, kSortRole);
        row << ssid << signal << rssi << channel << enc << bssid;
        m_apModel->appendRow(row);
    }
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(sortColumn, order);
}

void WifiPage::markDirty()
{
    if (m_loading)
        return;
    if (sender() == m_ssid || sender() == m_password || sender() == m_bssid || sender() == m_mode)
        m_edited = true;
    updateButtons();
    validate(m_edited);
    updatePreview();
}

void WifiPage::validate(bool showErrors)
{
    clearFieldErrors();
    if (showErrors)
        showPlanError(m_service->planApply(settings()));
}

void WifiPage::updatePreview()
{
    const bool showSecrets = m_showPassword->isChecked();
    AtPreviewText text([this, showSecrets](const QByteArray &l) { return showSecrets ? l : m_service->redacted(l); });
    text.section(tr("Apply (Ctrl+Return)"), m_service->planApply(settings()),
                 tr("nothing to send: choose another mode or enter a network"));
    text.section(tr("Read (F5)"), m_service->planRead());
    text.section(tr("Scan"), m_service->planScan());
    text.section(tr("Disconnect"), m_service->planDisconnect());
    text.section(tr("Set address"), m_service->planAddress(m_address->settings()));
    setPreviewText(text.text());
}
