#include "mqttpage.h"

#include "theme.h"
#include "dialogs/messages.h"
#include "model/devicemodel.h"
#include "protocol/atencoder.h"
#include "secretstore.h"
#include "widgets/mqttmessagemodel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <climits>

using atb::MqttConfig;
using atb::MqttConnectSettings;
using atb::MqttMessage;
using atb::OperationPlan;
using atb::MqttPublishSettings;

namespace {

constexpr int kFeedCapacity = 10000;

QByteArray parseHex(const QString &text, bool *ok)
{
    QByteArray digits;
    for (const QChar c : text) {
        if (c.isSpace() || c == QLatin1Char(':') || c == QLatin1Char(','))
            continue;
        if (!isxdigit(c.toLatin1())) {
            *ok = false;
            return {};
        }
        digits += c.toLatin1();
    }
    *ok = digits.size() % 2 == 0;
    return *ok ? QByteArray::fromHex(digits) : QByteArray();
}

// \r \n \t \0 \\ \xNN in typed text.
QByteArray unescape(const QByteArray &in, bool *ok)
{
    QByteArray out;
    *ok = true;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c != '\\' || i + 1 >= in.size()) {
            out += c;
            continue;
        }
        const char n = in[++i];
        switch (n) {
        case 'r': out += '\r'; break;
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case '0': out += '\0'; break;
        case '\\': out += '\\'; break;
        case 'x': {
            bool good = false;
            const QByteArray digits = in.mid(i + 1, 2);
            const int v = digits.toInt(&good, 16);
            if (!good || digits.size() != 2) {
                *ok = false;
                return {};
            }
            out += char(v);
            i += 2;
            break;
        }
        default: out += '\\'; out += n; break;
        }
    }
    return out;
}

QStringList splitAlpn(const QString &text)
{
    QStringList out;
    for (const QString &s : text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts))
        out << s;
    return out;
}

} // namespace

MqttPage::MqttPage(atb::DeviceModel *model, atb::MqttService *service, SecretStore *secrets, Messages *messages,
                   QWidget *parent)
    : QWidget(parent), m_model(model), m_service(service), m_secrets(secrets), m_messages(messages)
{
    setObjectName(QStringLiteral("mqtt"));

    // Header: state, Read, Show AT, busy.
    m_stateCaption = new QLabel(this);
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    QFont bold = m_stateLabel->font();
    bold.setBold(true);
    m_stateLabel->setFont(bold);
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busyIndicator = new QProgressBar(this);
    m_busyIndicator->setObjectName(QStringLiteral("busyIndicator"));
    m_busyIndicator->setRange(0, 0);
    m_busyIndicator->setMaximumWidth(120);
    m_busyIndicator->setTextVisible(false);
    m_busyIndicator->hide();
    m_readButton = new QPushButton(this);
    m_readButton->setObjectName(QStringLiteral("readButton"));
    m_readButton->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_showAtButton = new QToolButton(this);
    m_showAtButton->setObjectName(QStringLiteral("showAtButton"));
    m_showAtButton->setCheckable(true);
    m_showAtButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *header = new QHBoxLayout;
    header->addWidget(m_stateCaption);
    header->addWidget(m_stateLabel, 1);
    header->addWidget(m_busyIndicator);
    header->addWidget(m_showAtButton);
    header->addWidget(m_readButton);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mqttTabs"));
    m_tabs->addTab(buildBrokerTab(), QString());
    m_tabs->addTab(buildPublishTab(), QString());
    m_tabs->addTab(buildSubscriptionsTab(), QString());

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mqttSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_tabs);
    splitter->addWidget(buildFeed());
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 4);

    m_atPreview = new QPlainTextEdit(this);
    m_atPreview->setObjectName(QStringLiteral("atPreview"));
    m_atPreview->setReadOnly(true);
    m_atPreview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_atPreview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_atPreview->setMaximumHeight(fontMetrics().lineSpacing() * 7 + 12);
    m_atPreview->hide();

    m_statusIcon = new QLabel(this);
    m_statusIcon->setObjectName(QStringLiteral("statusIcon"));
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusIcon, 0, Qt::AlignTop);
    statusRow->addWidget(m_statusLabel, 1);

    auto *lay = new QVBoxLayout(this);
    lay->addLayout(header);
    lay->addWidget(splitter, 1);
    lay->addWidget(m_atPreview);
    lay->addLayout(statusRow);

    // Shortcuts: Ctrl+Return applies the current tab's form, F5 reads.
    for (const QKeySequence &ks : { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) }) {
        auto *sc = new QShortcut(ks, this);
        sc->setContext(Qt::WidgetWithChildrenShortcut);
        connect(sc, &QShortcut::activated, this, &MqttPage::applyCurrentTab);
    }
    auto *f5 = new QShortcut(QKeySequence(Qt::Key_F5), this);
    f5->setContext(Qt::WidgetWithChildrenShortcut);
    connect(f5, &QShortcut::activated, this, &MqttPage::read);

    connect(m_readButton, &QPushButton::clicked, this, &MqttPage::read);
    connect(m_showAtButton, &QToolButton::toggled, m_atPreview, &QWidget::setVisible);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MqttPage::updatePreview);

    connect(m_service, &atb::MqttService::busyChanged, this, &MqttPage::onBusyChanged);
    connect(m_service, &atb::MqttService::finished, this, &MqttPage::onFinished);
    connect(m_service, &atb::MqttService::messageReceived, this, &MqttPage::onMessage);
    connect(m_model, &atb::DeviceModel::mqttChanged, this, [this] {
        updateState();
        if (!isDirty())
            load();
    });
    connect(m_model, &atb::DeviceModel::dialectChanged, this, &MqttPage::validate);
    if (m_secrets)
        connect(m_secrets, &SecretStore::secretLoaded, this, &MqttPage::onSecretLoaded);

    retranslate();
    load();
    onBusyChanged(m_service->isBusy());
}

void MqttPage::applyErrorColour(QLabel *label) const
{
    // The console's error colour: derived from the palette, readable on light and dark themes.
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, ThemeColours::fromPalette(palette()).error);
    label->setPalette(pal);
}

QWidget *MqttPage::withError(QWidget *row, QWidget *input, const QByteArray &param, QHash<QByteArray, Field> *fields)
{
    auto *box = new QWidget(this);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(row);
    auto *err = new QLabel(box);
    err->setObjectName(input->objectName() + QStringLiteral("Error"));
    err->setWordWrap(true);
    err->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont f = err->font();
    f.setItalic(true);
    err->setFont(f);
    err->setProperty("atbFieldError", true);
    applyErrorColour(err);
    err->hide();
    v->addWidget(err);
    (*fields)[param] = Field { input, err };
    return box;
}

