#pragma once

#include "services/mqttservice.h"

#include <QPointer>
#include <QWidget>

class FieldErrors;
class Messages;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

// The MQTT page's Publish tab: topic, string (AT+MQTTPUB) or raw bytes (AT+MQTTPUBRAW), the
// message as text (optionally with \r \n \t \0 \\ \xNN escapes), hex or a file, QoS, retain.
// Its fields report errors in the page's FieldErrors under the scope kScope.
class MqttPublishForm : public QWidget
{
    Q_OBJECT
public:
    static constexpr const char *kScope = "publish";

    // `messages` (the file chooser) may be null.
    MqttPublishForm(FieldErrors *errors, Messages *messages, QWidget *parent = nullptr);

    // Empty error = valid; otherwise why the payload cannot be built (bad hex, unreadable file).
    atb::MqttPublishSettings settings(QString *error = nullptr) const;
    // Something typed (topic or message): worth validating while typing.
    bool isStarted() const;

    // Every text again; the page calls it on a language change.
    void retranslate();

signals:
    void edited();
    void publishRequested();

private:
    void updateHints();

    QPointer<Messages> m_messages;
    QLabel *m_topicLabel, *m_modeLabel, *m_payloadLabel, *m_qosLabel;
    QLineEdit *m_topic;
    QComboBox *m_format;
    QComboBox *m_mode;
    QCheckBox *m_escapes;
    QPlainTextEdit *m_payload;
    QLineEdit *m_file;
    QPushButton *m_browse;
    QSpinBox *m_qos;
    QCheckBox *m_retain;
    QLabel *m_size;
    QPushButton *m_publishButton;
};
