#include "mqttlooppage.h"

#include "brokerclientform.h"
#include "loopsettingsform.h"
#include "mqttpage.h"
#include "pagecommon.h"
#include "topicspanel.h"

#include "model/devicemodel.h"
#include "protocol/atencoder.h"
#include "services/mqttservice.h"
#include "widgets/loopdiagram.h"
#include "widgets/mqttmessagefeed.h"
#include "widgets/mqttmessagemodel.h"
#include "widgets/throughputplot.h"

#include <QHostAddress>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

using atb::BrokerClient;
using atb::BrokerSettings;
using atb::LocalBroker;
using atb::LoopCheck;
using atb::ModuleBrokerSetup;
using atb::OperationPlan;

namespace {

// Module -> cloud -> PC: three dots joined by two arrows, from the palette.
QIcon loopIcon(const QPalette &pal)
{
    return paletteIcon([&pal](QPainter &p, qreal s) {
        p.setRenderHint(QPainter::Antialiasing);
        QPen pen(pal.color(QPalette::Text), 1.6 * s);
        pen.setCapStyle(Qt::RoundCap);
        p.setPen(pen);
        p.drawArc(QRectF(4 * s, 5 * s, 16 * s, 14 * s), 20 * 16, 140 * 16);
        p.drawArc(QRectF(4 * s, 5 * s, 16 * s, 14 * s), 200 * 16, 140 * 16);
        p.setPen(Qt::NoPen);
        p.setBrush(pal.color(QPalette::Highlight));
        for (const QPointF c : { QPointF(4.5 * s, 12 * s), QPointF(12 * s, 4.5 * s), QPointF(19.5 * s, 12 * s) })
            p.drawEllipse(c, 2.6 * s, 2.6 * s);
    });
}

atb::MqttMessage asFeedMessage(const atb::BrokerMessage &m)
{
    atb::MqttMessage out;
    out.time = QDateTime::fromMSecsSinceEpoch(m.timeMs);
    out.topic = m.topic;
    out.payload = m.payload;
    out.qos = m.qos;
    return out;
}

bool isLoopback(const QString &host)
{
    const QHostAddress a(host);
    return host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || (!a.isNull() && a.isLoopback());
}

} // namespace