QWidget *MqttPage::buildBrokerTab()
{
    auto *page = new QWidget;
    auto newLabel = [this](const QString &key) {
        auto *l = new QLabel(this);
        m_labels.insert(key, l);
        return l;
    };

    // Client (AT+MQTTUSERCFG).
    auto *user = new QGroupBox(page);
    user->setObjectName(QStringLiteral("userGroup"));
    m_groups << user;
    m_scheme = new QComboBox(user);
    m_scheme->setObjectName(QStringLiteral("schemeCombo"));
    m_scheme->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_scheme->setMinimumContentsLength(24);
    for (int s = 1; s <= 10; ++s)
        m_scheme->addItem(QString(), s);
    m_clientId = new QLineEdit(user);
    m_clientId->setObjectName(QStringLiteral("clientIdEdit"));
    m_username = new QLineEdit(user);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_password = new QLineEdit(user);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_showPassword = new QToolButton(user);
    m_showPassword->setObjectName(QStringLiteral("showPasswordButton"));
    m_showPassword->setCheckable(true);
    m_rememberPassword = new QCheckBox(user);
    m_rememberPassword->setObjectName(QStringLiteral("rememberPasswordCheck"));
    auto *pwRow = new QWidget(user);
    auto *pwLay = new QHBoxLayout(pwRow);
    pwLay->setContentsMargins(0, 0, 0, 0);
    pwLay->addWidget(m_password, 1);
    pwLay->addWidget(m_showPassword);
    pwLay->addWidget(m_rememberPassword);
    m_path = new QLineEdit(user);
    m_path->setObjectName(QStringLiteral("pathEdit"));
    m_certNote = new QLabel(user);
    m_certNote->setObjectName(QStringLiteral("certNote"));
    m_certNote->setWordWrap(true);
    auto *uf = new QFormLayout(user);
    uf->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    uf->addRow(newLabel(QStringLiteral("scheme")), withError(m_scheme, m_scheme, "scheme", &m_configFields));
    uf->addRow(newLabel(QStringLiteral("clientId")), withError(m_clientId, m_clientId, "client_id", &m_configFields));
    uf->addRow(newLabel(QStringLiteral("username")), withError(m_username, m_username, "username", &m_configFields));
    uf->addRow(newLabel(QStringLiteral("password")), withError(pwRow, m_password, "password", &m_configFields));
    uf->addRow(newLabel(QStringLiteral("path")), withError(m_path, m_path, "path", &m_configFields));
    uf->addRow(newLabel(QStringLiteral("certs")), m_certNote);

    // Session (AT+MQTTCONNCFG, AT+MQTTALPN).
    auto *session = new QGroupBox(page);
    session->setObjectName(QStringLiteral("sessionGroup"));
    m_groups << session;
    m_keepAlive = new QSpinBox(session);
    m_keepAlive->setObjectName(QStringLiteral("keepAliveSpin"));
    m_keepAlive->setRange(0, 99999); // the catalog's 0..7200 is checked with a reason, not clamped
    m_cleanSession = new QCheckBox(session);
    m_cleanSession->setObjectName(QStringLiteral("cleanSessionCheck"));
    m_lwtTopic = new QLineEdit(session);
    m_lwtTopic->setObjectName(QStringLiteral("lwtTopicEdit"));
    m_lwtMessage = new QLineEdit(session);
    m_lwtMessage->setObjectName(QStringLiteral("lwtMessageEdit"));
    m_lwtQos = new QSpinBox(session);
    m_lwtQos->setObjectName(QStringLiteral("lwtQosSpin"));
    m_lwtQos->setRange(0, 9);
    m_lwtRetain = new QCheckBox(session);
    m_lwtRetain->setObjectName(QStringLiteral("lwtRetainCheck"));
    auto *lwtRow = new QWidget(session);
    auto *lwtLay = new QHBoxLayout(lwtRow);
    lwtLay->setContentsMargins(0, 0, 0, 0);
    lwtLay->addWidget(m_lwtQos);
    lwtLay->addWidget(m_lwtRetain);
    lwtLay->addStretch(1);
    m_alpn = new QLineEdit(session);
    m_alpn->setObjectName(QStringLiteral("alpnEdit"));
    auto *sf = new QFormLayout(session);
    sf->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *kaRow = new QWidget(session);
    auto *kaLay = new QHBoxLayout(kaRow);
    kaLay->setContentsMargins(0, 0, 0, 0);
    kaLay->addWidget(m_keepAlive);
    kaLay->addWidget(m_cleanSession);
    kaLay->addStretch(1);
    sf->addRow(newLabel(QStringLiteral("keepAlive")), withError(kaRow, m_keepAlive, "keepalive", &m_configFields));
    sf->addRow(newLabel(QStringLiteral("lwtTopic")), withError(m_lwtTopic, m_lwtTopic, "lwt_topic", &m_configFields));
    sf->addRow(newLabel(QStringLiteral("lwtMessage")), withError(m_lwtMessage, m_lwtMessage, "lwt_msg", &m_configFields));
    sf->addRow(newLabel(QStringLiteral("lwtQos")), withError(lwtRow, m_lwtQos, "lwt_qos", &m_configFields));
    sf->addRow(newLabel(QStringLiteral("alpn")), withError(m_alpn, m_alpn, "alpn", &m_configFields));

    // Broker (AT+MQTTCONN).
    auto *broker = new QGroupBox(page);
    broker->setObjectName(QStringLiteral("brokerGroup"));
    m_groups << broker;
    m_host = new QLineEdit(broker);
    m_host->setObjectName(QStringLiteral("hostEdit"));
    m_port = new QSpinBox(broker);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(0, 99999); // 1..65535 is checked with a reason
    m_reconnect = new QCheckBox(broker);
    m_reconnect->setObjectName(QStringLiteral("reconnectCheck"));
    auto *portRow = new QWidget(broker);
    auto *portLay = new QHBoxLayout(portRow);
    portLay->setContentsMargins(0, 0, 0, 0);
    portLay->addWidget(m_port);
    portLay->addWidget(m_reconnect);
    portLay->addStretch(1);
    auto *bf = new QFormLayout(broker);
    bf->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    bf->addRow(newLabel(QStringLiteral("host")), withError(m_host, m_host, "host", &m_connectFields));
    bf->addRow(newLabel(QStringLiteral("port")), withError(portRow, m_port, "port", &m_connectFields));

    m_applyButton = new QPushButton(page);
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    m_applyButton->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
    m_revertButton = new QPushButton(page);
    m_revertButton->setObjectName(QStringLiteral("revertButton"));
    m_revertButton->setIcon(style()->standardIcon(QStyle::SP_DialogResetButton));
    m_connectButton = new QPushButton(page);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_disconnectButton = new QPushButton(page);
    m_disconnectButton->setObjectName(QStringLiteral("disconnectButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_applyButton);
    buttons->addWidget(m_revertButton);
    buttons->addStretch(1);
    buttons->addWidget(m_connectButton);
    buttons->addWidget(m_disconnectButton);

    auto *inner = new QWidget;
    auto *v = new QVBoxLayout(inner);
    v->addWidget(broker);
    v->addWidget(user);
    v->addWidget(session);
    v->addStretch(1);
    auto *scroll = new QScrollArea(page);
    scroll->setObjectName(QStringLiteral("brokerScroll"));
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *outer = new QVBoxLayout(page);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll, 1);
    auto *buttonBox = new QWidget(page);
    buttonBox->setLayout(buttons);
    outer->addWidget(buttonBox);

    for (QLineEdit *e : { m_clientId, m_username, m_password, m_path, m_lwtTopic, m_lwtMessage, m_alpn, m_host })
        connect(e, &QLineEdit::textChanged, this, &MqttPage::markDirty);
    for (QSpinBox *s : { m_keepAlive, m_lwtQos, m_port })
        connect(s, &QSpinBox::valueChanged, this, &MqttPage::markDirty);
    for (QCheckBox *c : { m_cleanSession, m_lwtRetain, m_reconnect })
        connect(c, &QCheckBox::toggled, this, &MqttPage::markDirty);
    connect(m_scheme, &QComboBox::currentIndexChanged, this, &MqttPage::markDirty);
    connect(m_showPassword, &QToolButton::toggled, this, [this](bool on) {
        m_password->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        updatePreview();
    });
    connect(m_username, &QLineEdit::editingFinished, this, &MqttPage::maybeLoadSecret);
    connect(m_host, &QLineEdit::editingFinished, this, &MqttPage::maybeLoadSecret);
    connect(m_applyButton, &QPushButton::clicked, this, &MqttPage::apply);
    connect(m_revertButton, &QPushButton::clicked, this, &MqttPage::revert);
    connect(m_connectButton, &QPushButton::clicked, this, &MqttPage::connectToBroker);
    connect(m_disconnectButton, &QPushButton::clicked, this, &MqttPage::disconnectFromBroker);
    return page;
}

QWidget *MqttPage::buildPublishTab()
{
    auto *page = new QWidget;
    auto newLabel = [this](const QString &key) {
        auto *l = new QLabel(this);
        m_labels.insert(key, l);
        return l;
    };
    m_pubTopic = new QLineEdit(page);
    m_pubTopic->setObjectName(QStringLiteral("pubTopicEdit"));
    m_pubMode = new QComboBox(page);
    m_pubMode->setObjectName(QStringLiteral("pubModeCombo"));
    m_pubMode->addItem(QString(), false);
    m_pubMode->addItem(QString(), true);
    m_pubFormat = new QComboBox(page);
    m_pubFormat->setObjectName(QStringLiteral("pubFormatCombo"));
    m_pubFormat->addItem(QString(), 0);
    m_pubFormat->addItem(QString(), 1);
    m_pubFormat->addItem(QString(), 2);
    m_pubEscapes = new QCheckBox(page);
    m_pubEscapes->setObjectName(QStringLiteral("pubEscapesCheck"));
    auto *modeRow = new QWidget(page);
    auto *modeLay = new QHBoxLayout(modeRow);
    modeLay->setContentsMargins(0, 0, 0, 0);
    modeLay->addWidget(m_pubMode, 1);
    modeLay->addWidget(m_pubFormat, 1);
    m_pubPayload = new QPlainTextEdit(page);
    m_pubPayload->setObjectName(QStringLiteral("pubPayloadEdit"));
    m_pubPayload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_pubPayload->setTabChangesFocus(true);
    m_pubFile = new QLineEdit(page);
    m_pubFile->setObjectName(QStringLiteral("pubFileEdit"));
    m_pubFile->hide();
    auto *payloadBox = new QWidget(page);
    auto *pl = new QVBoxLayout(payloadBox);
    pl->setContentsMargins(0, 0, 0, 0);
    pl->addWidget(m_pubPayload, 1);
    m_pubBrowse = new QPushButton(page);
    m_pubBrowse->setObjectName(QStringLiteral("pubBrowseButton"));
    m_pubBrowse->hide();
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_pubFile, 1);
    fileRow->addWidget(m_pubBrowse);
    pl->addLayout(fileRow);
    pl->addWidget(m_pubEscapes);
    m_pubSize = new QLabel(page);
    m_pubSize->setObjectName(QStringLiteral("pubSizeLabel"));
    m_pubSize->setWordWrap(true);
    pl->addWidget(m_pubSize);
    m_pubQos = new QSpinBox(page);
    m_pubQos->setObjectName(QStringLiteral("pubQosSpin"));
    m_pubQos->setRange(0, 9);
    m_pubRetain = new QCheckBox(page);
    m_pubRetain->setObjectName(QStringLiteral("pubRetainCheck"));
    auto *qosRow = new QWidget(page);
    auto *qosLay = new QHBoxLayout(qosRow);
    qosLay->setContentsMargins(0, 0, 0, 0);
    qosLay->addWidget(m_pubQos);
    qosLay->addWidget(m_pubRetain);
    qosLay->addStretch(1);
    m_publishButton = new QPushButton(page);
    m_publishButton->setObjectName(QStringLiteral("publishButton"));
    m_publishButton->setIcon(style()->standardIcon(QStyle::SP_ArrowRight));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(newLabel(QStringLiteral("pubTopic")), withError(m_pubTopic, m_pubTopic, "topic", &m_publishFields));
    form->addRow(newLabel(QStringLiteral("pubMode")), modeRow);
    form->addRow(newLabel(QStringLiteral("pubPayload")), withError(payloadBox, m_pubPayload, "data", &m_publishFields));
    form->addRow(newLabel(QStringLiteral("pubQos")), withError(qosRow, m_pubQos, "qos", &m_publishFields));
    auto *v = new QVBoxLayout(page);
    v->addLayout(form, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_publishButton);
    v->addLayout(buttons);

    connect(m_pubTopic, &QLineEdit::textChanged, this, &MqttPage::validate);
    connect(m_pubPayload, &QPlainTextEdit::textChanged, this, &MqttPage::validate);
    connect(m_pubFile, &QLineEdit::textChanged, this, &MqttPage::validate);
    connect(m_pubEscapes, &QCheckBox::toggled, this, &MqttPage::validate);
    connect(m_pubQos, &QSpinBox::valueChanged, this, &MqttPage::validate);
    connect(m_pubRetain, &QCheckBox::toggled, this, &MqttPage::validate);
    connect(m_pubMode, &QComboBox::currentIndexChanged, this, &MqttPage::validate);
    connect(m_pubFormat, &QComboBox::currentIndexChanged, this, [this] {
        const int f = m_pubFormat->currentData().toInt();
        m_pubPayload->setVisible(f != 2);
        m_pubEscapes->setVisible(f == 0);
        m_pubFile->setVisible(f == 2);
        m_pubBrowse->setVisible(f == 2 && m_messages);
        if (f == 2)
            m_pubMode->setCurrentIndex(1); // a file is sent as it is
        updatePublishHints();
        validate();
    });
    connect(m_publishButton, &QPushButton::clicked, this, &MqttPage::publish);
    connect(m_pubBrowse, &QPushButton::clicked, this, [this] {
        if (!m_messages)
            return;
        const QString path = m_messages->openFileName(tr("Message file"), m_pubFile->text(), tr("All files (*)"));
        if (!path.isEmpty())
            m_pubFile->setText(path);
    });
    return page;
}

