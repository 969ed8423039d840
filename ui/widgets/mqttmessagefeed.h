#pragma once

#include "services/mqttservice.h"

#include <QGroupBox>

class MqttMessageFilter;
class MqttMessageModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;
class QToolButton;

// The MQTT page's live feed of received messages: a bounded table with a topic filter, the
// payload as text, JSON or hex, the selected message in full below it, pause (messages wait,
// none is lost) and clear, and a count.
class MqttMessageFeed : public QGroupBox
{
    Q_OBJECT
public:
    static constexpr int kCapacity = 10000;

    explicit MqttMessageFeed(QWidget *parent = nullptr);

    MqttMessageModel *model() const { return m_feed; }
    MqttMessageFilter *filter() const { return m_filter; }
    bool isPaused() const { return m_paused; }

    // Every text again; the page calls it on a language change.
    void retranslate();

public slots:
    void append(const atb::MqttMessage &message);
    // Many at once (one row insertion for the batch): for busy feeds.
    void appendBatch(const QList<atb::MqttMessage> &messages);
    void setPaused(bool paused);
    void clear();

private:
    void updateCount();
    void showSelectedMessage();

    MqttMessageModel *m_feed;
    MqttMessageFilter *m_filter;
    bool m_paused = false;
    QList<atb::MqttMessage> m_waiting; // received while paused
    QLineEdit *m_filterEdit;
    QComboBox *m_format;
    QToolButton *m_pauseButton;
    QToolButton *m_clearButton;
    QLabel *m_count;
    QTableView *m_view;
    QPlainTextEdit *m_detail;
};
