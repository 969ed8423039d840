#include "connectionspage.h"

#include "dialogs/messages.h"
#include "model/devicemodel.h"
#include "protocol/atencoder.h"
#include "secretstore.h"
#include "widgets/linkdataview.h"
#include "widgets/linktablemodel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

using atb::ConnectionService;
using atb::Dialect;
using atb::OperationPlan;

namespace {

QLineEdit *portEdit(QWidget *parent, const QString &objectName)
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(objectName);
    // Digits only; the range (1-65535) is checked by the service, with the reason shown.
    e->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,6}")), e));
    e->setMaximumWidth(110);
    return e;
}

} // namespace

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
    middle->addWidget(buildOpenBox(), 2);
    lay->addLayout(middle, 4);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(buildDataBox(), 3);
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
    connect(m_service, &ConnectionService::sendProgress, this, [this](qint64 done, qint64 total) {
        // Percent, so files above 2 GiB would not overflow the bar's int range either.
        m_sendProgress->setVisible(total > 0);
        m_sendProgress->setValue(total > 0 ? int(done * 100 / total) : 0);
        m_sendProgress->setFormat(tr("%1 of %2 bytes").arg(done).arg(total));
    });
    connect(m_service, &ConnectionService::dataReceived, this, &ConnectionsPage::onDataReceived);
    connect(m_service, &ConnectionService::rawDataReceived, this, [this](const QByteArray &b) {
        m_rawView->appendBytes(b);
    });
    connect(m_service, &ConnectionService::countersChanged, this, [this](int id) {
        m_tableModel->refreshCounters(id);
        if (id == m_selectedLink)
            m_rxCounters->setText(tr("%1 bytes received, %2 sent")
                                      .arg(m_service->receivedTotal(id))
                                      .arg(m_service->sentTotal(id)));
    });
    if (m_secrets) {
        connect(m_secrets, &SecretStore::secretLoaded, this,
                [this](const QString &key, const QString &secret, bool found) {
                    if (found && key == QStringLiteral("psk/%1").arg(m_pskId->value()) && m_pskEdit->text().isEmpty())
                        m_pskEdit->setText(secret);
                });
    }

    m_rxTimer.setSingleShot(true);
    m_rxTimer.setInterval(40); // batch +IPD bursts into one repaint per frame or two
    connect(&m_rxTimer, &QTimer::timeout, this, &ConnectionsPage::flushReceived);

    retranslate();
    load();
    reloadLinks();
    updateBadge();
    updateButtons();
    onPskLinkChanged();
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
    }
    return {};
}

