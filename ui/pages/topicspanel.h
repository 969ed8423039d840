#pragma once

#include "mqttclient/brokerclient.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTreeView;
class ThroughputPlot;
class TopicTreeModel;

// The topics AT Bench's client sees, for the loop view's "Topics" tab: subscribe to a filter
// (`#` allowed), the tree with message counts, rates, last payload, QoS and retained flag (a
// TopicTreeModel refreshed four times a second, bounded: what it drops it says), and the
// selected topic's last payload as text, JSON or hex, with its numeric JSON fields listed and
// the ticked ones plotted over time.
class TopicsPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kRefreshMs = 250;

    explicit TopicsPanel(atb::BrokerClient *client, QWidget *parent = nullptr);

    TopicTreeModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    ThroughputPlot *fieldPlot() const { return m_plot; }
    QString filter() const;
    // The selected topic ("" when none) and its numeric fields (ticked or not).
    QString selectedTopic() const { return m_selected; }
    QStringList fieldNames() const;
    void selectTopic(const QString &topic);
    void setFieldPlotted(const QString &field, bool plotted);

    void retranslate();

public slots:
    void subscribe();
    void unsubscribe();
    void clear();

private:
    void onMessages(const QList<atb::BrokerMessage> &messages);
    void refresh();
    void showSelected();
    void updateFields(const QByteArray &payload);
    void updateSummary();
    void note(const QString &text); // the last action's outcome, after the figures

    QPointer<atb::BrokerClient> m_client;
    TopicTreeModel *m_model;
    QTimer m_refresh;
    QElapsedTimer m_rateClock;
    QElapsedTimer m_plotClock;
    QString m_selected;
    QStringList m_plotted;      // field names ticked for the selected topic
    QList<int> m_plotSeries;    // series of m_plotted, same order
    qint64 m_shownMessages = -1; // the selected topic's count when its payload was shown
    QString m_note;

    QLabel *m_filterLabel, *m_summary, *m_topicLabel, *m_fieldsLabel;
    QLineEdit *m_filter;
    QSpinBox *m_qos;
    QPushButton *m_subscribe, *m_unsubscribe, *m_clear;
    QTreeView *m_view;
    QComboBox *m_format;
    QPlainTextEdit *m_payload;
    QListWidget *m_fields;
    ThroughputPlot *m_plot;
};
