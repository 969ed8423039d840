#include "connectionspage.h"

#include "dialogs/messages.h"
#include "linkdatapanel.h"
#include "linkopenform.h"
#include "model/devicemodel.h"
#include "passthroughpanel.h"
#include "protocol/atencoder.h"
#include "pskpanel.h"
#include "secretstore.h"
#include "serverpanel.h"
#include "widgets/linktablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

using atb::ConnectionService;
using atb::Dialect;
using atb::OperationPlan;

ConnectionsPage::ConnectionsPage(atb::DeviceModel *model, ConnectionService *service, SecretStore *secrets,
                                 Messages *messages, QWidget *parent)
    : FormPage(parent), m_model(model), m_service(service), m_secrets(secrets), m_messages(messages)
{
    setObjectName(QStringLiteral("connectionsPage"));
    setWindowIcon(style()->standardIcon(QStyle::SP_DriveNetIcon));

    auto *form = new QWidget(this);
    auto *lay = new QVBoxLayout(form);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(buildBadge());
    lay->addWidget(buildModeBox());
    auto *middle = new QHBoxLayout;
    middle->addWidget(buildLinksBox(), 3);
    m_open = new LinkOpenForm(&fieldErrors(), scope(Form::Open), this);
    middle->addWidget(m_open, 2);
    lay->addLayout(middle, 4);
    auto *bottom = new QHBoxLayout;
    m_data = new LinkDataPanel(m_service, &fieldErrors(), scope(Form::Send), m_messages, this);
    bottom->addWidget(m_data, 3);
    bottom->addWidget(buildSideTabs(), 2);
    lay->addLayout(bottom, 5);
    FormPage::setForm(form);
    setBusyWidgets({}); // updateButtons() decides, box by box (the link table stays usable)
    connectInputs();

    connect(m_model, &atb::DeviceModel::cipMuxChanged, this, [this] {
        if (!isDirty() || isBusy())
            load();
        reloadLinks();
    });
    connect(m_model, &atb::DeviceModel::cipModeChanged, this, [this] {
        if (!isDirty() || isBusy())
            load();
    });
    connect(m_model, &atb::DeviceModel::linksChanged, this, &ConnectionsPage::reloadLinks);
    connect(m_model, &atb::DeviceModel::dialectChanged, this, [this] {
        load();
        reloadLinks();
    });
    connect(m_model, &atb::DeviceModel::passthroughChanged, this, [this] {
        updateBadge();
        updateButtons();
    });

    connect(m_service, &ConnectionService::busyChanged, this, &ConnectionsPage::setBusy);
    connect(m_service, &ConnectionService::finished, this, &ConnectionsPage::onFinished);
    connect(m_service, &ConnectionService::receiveModeChanged, this, [this] {
        if (!isDirty() || isBusy())
            load();
    });
    connect(m_service, &ConnectionService::countersChanged, m_tableModel, &LinkTableModel::refreshCounters);
    connect(m_service, &ConnectionService::pskChanged, this,
            [this] { m_psk->setModuleState(m_service->pskStates(), m_service->pskKnown()); });
    connect(m_service, &ConnectionService::serverChanged, this, [this] {
        m_server->setModuleState(m_service->serverState(), m_service->serverSettings());
        updatePreview();
    });

    retranslate();
    load();
    reloadLinks();
    updateBadge();
    updateButtons();
}

QByteArray ConnectionsPage::scope(Form form)
{
    switch (form) {
    case Form::Mode: return "mode";
    case Form::Links: return "links";
    case Form::Open: return "open";
    case Form::Send: return "send";
    case Form::Psk: return "psk";
    case Form::Passthrough: return "passthrough";
    case Form::Server: return "server";
    }
    return {};
}

// ---- the groups ------------------------------------------------------------------------------

QLabel *ConnectionsPage::buildBadge()
{
    m_badge = new QLabel(this);
    m_badge->setObjectName(QStringLiteral("passthroughBadge"));
    m_badge->setAlignment(Qt::AlignCenter);
    m_badge->setAutoFillBackground(true);
    {
        QPalette p = m_badge->palette();
        p.setColor(QPalette::Window, p.color(QPalette::Highlight));
        p.setColor(QPalette::WindowText, p.color(QPalette::HighlightedText));
        m_badge->setPalette(p);
        QFont f = m_badge->font();
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 1.5);
        m_badge->setFont(f);
        m_badge->setContentsMargins(8, 8, 8, 8);
    }
    m_badge->hide();
    return m_badge;
}

