#include "netservicespage.h"

#include "pagecommon.h"

#include "theme.h"
#include "model/devicemodel.h"
#include "protocol/commandcatalog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using atb::DnsSettings;
using atb::NetService;
using atb::NetSettings;
using atb::SntpSettings;

namespace {


// A globe (circle, equator, meridian), drawn from the palette (no image plugin needed).
QIcon globeIcon(const QPalette &pal)
{
    return paletteIcon([&pal](QPainter &p, qreal s) {
        p.setPen(QPen(pal.color(QPalette::Text), 1.6 * s));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(12 * s, 12 * s), 9 * s, 9 * s);
        p.drawEllipse(QPointF(12 * s, 12 * s), 4 * s, 9 * s);
        p.drawLine(QPointF(3 * s, 12 * s), QPointF(21 * s, 12 * s));
    });
}

QStringList nonEmpty(const QStringList &list)
{
    QStringList out;
    for (const QString &s : list)
        if (!s.trimmed().isEmpty())
            out << s.trimmed();
    return out;
}

DnsSettings normalised(DnsSettings d)
{
    d.servers = d.manual ? nonEmpty(d.servers) : QStringList();
    return d;
}

SntpSettings normalised(SntpSettings s)
{
    s.timezone = s.timezone.trimmed();
    if (s.timezone.startsWith(QLatin1Char('+')))
        s.timezone = s.timezone.mid(1);
    s.servers = nonEmpty(s.servers);
    if (!s.enabled) {
        s.timezone.clear();
        s.servers.clear();
    }
    return s;
}

