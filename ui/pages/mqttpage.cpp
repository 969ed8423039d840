#include "mqttpage.h"

#include "model/devicemodel.h"
#include "mqttbrokerform.h"
#include "mqttpublishform.h"
#include "mqttsubscriptionsform.h"
#include "pagecommon.h"
#include "protocol/atencoder.h"
#include "widgets/mqttmessagefeed.h"
#include "widgets/mqttmessagemodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

using atb::MqttConfig;
using atb::MqttConnectSettings;
using atb::MqttPublishSettings;
using atb::OperationPlan;

namespace {

const QByteArray kConfigure = MqttBrokerForm::kConfigure;
const QByteArray kConnect = MqttBrokerForm::kConnect;
const QByteArray kPublish = MqttPublishForm::kScope;
const QByteArray kSubscribe = MqttSubscriptionsForm::kScope;

// Two "broadcast" arcs around a dot, drawn from the palette.
QIcon broadcastIcon(const QPalette &pal)
{
    return paletteIcon([&pal](QPainter &p, qreal s) {
        QPen pen(pal.color(QPalette::Text), 1.8 * s);
        pen.setCapStyle(Qt::RoundCap);
        p.setPen(pen);
        p.setBrush(pal.color(QPalette::Text));
        p.drawEllipse(QPointF(12 * s, 12 * s), 2 * s, 2 * s);
        p.setBrush(Qt::NoBrush);
        for (qreal r : { 6.0, 10.0 }) {
            const QRectF box((12 - r) * s, (12 - r) * s, 2 * r * s, 2 * r * s);
            p.drawArc(box, -45 * 16, 90 * 16);
            p.drawArc(box, 135 * 16, 90 * 16);
        }
    });
}

} // namespace

MqttPage::MqttPage(atb::DeviceModel *model, atb::MqttService *service, SecretStore *secrets, Messages *messages,
                   QWidget *parent)
    : FormPage(parent), m_model(model), m_service(service)
{
    setObjectName(QStringLiteral("mqttPage"));

    // The module's MQTT state on top.
    m_stateCaption = new QLabel(this);
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    QFont bold = m_stateLabel->font();
    bold.setBold(true);
    m_stateLabel->setFont(bold);
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *header = new QHBoxLayout;
    header->addWidget(m_stateCaption);
    header->addWidget(m_stateLabel, 1);

    m_broker = new MqttBrokerForm(&fieldErrors(), secrets, this);
    m_publish = new MqttPublishForm(&fieldErrors(), messages, this);
    m_subscriptions = new MqttSubscriptionsForm(&fieldErrors(), this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mqttTabs"));
    m_tabs->addTab(m_broker, QString());
    m_tabs->addTab(m_publish, QString());
    m_tabs->addTab(m_subscriptions, QString());
    m_feed = new MqttMessageFeed(this);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mqttSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_feed);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 4);

    auto *form = new QWidget(this);
    auto *lay = new QVBoxLayout(form);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addLayout(header);
    lay->addWidget(splitter, 1);
    setForm(form);
    setBusyWidgets({ m_tabs }); // the feed keeps running while the module works
    readButton()->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    applyButton()->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
    revertButton()->setIcon(style()->standardIcon(QStyle::SP_DialogResetButton));

    connect(m_broker, &MqttBrokerForm::edited, this, &MqttPage::markDirty);
    connect(m_broker, &MqttBrokerForm::passwordShownChanged, this, &MqttPage::updatePreview);
    connect(m_broker, &MqttBrokerForm::connectRequested, this, &MqttPage::connectToBroker);
    connect(m_broker, &MqttBrokerForm::disconnectRequested, this, &MqttPage::disconnectFromBroker);
    connect(m_publish, &MqttPublishForm::edited, this, &MqttPage::validate);
    connect(m_publish, &MqttPublishForm::publishRequested, this, &MqttPage::publish);
    connect(m_subscriptions, &MqttSubscriptionsForm::edited, this, &MqttPage::validate);
    connect(m_subscriptions, &MqttSubscriptionsForm::subscribeRequested, this, &MqttPage::subscribe);
    connect(m_subscriptions, &MqttSubscriptionsForm::unsubscribeRequested, this, &MqttPage::unsubscribe);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        // Apply and Revert are the Broker tab's (the other tabs have their own button).
        applyButton()->setVisible(m_tabs->currentIndex() == BrokerTab);
        revertButton()->setVisible(m_tabs->currentIndex() == BrokerTab);
        updatePreview();
    });

    connect(m_service, &atb::MqttService::busyChanged, this, &MqttPage::onBusyChanged);
    connect(m_service, &atb::MqttService::finished, this, &MqttPage::onFinished);
    connect(m_service, &atb::MqttService::messageReceived, m_feed, &MqttMessageFeed::append);
    connect(m_model, &atb::DeviceModel::mqttChanged, this, [this] {
        updateState();
        if (!isDirty())
            load();
    });
    connect(m_model, &atb::DeviceModel::dialectChanged, this, &MqttPage::validate);

    // Capabilities: firmware built without MQTT has none of the page's commands.
    requireCommands(m_tabs, { QStringLiteral("AT+MQTTUSERCFG"), QStringLiteral("AT+MQTTCONN") });
    retranslate();
    load();
    onBusyChanged(m_service->isBusy());
}

