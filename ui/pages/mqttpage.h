#pragma once

#include "services/mqttservice.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

namespace atb {
class DeviceModel;
}
class Messages;
class MqttMessageFilter;
class MqttMessageModel;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;
class QTabWidget;
class QToolButton;
class SecretStore;

// The MQTT page (seed 004): client and session configuration, connect/disconnect, publish
// (string or raw), subscriptions, and a live feed of received messages. It edits plain settings
// structs and hands them to MqttService; every operation is validated first and the reason is
// shown beside the field, nothing is sent then. "Show AT" reveals the exact lines the form sends.
class MqttPage : public QWidget
{
    Q_OBJECT
public:
    enum Tab { BrokerTab, PublishTab, SubscriptionsTab };

    // `secrets` (remembered passwords) and `messages` may be null.
    MqttPage(atb::DeviceModel *model, atb::MqttService *service, SecretStore *secrets = nullptr,
             Messages *messages = nullptr, QWidget *parent = nullptr);

    // What the form holds now.
    atb::MqttConfig config() const;
    atb::MqttConnectSettings connectSettings() const;
    // Empty error = valid; otherwise why the payload cannot be built (bad hex, unreadable file).
    atb::MqttPublishSettings publishSettings(QString *error = nullptr) const;

    bool isDirty() const;
    bool isBusy() const { return m_busy; }
    // The exact lines "Show AT" lists for the current tab (without the explanatory comments).
    QList<QByteArray> previewLines() const;
    QString statusText() const;
    // The reason shown beside a field, by catalog parameter name, for the current tab's
    // operation ("client_id", "keepalive", "host", "topic", "qos", "data", ...); empty if none.
    QString fieldError(const QByteArray &param) const;
    MqttMessageModel *feedModel() const { return m_feed; }
    MqttMessageFilter *feedFilter() const { return m_filter; }
    void setCurrentTab(Tab tab);

    // MainWindow --screenshot hook: reads the module's MQTT state.
    Q_INVOKABLE void prepareScreenshot();

public slots:
    void load();
    void apply();   // AT+MQTTUSERCFG (+CLIENTID/USERNAME/PASSWORD) + AT+MQTTCONNCFG (+ALPN)
    void revert();
    void read();    // AT+MQTTCONN? + AT+MQTTSUB?
    void connectToBroker();
    void disconnectFromBroker();
    void publish();
    void subscribe();
    void unsubscribe();
    void setPaused(bool paused);
    void clearFeed();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Field
    {
        QWidget *input = nullptr;
        QLabel *error = nullptr;
    };
    QWidget *buildBrokerTab();
    QWidget *buildPublishTab();
    QWidget *buildSubscriptionsTab();
    QWidget *buildFeed();
    QWidget *withError(QWidget *row, QWidget *input, const QByteArray &param, QHash<QByteArray, Field> *fields);
    void retranslate();
    void markDirty();
    void validate();
    void updatePreview();
    void updateState();
    void updatePublishHints();
    bool showPlanErrors(const atb::OperationPlan &plan, QHash<QByteArray, Field> *fields);
    void clearErrors(QHash<QByteArray, Field> *fields);
    void setStatus(const QString &text, bool problem);
    void applyErrorColour(QLabel *label) const;
    void onBusyChanged(bool busy);
    void onFinished(const atb::OperationResult &result);
    void onMessage(const atb::MqttMessage &message);
    void onSecretLoaded(const QString &key, const QString &secret, bool found);
    void maybeLoadSecret();
    QString secretKey() const;
    void showSelectedMessage();
    void applyCurrentTab();
    QIcon pageIcon() const;

    atb::DeviceModel *m_model;
    atb::MqttService *m_service;
    QPointer<SecretStore> m_secrets;
    QPointer<Messages> m_messages;

    atb::MqttConfig m_loadedConfig;
    atb::MqttConnectSettings m_loadedConnect;
    bool m_loading = false;
    bool m_insist = false; // a button was pressed: report empty required fields too
    bool m_busy = false;
    bool m_paused = false;
    QPointer<QWidget> m_focusBeforeBusy;
    QList<atb::MqttMessage> m_pausedMessages;
    QString m_status;
    bool m_statusProblem = false;

    // Header.
    QLabel *m_stateCaption;
    QLabel *m_stateLabel;
    QPushButton *m_readButton;
    QToolButton *m_showAtButton;
    QProgressBar *m_busyIndicator;
    QTabWidget *m_tabs;

    // Broker tab.
    QLabel *m_userGroupTitle = nullptr;
    QComboBox *m_scheme;
    QLineEdit *m_clientId;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QToolButton *m_showPassword;
    QCheckBox *m_rememberPassword;
    QLineEdit *m_path;
    QLabel *m_certNote;
    QSpinBox *m_keepAlive;
    QCheckBox *m_cleanSession;
    QLineEdit *m_lwtTopic;
    QLineEdit *m_lwtMessage;
    QSpinBox *m_lwtQos;
    QCheckBox *m_lwtRetain;
    QLineEdit *m_alpn;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QCheckBox *m_reconnect;
    QPushButton *m_applyButton;
    QPushButton *m_revertButton;
    QPushButton *m_connectButton;
    QPushButton *m_disconnectButton;
    QHash<QByteArray, Field> m_configFields;
    QHash<QByteArray, Field> m_connectFields;

    // Publish tab.
    QLineEdit *m_pubTopic;
    QComboBox *m_pubFormat;
    QComboBox *m_pubMode;
    QCheckBox *m_pubEscapes;
    QPlainTextEdit *m_pubPayload;
    QLineEdit *m_pubFile;
    QPushButton *m_pubBrowse;
    QSpinBox *m_pubQos;
    QCheckBox *m_pubRetain;
    QLabel *m_pubSize;
    QPushButton *m_publishButton;
    QHash<QByteArray, Field> m_publishFields;

    // Subscriptions tab.
    QTableWidget *m_subTable;
    QLineEdit *m_subTopic;
    QSpinBox *m_subQos;
    QPushButton *m_subscribeButton;
    QPushButton *m_unsubscribeButton;
    QHash<QByteArray, Field> m_subscribeFields;

    // Feed.
    MqttMessageModel *m_feed;
    MqttMessageFilter *m_filter;
    QLineEdit *m_feedFilterEdit;
    QComboBox *m_feedFormat;
    QToolButton *m_pauseButton;
    QToolButton *m_clearButton;
    QLabel *m_feedCount;
    QTableView *m_feedView;
    QPlainTextEdit *m_feedDetail;

    // Show AT + status.
    QPlainTextEdit *m_atPreview;
    QLabel *m_statusIcon;
    QLabel *m_statusLabel;

    // Labels retranslated in retranslate().
    QHash<QString, QLabel *> m_labels;
    QList<QWidget *> m_groups;
};