MqttLoopPage::MqttLoopPage(atb::DeviceModel *model, atb::MqttService *mqtt, atb::MqttLoopService *loop,
                           SecretStore *secrets, Messages *messages, QWidget *parent)
    : FormPage(parent), m_model(model), m_mqtt(mqtt), m_service(loop)
{
    setObjectName(QStringLiteral("mqttLoopPage"));
    m_client = new BrokerClientForm(&fieldErrors(), secrets, messages, this);
    m_diagram = new LoopDiagram(this);
    m_loopForm = new LoopSettingsForm(&fieldErrors(), this);

    m_moduleFeed = new MqttMessageFeed(this);
    m_moduleFeed->setObjectName(QStringLiteral("moduleFeed"));
    m_appFeed = new MqttMessageFeed(this);
    m_appFeed->setObjectName(QStringLiteral("appFeed"));
    for (MqttMessageFeed *feed : { m_moduleFeed, m_appFeed }) {
        feed->model()->setCapacity(kFeedCapacity);
        // The list alone (the payload column and the topic tree show payloads): on a 1280x800
        // window the list would otherwise get two rows beside the selected payload's pane.
        if (auto *detail = feed->findChild<QWidget *>(QStringLiteral("feedDetail")))
            detail->hide();
    }
    auto *feeds = new QSplitter(Qt::Horizontal, this);
    feeds->setChildrenCollapsible(false);
    feeds->addWidget(m_moduleFeed);
    feeds->addWidget(m_appFeed);

    m_ratePlot = new ThroughputPlot(this);
    m_ratePlot->setObjectName(QStringLiteral("loopRatePlot"));
    m_ratePlot->setUnit(ThroughputPlot::Unit::MessagesPerSecond);
    m_latencyPlot = new ThroughputPlot(this);
    m_latencyPlot->setObjectName(QStringLiteral("loopLatencyPlot"));
    m_latencyPlot->setUnit(ThroughputPlot::Unit::Milliseconds);
    for (ThroughputPlot *plot : { m_ratePlot, m_latencyPlot }) {
        plot->addSeries(QString());
        plot->addSeries(QString());
        plot->setTimeSpan(120);
        plot->setCapacity(7200); // 1 h at two samples per second
    }
    auto *graphs = new QSplitter(Qt::Horizontal, this);
    graphs->setChildrenCollapsible(false);
    graphs->addWidget(m_ratePlot);
    graphs->addWidget(m_latencyPlot);

    m_topics = new TopicsPanel(loop->client(), this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("loopTabs"));
    m_tabs->addTab(feeds, QString());
    m_tabs->addTab(graphs, QString());
    m_tabs->addTab(m_topics, QString());
    // The tabs take what the window leaves them: their own minimum (the topic panel's ~400 px)
    // would make the page taller than a 1280x800 window has room for.
    m_tabs->setMinimumHeight(fontMetrics().height() * 12);

    auto *form = new QWidget(this);
    auto *lay = new QVBoxLayout(form);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(m_client);
    lay->addWidget(m_diagram);
    lay->addWidget(m_loopForm);
    lay->addWidget(m_tabs, 1);
    setForm(form);
    // Only the module's MQTT requests make the page busy; the run and the views stay usable.
    setBusyWidgets({ m_loopForm->connectModuleButton() });

    readButton()->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    applyButton()->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    revertButton()->hide();
    m_stop = new QPushButton(this);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stop->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    footerButtons()->insertWidget(footerButtons()->indexOf(applyButton()), m_stop);

    BrokerClient *client = loop->client();
    LocalBroker *local = loop->localBroker();
    LoopCheck *check = loop->loop();
    connect(m_client, &BrokerClientForm::edited, this, &MqttLoopPage::validate);
    connect(m_client, &BrokerClientForm::connectRequested, this, &MqttLoopPage::connectClient);
    connect(m_client, &BrokerClientForm::disconnectRequested, this, &MqttLoopPage::disconnectClient);
    connect(m_client, &BrokerClientForm::useModuleBrokerRequested, this, &MqttLoopPage::useModuleBroker);
    connect(m_client, &BrokerClientForm::useLocalBrokerRequested, this, &MqttLoopPage::useLocalBroker);
    connect(m_client, &BrokerClientForm::startLocalBrokerRequested, this, &MqttLoopPage::startLocalBroker);
    connect(m_client, &BrokerClientForm::stopLocalBrokerRequested, local, &LocalBroker::stop);
    connect(m_loopForm, &LoopSettingsForm::edited, this, &MqttLoopPage::validate);
    connect(m_loopForm, &LoopSettingsForm::connectModuleRequested, this, &MqttLoopPage::connectModule);
    connect(m_stop, &QPushButton::clicked, this, &MqttLoopPage::stop);

    connect(client, &BrokerClient::stateChanged, this, &MqttLoopPage::updateBoxes);
    connect(client, &BrokerClient::connected, this, [this](bool again) {
        setStatus(again ? tr("AT Bench's client is connected again (subscriptions sent again).")
                        : tr("AT Bench's client is connected to %1.").arg(m_service->client()->settings().uri()));
        advanceScreenshot();
    });
    connect(client, &BrokerClient::connectFailed, this, [this](const QString &why) {
        setStatus(tr("AT Bench's client could not connect: %1").arg(why), true);
        advanceScreenshot();
    });
    connect(client, &BrokerClient::connectionLost, this, [this](const QString &why) { setStatus(why, true); });
    connect(client, &BrokerClient::messagesReceived, this, [this](const QList<atb::BrokerMessage> &messages) {
        for (const atb::BrokerMessage &m : messages)
            m_pendingApp << asFeedMessage(m);
        if (m_pendingApp.size() > kFeedCapacity)
            m_pendingApp.erase(m_pendingApp.begin(), m_pendingApp.end() - kFeedCapacity);
    });
    connect(local, &LocalBroker::stateChanged, this, &MqttLoopPage::onLocalBrokerState);
    connect(local, &LocalBroker::failed, this, [this](const QString &why) {
        setStatus(why, true);
        advanceScreenshot();
    });
    connect(local, &LocalBroker::stoppedUnexpectedly, this, [this](const QString &why) { setStatus(why, true); });
    connect(check, &LoopCheck::phaseChanged, this, [this] {
        updateButtons();
        updateBoxes();
    });
    connect(check, &LoopCheck::event, this, &MqttLoopPage::onLoopEvent);
    connect(check, &LoopCheck::statsChanged, this, &MqttLoopPage::onStats);
    connect(check, &LoopCheck::problem, this, [this](const QString &why) {
        setStatus(why, true);
        updateBoxes();
    });
    connect(check, &LoopCheck::finished, this, &MqttLoopPage::onFinished);
    connect(loop->moduleSetup(), &ModuleBrokerSetup::progress, this, [this](const QString &text) { setStatus(text + QStringLiteral("…")); });
    connect(loop->moduleSetup(), &ModuleBrokerSetup::finished, this, [this](bool ok, const QString &message) {
        setStatus(message, !ok);
        updateBoxes();
        advanceScreenshot();
    });
    connect(m_mqtt, &atb::MqttService::busyChanged, this, &MqttLoopPage::setBusy);
    connect(m_mqtt, &atb::MqttService::messageReceived, this, [this](const atb::MqttMessage &m) {
        m_pendingModule << m;
        if (m_pendingModule.size() > kFeedCapacity)
            m_pendingModule.removeFirst();
    });
    connect(m_model, &atb::DeviceModel::mqttChanged, this, &MqttLoopPage::updateBoxes);
    connect(m_model, &atb::DeviceModel::wifiChanged, this, &MqttLoopPage::updateBoxes);
    connect(m_model, &atb::DeviceModel::dialectChanged, this, &MqttLoopPage::validate);

    m_sampleTimer.setInterval(kSampleMs);
    connect(&m_sampleTimer, &QTimer::timeout, this, &MqttLoopPage::sample);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MqttLoopPage::flushFeeds);
    m_feedTimer.setInterval(100);
    connect(&m_feedTimer, &QTimer::timeout, this, &MqttLoopPage::flushFeeds);
    m_feedTimer.start();

    retranslate();
    onLocalBrokerState();
    validate();
}