QWidget *MqttPage::buildSubscriptionsTab()
{
    auto *page = new QWidget;
    m_subTable = new QTableWidget(0, 2, page);
    m_subTable->setObjectName(QStringLiteral("subscriptionTable"));
    m_subTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_subTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_subTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_subTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_subTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_subTable->verticalHeader()->hide();
    m_subTopic = new QLineEdit(page);
    m_subTopic->setObjectName(QStringLiteral("subTopicEdit"));
    m_subQos = new QSpinBox(page);
    m_subQos->setObjectName(QStringLiteral("subQosSpin"));
    m_subQos->setRange(0, 9);
    m_subscribeButton = new QPushButton(page);
    m_subscribeButton->setObjectName(QStringLiteral("subscribeButton"));
    m_unsubscribeButton = new QPushButton(page);
    m_unsubscribeButton->setObjectName(QStringLiteral("unsubscribeButton"));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *l1 = new QLabel(this);
    m_labels.insert(QStringLiteral("subTopic"), l1);
    auto *l2 = new QLabel(this);
    m_labels.insert(QStringLiteral("subQos"), l2);
    form->addRow(l1, withError(m_subTopic, m_subTopic, "topic", &m_subscribeFields));
    auto *qosRow = new QWidget(page);
    auto *ql = new QHBoxLayout(qosRow);
    ql->setContentsMargins(0, 0, 0, 0);
    ql->addWidget(m_subQos);
    ql->addStretch(1);
    form->addRow(l2, withError(qosRow, m_subQos, "qos", &m_subscribeFields));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_unsubscribeButton);
    buttons->addWidget(m_subscribeButton);
    auto *v = new QVBoxLayout(page);
    v->addWidget(m_subTable, 1);
    v->addLayout(form);
    v->addLayout(buttons);

    connect(m_subTopic, &QLineEdit::textChanged, this, &MqttPage::validate);
    connect(m_subQos, &QSpinBox::valueChanged, this, &MqttPage::validate);
    connect(m_subTable, &QTableWidget::itemSelectionChanged, this, [this] {
        const QList<QTableWidgetItem *> sel = m_subTable->selectedItems();
        if (!sel.isEmpty()) {
            const int row = sel.first()->row();
            m_subTopic->setText(m_subTable->item(row, 0)->text());
            m_subQos->setValue(m_subTable->item(row, 1)->text().toInt());
        }
    });
    connect(m_subscribeButton, &QPushButton::clicked, this, &MqttPage::subscribe);
    connect(m_unsubscribeButton, &QPushButton::clicked, this, &MqttPage::unsubscribe);
    return page;
}