QLabel *ConnectionsPage::addFormRow(QFormLayout *form, QWidget *field, Form f, const QByteArray &param)
{
    auto *label = new QLabel(form->parentWidget());
    form->addRow(label, withFieldError(field, param, scope(f), true));
    m_formLabels.insert(field, label);
    return label;
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

QGroupBox *ConnectionsPage::buildOpenBox()
{
    m_openBox = new QGroupBox(this);
    m_openBox->setObjectName(QStringLiteral("openBox"));
    m_openId = new QSpinBox(m_openBox);
    m_openId->setObjectName(QStringLiteral("openId"));
    m_openId->setRange(0, ConnectionService::kCloseAll); // the firmware's range is checked with the reason
    m_openType = new QComboBox(m_openBox);
    m_openType->setObjectName(QStringLiteral("openType"));
    m_openHost = new QLineEdit(m_openBox);
    m_openHost->setObjectName(QStringLiteral("openHost"));
    m_openHost->setPlaceholderText(QStringLiteral("192.168.1.10"));
    m_openPort = portEdit(m_openBox, QStringLiteral("openPort"));
    m_openKeepAlive = new QSpinBox(m_openBox);
    m_openKeepAlive->setObjectName(QStringLiteral("openKeepAlive"));
    {
        // The range the catalog gives for <keep_alive> (0..7200 s).
        const atb::CommandSpec *spec = atb::CommandCatalog::builtin().find("AT+CIPSTART", atb::Dialect::Esp);
        const atb::ParamSpec *ka = spec ? spec->param("keep_alive") : nullptr;
        m_openKeepAlive->setRange(0, ka ? int(ka->max) : 7200);
    }
    m_openLocalPort = portEdit(m_openBox, QStringLiteral("openLocalPort"));
    m_openUdpMode = new QComboBox(m_openBox);
    m_openUdpMode->setObjectName(QStringLiteral("openUdpMode"));
    m_openUdpMode->addItems({ QString(), QString(), QString() });
    m_openButton = new QPushButton(m_openBox);
    m_openButton->setObjectName(QStringLiteral("openButton"));
    m_openForm = new QFormLayout(m_openBox);
    m_openForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addFormRow(m_openForm, m_openId, Form::Open, "link_id");
    addFormRow(m_openForm, m_openType, Form::Open, "type");
    addFormRow(m_openForm, m_openHost, Form::Open, "remote_host");
    addFormRow(m_openForm, m_openPort, Form::Open, "remote_port");
    addFormRow(m_openForm, m_openKeepAlive, Form::Open, "keep_alive");
    addFormRow(m_openForm, m_openLocalPort, Form::Open, "local_port");
    addFormRow(m_openForm, m_openUdpMode, Form::Open, "mode");
    {
        auto *row = new QHBoxLayout;
        row->addStretch(1);
        row->addWidget(m_openButton);
        m_openForm->addRow(row);
    }
    return m_openBox;
}

QGroupBox *ConnectionsPage::buildDataBox()
{
    m_dataBox = new QGroupBox(this);
    m_dataBox->setObjectName(QStringLiteral("dataBox"));
    m_sendFormat = new QComboBox(m_dataBox);
    m_sendFormat->setObjectName(QStringLiteral("sendFormat"));
    m_sendFormat->addItems({ QString(), QString(), QString() });
    m_sendText = new QLineEdit(m_dataBox);
    m_sendText->setObjectName(QStringLiteral("sendText"));
    m_sendText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_sendFile = new QLineEdit(m_dataBox);
    m_sendFile->setObjectName(QStringLiteral("sendFile"));
    m_browseButton = new QPushButton(m_dataBox);
    m_browseButton->setObjectName(QStringLiteral("browseButton"));
    m_browseButton->setVisible(false);
    m_sendCrLf = new QCheckBox(m_dataBox);
    m_sendCrLf->setObjectName(QStringLiteral("sendCrLf"));
    m_sendButton = new QPushButton(m_dataBox);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setIcon(style()->standardIcon(QStyle::SP_ArrowRight));
    m_sendProgress = new QProgressBar(m_dataBox);
    m_sendProgress->setObjectName(QStringLiteral("sendProgress"));
    m_sendProgress->setRange(0, 100);
    m_sendProgress->setTextVisible(true);
    m_sendProgress->hide();
    m_rxTitle = new QLabel(m_dataBox);
    m_rxHex = new QCheckBox(m_dataBox);
    m_rxHex->setObjectName(QStringLiteral("rxHex"));
    m_rxCounters = new QLabel(m_dataBox);
    m_rxCounters->setObjectName(QStringLiteral("rxCounters"));
    m_rxClear = new QPushButton(m_dataBox);
    m_rxClear->setObjectName(QStringLiteral("rxClear"));
    m_rxView = new LinkDataView(m_dataBox);
    m_rxView->setObjectName(QStringLiteral("rxView"));
    {
        auto *lay = new QVBoxLayout(m_dataBox);
        auto *sendRow = new QHBoxLayout;
        sendRow->addWidget(m_sendFormat);
        sendRow->addWidget(m_sendText, 1);
        sendRow->addWidget(m_sendFile, 1);
        sendRow->addWidget(m_browseButton);
        sendRow->addWidget(m_sendCrLf);
        sendRow->addWidget(m_sendButton);
        lay->addLayout(sendRow);
        // One line of reasons under the send row, whichever parameter they are about.
        lay->addWidget(withFieldError(m_sendProgress, "data", scope(Form::Send), true));
        setFallbackField("data", scope(Form::Send));
        auto *rxRow = new QHBoxLayout;
        rxRow->addWidget(m_rxTitle);
        rxRow->addStretch(1);
        rxRow->addWidget(m_rxCounters);
        rxRow->addWidget(m_rxHex);
        rxRow->addWidget(m_rxClear);
        lay->addLayout(rxRow);
        lay->addWidget(m_rxView, 1);
    }
    return m_dataBox;
}

QTabWidget *ConnectionsPage::buildSideTabs()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("sideTabs"));
    m_ptTab = new QWidget(m_tabs);
    m_ptHint = new QLabel(m_ptTab);
    m_ptHint->setObjectName(QStringLiteral("passthroughHint"));
    m_ptHint->setWordWrap(true);
    m_enterPtButton = new QPushButton(m_ptTab);
    m_enterPtButton->setObjectName(QStringLiteral("enterPassthroughButton"));
    m_leavePtButton = new QPushButton(m_ptTab);
    m_leavePtButton->setObjectName(QStringLiteral("leavePassthroughButton"));
    m_rawInput = new QLineEdit(m_ptTab);
    m_rawInput->setObjectName(QStringLiteral("rawInput"));
    m_rawInput->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_rawSendButton = new QPushButton(m_ptTab);
    m_rawSendButton->setObjectName(QStringLiteral("rawSendButton"));
    m_rawView = new LinkDataView(m_ptTab);
    m_rawView->setObjectName(QStringLiteral("rawView"));
    {
        auto *lay = new QVBoxLayout(m_ptTab);
        lay->addWidget(m_ptHint);
        auto *row = new QHBoxLayout;
        row->addWidget(m_enterPtButton);
        row->addWidget(m_leavePtButton);
        row->addStretch(1);
        lay->addLayout(row);
        lay->addWidget(withFieldError(new QWidget(m_ptTab), "links", scope(Form::Passthrough), true));
        setFallbackField("links", scope(Form::Passthrough));
        auto *raw = new QHBoxLayout;
        raw->addWidget(m_rawInput, 1);
        raw->addWidget(m_rawSendButton);
        lay->addLayout(raw);
        lay->addWidget(m_rawView, 1);
    }
    m_pskTab = new QWidget(m_tabs);
    m_pskId = new QSpinBox(m_pskTab);
    m_pskId->setObjectName(QStringLiteral("pskId"));
    m_pskId->setRange(0, ConnectionService::kCloseAll);
    m_pskId->setValue(ConnectionService::kCloseAll);
    m_pskEdit = new QLineEdit(m_pskTab);
    m_pskEdit->setObjectName(QStringLiteral("pskEdit"));
    m_pskEdit->setEchoMode(QLineEdit::Password);
    m_pskHint = new QLineEdit(m_pskTab);
    m_pskHint->setObjectName(QStringLiteral("pskHint"));
    m_pskRemember = new QCheckBox(m_pskTab);
    m_pskRemember->setObjectName(QStringLiteral("pskRemember"));
    m_pskRemember->setVisible(!m_secrets.isNull());
    m_pskButton = new QPushButton(m_pskTab);
    m_pskButton->setObjectName(QStringLiteral("pskButton"));
    m_pskForm = new QFormLayout(m_pskTab);
    m_pskForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addFormRow(m_pskForm, m_pskId, Form::Psk, "link_id");
    addFormRow(m_pskForm, m_pskEdit, Form::Psk, "psk");
    addFormRow(m_pskForm, m_pskHint, Form::Psk, "hint");
    {
        auto *row = new QHBoxLayout;
        row->addWidget(m_pskRemember);
        row->addStretch(1);
        row->addWidget(m_pskButton);
        m_pskForm->addRow(row);
    }
    m_tabs->addTab(m_ptTab, QString());
    m_tabs->addTab(m_pskTab, QString());
    return m_tabs;
}