void MqttLoopPage::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

void MqttLoopPage::setBuiltInModule(bool builtIn)
{
    m_builtIn = builtIn;
    updateOffer();
    updateBoxes();
}

void MqttLoopPage::offerLocalBrokerTo(MqttPage *page)
{
    m_offerTo = page;
    if (m_offerClientId.isEmpty())
        m_offerClientId = ModuleBrokerSetup::configFor(BrokerSettings()).clientId; // "atbench-module-<4 hex>"
    updateOffer();
}

void MqttLoopPage::updateOffer()
{
    if (!m_offerTo)
        return;
    const LocalBroker *local = m_service->localBroker();
    // Only the built-in module reaches a broker on this machine's 127.0.0.1.
    if (m_builtIn && local->isRunning())
        m_offerTo->setSuggestedBroker(local->host(), local->port(), m_offerClientId);
    else
        m_offerTo->setSuggestedBroker(QString(), 0);
}

// ---- validation and preview ------------------------------------------------------------------------

void MqttLoopPage::validate()
{
    clearFieldErrors(BrokerClientForm::kScope);
    clearFieldErrors(LoopSettingsForm::kScope);
    QByteArray field;
    const BrokerSettings b = m_client->settings();
    const QString why = b.validate(&field);
    if (!why.isEmpty() && !(field == "host" && b.host.isEmpty()))
        showFieldError(field, why, BrokerClientForm::kScope);
    const QString loopWhy = m_loopForm->settings().validate(&field);
    if (!loopWhy.isEmpty())
        showFieldError(field, loopWhy, LoopSettingsForm::kScope);
    updatePreview();
    updateButtons();
    updateBoxes();
}

void MqttLoopPage::updatePreview()
{
    const atb::AtEncoder enc(m_model->dialect());
    AtPreviewText text([&enc](const QByteArray &l) { return enc.redact(l); });
    const BrokerSettings b = m_client->settings();
    OperationPlan connectPlan = m_mqtt->planConfigure(ModuleBrokerSetup::configFor(b, QStringLiteral("<client ID>")));
    connectPlan.append(m_mqtt->planConnect(ModuleBrokerSetup::connectFor(b)));
    text.section(tr("Connect the module (after AT+MQTTCONN? and, when connected elsewhere, AT+MQTTCLEAN=0):"), connectPlan);
    OperationPlan loopPlan;
    for (const QByteArray &line : m_service->loop()->previewLines(m_loopForm->settings()))
        loopPlan.add(line, m_model->dialect(), QStringLiteral("mqtt"));
    text.section(tr("Start (Ctrl+Return), per message and around the run:"), loopPlan);
    text.section(tr("Read (F5):"), m_mqtt->planRead());
    setPreviewText(text.text());
}

bool MqttLoopPage::canApply() const
{
    return !m_service->loop()->isActive();
}

void MqttLoopPage::updateButtons()
{
    FormPage::updateButtons();
    const bool active = m_service->loop()->isActive();
    applyButton()->setEnabled(!active);
    m_stop->setEnabled(active);
}