// ---- the forms ----------------------------------------------------------------------------

MqttConfig MqttPage::config() const
{
    return m_broker->config();
}

MqttConnectSettings MqttPage::connectSettings() const
{
    return m_broker->connectSettings();
}

MqttPublishSettings MqttPage::publishSettings(QString *error) const
{
    return m_publish->settings(error);
}

MqttMessageModel *MqttPage::feedModel() const
{
    return m_feed->model();
}

MqttMessageFilter *MqttPage::feedFilter() const
{
    return m_feed->filter();
}

bool MqttPage::isDirty() const
{
    const MqttConnectSettings c = connectSettings();
    return config() != m_loadedConfig || c.host != m_loadedConnect.host || c.port != m_loadedConnect.port
        || c.reconnect != m_loadedConnect.reconnect;
}

bool MqttPage::canApply() const
{
    // Also unchanged values may need sending: after a release (state 0), a broker loss (3), or
    // when this session has not configured the module yet.
    const int state = m_model->mqtt().state;
    return isDirty() || state == 0 || state == 3 || !m_service->hasLastConfig();
}

bool MqttPage::configurationPending() const
{
    return !m_service->hasLastConfig() || m_service->lastConfig() != config() || m_model->mqtt().state == 0;
}

void MqttPage::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

// ---- model -> form ------------------------------------------------------------------------