QWidget *MqttPage::buildFeed()
{
    auto *box = new QGroupBox(this);
    box->setObjectName(QStringLiteral("feedGroup"));
    m_groups << box;
    m_feed = new MqttMessageModel(kFeedCapacity, this);
    m_filter = new MqttMessageFilter(this);
    m_filter->setSourceModel(m_feed);
    m_feedFilterEdit = new QLineEdit(box);
    m_feedFilterEdit->setObjectName(QStringLiteral("feedFilterEdit"));
    m_feedFilterEdit->setClearButtonEnabled(true);
    m_feedFormat = new QComboBox(box);
    m_feedFormat->setObjectName(QStringLiteral("feedFormatCombo"));
    m_feedFormat->addItem(QString(), int(MqttMessageModel::PayloadFormat::Text));
    m_feedFormat->addItem(QString(), int(MqttMessageModel::PayloadFormat::Json));
    m_feedFormat->addItem(QString(), int(MqttMessageModel::PayloadFormat::Hex));
    m_pauseButton = new QToolButton(box);
    m_pauseButton->setObjectName(QStringLiteral("pauseButton"));
    m_pauseButton->setCheckable(true);
    m_pauseButton->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    m_pauseButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_clearButton = new QToolButton(box);
    m_clearButton->setObjectName(QStringLiteral("clearFeedButton"));
    m_clearButton->setIcon(style()->standardIcon(QStyle::SP_DialogResetButton));
    m_clearButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *tools = new QHBoxLayout;
    tools->addWidget(m_feedFilterEdit, 1);
    tools->addWidget(m_feedFormat);
    tools->addWidget(m_pauseButton);
    tools->addWidget(m_clearButton);

    m_feedView = new QTableView(box);
    m_feedView->setObjectName(QStringLiteral("feedView"));
    m_feedView->setModel(m_filter);
    m_feedView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_feedView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_feedView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_feedView->setWordWrap(false);
    m_feedView->verticalHeader()->hide();
    m_feedView->verticalHeader()->setDefaultSectionSize(fontMetrics().lineSpacing() + 6);
    m_feedView->horizontalHeader()->setStretchLastSection(true);
    m_feedView->horizontalHeader()->setSectionResizeMode(MqttMessageModel::TimeColumn, QHeaderView::ResizeToContents);
    m_feedView->horizontalHeader()->setSectionResizeMode(MqttMessageModel::QosColumn, QHeaderView::ResizeToContents);
    m_feedView->horizontalHeader()->setSectionResizeMode(MqttMessageModel::SizeColumn, QHeaderView::ResizeToContents);
    m_feedView->setColumnWidth(MqttMessageModel::TopicColumn, 170);
    m_feedDetail = new QPlainTextEdit(box);
    m_feedDetail->setObjectName(QStringLiteral("feedDetail"));
    m_feedDetail->setReadOnly(true);
    m_feedDetail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *split = new QSplitter(Qt::Vertical, box);
    split->setChildrenCollapsible(false);
    split->addWidget(m_feedView);
    split->addWidget(m_feedDetail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    m_feedCount = new QLabel(box);
    m_feedCount->setObjectName(QStringLiteral("feedCountLabel"));

    auto *v = new QVBoxLayout(box);
    v->addLayout(tools);
    v->addWidget(split, 1);
    v->addWidget(m_feedCount);

    connect(m_feedFilterEdit, &QLineEdit::textChanged, m_filter, &MqttMessageFilter::setTopicFilter);
    connect(m_feedFormat, &QComboBox::currentIndexChanged, this, [this] {
        m_feed->setFormat(MqttMessageModel::PayloadFormat(m_feedFormat->currentData().toInt()));
        showSelectedMessage();
    });
    connect(m_pauseButton, &QToolButton::toggled, this, &MqttPage::setPaused);
    connect(m_clearButton, &QToolButton::clicked, this, &MqttPage::clearFeed);
    connect(m_feedView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MqttPage::showSelectedMessage);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] { updateState(); });
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] { updateState(); });
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, [this] { updateState(); });
    return box;
}

// ---- reading the form ---------------------------------------------------------------------

MqttConfig MqttPage::config() const
{
    MqttConfig c;
    c.scheme = m_scheme->currentData().toInt();
    c.clientId = m_clientId->text();
    c.username = m_username->text();
    c.password = m_password->text();
    c.path = m_path->text();
    c.keepAlive = m_keepAlive->value();
    c.cleanSession = m_cleanSession->isChecked();
    c.lwtTopic = m_lwtTopic->text();
    c.lwtMessage = m_lwtMessage->text();
    c.lwtQos = m_lwtQos->value();
    c.lwtRetain = m_lwtRetain->isChecked();
    c.alpn = splitAlpn(m_alpn->text());
    return c;
}

MqttConnectSettings MqttPage::connectSettings() const
{
    MqttConnectSettings s;
    s.host = m_host->text().trimmed();
    s.port = m_port->value();
    s.reconnect = m_reconnect->isChecked();
    return s;
}