QGroupBox *ConnectionsPage::buildModeBox()
{
    m_modeBox = new QGroupBox(this);
    m_modeBox->setObjectName(QStringLiteral("modeBox"));
    m_muxLabel = new QLabel(m_modeBox);
    m_muxCombo = new QComboBox(m_modeBox);
    m_muxCombo->setObjectName(QStringLiteral("muxCombo"));
    m_muxCombo->addItems({ QString(), QString() });
    m_modeLabel = new QLabel(m_modeBox);
    m_modeCombo = new QComboBox(m_modeBox);
    m_modeCombo->setObjectName(QStringLiteral("modeCombo"));
    m_modeCombo->addItems({ QString(), QString() });
    m_passiveCheck = new QCheckBox(m_modeBox);
    m_passiveCheck->setObjectName(QStringLiteral("passiveCheck"));
    m_modeHint = new QLabel(m_modeBox);
    m_modeHint->setObjectName(QStringLiteral("modeHint"));
    m_modeHint->setWordWrap(true);
    {
        auto *grid = new QGridLayout(m_modeBox);
        grid->addWidget(m_muxLabel, 0, 0);
        grid->addWidget(withFieldError(m_muxCombo, "cipmux", scope(Form::Mode), true), 0, 1);
        grid->addWidget(m_modeLabel, 1, 0);
        grid->addWidget(withFieldError(m_modeCombo, "cipmode", scope(Form::Mode), true), 1, 1);
        grid->addWidget(withFieldError(m_passiveCheck, "recvmode", scope(Form::Mode), true), 2, 1);
        grid->addWidget(m_modeHint, 0, 2, 3, 1);
        grid->setColumnStretch(1, 2);
        grid->setColumnStretch(2, 3);
    }
    return m_modeBox;
}

QGroupBox *ConnectionsPage::buildLinksBox()
{
    m_linksBox = new QGroupBox(this);
    m_linksBox->setObjectName(QStringLiteral("linksBox"));
    m_tableModel = new LinkTableModel(this);
    m_tableModel->setCounterSource([this](int id) { return m_service->receivedTotal(id); },
                                   [this](int id) { return m_service->sentTotal(id); },
                                   [this](int id) { return m_service->keepAlive(id); });
    m_table = new QTableView(m_linksBox);
    m_table->setObjectName(QStringLiteral("linkTable"));
    m_table->setModel(m_tableModel);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(LinkTableModel::RemoteHost, QHeaderView::Stretch);
    m_table->setAlternatingRowColors(true);
    m_closeButton = new QPushButton(m_linksBox);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    m_closeAllButton = new QPushButton(m_linksBox);
    m_closeAllButton->setObjectName(QStringLiteral("closeAllButton"));
    {
        auto *lay = new QVBoxLayout(m_linksBox);
        lay->addWidget(m_table, 1);
        auto *row = new QHBoxLayout;
        row->addWidget(m_closeButton);
        row->addWidget(m_closeAllButton);
        // Why a close was refused, beside the buttons.
        row->addWidget(withFieldError(new QWidget(m_linksBox), "link_id", scope(Form::Links), true), 1);
        setFallbackField("link_id", scope(Form::Links));
        lay->addLayout(row);
    }
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &cur) {
                if (cur.isValid())
                    selectLink(cur.row());
            });
    return m_linksBox;
}

QTabWidget *ConnectionsPage::buildSideTabs()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("sideTabs"));
    m_passthrough = new PassthroughPanel(m_service, &fieldErrors(), scope(Form::Passthrough), m_tabs);
    m_psk = new PskPanel(&fieldErrors(), scope(Form::Psk), m_secrets, m_tabs);
    m_server = new ServerPanel(&fieldErrors(), scope(Form::Server), m_tabs);
    m_tabs->addTab(m_passthrough, QString());
    m_tabs->addTab(m_psk, QString());
    m_tabs->addTab(m_server, QString());
    return m_tabs;
}

