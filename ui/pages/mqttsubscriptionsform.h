#pragma once

#include "model/devicestate.h"

#include <QWidget>

class FieldErrors;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

// The MQTT page's Subscriptions tab: the module's subscriptions (selecting one fills the
// form), a topic filter and QoS, Subscribe and Unsubscribe. Its fields report errors in the
// page's FieldErrors under the scope kScope.
class MqttSubscriptionsForm : public QWidget
{
    Q_OBJECT
public:
    static constexpr const char *kScope = "subscribe";

    explicit MqttSubscriptionsForm(FieldErrors *errors, QWidget *parent = nullptr);

    QString topic() const;
    int qos() const;
    // The module's subscriptions (from the model); the selection stays on the same topic.
    void setSubscriptions(const QList<atb::MqttSubscription> &subscriptions);

    // Every text again; the page calls it on a language change.
    void retranslate();

signals:
    void edited();
    void subscribeRequested();
    void unsubscribeRequested();

private:

    QTableWidget *m_table;
    QLabel *m_topicLabel, *m_qosLabel;
    QLineEdit *m_topic;
    QSpinBox *m_qos;
    QPushButton *m_subscribeButton;
    QPushButton *m_unsubscribeButton;
};