QString utcOffsetText(int minutes)
{
    const QChar sign = minutes < 0 ? QLatin1Char('-') : QLatin1Char('+');
    const int m = qAbs(minutes);
    return QStringLiteral("UTC%1%2:%3").arg(sign).arg(m / 60, 2, 10, QLatin1Char('0')).arg(m % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

NetServicesPage::NetServicesPage(atb::DeviceModel *model, NetService *service, QWidget *parent)
    : FormPage(parent), m_model(model), m_service(service)
{
    setObjectName(QStringLiteral("netServicesPage"));
    buildUi();
    fillDnsModes();
    // Capabilities: each group needs its command in the firmware.
    requireCommands(m_dnsBox, { QStringLiteral("AT+CIPDNS") });
    requireCommands(m_sntpBox, { QStringLiteral("AT+CIPSNTPCFG") });
    requireCommands(m_lookupBox, { QStringLiteral("AT+CIPDOMAIN") });
    requireCommands(m_pingBox, { QStringLiteral("AT+PING") });
    retranslate();

    // What the module reports is shown at once; the form follows unless the user is editing it.
    const auto followModel = [this] {
        loadCurrent();
        if (!isDirty() && !isBusy())
            load();
    };
    connect(m_model, &atb::DeviceModel::dnsChanged, this, followModel);
    connect(m_model, &atb::DeviceModel::sntpChanged, this, followModel);
    connect(m_model, &atb::DeviceModel::dialectChanged, this, [this] {
        retranslate(); // time-zone help differs by dialect
        validate();
        updatePreview();
    });
    connect(m_service, &NetService::busyChanged, this, &NetServicesPage::onBusyChanged);
    connect(m_service, &NetService::finished, this, &NetServicesPage::onFinished);
    connect(m_service, &NetService::timeRead, this, &NetServicesPage::loadTime);
    connect(m_service, &NetService::pingHistoryChanged, this, &NetServicesPage::loadHistory);

    connect(m_dnsMode, &QComboBox::currentIndexChanged, this, &NetServicesPage::markDirty);
    for (QLineEdit *e : std::as_const(m_dnsServers))
        connect(e, &QLineEdit::textChanged, this, &NetServicesPage::markDirty);
    connect(m_sntpEnable, &QCheckBox::toggled, this, &NetServicesPage::markDirty);
    connect(m_timezone, &QLineEdit::textChanged, this, &NetServicesPage::markDirty);
    for (QLineEdit *e : std::as_const(m_sntpServers))
        connect(e, &QLineEdit::textChanged, this, &NetServicesPage::markDirty);
    connect(m_lookupName, &QLineEdit::textChanged, this, [this] {
        m_lookupEdited = true;
        validate();
        updatePreview();
    });
    connect(m_pingHost, &QLineEdit::textChanged, this, [this] {
        m_pingEdited = true;
        validate();
        updatePreview();
    });
    connect(m_lookupName, &QLineEdit::returnPressed, this, &NetServicesPage::lookup);
    connect(m_pingHost, &QLineEdit::returnPressed, this, &NetServicesPage::ping);
    connect(m_readTime, &QPushButton::clicked, this, &NetServicesPage::readTime);
    connect(m_lookup, &QPushButton::clicked, this, &NetServicesPage::lookup);
    connect(m_ping, &QPushButton::clicked, this, &NetServicesPage::ping);

    loadCurrent();
    loadTime();
    loadHistory();
    load();
    onBusyChanged(m_service->isBusy());
}

void NetServicesPage::addServerRows(QFormLayout *form, const char *objectName, const QByteArray &param,
                                    QList<QLabel *> *labels, QList<QLineEdit *> *edits)
{
    QWidget *box = form->parentWidget();
    for (int i = 0; i < 3; ++i) {
        auto *label = new QLabel(box);
        auto *edit = new QLineEdit(box);
        edit->setObjectName(QString::fromLatin1(objectName).arg(i + 1));
        edit->setClearButtonEnabled(true);
        label->setBuddy(edit);
        *labels << label;
        *edits << edit;
        form->addRow(label, withFieldError(edit, param + QByteArray::number(i + 1)));
    }
}

void NetServicesPage::buildUi()
{
    auto *form = new QWidget(this);
    form->setObjectName(QStringLiteral("netForm"));

    // DNS -------------------------------------------------------------------------------------
    m_dnsBox = new QGroupBox(form);
    auto *dnsForm = new QFormLayout(m_dnsBox);
    dnsForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_dnsModeLabel = new QLabel(m_dnsBox);
    m_dnsMode = new QComboBox(m_dnsBox);
    m_dnsMode->setObjectName(QStringLiteral("dnsModeCombo"));
    m_dnsModeLabel->setBuddy(m_dnsMode);
    dnsForm->addRow(m_dnsModeLabel, m_dnsMode);
    addServerRows(dnsForm, "dnsServer%1Edit", "DNS_IP", &m_dnsServerLabels, &m_dnsServers);
    m_dnsCurrentTitle = new QLabel(m_dnsBox);
    m_dnsCurrent = makeValueLabel(m_dnsBox, "dnsCurrentLabel", true);
    dnsForm->addRow(m_dnsCurrentTitle, m_dnsCurrent);

    // SNTP ------------------------------------------------------------------------------------
    m_sntpBox = new QGroupBox(form);
    auto *sntpForm = new QFormLayout(m_sntpBox);
    sntpForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_sntpEnable = new QCheckBox(m_sntpBox);
    m_sntpEnable->setObjectName(QStringLiteral("sntpEnableCheck"));
    sntpForm->addRow(m_sntpEnable);
    m_timezoneLabel = new QLabel(m_sntpBox);
    m_timezone = new QLineEdit(m_sntpBox);
    m_timezone->setObjectName(QStringLiteral("timezoneEdit"));
    m_timezone->setMaxLength(6);
    m_timezone->setMaximumWidth(90);
    m_timezoneLabel->setBuddy(m_timezone);
    m_timezoneHint = makeValueLabel(m_sntpBox, "timezoneHint", true);
    m_timezoneHint->setWordWrap(false);
    auto *tzRow = new QHBoxLayout;
    tzRow->setContentsMargins(0, 0, 0, 0);
    tzRow->addWidget(m_timezone);
    tzRow->addWidget(m_timezoneHint, 1);
    sntpForm->addRow(m_timezoneLabel, withFieldError(tzRow, m_timezone, "timezone"));
    addServerRows(sntpForm, "sntpServer%1Edit", "server", &m_sntpServerLabels, &m_sntpServers);
    auto *line = new QFrame(m_sntpBox);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    sntpForm->addRow(line);
    m_moduleTimeTitle = new QLabel(m_sntpBox);
    m_moduleTime = makeValueLabel(m_sntpBox, "moduleTimeLabel", true);
    m_moduleTime->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    sntpForm->addRow(m_moduleTimeTitle, m_moduleTime);
    m_pcTimeTitle = new QLabel(m_sntpBox);
    m_pcTime = makeValueLabel(m_sntpBox, "pcTimeLabel", true);
    m_pcTime->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    sntpForm->addRow(m_pcTimeTitle, m_pcTime);
    m_offsetTitle = new QLabel(m_sntpBox);
    m_offset = makeValueLabel(m_sntpBox, "offsetLabel", true);
    m_readTime = new QPushButton(m_sntpBox);
    m_readTime->setObjectName(QStringLiteral("readTimeButton"));
    auto *offsetRow = new QHBoxLayout;
    offsetRow->setContentsMargins(0, 0, 0, 0);
    offsetRow->addWidget(m_offset, 1);
    offsetRow->addWidget(m_readTime);
    sntpForm->addRow(m_offsetTitle, offsetRow);

    // Lookup ----------------------------------------------------------------------------------
    m_lookupBox = new QGroupBox(form);
    auto *lookupForm = new QFormLayout(m_lookupBox);
    lookupForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_lookupLabel = new QLabel(m_lookupBox);
    m_lookupName = new QLineEdit(m_lookupBox);
    m_lookupName->setObjectName(QStringLiteral("lookupEdit"));
    m_lookupName->setClearButtonEnabled(true);
    m_lookupLabel->setBuddy(m_lookupName);
    m_lookup = new QPushButton(m_lookupBox);
    m_lookup->setObjectName(QStringLiteral("lookupButton"));
    auto *lookupRow = new QHBoxLayout;
    lookupRow->setContentsMargins(0, 0, 0, 0);
    lookupRow->addWidget(m_lookupName, 1);
    lookupRow->addWidget(m_lookup);
    lookupForm->addRow(m_lookupLabel, withFieldError(lookupRow, m_lookupName, "domain_name", "lookup"));
    m_lookupResultTitle = new QLabel(m_lookupBox);
    m_lookupResult = makeValueLabel(m_lookupBox, "lookupResultLabel", true);
    m_lookupResult->setText(QStringLiteral("—"));
    lookupForm->addRow(m_lookupResultTitle, m_lookupResult);

    // Ping ------------------------------------------------------------------------------------
    m_pingBox = new QGroupBox(form);
    auto *pingLay = new QVBoxLayout(m_pingBox);
    auto *pingForm = new QFormLayout;
    pingForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_pingLabel = new QLabel(m_pingBox);
    m_pingHost = new QLineEdit(m_pingBox);
    m_pingHost->setObjectName(QStringLiteral("pingEdit"));
    m_pingHost->setClearButtonEnabled(true);
    m_pingLabel->setBuddy(m_pingHost);
    m_ping = new QPushButton(m_pingBox);
    m_ping->setObjectName(QStringLiteral("pingButton"));
    auto *pingRow = new QHBoxLayout;
    pingRow->setContentsMargins(0, 0, 0, 0);
    pingRow->addWidget(m_pingHost, 1);
    pingRow->addWidget(m_ping);
    pingForm->addRow(m_pingLabel, withFieldError(pingRow, m_pingHost, "host", "ping"));
    m_pingResultTitle = new QLabel(m_pingBox);
    m_pingResult = makeValueLabel(m_pingBox, "pingResultLabel", true);
    pingForm->addRow(m_pingResultTitle, m_pingResult);
    pingLay->addLayout(pingForm);
    m_history = new QTreeWidget(m_pingBox);
    m_history->setObjectName(QStringLiteral("pingHistory"));
    m_history->setColumnCount(3);
    m_history->setRootIsDecorated(false);
    m_history->setUniformRowHeights(true);
    m_history->setAlternatingRowColors(true);
    m_history->header()->setStretchLastSection(true);
    m_history->header()->setSectionResizeMode(TimeColumn, QHeaderView::ResizeToContents);
    m_history->header()->setSectionResizeMode(HostColumn, QHeaderView::ResizeToContents);
    pingLay->addWidget(m_history, 1);

    auto *grid = new QGridLayout(form);
    grid->setContentsMargins(0, 0, 0, 0);
    auto *left = new QVBoxLayout;
    left->addWidget(m_dnsBox);
    left->addWidget(m_lookupBox);
    left->addStretch(1);
    grid->addLayout(left, 0, 0, 2, 1);
    grid->addWidget(m_sntpBox, 0, 1);
    grid->addWidget(m_pingBox, 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(1, 1);
    setForm(form);
    // An error about no field in particular ("enable"): beside the time zone (a DNS error
    // always names its server).
    setFallbackField("timezone");
}

void NetServicesPage::fillDnsModes()
{
    const QVariant current = m_dnsMode->currentData();
    const bool wasLoading = m_loading;
    m_loading = true;
    m_dnsMode->clear();
    const atb::CommandSpec *spec = atb::CommandCatalog::builtin().find("AT+CIPDNS", m_model->dialect());
    const atb::ParamSpec *p = spec ? spec->param("enable") : nullptr;
    if (p) {
        for (const atb::EnumValue &v : p->values)
            m_dnsMode->addItem(QCoreApplication::translate("CommandCatalog", v.meaning), int(v.value));
    }
    const int idx = m_dnsMode->findData(current.isValid() ? current : QVariant(0));
    m_dnsMode->setCurrentIndex(idx >= 0 ? idx : 0);
    m_loading = wasLoading;
}

void NetServicesPage::retranslate()
{
    FormPage::retranslate();
    setWindowTitle(tr("Network services"));
    setToolTip(tr("DNS servers, SNTP time, domain lookup and ping from the module"));
    setWindowIcon(globeIcon(palette()));
    const bool esp = m_model->dialect() == atb::Dialect::Esp;
    m_dnsBox->setTitle(tr("DNS"));
    m_sntpBox->setTitle(tr("Time (SNTP)"));
    m_lookupBox->setTitle(tr("Domain lookup"));
    m_pingBox->setTitle(tr("Ping"));
    m_dnsModeLabel->setText(tr("&Servers:"));
    m_dnsMode->setToolTip(tr("Automatic: the servers the router hands out (DHCP). Manual: the addresses below."));
    for (int i = 0; i < m_dnsServers.size(); ++i) {
        m_dnsServerLabels[i]->setText(tr("Server &%1:").arg(i + 1));
        m_dnsServers[i]->setPlaceholderText(i == 0 ? tr("IPv4 address, e.g. 8.8.8.8") : tr("Optional"));
    }
    m_dnsCurrentTitle->setText(tr("Module reports:"));
    m_sntpEnable->setText(tr("S&ynchronise the module's clock with SNTP"));
    m_timezoneLabel->setText(tr("Time &zone:"));
    m_timezone->setPlaceholderText(esp ? tr("8, -5, +0530") : tr("8, -5"));
    m_timezone->setToolTip(esp ? tr("Whole hours from -12 to 14, or [+|-]hhmm (530 = UTC+05:30)")
                               : tr("Whole hours from -12 to 12"));
    for (int i = 0; i < m_sntpServers.size(); ++i) {
        m_sntpServerLabels[i]->setText(tr("Ser&ver %1:").arg(i + 1));
        m_sntpServers[i]->setPlaceholderText(i == 0 ? tr("e.g. pool.ntp.org") : tr("Optional"));
    }
    m_moduleTimeTitle->setText(tr("Module time:"));
    m_pcTimeTitle->setText(tr("PC time:"));
    m_offsetTitle->setText(tr("Difference:"));
    m_readTime->setText(tr("Read &time"));
    m_readTime->setToolTip(tr("Ask the module for its clock (AT+CIPSNTPTIME?) and compare with this PC"));
    m_lookupLabel->setText(tr("&Name:"));
    m_lookupName->setPlaceholderText(tr("Domain name, e.g. localhost"));
    m_lookup->setText(tr("&Look up"));
    m_lookup->setToolTip(tr("Resolve the name on the module (AT+CIPDOMAIN)"));
    m_lookupResultTitle->setText(tr("Address:"));
    m_pingLabel->setText(tr("&Host:"));
    m_pingHost->setPlaceholderText(tr("Host name or IPv4 address"));
    m_ping->setText(tr("&Ping"));
    m_ping->setToolTip(tr("Ping from the module (AT+PING)"));
    m_pingResultTitle->setText(tr("Result:"));
    m_history->setHeaderLabels({ tr("Time"), tr("Host"), tr("Result") });
    readButton()->setToolTip(tr("Query DNS, SNTP and the module's time (F5)"));
    applyButton()->setToolTip(tr("Send the changed DNS and SNTP settings (Ctrl+Return)"));
    fillDnsModes();
    loadCurrent();
    loadTime();
    loadHistory();
    updateTimezoneHint();
    validate(); // the reasons beside the fields, in the new language
    updatePreview();
}

void NetServicesPage::updateColours()
{
    FormPage::updateColours();
    setWindowIcon(globeIcon(palette()));
    loadTime();
}

DnsSettings NetServicesPage::dnsForm() const
{
    DnsSettings d;
    d.manual = m_dnsMode->currentData().toInt() == 1;
    for (QLineEdit *e : m_dnsServers)
        d.servers << e->text().trimmed();
    return d;
}

SntpSettings NetServicesPage::sntpForm() const
{
    SntpSettings s;
    s.enabled = m_sntpEnable->isChecked();
    s.timezone = m_timezone->text().trimmed();
    for (QLineEdit *e : m_sntpServers)
        s.servers << e->text().trimmed();
    return s;
}

NetSettings NetServicesPage::settings() const
{
    NetSettings s;
    s.dns = dnsForm();
    s.sntp = sntpForm();
    s.applyDns = normalised(s.dns) != normalised(m_loadedDns);
    s.applySntp = normalised(s.sntp) != normalised(m_loadedSntp);
    return s;
}

bool NetServicesPage::isDirty() const
{
    const NetSettings s = settings();
    return s.applyDns || s.applySntp;
}

QList<QByteArray> NetServicesPage::previewLines() const
{
    return m_service->planApply(settings()).lines();
}

void NetServicesPage::load()
{
    m_loading = true;
    const atb::DnsState dns = m_model->dns();
    const int idx = m_dnsMode->findData(dns.known && dns.manual ? 1 : 0);
    m_dnsMode->setCurrentIndex(idx >= 0 ? idx : 0);
    for (int i = 0; i < m_dnsServers.size(); ++i)
        m_dnsServers[i]->setText(dns.manual ? dns.servers.value(i) : QString());
    const atb::SntpState sntp = m_model->sntp();
    m_sntpEnable->setChecked(sntp.known ? sntp.enabled : false);
    m_timezone->setText(sntp.known && !sntp.timezone.isEmpty() ? sntp.timezone : QStringLiteral("0"));
    for (int i = 0; i < m_sntpServers.size(); ++i)
        m_sntpServers[i]->setText(sntp.servers.value(i));
    m_loading = false;
    m_loadedDns = dnsForm();
    m_loadedSntp = sntpForm();
    m_edited = false;
    markDirty();
}

void NetServicesPage::revert()
{
    load();
    setStatus(QString(), false);
}

void NetServicesPage::loadCurrent()
{
    const atb::DnsState dns = m_model->dns();
    if (!dns.known)
        m_dnsCurrent->setText(tr("not read yet (Read, F5)"));
    else if (dns.servers.isEmpty())
        m_dnsCurrent->setText(dns.manual ? tr("manual") : tr("automatic"));
    else
        m_dnsCurrent->setText((dns.manual ? tr("manual: %1") : tr("automatic: %1"))
                                  .arg(dns.servers.join(QStringLiteral(", "))));
}

void NetServicesPage::loadTime()
{
    const atb::TimeReading t = m_service->lastTime();
    const ThemeColours c = ThemeColours::fromPalette(palette());
    QColor offsetColour;
    if (!t.valid) {
        m_moduleTime->setText(QStringLiteral("—"));
        m_pcTime->setText(QStringLiteral("—"));
        m_offset->setText(tr("press Read time"));
    } else {
        m_moduleTime->setText(t.timezoneKnown ? QStringLiteral("%1 (%2)").arg(t.moduleText, utcOffsetText(t.timezoneMinutes))
                                              : t.moduleText);
        const QDateTime pc = t.timezoneKnown ? t.pcTimeUtc.addSecs(qint64(t.timezoneMinutes) * 60) : t.pcTimeUtc.toLocalTime();
        m_pcTime->setText(t.timezoneKnown
                              ? QStringLiteral("%1 (%2)").arg(pc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                                             utcOffsetText(t.timezoneMinutes))
                              : tr("%1 (this PC's time zone)").arg(pc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
        if (!t.parsed) {
            m_offset->setText(tr("the module's time format is not understood"));
            offsetColour = c.error;
        } else if (!t.synchronised) {
            m_offset->setText(tr("not synchronised (clock at %1)").arg(t.moduleTime.date().year()));
            m_offset->setToolTip(tr("The module has not synchronised with an SNTP server yet: its clock "
                                    "still counts from %1.").arg(t.moduleTime.date().year()));
            offsetColour = c.error;
        } else {
            const qint64 d = t.offsetSeconds;
            m_offset->setText(d == 0 ? tr("0 s (in step)")
                              : d > 0 ? tr("module ahead by %n s", "", int(qMin<qint64>(d, INT_MAX)))
                                      : tr("module behind by %n s", "", int(qMin<qint64>(-d, INT_MAX))));
            offsetColour = qAbs(d) <= 2 ? c.ok : c.error;
        }
    }
    setTextColour(m_offset, offsetColour);
}

void NetServicesPage::loadHistory()
{
    m_history->clear();
    const QList<atb::PingRecord> pings = m_service->pingHistory();
    const ThemeColours c = ThemeColours::fromPalette(palette());
    for (const atb::PingRecord &r : pings) {
        auto *item = new QTreeWidgetItem(m_history);
        item->setText(TimeColumn, r.when.toString(QStringLiteral("HH:mm:ss")));
        item->setText(HostColumn, r.host);
        item->setText(ResultColumn, r.text());
        if (!r.ok)
            item->setForeground(ResultColumn, c.error);
    }
    if (!pings.isEmpty()) {
        const atb::PingRecord &last = pings.first();
        m_pingResult->setText(QStringLiteral("%1: %2").arg(last.host, last.text()));
    } else {
        m_pingResult->setText(QStringLiteral("—"));
    }
}

void NetServicesPage::markDirty()
{
    if (m_loading)
        return;
    QObject *s = sender();
    if (s && (s == m_dnsMode || s == m_sntpEnable || s == m_timezone
              || m_dnsServers.contains(qobject_cast<QLineEdit *>(s))
              || m_sntpServers.contains(qobject_cast<QLineEdit *>(s))))
        m_edited = true;
    updateEnabled();
    updateTimezoneHint();
    validate();
    updatePreview();
}

void NetServicesPage::updateEnabled()
{
    updateButtons();
    const bool manual = m_dnsMode->currentData().toInt() == 1;
    for (QLineEdit *e : std::as_const(m_dnsServers))
        e->setEnabled(manual);
    const bool sntp = m_sntpEnable->isChecked();
    m_timezone->setEnabled(sntp || m_model->dialect() == atb::Dialect::Beken);
    for (QLineEdit *e : std::as_const(m_sntpServers))
        e->setEnabled(sntp);
}

void NetServicesPage::updateTimezoneHint()
{
    const std::optional<int> m = NetService::timezoneMinutes(m_timezone->text());
    m_timezoneHint->setText(m ? utcOffsetText(*m) : QString());
}

void NetServicesPage::validate()
{
    // Apply's fields, the lookup and the ping are three operations: three scopes.
    clearFieldErrors();
    if (m_edited)
        showPlanError(m_service->planApply(settings()));
    clearFieldErrors("lookup");
    if (m_lookupEdited && !m_lookupName->text().trimmed().isEmpty())
        showPlanError(m_service->planLookup(m_lookupName->text()), "lookup");
    clearFieldErrors("ping");
    if (m_pingEdited && !m_pingHost->text().trimmed().isEmpty())
        showPlanError(m_service->planPing(m_pingHost->text()), "ping");
}

void NetServicesPage::updatePreview()
{
    AtPreviewText text;
    text.section(tr("Apply (Ctrl+Return): the changed sections"), m_service->planApply(settings()),
                 tr("nothing to send: no change"));
    text.section(tr("Read (F5)"), m_service->planRead());
    text.section(tr("Read time"), m_service->planReadTime());
    // The lookup and the ping as soon as there is something to send.
    const atb::OperationPlan lookup = m_service->planLookup(m_lookupName->text());
    text.section(tr("Look up"), lookup.ok() ? lookup : atb::OperationPlan());
    const atb::OperationPlan ping = m_service->planPing(m_pingHost->text());
    text.section(tr("Ping"), ping.ok() ? ping : atb::OperationPlan());
    setPreviewText(text.text());
}

void NetServicesPage::apply()
{
    if (isBusy())
        return;
    const NetSettings s = settings();
    if (!s.applyDns && !s.applySntp) {
        setStatus(tr("Nothing to apply."), false);
        return;
    }
    m_edited = true;
    const atb::OperationPlan p = m_service->planApply(s);
    if (!showPlanError(p, QByteArray(), true)) {
        setStatus(tr("Nothing was sent: %1").arg(p.error), true);
        return;
    }
    m_pendingApply = true;
    if (!started(m_service->apply(s)))
        m_pendingApply = false;
}

void NetServicesPage::read()
{
    started(m_service->read());
}

void NetServicesPage::readTime()
{
    started(m_service->readTime());
}

void NetServicesPage::lookup()
{
    if (isBusy())
        return;
    m_lookupEdited = true;
    const atb::OperationPlan p = m_service->planLookup(m_lookupName->text());
    if (!showPlanError(p, "lookup", true)) {
        setStatus(tr("Nothing was sent: %1").arg(p.error), true);
        return;
    }
    m_lookupResult->setText(QStringLiteral("…"));
    started(m_service->lookup(m_lookupName->text()));
}

void NetServicesPage::ping()
{
    if (isBusy())
        return;
    m_pingEdited = true;
    const atb::OperationPlan p = m_service->planPing(m_pingHost->text());
    if (!showPlanError(p, "ping", true)) {
        setStatus(tr("Nothing was sent: %1").arg(p.error), true);
        return;
    }
    started(m_service->ping(m_pingHost->text()));
}

void NetServicesPage::prepareScreenshot()
{
    read();
}

void NetServicesPage::onBusyChanged(bool busy)
{
    setBusy(busy);
    updateEnabled();
    if (busy)
        setStatus(tr("Working…"), false);
}

void NetServicesPage::onFinished(const atb::OperationResult &result)
{
    setStatus(result.message, !result.ok);
    const bool wasApply = m_pendingApply;
    m_pendingApply = false;
    if (!m_service->lastLookupName().isEmpty()) {
        const QString ip = m_service->lastLookupIp();
        m_lookupResult->setText(ip.isEmpty() ? tr("%1: %2").arg(m_service->lastLookupName(), m_service->lastLookupError())
                                             : tr("%1 → %2").arg(m_service->lastLookupName(), ip));
        setTextColour(m_lookupResult, ip.isEmpty() ? ThemeColours::fromPalette(palette()).error : QColor());
    }
    // After a successful Apply the module holds the form's values: reload. After a failure keep
    // the form. Reads reload an unedited form only.
    if ((wasApply && result.ok) || !isDirty())
        load();
    else
        markDirty();
}