// ---- the client and the brokers ---------------------------------------------------------------------

void MqttLoopPage::connectClient()
{
    const BrokerSettings s = m_client->settings();
    QByteArray field;
    const QString why = s.validate(&field);
    clearFieldErrors(BrokerClientForm::kScope);
    if (!why.isEmpty()) {
        showFieldError(field, why, BrokerClientForm::kScope);
        setStatus(tr("Not connected: %1").arg(why), true);
        return;
    }
    QString error;
    if (!m_service->client()->connectToBroker(s, &error)) {
        setStatus(error, true);
        return;
    }
    m_client->rememberPassword();
    setStatus(tr("Connecting AT Bench's client to %1…").arg(s.uri()));
}

void MqttLoopPage::disconnectClient()
{
    m_service->client()->disconnectFromBroker();
    setStatus(tr("AT Bench's client is disconnected."));
}

void MqttLoopPage::useModuleBroker()
{
    BrokerSettings s;
    QString why;
    if (!m_service->moduleBrokerSettings(m_client->settings(), &s, &why)) {
        setStatus(why, true);
        return;
    }
    m_client->setSettings(s);
    setStatus(tr("The module's broker: %1. Connect to use it.").arg(s.uri()));
}

void MqttLoopPage::useLocalBroker()
{
    LocalBroker *local = m_service->localBroker();
    if (!local->isRunning()) {
        setStatus(tr("Start the local broker first."), true);
        return;
    }
    m_client->setSettings(m_service->localBrokerSettings(m_client->settings()));
    setStatus(tr("The local broker: %1.").arg(local->addressText()));
}

void MqttLoopPage::startLocalBroker()
{
    m_service->localBroker()->start(true);
}

void MqttLoopPage::updateLocalBrokerText()
{
    LocalBroker *local = m_service->localBroker();
    QString text;
    switch (local->state()) {
    case LocalBroker::State::Stopped:
        text = local->lastError().isEmpty() ? tr("not running (mosquitto on 127.0.0.1, for demos without a network)")
                                            : local->lastError();
        break;
    case LocalBroker::State::Starting: text = tr("starting mosquitto…"); break;
    case LocalBroker::State::Running:
        text = tr("running at %1").arg(local->addressText());
        if (!local->webSocketNote().isEmpty())
            text += QStringLiteral(" — ") + local->webSocketNote();
        break;
    case LocalBroker::State::Failed: text = local->lastError(); break;
    }
    m_client->setLocalBroker(local->state(), text);
}

void MqttLoopPage::onLocalBrokerState()
{
    updateLocalBrokerText();
    updateOffer();
    LocalBroker *local = m_service->localBroker();
    if (local->isRunning()) {
        // A client with nowhere to go yet takes the local broker.
        const BrokerSettings s = m_client->settings();
        if (m_service->client()->state() == BrokerClient::State::Disconnected && (s.host.isEmpty() || isLoopback(s.host)))
            m_client->setSettings(m_service->localBrokerSettings(s));
        setStatus(tr("Local broker running at %1.").arg(local->addressText()));
        advanceScreenshot();
    }
    updateBoxes();
}

void MqttLoopPage::connectModule()
{
    const BrokerSettings b = m_client->settings();
    QByteArray field;
    if (const QString why = b.validate(&field); !why.isEmpty()) {
        showFieldError(field, why, BrokerClientForm::kScope);
        setStatus(tr("Not sent: %1").arg(why), true);
        return;
    }
    if (!m_model->wifi().gotIp) {
        setStatus(tr("The module has no Wi-Fi connection: join a network on the Wi-Fi page first."), true);
        return;
    }
    if (!m_builtIn && isLoopback(b.host)) {
        setStatus(tr("The module cannot reach %1: that address is the module itself. Use this PC's network address, "
                     "or a broker on the network.")
                      .arg(b.host),
                  true);
        return;
    }
    const QString clientId = m_mqtt->hasLastConfig() ? m_mqtt->lastConfig().clientId : QString();
    QString error;
    if (!m_service->moduleSetup()->start(ModuleBrokerSetup::configFor(b, clientId), ModuleBrokerSetup::connectFor(b),
                                         &error))
        setStatus(error, true);
}

void MqttLoopPage::read()
{
    started(m_mqtt->read());
}

// ---- the diagram's boxes ----------------------------------------------------------------------------