// Every input marks its form dirty (and selects it for the preview); buttons run their form.
void ConnectionsPage::connectInputs()
{
    auto touch = [this](Form f) { return [this, f] { selectForm(f); markDirty(); }; };
    connect(m_muxCombo, &QComboBox::currentIndexChanged, this, touch(Form::Mode));
    connect(m_modeCombo, &QComboBox::currentIndexChanged, this, touch(Form::Mode));
    connect(m_passiveCheck, &QCheckBox::toggled, this, touch(Form::Mode));
    connect(m_open, &LinkOpenForm::edited, this, touch(Form::Open));
    connect(m_data, &LinkDataPanel::edited, this, touch(Form::Send));
    requireCommands(m_psk, { QStringLiteral("AT+CIPSSLCPSK") }); // capabilities
    connect(m_psk, &PskPanel::edited, this, touch(Form::Psk));
    connect(m_server, &ServerPanel::edited, this, touch(Form::Server));

    connect(m_closeButton, &QPushButton::clicked, this, &ConnectionsPage::closeLink);
    connect(m_closeAllButton, &QPushButton::clicked, this, &ConnectionsPage::closeAllLinks);
    connect(m_open, &LinkOpenForm::openRequested, this, &ConnectionsPage::openLink);
    connect(m_data, &LinkDataPanel::sendRequested, this, &ConnectionsPage::sendToLink);
    connect(m_psk, &PskPanel::setRequested, this, &ConnectionsPage::setPsk);
    connect(m_psk, &PskPanel::readRequested, this, &ConnectionsPage::readPsk);
    connect(m_server, &ServerPanel::startRequested, this, &ConnectionsPage::startServer);
    connect(m_server, &ServerPanel::stopRequested, this, &ConnectionsPage::stopServer);
    connect(m_server, &ServerPanel::readRequested, this, &ConnectionsPage::readServer);
    connect(m_passthrough, &PassthroughPanel::enterRequested, this, &ConnectionsPage::enterPassthrough);
    connect(m_passthrough, &PassthroughPanel::leaveRequested, this, &ConnectionsPage::leavePassthrough);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int i) {
        const QWidget *tab = m_tabs->widget(i);
        selectForm(tab == m_psk ? Form::Psk : tab == m_server ? Form::Server : Form::Passthrough);
    });
}

void ConnectionsPage::retranslate()
{
    FormPage::retranslate();
    // The window's page list shows these.
    setWindowTitle(tr("Connections"));
    setToolTip(tr("TCP/UDP/TLS links, sending and receiving, passthrough"));
    m_badge->setText(tr("PASSTHROUGH — AT commands are not available"));
    m_modeBox->setTitle(tr("Connection mode"));
    m_muxLabel->setText(tr("Connections:"));
    m_muxCombo->setItemText(0, tr("Single connection (CIPMUX=0)"));
    m_muxCombo->setItemText(1, tr("Multiple connections (CIPMUX=1)"));
    m_modeLabel->setText(tr("Transmission:"));
    m_modeCombo->setItemText(0, tr("Normal (CIPMODE=0)"));
    m_modeCombo->setItemText(1, tr("Passthrough (CIPMODE=1)"));
    m_passiveCheck->setText(tr("Passive receive (CIPRECVMODE=1)"));
    m_passiveCheck->setToolTip(tr("The module keeps received data until it is fetched with AT+CIPRECVDATA; "
                                  "this page fetches it as soon as +IPD announces it."));
    applyButton()->setToolTip(tr("Send the connection mode to the module (Ctrl+Return)"));
    readButton()->setToolTip(tr("Query the modes and the link status (F5)"));
    m_linksBox->setTitle(tr("Links"));
    m_closeButton->setText(tr("Close link"));
    m_closeAllButton->setText(tr("Close all"));
    m_open->retranslate();
    m_data->retranslate();
    m_tabs->setTabText(m_tabs->indexOf(m_passthrough), tr("Passthrough"));
    m_tabs->setTabText(m_tabs->indexOf(m_psk), tr("TLS PSK"));
    m_tabs->setTabText(m_tabs->indexOf(m_server), tr("Server"));
    m_server->retranslate();
    m_passthrough->retranslate();
    m_psk->retranslate();
    showAtButton()->setToolTip(tr("Show the exact command lines the current form sends"));
    m_tableModel->retranslate();
    updateModeHint();
    updatePreview();
}

