#pragma once

#include "brokerclient.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace atb {

// The topics the app's client has seen, as a tree ("a/b/c" is c under b under a) with message
// counts, rates, the last payload, its QoS and retained flag. Bounded: at most maxNodes levels
// in all and payloadBytes of each last payload; messages on topics that would need more nodes
// are counted (droppedMessages(), lastDroppedTopic()), not stored, and long payloads keep their
// first bytes (truncatedPayloads()): a view says so. Memory therefore stays below roughly
// maxNodes * (payloadBytes + 200) bytes however busy the broker is.
//
// Plain data for one thread (the owner of the BrokerClient). A view reads the changes since its
// last look with takeChanges(), at its own pace (decimation: a topic that got 1000 messages
// between two looks is one change).
class TopicTree
{
public:
    struct Limits
    {
        int maxNodes = 10000;
        int payloadBytes = 512;
    };

    struct Node
    {
        QString name;             // this level
        int parent = -1;          // -1 for the root (node 0, the invisible top)
        int row = 0;              // its place among its parent's children
        QList<int> children;      // in the order they appeared
        qint64 messages = 0;      // messages on exactly this topic
        qint64 subtreeMessages = 0; // on this topic and every topic below it
        qint64 bytes = 0;         // payload bytes on exactly this topic
        QByteArray lastPayload;   // at most Limits::payloadBytes
        qint64 lastPayloadSize = 0; // the last payload's full size
        int lastQos = 0;
        bool retained = false;    // the last message was a retained one
        qint64 lastTimeMs = 0;
        double rate = 0;          // messages/s on this topic (and below), see updateRates()
        qint64 rateBase = 0;      // subtreeMessages at the last updateRates()
        bool changed = false;     // since the last takeChanges()
    };

    struct Changes
    {
        int firstNew = 0;     // nodes [firstNew, nodeCount()) appeared since the last look
        QList<int> changed;   // older nodes whose figures changed (ascending)
    };

    TopicTree() : TopicTree(Limits { 10000, 512 }) { }
    explicit TopicTree(Limits limits);

    // Adds one message; returns its node, or -1 when the node limit kept it out.
    int add(const BrokerMessage &message);
    void add(const QList<BrokerMessage> &messages);
    void clear();

    int nodeCount() const { return int(m_nodes.size()); }
    const Node &node(int index) const { return m_nodes[size_t(index)]; }
    // The node of `topic`, -1 when not seen.
    int find(const QString &topic) const { return m_index.value(topic, -1); }
    QString topicOf(int index) const;
    Limits limits() const { return m_limits; }

    // Rates: messages/s per node since the previous call, smoothed over a few seconds; a node
    // counts as changed only when its rate moves by what a view shows (0.1 below 10/s, else 1).
    void updateRates(double elapsedSeconds);
    Changes takeChanges();

    qint64 totalMessages() const { return m_total; }
    qint64 droppedMessages() const { return m_dropped; }
    QString lastDroppedTopic() const { return m_lastDropped; }
    qint64 truncatedPayloads() const { return m_truncated; }

private:
    int child(int parent, const QString &name, const QString &path);
    void markChanged(int index);

    Limits m_limits;
    std::vector<Node> m_nodes;
    QHash<QString, int> m_index; // full path of every node -> index
    int m_firstNew = 1;
    QList<int> m_changed;
    qint64 m_total = 0, m_dropped = 0, m_truncated = 0;
    QString m_lastDropped;
};

// The numeric fields of a JSON payload, flattened: {"a":{"b":1},"c":[2,3]} gives
// a.b = 1, c[0] = 2, c[1] = 3 (booleans as 0/1; strings that are numbers are not taken); a
// payload that is just a number ("21.5") gives one field, "value". Empty when the payload is
// neither. At most `limit` fields.
QList<QPair<QString, double>> numericJsonFields(const QByteArray &payload, int limit = 64);

} // namespace atb
