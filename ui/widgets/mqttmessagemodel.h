#pragma once

#include "services/mqttservice.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <deque>

// The live MQTT message feed: a bounded table (oldest messages drop out first) with the time,
// topic, QoS, size and payload rendered as text, pretty JSON (when it parses) or hex.
class MqttMessageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, TopicColumn, QosColumn, SizeColumn, PayloadColumn, ColumnCount };
    enum class PayloadFormat { Text, Json, Hex };
    enum Role { PayloadRole = Qt::UserRole + 1, TopicRole };

    explicit MqttMessageModel(int capacity = 10000, QObject *parent = nullptr);

    int capacity() const { return m_capacity; }
    void setCapacity(int capacity);
    PayloadFormat format() const { return m_format; }
    void setFormat(PayloadFormat f);

    void append(const atb::MqttMessage &m);
    void append(const QList<atb::MqttMessage> &messages);
    void clear();
    atb::MqttMessage message(int row) const { return m_rows.at(size_t(row)); }
    qint64 droppedCount() const { return m_dropped; }

    // Whole payload in a format, for the detail view (multi-line; JSON indented).
    static QString render(const QByteArray &payload, PayloadFormat format, bool singleLine);
    // Text with control characters made visible (\r \n \0 \xNN), invalid UTF-8 as \xNN.
    static QString visibleText(const QByteArray &payload, bool singleLine);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::deque<atb::MqttMessage> m_rows;
    int m_capacity;
    qint64 m_dropped = 0;
    PayloadFormat m_format = PayloadFormat::Text;
};

// Topic filter for the feed: with '+' or '#' an MQTT topic filter, otherwise a case-insensitive
// substring of the topic.
class MqttMessageFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setTopicFilter(const QString &filter);
    QString topicFilter() const { return m_filter; }
    static bool accepts(const QString &filter, const QString &topic);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_filter;
};