// Every input marks its form dirty (and selects it for the preview); buttons run their form.
void ConnectionsPage::connectInputs()
{
    auto touch = [this](Form f) { return [this, f] { selectForm(f); markDirty(); }; };
    connect(m_muxCombo, &QComboBox::currentIndexChanged, this, touch(Form::Mode));
    connect(m_modeCombo, &QComboBox::currentIndexChanged, this, touch(Form::Mode));
    connect(m_passiveCheck, &QCheckBox::toggled, this, touch(Form::Mode));
    connect(m_openId, &QSpinBox::valueChanged, this, touch(Form::Open));
    connect(m_openType, &QComboBox::currentIndexChanged, this, [this] {
        updateOpenRows();
        selectForm(Form::Open);
        markDirty();
    });
    connect(m_openHost, &QLineEdit::textChanged, this, touch(Form::Open));
    connect(m_openPort, &QLineEdit::textChanged, this, touch(Form::Open));
    connect(m_openKeepAlive, &QSpinBox::valueChanged, this, touch(Form::Open));
    connect(m_openLocalPort, &QLineEdit::textChanged, this, touch(Form::Open));
    connect(m_openUdpMode, &QComboBox::currentIndexChanged, this, touch(Form::Open));
    connect(m_sendFormat, &QComboBox::currentIndexChanged, this, [this] {
        updateSendRows();
        selectForm(Form::Send);
        markDirty();
    });
    connect(m_sendText, &QLineEdit::textChanged, this, touch(Form::Send));
    connect(m_sendFile, &QLineEdit::textChanged, this, touch(Form::Send));
    connect(m_sendCrLf, &QCheckBox::toggled, this, touch(Form::Send));
    connect(m_pskId, &QSpinBox::valueChanged, this, [this] {
        onPskLinkChanged();
        selectForm(Form::Psk);
        markDirty();
    });
    connect(m_pskEdit, &QLineEdit::textChanged, this, touch(Form::Psk));
    connect(m_pskHint, &QLineEdit::textChanged, this, touch(Form::Psk));

    connect(m_closeButton, &QPushButton::clicked, this, &ConnectionsPage::closeLink);
    connect(m_closeAllButton, &QPushButton::clicked, this, &ConnectionsPage::closeAllLinks);
    connect(m_openButton, &QPushButton::clicked, this, &ConnectionsPage::openLink);
    connect(m_sendButton, &QPushButton::clicked, this, &ConnectionsPage::sendToLink);
    connect(m_sendText, &QLineEdit::returnPressed, this, &ConnectionsPage::sendToLink);
    connect(m_browseButton, &QPushButton::clicked, this, [this] {
        const QString f = browseFile();
        if (!f.isEmpty())
            m_sendFile->setText(f);
    });
    connect(m_rxHex, &QCheckBox::toggled, this, [this](bool on) {
        flushReceived();
        m_rxView->setHex(on);
    });
    connect(m_rxClear, &QPushButton::clicked, this, [this] {
        m_service->clearReceived(m_selectedLink);
        reloadReceived();
    });
    connect(m_pskButton, &QPushButton::clicked, this, &ConnectionsPage::setPsk);
    connect(m_enterPtButton, &QPushButton::clicked, this, &ConnectionsPage::enterPassthrough);
    connect(m_leavePtButton, &QPushButton::clicked, this, &ConnectionsPage::leavePassthrough);
    connect(m_rawSendButton, &QPushButton::clicked, this, &ConnectionsPage::sendRaw);
    connect(m_rawInput, &QLineEdit::returnPressed, this, &ConnectionsPage::sendRaw);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int i) {
        selectForm(m_tabs->widget(i) == m_pskTab ? Form::Psk : Form::Passthrough);
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
    m_openBox->setTitle(tr("Open a link"));
    m_formLabels.value(m_openId)->setText(tr("Link ID:"));
    m_formLabels.value(m_openType)->setText(tr("Type:"));
    m_formLabels.value(m_openHost)->setText(tr("Remote host:"));
    m_formLabels.value(m_openPort)->setText(tr("Remote port:"));
    m_formLabels.value(m_openKeepAlive)->setText(tr("Keep-alive:"));
    m_formLabels.value(m_openLocalPort)->setText(tr("Local port:"));
    m_formLabels.value(m_openUdpMode)->setText(tr("UDP peer:"));
    m_openKeepAlive->setSpecialValueText(tr("off"));
    m_openKeepAlive->setSuffix(tr(" s"));
    m_openLocalPort->setPlaceholderText(tr("any"));
    m_openUdpMode->setItemText(0, tr("fixed (0)"));
    m_openUdpMode->setItemText(1, tr("may change once (1)"));
    m_openUdpMode->setItemText(2, tr("may change (2)"));
    m_openButton->setText(tr("Open"));
    m_openButton->setToolTip(tr("Open the link (Ctrl+Return)"));
    m_sendFormat->setItemText(0, tr("Text"));
    m_sendFormat->setItemText(1, tr("Hex"));
    m_sendFormat->setItemText(2, tr("File"));
    m_sendFile->setPlaceholderText(tr("Path of the file to send"));
    m_browseButton->setText(tr("Browse…"));
    m_sendCrLf->setText(tr("+CR LF"));
    m_sendCrLf->setToolTip(tr("Append CR LF to the text"));
    m_sendButton->setText(tr("Send"));
    m_rxHex->setText(tr("Hex"));
    m_rxClear->setText(tr("Clear"));
    m_tabs->setTabText(m_tabs->indexOf(m_ptTab), tr("Passthrough"));
    m_tabs->setTabText(m_tabs->indexOf(m_pskTab), tr("TLS PSK"));
    m_ptHint->setText(tr("Passthrough sends every byte straight to the one open link. It needs single connection "
                         "mode and exactly one link; CIPMODE=1 is set when needed. Leaving sends \"+++\" alone and "
                         "waits a second before the next command."));
    m_enterPtButton->setText(tr("Enter passthrough"));
    m_leavePtButton->setText(tr("Leave passthrough"));
    m_rawInput->setPlaceholderText(tr("Raw data (sent as typed, no CR LF)"));
    m_rawSendButton->setText(tr("Send raw"));
    m_formLabels.value(m_pskId)->setText(tr("Link ID:"));
    m_pskId->setToolTip(tr("5 = all links"));
    m_formLabels.value(m_pskEdit)->setText(tr("PSK identity:"));
    m_formLabels.value(m_pskHint)->setText(tr("Hint:"));
    m_pskRemember->setText(tr("Remember in the keychain"));
    m_pskButton->setText(tr("Set PSK"));
    showAtButton()->setToolTip(tr("Show the exact command lines the current form sends"));
    m_tableModel->retranslate();
    updateSendRows(); // the send field's placeholder
    updateModeHint();
    reloadReceived();
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
    const QString type = m_openType->currentText();
    const QStringList types = m_service->linkTypes();
    if (m_openType->count() != types.size() || m_openType->itemText(0) != types.value(0)) {
        m_openType->clear();
        m_openType->addItems(types);
        const int i = types.indexOf(type);
        m_openType->setCurrentIndex(i < 0 ? 0 : i);
    }
    m_loading = false;
    updateOpenRows();
    updateSendRows();
    updateModeHint();
    markDirty();
}