MqttPublishSettings MqttPage::publishSettings(QString *error) const
{
    MqttPublishSettings s;
    s.topic = m_pubTopic->text();
    s.qos = m_pubQos->value();
    s.retain = m_pubRetain->isChecked();
    s.raw = m_pubMode->currentData().toBool();
    QString err;
    switch (m_pubFormat->currentData().toInt()) {
    case 0: {
        const QByteArray text = m_pubPayload->toPlainText().toUtf8();
        if (m_pubEscapes->isChecked()) {
            bool ok = true;
            s.payload = unescape(text, &ok);
            if (!ok)
                err = tr("\\x needs two hex digits (escapes: \\r \\n \\t \\0 \\\\ \\xNN).");
        } else {
            s.payload = text;
        }
        break;
    }
    case 1: {
        bool ok = true;
        s.payload = parseHex(m_pubPayload->toPlainText(), &ok);
        if (!ok)
            err = tr("Not valid hex: use pairs of hex digits, optionally separated by blanks (0d 0a 00).");
        break;
    }
    default: {
        const QString path = m_pubFile->text().trimmed();
        if (path.isEmpty()) {
            err = tr("Enter the path of the file to publish.");
            break;
        }
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            err = tr("Cannot read %1: %2").arg(path, f.errorString());
            break;
        }
        if (f.size() > 1024 * 1024) {
            err = tr("The file is larger than 1 MiB; the module could not hold it.");
            break;
        }
        s.payload = f.readAll();
        break;
    }
    }
    if (error)
        *error = err;
    return s;
}

bool MqttPage::isDirty() const
{
    const MqttConnectSettings c = connectSettings();
    return config() != m_loadedConfig || c.host != m_loadedConnect.host || c.port != m_loadedConnect.port
        || c.reconnect != m_loadedConnect.reconnect;
}

// ---- model -> form ------------------------------------------------------------------------

void MqttPage::load()
{
    m_loading = true;
    const atb::MqttState st = m_model->mqtt();
    MqttConfig c = m_service->hasLastConfig() ? m_service->lastConfig() : MqttConfig();
    if (!m_service->hasLastConfig()) {
        if (st.scheme >= 1 && st.scheme <= 10)
            c.scheme = st.scheme;
        c.clientId = st.clientId;
        c.path = st.path;
        // Keep what the user typed for values the module never reports.
        c.username = m_username->text();
        c.password = m_password->text();
    }
    MqttConnectSettings conn = m_service->lastConnect();
    if (!st.host.isEmpty()) {
        conn.host = st.host;
        bool ok = false;
        const int p = st.port.toInt(&ok);
        if (ok)
            conn.port = p;
        conn.reconnect = st.reconnect;
    }

    m_scheme->setCurrentIndex(qMax(0, m_scheme->findData(c.scheme)));
    m_clientId->setText(c.clientId);
    m_username->setText(c.username);
    m_password->setText(c.password);
    m_path->setText(c.path);
    m_keepAlive->setValue(c.keepAlive);
    m_cleanSession->setChecked(c.cleanSession);
    m_lwtTopic->setText(c.lwtTopic);
    m_lwtMessage->setText(c.lwtMessage);
    m_lwtQos->setValue(c.lwtQos);
    m_lwtRetain->setChecked(c.lwtRetain);
    m_alpn->setText(c.alpn.join(QLatin1String(", ")));
    m_host->setText(conn.host);
    m_port->setValue(conn.port);
    m_reconnect->setChecked(conn.reconnect);
    m_loadedConfig = config();
    m_loadedConnect = connectSettings();
    m_loading = false;
    updateState();
    markDirty();
}

void MqttPage::updateState()
{
    const atb::MqttState st = m_model->mqtt();
    m_stateLabel->setText(tr("%1 — %2").arg(st.state).arg(atb::MqttState::stateText(st.state)));
    const bool connected = st.state >= 4;
    m_connectButton->setEnabled(!m_busy && !connected);
    m_disconnectButton->setEnabled(!m_busy && st.state != 0);

    // Subscriptions from the model.
    const QString selected = m_subTable->currentRow() >= 0 && m_subTable->item(m_subTable->currentRow(), 0)
                                 ? m_subTable->item(m_subTable->currentRow(), 0)->text()
                                 : QString();
    QSignalBlocker block(m_subTable);
    m_subTable->setRowCount(int(st.subscriptions.size()));
    for (int i = 0; i < st.subscriptions.size(); ++i) {
        m_subTable->setItem(i, 0, new QTableWidgetItem(st.subscriptions[i].topic));
        auto *q = new QTableWidgetItem(QString::number(st.subscriptions[i].qos));
        q->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_subTable->setItem(i, 1, q);
        if (st.subscriptions[i].topic == selected)
            m_subTable->selectRow(i);
    }

    QString count = tr("%n message(s)", nullptr, m_feed->rowCount());
    if (m_filter->rowCount() != m_feed->rowCount())
        count = tr("%1 shown of %2").arg(m_filter->rowCount()).arg(count);
    if (m_feed->droppedCount() > 0)
        count += tr("; %n older dropped (limit %1)", nullptr, int(qMin<qint64>(m_feed->droppedCount(), INT_MAX)))
                     .arg(m_feed->capacity());
    if (m_paused)
        count += tr("; paused, %n waiting", nullptr, int(m_pausedMessages.size()));
    m_feedCount->setText(count);
}

// ---- dirty, validation, preview ------------------------------------------------------------

void MqttPage::markDirty()
{
    if (m_loading)
        return;
    const bool dirty = isDirty();
    const int state = m_model->mqtt().state;
    m_applyButton->setEnabled(!m_busy && (dirty || state == 0 || state == 3 || !m_service->hasLastConfig()));
    m_revertButton->setEnabled(!m_busy && dirty);
    validate();
}

void MqttPage::clearErrors(QHash<QByteArray, Field> *fields)
{
    for (const Field &f : std::as_const(*fields)) {
        f.error->clear();
        f.error->hide();
    }
}

bool MqttPage::showPlanErrors(const OperationPlan &plan, QHash<QByteArray, Field> *fields)
{
    clearErrors(fields);
    if (plan.error.isEmpty())
        return true;
    QByteArray param = plan.errorParam;
    if (param.startsWith("alpn"))
        param = "alpn";
    if (param == "length")
        param = "data";
    if (param == "retain")
        param = "qos";
    if (param == "lwt_retain")
        param = "lwt_qos";
    if (param == "disable_clean_session")
        param = "keepalive";
    if (param == "reconnect")
        param = "port";
    const auto it = fields->constFind(param);
    if (it != fields->constEnd()) {
        // While typing, an empty required field is not an error yet; pressing the button shows it.
        auto *edit = qobject_cast<QLineEdit *>(it->input);
        if (!m_insist && edit && edit->text().trimmed().isEmpty())
            return false;
        it->error->setText(plan.error);
        it->error->show();
        return false;
    }
    // No field for it on this form: the status line says it (when a button was pressed).
    if (m_insist)
        setStatus(plan.error, true);
    return false;
}