void MqttPage::load()
{
    const QScopedValueRollback<bool> loading(m_loading, true);
    const atb::MqttState st = m_model->mqtt();
    MqttConfig c = m_service->hasLastConfig() ? m_service->lastConfig() : MqttConfig();
    if (!m_service->hasLastConfig()) {
        if (st.scheme >= 1 && st.scheme <= 10)
            c.scheme = st.scheme;
        c.clientId = st.clientId;
        c.path = st.path;
        // Keep what the user typed for values the module never reports.
        c.username = config().username;
        c.password = config().password;
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
    m_broker->setValues(c, conn);
    m_loadedConfig = config();
    m_loadedConnect = connectSettings();
    updateState();
    m_loading = false;
    markDirty();
}

void MqttPage::updateState()
{
    const atb::MqttState st = m_model->mqtt();
    m_stateLabel->setText(tr("%1 — %2").arg(st.state).arg(atb::MqttState::stateText(st.state)));
    m_broker->setMqttState(st.state, isBusy());
    m_subscriptions->setSubscriptions(st.subscriptions);
}

// ---- dirty, validation, preview ------------------------------------------------------------

void MqttPage::markDirty()
{
    if (m_loading)
        return;
    m_broker->setMustMove(m_service->fieldsThatMustMove(config()));
    updateButtons();
    validate();
}

bool MqttPage::check(const OperationPlan &plan, const QByteArray &scope)
{
    clearFieldErrors(scope);
    if (plan.ok())
        return true;
    if (QWidget *input = fieldErrors().input(plan.errorParam, scope)) {
        // While typing, an empty required field is not an error yet; pressing the button shows it.
        auto *edit = qobject_cast<QLineEdit *>(input);
        if (m_insist || !edit || !edit->text().trimmed().isEmpty())
            showFieldError(plan.errorParam, plan.error, scope);
    } else if (m_insist) {
        // No field for it on this form: the status line says it.
        setStatus(plan.error, true);
    }
    return false;
}

void MqttPage::validate()
{
    if (m_loading)
        return;
    const OperationPlan configure = m_service->planConfigure(config());
    check(configure, kConfigure);
    m_broker->setConnectHint(configurationPending() ? configure.error : QString());
    check(m_service->planConnect(connectSettings()), kConnect);
    QString payloadError;
    const MqttPublishSettings pub = publishSettings(&payloadError);
    if (!payloadError.isEmpty())
        check(OperationPlan::failure(payloadError, "data"), kPublish);
    else if (m_publish->isStarted())
        check(m_service->planPublish(pub), kPublish);
    else
        clearFieldErrors(kPublish);
    if (!m_subscriptions->topic().isEmpty())
        check(m_service->planSubscribe(m_subscriptions->topic(), m_subscriptions->qos()), kSubscribe);
    else
        clearFieldErrors(kSubscribe);
    updatePreview();
}

QList<QByteArray> MqttPage::previewLines() const
{
    switch (m_tabs->currentIndex()) {
    case BrokerTab:
        return m_service->planConfigure(config()).lines() + m_service->planConnect(connectSettings()).lines();
    case PublishTab: {
        QString err;
        const MqttPublishSettings s = publishSettings(&err);
        return err.isEmpty() ? m_service->planPublish(s).lines() : QList<QByteArray>();
    }
    default:
        return m_service->planSubscribe(m_subscriptions->topic(), m_subscriptions->qos()).lines();
    }
}

void MqttPage::updatePreview()
{
    if (m_loading)
        return;
    const atb::AtEncoder enc(m_model->dialect());
    const bool showSecrets = m_broker->passwordShown();
    AtPreviewText text([&enc, showSecrets](const QByteArray &l) { return showSecrets ? l : enc.redact(l); });
    text.withPayloads([](const QByteArray &payload) {
        return MqttMessageModel::render(payload.left(64), MqttMessageModel::PayloadFormat::Text, true)
            + (payload.size() > 64 ? QStringLiteral(" …") : QString());
    });
    switch (m_tabs->currentIndex()) {
    case BrokerTab:
        text.section(tr("Apply (Ctrl+Return):"), m_service->planConfigure(config()));
        text.section(configurationPending() ? tr("Connect (the configuration first, it is not on the module yet):")
                                            : tr("Connect:"),
                     configurationPending() ? m_service->planConfigureAndConnect(config(), connectSettings())
                                            : m_service->planConnect(connectSettings()));
        text.section(tr("Disconnect:"), m_service->planDisconnect());
        break;
    case PublishTab: {
        QString err;
        const MqttPublishSettings s = publishSettings(&err);
        text.section(tr("Publish (Ctrl+Return):"), err.isEmpty() ? m_service->planPublish(s) : OperationPlan::failure(err));
        break;
    }
    default:
        text.section(tr("Subscribe (Ctrl+Return):"),
                     m_service->planSubscribe(m_subscriptions->topic(), m_subscriptions->qos()));
        text.section(tr("Unsubscribe:"), m_service->planUnsubscribe(m_subscriptions->topic()));
        break;
    }
    text.section(tr("Read (F5):"), m_service->planRead());
    setPreviewText(text.text());
}

// ---- actions -----------------------------------------------------------------------------

void MqttPage::applyFromShortcut()
{
    switch (m_tabs->currentIndex()) {
    case BrokerTab: apply(); break;
    case PublishTab: publish(); break;
    default: subscribe(); break;
    }
}

void MqttPage::run(const OperationPlan &plan, const QByteArray &scope, const std::function<OperationPlan()> &start)
{
    if (isBusy())
        return;
    const QScopedValueRollback<bool> insist(m_insist, true);
    if (!scope.isEmpty() && !check(plan, scope)) {
        setStatus(tr("Not sent: %1").arg(plan.error), true);
        return;
    }
    started(start());
}

void MqttPage::apply()
{
    run(m_service->planConfigure(config()), kConfigure, [this] {
        m_broker->rememberPassword();
        return m_service->configure(config());
    });
}

void MqttPage::revert()
{
    load();
    setStatus(tr("Form reverted to the module's values."), false);
}

void MqttPage::read()
{
    run(OperationPlan(), QByteArray(), [this] { return m_service->read(); });
}

void MqttPage::prepareScreenshot()
{
    read();
}

void MqttPage::connectToBroker()
{
    const MqttConfig c = config();
    const MqttConnectSettings s = connectSettings();
    if (!configurationPending()) {
        run(m_service->planConnect(s), kConnect, [this, s] { return m_service->connectToBroker(s); });
        return;
    }
    // AT+MQTTCONN alone would fail ("not configured", or the module's older values): Connect
    // applies what the form shows first, or says why it cannot.
    if (isBusy())
        return;
    {
        const QScopedValueRollback<bool> insist(m_insist, true);
        const OperationPlan configure = m_service->planConfigure(c);
        if (!check(configure, kConfigure)) {
            setStatus(tr("Not connected: the client settings are sent first, and %1").arg(configure.error), true);
            return;
        }
    }
    run(m_service->planConnect(s), kConnect, [this, c, s] {
        m_broker->rememberPassword();
        return m_service->configureAndConnect(c, s);
    });
}

void MqttPage::disconnectFromBroker()
{
    run(OperationPlan(), QByteArray(), [this] { return m_service->disconnectFromBroker(); });
}

void MqttPage::publish()
{
    QString err;
    const MqttPublishSettings s = publishSettings(&err);
    run(err.isEmpty() ? m_service->planPublish(s) : OperationPlan::failure(err, "data"), kPublish,
        [this, s] { return m_service->publish(s); });
}

void MqttPage::subscribe()
{
    const QString topic = m_subscriptions->topic();
    const int qos = m_subscriptions->qos();
    run(m_service->planSubscribe(topic, qos), kSubscribe, [this, topic, qos] { return m_service->subscribe(topic, qos); });
}

void MqttPage::unsubscribe()
{
    const QString topic = m_subscriptions->topic();
    run(m_service->planUnsubscribe(topic), kSubscribe, [this, topic] { return m_service->unsubscribe(topic); });
}

void MqttPage::setPaused(bool paused)
{
    m_feed->setPaused(paused);
}

void MqttPage::clearFeed()
{
    m_feed->clear();
}

void MqttPage::onBusyChanged(bool busy)
{
    setBusy(busy);
    if (busy)
        setStatus(tr("Working…"), false);
    updateState();
    markDirty();
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

// ---- texts and colours ----------------------------------------------------------------------

void MqttPage::updateColours()
{
    FormPage::updateColours();
    setWindowIcon(broadcastIcon(palette()));
}

void MqttPage::retranslate()
{
    FormPage::retranslate();
    setWindowTitle(tr("MQTT"));
    setToolTip(tr("MQTT client of the module: configure, connect, publish, subscribe, watch messages"));
    setWindowIcon(broadcastIcon(palette()));
    m_stateCaption->setText(tr("MQTT state:"));
    readButton()->setToolTip(tr("Ask the module for its MQTT state and subscriptions (F5)"));
    showAtButton()->setToolTip(tr("Show the exact AT command lines this form sends"));
    applyButton()->setToolTip(tr("Send the client and session configuration (Ctrl+Return)"));
    m_tabs->setTabText(BrokerTab, tr("Broker"));
    m_tabs->setTabText(PublishTab, tr("Publish"));
    m_tabs->setTabText(SubscriptionsTab, tr("Subscriptions"));
    m_broker->retranslate();
    m_publish->retranslate();
    m_subscriptions->retranslate();
    m_feed->retranslate();
    updateState();
    validate(); // the reasons and the Connect hint in the new language; updates the preview
}