void ConnectionsPage::reloadLinks()
{
    const bool single = m_model->dialect() == Dialect::Esp && m_service->effectiveMux() == 0;
    m_tableModel->setSlotCount(single ? 1 : m_service->maxLinkId() + 1);
    m_tableModel->setLinks(m_model->links());
    m_openId->setEnabled(!single);
    if (!single && m_tableModel->isOpen(m_openId->value())) {
        // Suggest the first free link id for the next open.
        for (int id = 0; id < m_tableModel->slotCount(); ++id) {
            if (!m_tableModel->isOpen(id)) {
                m_loading = true;
                m_openId->setValue(id);
                m_loading = false;
                break;
            }
        }
    }
    if (m_selectedLink >= m_tableModel->slotCount())
        selectLink(0);
    else if (!m_table->currentIndex().isValid())
        m_table->setCurrentIndex(m_tableModel->index(m_selectedLink, 0));
    updateModeHint();
    updateButtons();
    updatePreview();
}

void ConnectionsPage::selectLink(int id)
{
    if (id < 0 || id >= m_tableModel->slotCount())
        return;
    const bool changed = id != m_selectedLink;
    m_selectedLink = id;
    if (m_table->currentIndex().row() != id)
        m_table->setCurrentIndex(m_tableModel->index(id, 0));
    if (!m_tableModel->isOpen(id) && m_openId->isEnabled())
        m_openId->setValue(id);
    if (changed)
        reloadReceived();
    updatePreview();
}