void MqttPage::validate()
{
    if (m_loading)
        return;
    showPlanErrors(m_service->planConfigure(config()), &m_configFields);
    showPlanErrors(m_service->planConnect(connectSettings()), &m_connectFields);
    QString payloadError;
    const MqttPublishSettings pub = publishSettings(&payloadError);
    if (!payloadError.isEmpty()) {
        clearErrors(&m_publishFields);
        m_publishFields["data"].error->setText(payloadError);
        m_publishFields["data"].error->show();
    } else if (!pub.topic.isEmpty() || !pub.payload.isEmpty()) {
        showPlanErrors(m_service->planPublish(pub), &m_publishFields);
    } else {
        clearErrors(&m_publishFields);
    }
    if (!m_subTopic->text().isEmpty())
        showPlanErrors(m_service->planSubscribe(m_subTopic->text(), m_subQos->value()), &m_subscribeFields);
    else
        clearErrors(&m_subscribeFields);
    updatePublishHints();
    updatePreview();
}

void MqttPage::updatePublishHints()
{
    QString payloadError;
    const MqttPublishSettings pub = publishSettings(&payloadError);
    QString text = tr("%n byte(s)", nullptr, int(pub.payload.size()));
    if (!pub.raw)
        text += QStringLiteral(" — ") + tr("sent as a quoted string; \\ \" and , are escaped, NUL, CR and LF are not possible");
    else
        text += QStringLiteral(" — ") + tr("sent after the '>' prompt exactly as they are");
    m_pubSize->setText(text);
}

QList<QByteArray> MqttPage::previewLines() const
{
    switch (m_tabs->currentIndex()) {
    case BrokerTab: {
        const OperationPlan a = m_service->planConfigure(config());
        const OperationPlan b = m_service->planConnect(connectSettings());
        return a.lines() + b.lines();
    }
    case PublishTab: {
        QString err;
        const MqttPublishSettings s = publishSettings(&err);
        return err.isEmpty() ? m_service->planPublish(s).lines() : QList<QByteArray>();
    }
    default:
        return m_service->planSubscribe(m_subTopic->text(), m_subQos->value()).lines();
    }
}

void MqttPage::updatePreview()
{
    if (m_loading)
        return;
    const atb::AtEncoder enc(m_model->dialect());
    const bool showSecrets = m_showPassword->isChecked();
    QStringList out;
    auto add = [&](const QString &title, const OperationPlan &plan) {
        out << QStringLiteral("# ") + title;
        if (!plan.error.isEmpty()) {
            out << QStringLiteral("#   ") + tr("nothing is sent: %1").arg(plan.error);
            return;
        }
        for (int i = 0; i < plan.commands.size(); ++i) {
            const QByteArray &line = plan.commands[i].line;
            QString shown = QString::fromUtf8(showSecrets ? line : enc.redact(line));
            const QString note = plan.notes.value(i);
            out << shown;
            if (!note.isEmpty())
                out << QStringLiteral("#   ") + note;
            if (!plan.commands[i].payload.isEmpty())
                out << QStringLiteral("#   > ")
                           + MqttMessageModel::render(plan.commands[i].payload.left(64),
                                                      MqttMessageModel::PayloadFormat::Text, true)
                           + (plan.commands[i].payload.size() > 64 ? QStringLiteral(" …") : QString());
        }
    };
    switch (m_tabs->currentIndex()) {
    case BrokerTab:
        add(tr("Apply (Ctrl+Return):"), m_service->planConfigure(config()));
        add(tr("Connect:"), m_service->planConnect(connectSettings()));
        add(tr("Disconnect:"), m_service->planDisconnect());
        break;
    case PublishTab: {
        QString err;
        const MqttPublishSettings s = publishSettings(&err);
        OperationPlan p;
        if (err.isEmpty())
            p = m_service->planPublish(s);
        else
            p.error = err;
        add(tr("Publish (Ctrl+Return):"), p);
        break;
    }
    default:
        add(tr("Subscribe (Ctrl+Return):"), m_service->planSubscribe(m_subTopic->text(), m_subQos->value()));
        add(tr("Unsubscribe:"), m_service->planUnsubscribe(m_subTopic->text()));
        break;
    }
    add(tr("Read (F5):"), m_service->planRead());
    m_atPreview->setPlainText(out.join(QLatin1Char('\n')));
}

QString MqttPage::fieldError(const QByteArray &param) const
{
    const QHash<QByteArray, Field> *fields = nullptr;
    switch (m_tabs->currentIndex()) {
    case BrokerTab:
        fields = m_connectFields.contains(param) && !m_configFields.contains(param) ? &m_connectFields : &m_configFields;
        break;
    case PublishTab: fields = &m_publishFields; break;
    default: fields = &m_subscribeFields; break;
    }
    const auto it = fields->constFind(param);
    return it == fields->constEnd() || it->error->isHidden() ? QString() : it->error->text();
}

QString MqttPage::statusText() const
{
    return m_status;
}

void MqttPage::setStatus(const QString &text, bool problem)
{
    m_status = text;
    m_statusLabel->setText(text);
    m_statusProblem = problem;
    QPalette pal = palette();
    if (problem)
        pal.setColor(QPalette::WindowText, ThemeColours::fromPalette(palette()).error);
    m_statusLabel->setPalette(pal);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_statusIcon->setPixmap(text.isEmpty() ? QPixmap()
                                           : style()
                                                 ->standardIcon(problem ? QStyle::SP_MessageBoxWarning
                                                                        : QStyle::SP_MessageBoxInformation)
                                                 .pixmap(size, size));
}

void MqttPage::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

// ---- actions -----------------------------------------------------------------------------

void MqttPage::applyCurrentTab()
{
    switch (m_tabs->currentIndex()) {
    case BrokerTab: apply(); break;
    case PublishTab: publish(); break;
    default: subscribe(); break;
    }
}

void MqttPage::apply()
{
    if (m_busy)
        return;
    const QScopedValueRollback<bool> insist(m_insist, true);
    const MqttConfig c = config();
    const OperationPlan check = m_service->planConfigure(c);
    if (!showPlanErrors(check, &m_configFields)) {
        setStatus(tr("Not sent: %1").arg(check.error), true);
        return;
    }
    if (m_secrets) {
        const QString key = secretKey();
        if (m_rememberPassword->isChecked() && !c.password.isEmpty())
            m_secrets->save(key, c.password);
        else if (!m_rememberPassword->isChecked())
            m_secrets->remove(key);
    }
    const OperationPlan p = m_service->configure(c);
    if (!p.error.isEmpty())
        setStatus(p.error, true);
}

void MqttPage::revert()
{
    load();
    setStatus(tr("Form reverted to the module's values."), false);
}

void MqttPage::read()
{
    if (m_busy)
        return;
    const OperationPlan p = m_service->read();
    if (!p.error.isEmpty())
        setStatus(p.error, true);
}

void MqttPage::prepareScreenshot()
{
    read();
}

void MqttPage::connectToBroker()
{
    if (m_busy)
        return;
    const QScopedValueRollback<bool> insist(m_insist, true);
    const OperationPlan check = m_service->planConnect(connectSettings());
    if (!showPlanErrors(check, &m_connectFields)) {
        setStatus(tr("Not sent: %1").arg(check.error), true);
        return;
    }
    const OperationPlan p = m_service->connectToBroker(connectSettings());
    if (!p.error.isEmpty())
        setStatus(p.error, true);
}