void ConnectionsPage::prepareScreenshot()
{
    read();
}

// ---- model -> widgets ----------------------------------------------------------------------

void ConnectionsPage::load()
{
    m_loading = true;
    const int mux = m_model->cipMux();
    const int mode = m_model->cipMode();
    m_muxCombo->setCurrentIndex(mux == 1 ? 1 : 0);
    m_modeCombo->setCurrentIndex(mode == 1 ? 1 : 0);
    m_passiveCheck->setChecked(m_service->receiveMode() == 1);
    m_passiveCheck->setVisible(m_model->dialect() == Dialect::Esp);
    m_open->setDialect(m_model->dialect(), m_service->linkTypes());
    m_server->setDialect(m_model->dialect());
    m_loading = false;
    updateModeHint();
    markDirty();
}

void ConnectionsPage::reloadLinks()
{
    const bool single = m_model->dialect() == Dialect::Esp && m_service->effectiveMux() == 0;
    m_tableModel->setSlotCount(single ? 1 : m_service->maxLinkId() + 1);
    m_tableModel->setLinks(m_model->links());
    m_open->setLinkIdEnabled(!single);
    if (!single && m_tableModel->isOpen(m_open->linkId())) {
        // Suggest the first free link id for the next open.
        for (int id = 0; id < m_tableModel->slotCount(); ++id) {
            if (!m_tableModel->isOpen(id)) {
                m_open->setLinkId(id, false);
                break;
            }
        }
    }
    if (m_selectedLink >= m_tableModel->slotCount())
        selectLink(0);
    else if (!m_table->currentIndex().isValid())
        m_table->setCurrentIndex(m_tableModel->index(m_selectedLink, 0));
    updatePeerRow();
    updateModeHint();
    updateButtons();
    updatePreview();
}

void ConnectionsPage::selectLink(int id)
{
    if (id < 0 || id >= m_tableModel->slotCount())
        return;
    m_selectedLink = id;
    if (m_table->currentIndex().row() != id)
        m_table->setCurrentIndex(m_tableModel->index(id, 0));
    if (!m_tableModel->isOpen(id) && m_open->isLinkIdEnabled())
        m_open->setLinkId(id, true);
    m_data->setLink(id);
    updatePeerRow();
    updatePreview();
}

void ConnectionsPage::updatePeerRow()
{
    bool udp = false;
    for (const atb::LinkInfo &l : m_model->links())
        udp = udp || (l.id == m_selectedLink && l.type.startsWith(QLatin1String("UDP")));
    m_data->setUdp(udp);
}

void ConnectionsPage::updateModeHint()
{
    const int links = int(m_model->links().size());
    QStringList parts;
    if (m_model->cipMux() < 0)
        parts << tr("Not read yet: press Read (F5). Until then the boot default (single, normal) is assumed.");
    parts << tr("The connection mode can only change while no link is open (%n open).", "", links);
    parts << tr("Passthrough needs single connection mode and exactly one link.");
    m_modeHint->setText(parts.join(QLatin1Char(' ')));
}

void ConnectionsPage::updateBadge()
{
    m_badge->setVisible(m_model->passthrough());
}

void ConnectionsPage::updateButtons()
{
    FormPage::updateButtons();
    const bool pt = m_model->passthrough();
    const bool atOk = !isBusy() && !pt;
    m_modeBox->setEnabled(atOk);
    m_linksBox->setEnabled(true);
    m_table->setEnabled(true);
    m_closeButton->setEnabled(atOk);
    m_closeAllButton->setEnabled(atOk);
    m_open->setEnabled(atOk);
    m_data->setSendEnabled(atOk);
    m_psk->setEnabled(atOk);
    m_server->setEnabled(atOk);
    m_passthrough->setState(pt, atOk);
    if (pt)
        m_tabs->setCurrentWidget(m_passthrough);
    const bool dirty = isDirty();
    applyButton()->setEnabled(atOk && dirty);
    revertButton()->setEnabled(atOk && dirty);
    readButton()->setEnabled(atOk);
}

