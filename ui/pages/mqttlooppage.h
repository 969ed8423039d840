#pragma once

#include "formpage.h"
#include "mqttclient/mqttloopservice.h"

#include <QPointer>
#include <QTimer>

namespace atb {
class DeviceModel;
class MqttService;
struct MqttMessage;
}
class BrokerClientForm;
class LoopDiagram;
class LoopSettingsForm;
class Messages;
class MqttMessageFeed;
class MqttPage;
class SecretStore;
class QTabWidget;
class ThroughputPlot;
class TopicsPanel;

// MQTT from both ends. On top AT Bench's own MQTT client and the local broker; below, the loop
// between the module and AT Bench as a diagram a demo audience reads at a glance (module,
// broker and PC, the two directions animated, live counters and sparklines); the run settings
// and the verdict; then tabs: the messages each end received side by side, rates and latency
// over time, and the topics the client sees (TopicsPanel). Start = Apply (Ctrl+Return), Stop
// beside it; Read (F5) asks the module for its MQTT state; Show AT lists what the module is sent.
class MqttLoopPage : public FormPage
{
    Q_OBJECT
public:
    enum Tab { MessagesTab, GraphsTab, TopicsTab };
    static constexpr int kSampleMs = 500;
    // Rows each feed keeps: a busy broker scrolls through them, and dropping the oldest stays cheap.
    static constexpr int kFeedCapacity = 2000;

    // `secrets` and `messages` may be null.
    MqttLoopPage(atb::DeviceModel *model, atb::MqttService *mqtt, atb::MqttLoopService *loop,
                 SecretStore *secrets = nullptr, Messages *messages = nullptr, QWidget *parent = nullptr);

    BrokerClientForm *clientForm() const { return m_client; }
    LoopSettingsForm *loopForm() const { return m_loopForm; }
    LoopDiagram *diagram() const { return m_diagram; }
    MqttMessageFeed *moduleFeed() const { return m_moduleFeed; }
    MqttMessageFeed *appFeed() const { return m_appFeed; }
    ThroughputPlot *ratePlot() const { return m_ratePlot; }
    ThroughputPlot *latencyPlot() const { return m_latencyPlot; }
    TopicsPanel *topics() const { return m_topics; }
    QPushButton *stopButton() const { return m_stop; }
    void setCurrentTab(Tab tab);

    // The module is the built-in simulated one (only it reaches a broker on 127.0.0.1).
    void setBuiltInModule(bool builtIn);
    // From now on, while the module is the built-in one and the local broker runs, `page`'s
    // broker form defaults to the local broker (host, port and a client ID for an empty form):
    // the offline demo needs nothing typed. Withdrawn when either stops being true.
    void offerLocalBrokerTo(MqttPage *page);

    // --screenshot: the local broker, both clients connected, a short loop run.
    void prepareScreenshot() override;
    bool isScreenshotPending() const override;

public slots:
    void apply() override; // Start
    void read() override;  // AT+MQTTCONN? and AT+MQTTSUB?
    void stop();
    void connectClient();
    void disconnectClient();
    void connectModule();
    void useModuleBroker();
    void useLocalBroker();
    void startLocalBroker();

protected:
    void showEvent(QShowEvent *event) override;
    void retranslate() override;
    void updatePreview() override;
    bool canApply() const override;
    void updateButtons() override;

private:
    void validate();
    void updateBoxes();
    void updateOffer();
    void onLocalBrokerState();
    void updateLocalBrokerText();
    void onLoopEvent(const atb::LoopEvent &event);
    void onStats();
    void sample();
    void flushFeeds();
    void onFinished(bool passed, const QString &verdict);
    void advanceScreenshot();

    atb::DeviceModel *m_model;
    atb::MqttService *m_mqtt;
    atb::MqttLoopService *m_service;
    bool m_builtIn = true;
    QPointer<MqttPage> m_offerTo;
    QString m_offerClientId;
    bool m_screenshot = false;
    int m_screenshotStep = 0;
    qint64 m_lastUp = 0, m_lastDown = 0; // received counts at the last sample
    double m_plotT0 = -1;
    QList<atb::MqttMessage> m_pendingModule, m_pendingApp; // for the feeds, flushed every 100 ms
    QTimer m_sampleTimer, m_feedTimer;

    BrokerClientForm *m_client;
    LoopDiagram *m_diagram;
    LoopSettingsForm *m_loopForm;
    QTabWidget *m_tabs;
    MqttMessageFeed *m_moduleFeed, *m_appFeed;
    ThroughputPlot *m_ratePlot, *m_latencyPlot;
    TopicsPanel *m_topics;
    QPushButton *m_stop;
};