void MqttPage::disconnectFromBroker()
{
    if (m_busy)
        return;
    const OperationPlan p = m_service->disconnectFromBroker();
    if (!p.error.isEmpty())
        setStatus(p.error, true);
}

void MqttPage::publish()
{
    if (m_busy)
        return;
    const QScopedValueRollback<bool> insist(m_insist, true);
    QString err;
    const MqttPublishSettings s = publishSettings(&err);
    if (!err.isEmpty()) {
        clearErrors(&m_publishFields);
        m_publishFields["data"].error->setText(err);
        m_publishFields["data"].error->show();
        setStatus(tr("Not sent: %1").arg(err), true);
        return;
    }
    const OperationPlan check = m_service->planPublish(s);
    if (!showPlanErrors(check, &m_publishFields)) {
        setStatus(tr("Not sent: %1").arg(check.error), true);
        return;
    }
    const OperationPlan p = m_service->publish(s);
    if (!p.error.isEmpty())
        setStatus(p.error, true);
}

void MqttPage::subscribe()
{
    if (m_busy)
        return;
    const QScopedValueRollback<bool> insist(m_insist, true);
    const OperationPlan check = m_service->planSubscribe(m_subTopic->text(), m_subQos->value());
    if (!showPlanErrors(check, &m_subscribeFields)) {
        setStatus(tr("Not sent: %1").arg(check.error), true);
        return;
    }
    const OperationPlan p = m_service->subscribe(m_subTopic->text(), m_subQos->value());
    if (!p.error.isEmpty())
        setStatus(p.error, true);
}

void MqttPage::unsubscribe()
{
    if (m_busy)
        return;
    const QScopedValueRollback<bool> insist(m_insist, true);
    const OperationPlan check = m_service->planUnsubscribe(m_subTopic->text());
    if (!showPlanErrors(check, &m_subscribeFields)) {
        setStatus(tr("Not sent: %1").arg(check.error), true);
        return;
    }
    const OperationPlan p = m_service->unsubscribe(m_subTopic->text());
    if (!p.error.isEmpty())
        setStatus(p.error, true);
}

void MqttPage::onBusyChanged(bool busy)
{
    m_busy = busy;
    // Disabling the form takes the keyboard focus away; give it back afterwards so the
    // shortcuts (Ctrl+Return, F5) keep working without a click.
    if (busy) {
        QWidget *fw = QApplication::focusWidget();
        m_focusBeforeBusy = fw && isAncestorOf(fw) ? fw : nullptr;
    }
    m_tabs->setEnabled(!busy);
    m_readButton->setEnabled(!busy);
    m_busyIndicator->setVisible(busy);
    if (busy)
        setStatus(tr("Working…"), false);
    updateState();
    markDirty();
    if (!busy && m_focusBeforeBusy && m_focusBeforeBusy->isEnabled() && m_focusBeforeBusy->isVisible())
        m_focusBeforeBusy->setFocus();
}

void MqttPage::onFinished(const atb::OperationResult &result)
{
    setStatus(result.message, !result.ok);
    if (result.ok && !isDirty())
        load();
    else if (result.ok)
        markDirty();
    // After a successful Apply the module holds the form's values: take them as loaded.
    if (result.ok && m_service->hasLastConfig() && m_service->lastConfig() == config()) {
        m_loadedConfig = config();
        m_loadedConnect = connectSettings();
        markDirty();
    }
}

void MqttPage::onMessage(const MqttMessage &message)
{
    if (m_paused) {
        m_pausedMessages << message;
        if (m_pausedMessages.size() > kFeedCapacity)
            m_pausedMessages.erase(m_pausedMessages.begin(), m_pausedMessages.begin() + (m_pausedMessages.size() - kFeedCapacity));
        updateState();
        return;
    }
    const bool follow = !m_feedView->currentIndex().isValid()
        || m_feedView->currentIndex().row() == m_filter->rowCount() - 1;
    m_feed->append(message);
    if (follow)
        m_feedView->scrollToBottom();
    updateState();
}

void MqttPage::setPaused(bool paused)
{
    if (m_pauseButton->isChecked() != paused)
        m_pauseButton->setChecked(paused); // comes back here through toggled()
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (!paused && !m_pausedMessages.isEmpty()) {
        m_feed->append(m_pausedMessages);
        m_pausedMessages.clear();
        m_feedView->scrollToBottom();
    }
    m_pauseButton->setIcon(style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    retranslate();
    updateState();
}

void MqttPage::clearFeed()
{
    m_feed->clear();
    m_pausedMessages.clear();
    m_feedDetail->clear();
    updateState();
}

void MqttPage::showSelectedMessage()
{
    const QModelIndex i = m_filter->mapToSource(m_feedView->currentIndex());
    if (!i.isValid()) {
        m_feedDetail->clear();
        return;
    }
    const MqttMessage m = m_feed->message(i.row());
    m_feedDetail->setPlainText(MqttMessageModel::render(m.payload, m_feed->format(), false));
}

// ---- secrets -----------------------------------------------------------------------------

QString MqttPage::secretKey() const
{
    return QStringLiteral("mqtt/%1/%2").arg(m_host->text().trimmed(), m_username->text());
}

void MqttPage::maybeLoadSecret()
{
    if (m_secrets && m_password->text().isEmpty() && !m_host->text().trimmed().isEmpty())
        m_secrets->load(secretKey());
}

void MqttPage::onSecretLoaded(const QString &key, const QString &secret, bool found)
{
    if (!found || key != secretKey() || !m_password->text().isEmpty())
        return;
    m_password->setText(secret);
    m_rememberPassword->setChecked(true);
}

// ---- look --------------------------------------------------------------------------------

QIcon MqttPage::pageIcon() const
{
    // Two "broadcast" arcs around a dot, drawn from the palette.
    QIcon icon;
    for (int size : { 16, 24, 32, 48 }) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        const qreal s = size / 24.0;
        QPen pen(palette().color(QPalette::Text), 1.8 * s);
        pen.setCapStyle(Qt::RoundCap);
        p.setPen(pen);
        p.setBrush(palette().color(QPalette::Text));
        p.drawEllipse(QPointF(12 * s, 12 * s), 2 * s, 2 * s);
        p.setBrush(Qt::NoBrush);
        for (qreal r : { 6.0, 10.0 }) {
            const QRectF box((12 - r) * s, (12 - r) * s, 2 * r * s, 2 * r * s);
            p.drawArc(box, -45 * 16, 90 * 16);
            p.drawArc(box, 135 * 16, 90 * 16);
        }
        p.end();
        icon.addPixmap(pm);
    }
    return icon;
}

void MqttPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange) {
        setWindowIcon(pageIcon());
        for (QLabel *l : findChildren<QLabel *>())
            if (l->property("atbFieldError").toBool())
                applyErrorColour(l);
        setStatus(m_status, m_statusProblem);
    }
    QWidget::changeEvent(event);
}