void MqttLoopPage::updateBoxes()
{
    using Health = LoopDiagram::Health;
    const atb::MqttState mq = m_model->mqtt();
    const atb::WifiState wifi = m_model->wifi();
    QString module;
    Health moduleHealth = Health::Unknown;
    if (mq.state >= 4) {
        module = tr("MQTT connected to %1:%2").arg(mq.host, mq.port);
        moduleHealth = Health::Good;
    } else if (mq.state == 3) {
        module = tr("MQTT lost its broker (state 3)");
        moduleHealth = Health::Problem;
    } else if (!wifi.gotIp) {
        module = tr("no Wi-Fi yet");
    } else {
        module = tr("Wi-Fi up, MQTT not connected (state %1)").arg(mq.state);
    }
    if (wifi.gotIp && !wifi.ssid.isEmpty())
        module += QLatin1Char('\n') + tr("Wi-Fi %1").arg(wifi.ssid);
    m_diagram->setBox(LoopDiagram::Box::Module, m_builtIn ? tr("Module (simulated)") : tr("Module"), module, moduleHealth);

    BrokerClient *client = m_service->client();
    const BrokerSettings b = client->state() == BrokerClient::State::Disconnected ? m_client->settings() : client->settings();
    QString broker = b.host.isEmpty() ? tr("none chosen") : QStringLiteral("%1:%2").arg(b.host).arg(b.port);
    if (!b.host.isEmpty()) {
        broker += QLatin1Char('\n') + BrokerSettings::transportText(b.transport);
        const LocalBroker *local = m_service->localBroker();
        if (local->isRunning() && isLoopback(b.host) && (b.port == local->port() || b.port == local->webSocketPort()))
            broker += QLatin1Char('\n') + tr("local mosquitto");
    }
    Health brokerHealth = Health::Unknown;
    if (client->isConnected())
        brokerHealth = Health::Good;
    else if (client->state() == BrokerClient::State::Reconnecting || !client->lastError().isEmpty()) {
        brokerHealth = Health::Problem;
        broker += QLatin1Char('\n') + tr("went away / unreachable");
    }
    m_diagram->setBox(LoopDiagram::Box::Broker, tr("Broker"), broker, brokerHealth);

    QString pc;
    switch (client->state()) {
    case BrokerClient::State::Connected: pc = tr("client %1 connected").arg(client->clientId()); break;
    case BrokerClient::State::Connecting: pc = tr("connecting…"); break;
    case BrokerClient::State::Reconnecting: pc = tr("reconnecting…"); break;
    case BrokerClient::State::Disconnected: pc = tr("client not connected"); break;
    }
    m_diagram->setBox(LoopDiagram::Box::Pc, tr("PC (AT Bench)"), pc,
                      client->isConnected() ? Health::Good : Health::Unknown);
    m_client->setClientState(client->state(), client->state() == BrokerClient::State::Connected ? QString()
                                                                                               : client->lastError());
}

// ---- texts ------------------------------------------------------------------------------------------

void MqttLoopPage::retranslate()
{
    FormPage::retranslate();
    setWindowTitle(tr("MQTT loop"));
    setToolTip(tr("MQTT from both ends: the module and AT Bench's own client on one broker, checked byte for byte"));
    setWindowIcon(loopIcon(palette()));
    readButton()->setToolTip(tr("Ask the module for its MQTT state and subscriptions (F5)"));
    applyButton()->setText(tr("Start"));
    applyButton()->setToolTip(tr("Start the loop (Ctrl+Return)"));
    m_stop->setText(tr("Stop"));
    m_stop->setToolTip(tr("Stop sending; the messages on their way get the loss timeout to arrive"));
    m_client->retranslate();
    m_loopForm->retranslate();
    m_moduleFeed->retranslate();
    m_moduleFeed->setTitle(tr("Received by the module (+MQTTSUBRECV)"));
    m_appFeed->retranslate();
    m_appFeed->setTitle(tr("Received by AT Bench's client"));
    m_topics->retranslate();
    updateLocalBrokerText();
    m_tabs->setTabText(MessagesTab, tr("Messages"));
    m_tabs->setTabText(GraphsTab, tr("Rates and latency"));
    m_tabs->setTabText(TopicsTab, tr("Topics"));
    m_diagram->setDirectionNames(tr("module → app"), tr("app → module"));
    for (ThroughputPlot *plot : { m_ratePlot, m_latencyPlot }) {
        plot->setSeriesName(0, tr("module → app"));
        plot->setSeriesName(1, tr("app → module"));
    }
    updateBoxes();
    updatePreview();
}