// ---- widgets -> settings -------------------------------------------------------------------

atb::ConnectionModeSettings ConnectionsPage::modeSettings() const
{
    atb::ConnectionModeSettings s;
    s.mux = m_muxCombo->currentIndex();
    s.mode = m_modeCombo->currentIndex();
    // Unchecked while the module's receive mode is unknown: leave it alone (boot default: active).
    const bool passive = m_passiveCheck->isChecked() && m_model->dialect() == Dialect::Esp;
    s.recvMode = passive ? 1 : (m_service->receiveMode() < 0 ? -1 : 0);
    return s;
}

atb::LinkOpenSettings ConnectionsPage::openSettings() const
{
    return m_open->settings();
}

atb::LinkSendSettings ConnectionsPage::sendSettings() const
{
    return m_data->settings();
}

atb::PskSettings ConnectionsPage::pskSettings() const
{
    return m_psk->settings();
}

bool ConnectionsPage::isDirty() const
{
    const atb::ConnectionModeSettings s = modeSettings();
    return s.mux != m_model->cipMux() || s.mode != m_model->cipMode()
        || (s.recvMode >= 0 && s.recvMode != m_service->receiveMode());
}

void ConnectionsPage::markDirty()
{
    if (m_loading)
        return;
    clearAllFieldErrors();
    updateButtons();
    updatePreview();
}

void ConnectionsPage::selectForm(Form f)
{
    if (m_loading || f == m_form)
        return;
    m_form = f;
    updatePreview();
}

OperationPlan ConnectionsPage::plan(Form form) const
{
    switch (form) {
    case Form::Mode: return m_service->planMode(modeSettings());
    case Form::Links: return m_service->planClose(m_selectedLink);
    case Form::Open: return m_service->planOpen(openSettings());
    case Form::Send: return m_service->planSend(m_data->settings());
    case Form::Psk: return m_service->planPsk(pskSettings());
    case Form::Passthrough: return m_service->planEnterPassthrough();
    case Form::Server: return m_service->planServer(m_server->settings());
    }
    return {};
}

QList<QByteArray> ConnectionsPage::previewLines() const
{
    return plan(m_form).lines();
}

void ConnectionsPage::updatePreview()
{
    if (!showAtButton()->isChecked())
        return;
    const OperationPlan p = plan(m_form);
    if (!p.ok()) {
        setPreviewText(tr("(nothing would be sent: %1)").arg(p.error));
        return;
    }
    // Secrets (the PSK) are masked on screen like in the log.
    const atb::AtEncoder enc(m_model->dialect());
    QStringList lines;
    const int shown = int(qMin<qsizetype>(p.commands.size(), 20));
    for (int i = 0; i < shown; ++i) {
        const atb::AtCommand &c = p.commands.at(i);
        QString l = QString::fromUtf8(enc.redact(c.line));
        if (!c.payload.isEmpty())
            l += QLatin1String("   ") + tr("→ then %n data byte(s)", "", int(c.payload.size()));
        lines << l;
    }
    if (p.commands.size() > shown)
        lines << tr("… %n more command(s)", "", int(p.commands.size() - shown));
    if (!p.warning.isEmpty())
        lines << QStringLiteral("# ") + tr("Note: %1").arg(p.warning);
    setPreviewText(lines.join(QLatin1Char('\n')));
}

// ---- errors and status ---------------------------------------------------------------------

QString ConnectionsPage::fieldError(Form form, const QByteArray &param) const
{
    return FormPage::fieldError(param, scope(form));
}

bool ConnectionsPage::refuse(Form form, const OperationPlan &plan)
{
    clearAllFieldErrors();
    if (showPlanError(plan, scope(form)))
        return false;
    setStatus(tr("Not sent: %1").arg(plan.error), true);
    return true;
}

void ConnectionsPage::onFinished(const atb::OperationResult &r)
{
    if (r.label.isEmpty() && r.message.isEmpty())
        return;
    setStatus(r.message, !r.ok);
    if (m_action == Action::Psk)
        m_psk->accepted(r.ok);
    if (m_action == Action::Send)
        m_data->sendFinished();
    m_action = Action::None;
    updateButtons();
    updatePreview();
}