void MqttPage::retranslate()
{
    setWindowTitle(tr("MQTT"));
    setToolTip(tr("MQTT client of the module: configure, connect, publish, subscribe, watch messages"));
    setWindowIcon(pageIcon());

    m_stateCaption->setText(tr("MQTT state:"));
    m_readButton->setText(tr("Read"));
    m_readButton->setToolTip(tr("Ask the module for its MQTT state and subscriptions (F5)"));
    m_showAtButton->setText(tr("Show AT"));
    m_showAtButton->setToolTip(tr("Show the exact AT command lines this form sends"));
    m_tabs->setTabText(BrokerTab, tr("Broker"));
    m_tabs->setTabText(PublishTab, tr("Publish"));
    m_tabs->setTabText(SubscriptionsTab, tr("Subscriptions"));

    static_cast<QGroupBox *>(m_groups[0])->setTitle(tr("Client (AT+MQTTUSERCFG)"));
    static_cast<QGroupBox *>(m_groups[1])->setTitle(tr("Session (AT+MQTTCONNCFG, AT+MQTTALPN)"));
    static_cast<QGroupBox *>(m_groups[2])->setTitle(tr("Broker (AT+MQTTCONN)"));
    static_cast<QGroupBox *>(m_groups[3])->setTitle(tr("Received messages"));

    const QHash<QString, QString> texts {
        { QStringLiteral("scheme"), tr("Scheme:") },
        { QStringLiteral("clientId"), tr("Client ID:") },
        { QStringLiteral("username"), tr("User name:") },
        { QStringLiteral("password"), tr("Password:") },
        { QStringLiteral("path"), tr("Path:") },
        { QStringLiteral("certs"), tr("Certificates:") },
        { QStringLiteral("keepAlive"), tr("Keep-alive:") },
        { QStringLiteral("lwtTopic"), tr("Last-will topic:") },
        { QStringLiteral("lwtMessage"), tr("Last-will message:") },
        { QStringLiteral("lwtQos"), tr("Last-will QoS:") },
        { QStringLiteral("alpn"), tr("ALPN:") },
        { QStringLiteral("host"), tr("Host:") },
        { QStringLiteral("port"), tr("Port:") },
        { QStringLiteral("pubTopic"), tr("Topic:") },
        { QStringLiteral("pubMode"), tr("Send as:") },
        { QStringLiteral("pubPayload"), tr("Message:") },
        { QStringLiteral("pubQos"), tr("QoS:") },
        { QStringLiteral("subTopic"), tr("Topic:") },
        { QStringLiteral("subQos"), tr("QoS:") },
    };
    for (auto it = m_labels.begin(); it != m_labels.end(); ++it)
        it.value()->setText(texts.value(it.key()));

    {
        QSignalBlocker b(m_scheme);
        for (int i = 0; i < m_scheme->count(); ++i) {
            const int s = m_scheme->itemData(i).toInt();
            m_scheme->setItemText(i, tr("%1 — %2").arg(s).arg(atb::MqttService::schemeText(s)));
            m_scheme->setItemData(i, atb::MqttService::schemeText(s), Qt::ToolTipRole);
        }
    }
    m_clientId->setPlaceholderText(tr("required; long IDs go through AT+MQTTCLIENTID"));
    m_username->setPlaceholderText(tr("optional"));
    m_password->setPlaceholderText(tr("optional; never written to settings or logs"));
    m_showPassword->setText(tr("Show"));
    m_showPassword->setToolTip(tr("Show the password (also in \"Show AT\")"));
    m_rememberPassword->setText(tr("Remember"));
    m_rememberPassword->setToolTip(m_secrets && m_secrets->isAvailable()
                                       ? tr("Keep the password in the system keychain for this host and user")
                                       : tr("Keep the password for this host and user (needs a keychain; without "
                                            "one it is not stored)"));
    m_path->setPlaceholderText(tr("WebSocket resource path, at most 32 bytes"));
    m_certNote->setText(tr("client certificate/key ID 0 and CA ID 0 (only 0 is supported)"));
    m_certNote->setToolTip(tr("Used by schemes 3–5 and 8–10; the certificates live in the module's flash"));
    m_keepAlive->setSuffix(tr(" s"));
    m_keepAlive->setSpecialValueText(tr("0 = 120 s"));
    m_keepAlive->setToolTip(tr("Keep-alive in seconds, 0 to 7200; 0 means 120 s"));
    m_cleanSession->setText(tr("Clean session"));
    m_lwtTopic->setPlaceholderText(tr("optional, at most 128 bytes"));
    m_lwtMessage->setPlaceholderText(tr("at most 64 bytes"));
    m_lwtQos->setToolTip(tr("0 at most once, 1 at least once, 2 exactly once"));
    m_lwtRetain->setText(tr("Retain"));
    m_alpn->setPlaceholderText(tr("up to 5 names, separated by commas (TLS and WSS only)"));
    m_host->setPlaceholderText(tr("host name or IPv4 address, at most 128 bytes"));
    m_port->setToolTip(tr("1 to 65535"));
    m_reconnect->setText(tr("Reconnect automatically"));
    m_applyButton->setText(tr("Apply"));
    m_applyButton->setToolTip(tr("Send the client and session configuration (Ctrl+Return)"));
    m_revertButton->setText(tr("Revert"));
    m_connectButton->setText(tr("Connect"));
    m_disconnectButton->setText(tr("Disconnect"));
    m_disconnectButton->setToolTip(tr("AT+MQTTCLEAN: close the connection and release the configuration"));

    m_pubTopic->setPlaceholderText(tr("at most 128 bytes"));
    m_pubMode->setItemText(0, tr("String (AT+MQTTPUB)"));
    m_pubMode->setItemText(1, tr("Raw bytes (AT+MQTTPUBRAW)"));
    m_pubFormat->setItemText(0, tr("Text"));
    m_pubFormat->setItemText(1, tr("Hex"));
    m_pubFormat->setItemText(2, tr("File"));
    m_pubEscapes->setText(tr("Interpret \\r \\n \\t \\0 \\\\ \\xNN"));
    m_pubFile->setPlaceholderText(tr("path of the file to publish (sent raw, up to 1 MiB)"));
    m_pubBrowse->setText(tr("Browse…"));
    m_pubQos->setToolTip(tr("0 at most once, 1 at least once, 2 exactly once"));
    m_pubRetain->setText(tr("Retain"));
    m_publishButton->setText(tr("Publish"));
    m_publishButton->setToolTip(tr("Ctrl+Return"));

    m_subTable->setHorizontalHeaderLabels({ tr("Topic"), tr("QoS") });
    m_subTopic->setPlaceholderText(tr("topic or filter with + and #, at most 128 bytes"));
    m_subQos->setToolTip(tr("0 at most once, 1 at least once, 2 exactly once"));
    m_subscribeButton->setText(tr("Subscribe"));
    m_subscribeButton->setToolTip(tr("Ctrl+Return"));
    m_unsubscribeButton->setText(tr("Unsubscribe"));

    m_feedFilterEdit->setPlaceholderText(tr("Filter: text, or topic filter with + #"));
    m_feedFormat->setItemText(0, tr("Text"));
    m_feedFormat->setItemText(1, tr("JSON"));
    m_feedFormat->setItemText(2, tr("Hex"));
    m_pauseButton->setText(m_paused ? tr("Resume") : tr("Pause"));
    m_clearButton->setText(tr("Clear"));

    updateState();
    updatePublishHints();
    updatePreview();
}
