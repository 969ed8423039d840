#pragma once

#include "formpage.h"
#include "services/mqttservice.h"

namespace atb {
class DeviceModel;
}
class Messages;
class MqttBrokerForm;
class MqttMessageFeed;
class MqttMessageFilter;
class MqttMessageModel;
class MqttPublishForm;
class MqttSubscriptionsForm;
class QLabel;
class QTabWidget;
class SecretStore;

// The MQTT page (seed 004): the module's MQTT state on top; three forms in tabs (Broker:
// client and session configuration, connect/disconnect; Publish; Subscriptions) and the live
// feed of received messages beside them. The forms edit plain settings structs that the page
// hands to MqttService; every operation is validated first and the reason is shown beside the
// field, nothing is sent then. The footer's Apply and Revert are the Broker tab's
// configuration; Ctrl+Return runs the current tab's form. "Show AT" reveals the exact lines.
class MqttPage : public FormPage
{
    Q_OBJECT
public:
    enum Tab { BrokerTab, PublishTab, SubscriptionsTab };

    // `secrets` (remembered passwords) and `messages` may be null.
    MqttPage(atb::DeviceModel *model, atb::MqttService *service, SecretStore *secrets = nullptr,
             Messages *messages = nullptr, QWidget *parent = nullptr);

    // What the forms hold now.
    atb::MqttConfig config() const;
    atb::MqttConnectSettings connectSettings() const;
    // Empty error = valid; otherwise why the payload cannot be built (bad hex, unreadable file).
    atb::MqttPublishSettings publishSettings(QString *error = nullptr) const;

    bool isDirty() const override;
    // The form's client configuration is not on the module yet (this session never applied it,
    // it differs from what was applied, or the module released it): Connect applies it first.
    bool configurationPending() const;
    // The exact lines "Show AT" lists for the current tab (without the explanatory comments).
    QList<QByteArray> previewLines() const;
    // fieldError(param): the current tab's ("client_id", "keepalive", "host", "topic", "qos",
    // "data", ...).
    MqttMessageModel *feedModel() const;
    MqttMessageFilter *feedFilter() const;
    void setCurrentTab(Tab tab);

    // --screenshot: reads the module's MQTT state.
    void prepareScreenshot() override;

public slots:
    void load();
    void apply() override; // AT+MQTTUSERCFG (+CLIENTID/USERNAME/PASSWORD) + AT+MQTTCONNCFG (+ALPN)
    void revert() override;
    void read() override;  // AT+MQTTCONN? + AT+MQTTSUB?
    void connectToBroker(); // applies the configuration first when it is pending
    void disconnectFromBroker();
    void publish();
    void subscribe();
    void unsubscribe();
    void setPaused(bool paused);
    void clearFeed();

protected:
    void retranslate() override;
    void updateColours() override;
    void updatePreview() override;
    bool canApply() const override;
    void applyFromShortcut() override;

private:
    void markDirty();
    void validate();
    void updateState();
    // Shows the plan's error beside its field in `scope`. While typing an empty required field
    // is not an error yet; once a button is pressed (m_insist) it is, and an error about no
    // field of the form goes to the status line. False when the plan has an error.
    bool check(const atb::OperationPlan &plan, const QByteArray &scope);
    // Checks `plan`, then runs `start` when it is valid; the status line says why not.
    void run(const atb::OperationPlan &plan, const QByteArray &scope, const std::function<atb::OperationPlan()> &start);
    void onBusyChanged(bool busy);
    void onFinished(const atb::OperationResult &result);

    atb::DeviceModel *m_model;
    atb::MqttService *m_service;

    atb::MqttConfig m_loadedConfig;
    atb::MqttConnectSettings m_loadedConnect;
    bool m_loading = false;
    bool m_insist = false; // a button was pressed: report empty required fields too

    QLabel *m_stateCaption;
    QLabel *m_stateLabel;
    QTabWidget *m_tabs;
    MqttBrokerForm *m_broker;
    MqttPublishForm *m_publish;
    MqttSubscriptionsForm *m_subscriptions;
    MqttMessageFeed *m_feed;
};