void ConnectionsPage::reloadReceived()
{
    m_pendingRx.clear();
    m_dataBox->setTitle(tr("Data of link %1").arg(m_selectedLink));
    m_rxTitle->setText(tr("Received:"));
    m_rxView->setBytes(m_service->received(m_selectedLink));
    m_rxCounters->setText(tr("%1 bytes received, %2 sent")
                              .arg(m_service->receivedTotal(m_selectedLink))
                              .arg(m_service->sentTotal(m_selectedLink)));
}

void ConnectionsPage::onDataReceived(int linkId, const QByteArray &bytes)
{
    if (linkId != m_selectedLink)
        return;
    if (bytes.isEmpty()) { // cleared
        reloadReceived();
        return;
    }
    m_pendingRx += bytes;
    if (!m_rxTimer.isActive())
        m_rxTimer.start();
}

void ConnectionsPage::flushReceived()
{
    if (m_pendingRx.isEmpty())
        return;
    const QByteArray chunk = std::exchange(m_pendingRx, QByteArray());
    // The service keeps the last MiB; when the view would grow past it, render the service's copy.
    if (m_rxView->bytes().size() + chunk.size() > ConnectionService::kMaxBufferBytes)
        m_rxView->setBytes(m_service->received(m_selectedLink));
    else
        m_rxView->appendBytes(chunk);
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

void ConnectionsPage::updateOpenRows()
{
    const QString type = m_openType->currentText();
    const bool udp = type == QLatin1String("UDP") || type == QLatin1String("DTLS");
    m_openForm->setRowVisible(m_openKeepAlive->parentWidget(), !udp);
    m_openForm->setRowVisible(m_openLocalPort->parentWidget(), udp);
    m_openForm->setRowVisible(m_openUdpMode->parentWidget(), udp && m_model->dialect() == Dialect::Esp);
}

void ConnectionsPage::updateSendRows()
{
    const auto f = atb::LinkSendSettings::Format(m_sendFormat->currentIndex());
    const bool file = f == atb::LinkSendSettings::Format::File;
    m_sendText->setVisible(!file);
    m_sendFile->setVisible(file);
    m_browseButton->setVisible(file && m_messages);
    m_sendCrLf->setVisible(f == atb::LinkSendSettings::Format::Text);
    m_sendText->setPlaceholderText(f == atb::LinkSendSettings::Format::Hex ? tr("Hex bytes, e.g. 48 65 6c 6c 6f")
                                                                           : tr("Text to send (UTF-8)"));
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
    m_openBox->setEnabled(atOk);
    m_sendFormat->setEnabled(atOk);
    m_sendText->setEnabled(atOk);
    m_sendFile->setEnabled(atOk);
    m_browseButton->setEnabled(atOk);
    m_sendCrLf->setEnabled(atOk);
    m_sendButton->setEnabled(atOk);
    m_pskTab->setEnabled(atOk);
    m_enterPtButton->setEnabled(atOk);
    m_leavePtButton->setEnabled(pt);
    m_rawInput->setVisible(pt);
    m_rawSendButton->setVisible(pt);
    m_rawInput->setEnabled(pt);
    m_rawSendButton->setEnabled(pt);
    if (pt)
        m_tabs->setCurrentWidget(m_ptTab);
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
    atb::LinkOpenSettings s;
    s.linkId = m_openId->value();
    s.type = m_openType->currentText();
    s.host = m_openHost->text();
    s.remotePort = m_openPort->text().toInt();
    s.keepAlive = m_openKeepAlive->value();
    s.localPort = m_openLocalPort->text().toInt();
    s.udpMode = m_openUdpMode->currentIndex();
    return s;
}

atb::LinkSendSettings ConnectionsPage::sendSettings() const
{
    atb::LinkSendSettings s;
    s.linkId = m_selectedLink;
    s.format = atb::LinkSendSettings::Format(m_sendFormat->currentIndex());
    s.text = m_sendText->text();
    s.filePath = m_sendFile->text();
    s.appendCrLf = s.format == atb::LinkSendSettings::Format::Text && m_sendCrLf->isChecked();
    return s;
}

atb::PskSettings ConnectionsPage::pskSettings() const
{
    atb::PskSettings s;
    s.linkId = m_pskId->value();
    s.psk = m_pskEdit->text();
    s.hint = m_pskHint->text();
    return s;
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
    case Form::Send: return m_service->planSend(sendSettings());
    case Form::Psk: return m_service->planPsk(pskSettings());
    case Form::Passthrough: return m_service->planEnterPassthrough();
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
    if (m_action == Action::Psk && r.ok && !m_pendingPskKey.isEmpty() && m_secrets)
        m_secrets->save(m_pendingPskKey, m_pendingPsk);
    if (m_action == Action::Send)
        m_sendProgress->setVisible(false);
    m_pendingPskKey.clear();
    m_pendingPsk.clear();
    m_action = Action::None;
    updateButtons();
    updatePreview();
}

// ---- actions -------------------------------------------------------------------------------

void ConnectionsPage::read()
{
    m_action = Action::Read;
    if (refuse(Form::Mode, m_service->planRead()))
        return;
    setStatus(tr("Reading…"), false);
    m_service->read();
}

void ConnectionsPage::applyFromShortcut()
{
    QWidget *f = QApplication::focusWidget();
    auto inside = [f](QWidget *w) { return f && (f == w || w->isAncestorOf(f)); };
    if (inside(m_openBox))
        openLink();
    else if (inside(m_dataBox))
        sendToLink();
    else if (inside(m_pskTab))
        setPsk();
    else if (inside(m_ptTab) && m_model->passthrough())
        sendRaw();
    else if (inside(m_ptTab))
        enterPassthrough();
    else if (inside(m_linksBox))
        closeLink();
    else
        apply();
}

void ConnectionsPage::apply()
{
    selectForm(Form::Mode);
    const atb::ConnectionModeSettings s = modeSettings();
    if (refuse(Form::Mode, m_service->planMode(s)))
        return;
    m_action = Action::Mode;
    setStatus(tr("Applying the connection mode…"), false);
    m_service->applyMode(s);
}

void ConnectionsPage::revert()
{
    load();
    clearAllFieldErrors();
}

void ConnectionsPage::openLink()
{
    selectForm(Form::Open);
    const atb::LinkOpenSettings s = openSettings();
    if (refuse(Form::Open, m_service->planOpen(s)))
        return;
    m_action = Action::Open;
    setStatus(tr("Opening…"), false);
    if (m_service->open(s).ok()) {
        const int id = (m_model->dialect() == Dialect::Beken || m_service->effectiveMux() == 1) ? s.linkId : 0;
        selectLink(id);
    }
}

void ConnectionsPage::closeLink()
{
    selectForm(Form::Links);
    if (refuse(Form::Links, m_service->planClose(m_selectedLink)))
        return;
    m_action = Action::Close;
    m_service->close(m_selectedLink);
}

void ConnectionsPage::closeAllLinks()
{
    selectForm(Form::Links);
    if (refuse(Form::Links, m_service->planClose(ConnectionService::kCloseAll)))
        return;
    m_action = Action::Close;
    m_service->close(ConnectionService::kCloseAll);
}

void ConnectionsPage::sendToLink()
{
    selectForm(Form::Send);
    const atb::LinkSendSettings s = sendSettings();
    const OperationPlan p = m_service->planSend(s);
    if (refuse(Form::Send, p))
        return;
    m_action = Action::Send;
    m_sendProgress->setValue(0);
    m_sendProgress->setVisible(true);
    setStatus(tr("Sending %n byte(s)…", "", int(p.payloadBytes)), false);
    if (m_service->send(s).ok() && s.format != atb::LinkSendSettings::Format::File)
        m_sendText->clear();
}

void ConnectionsPage::setPsk()
{
    selectForm(Form::Psk);
    const atb::PskSettings s = pskSettings();
    if (refuse(Form::Psk, m_service->planPsk(s)))
        return;
    m_action = Action::Psk;
    if (m_secrets && m_pskRemember->isChecked()) {
        m_pendingPskKey = QStringLiteral("psk/%1").arg(s.linkId);
        m_pendingPsk = s.psk;
    }
    m_service->setPsk(s);
}

void ConnectionsPage::onPskLinkChanged()
{
    if (!m_secrets)
        return;
    m_pskEdit->clear();
    m_secrets->load(QStringLiteral("psk/%1").arg(m_pskId->value()));
}

void ConnectionsPage::enterPassthrough()
{
    selectForm(Form::Passthrough);
    if (refuse(Form::Passthrough, m_service->planEnterPassthrough()))
        return;
    m_action = Action::Passthrough;
    m_rawView->setBytes(QByteArray());
    setStatus(tr("Entering passthrough…"), false);
    m_service->enterPassthrough();
}

void ConnectionsPage::leavePassthrough()
{
    setStatus(tr("Leaving passthrough (\"+++\", then one second of silence)…"), false);
    m_service->leavePassthrough();
}

void ConnectionsPage::sendRaw()
{
    if (!m_model->passthrough())
        return;
    const QByteArray bytes = m_rawInput->text().toUtf8();
    if (bytes.isEmpty())
        return;
    m_service->sendRaw(bytes);
    m_rawInput->clear();
}

QString ConnectionsPage::browseFile()
{
    if (!m_messages)
        return {};
    return m_messages->openFileName(tr("File to send"), QString(), tr("All files (*)"));
}
