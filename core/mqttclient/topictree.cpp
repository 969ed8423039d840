#include "topictree.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace atb {

TopicTree::TopicTree(Limits limits) : m_limits(limits)
{
    m_limits.maxNodes = qMax(1, m_limits.maxNodes);
    m_limits.payloadBytes = qMax(0, m_limits.payloadBytes);
    clear();
}

void TopicTree::clear()
{
    m_nodes.clear();
    m_nodes.emplace_back(); // the root
    m_index.clear();
    m_firstNew = 1;
    m_changed.clear();
    m_total = m_dropped = m_truncated = 0;
    m_lastDropped.clear();
}

QString TopicTree::topicOf(int index) const
{
    QStringList levels;
    for (int i = index; i > 0; i = m_nodes[size_t(i)].parent)
        levels.prepend(m_nodes[size_t(i)].name);
    return levels.join(QLatin1Char('/'));
}

void TopicTree::markChanged(int index)
{
    Node &n = m_nodes[size_t(index)];
    if (n.changed)
        return;
    n.changed = true;
    if (index < m_firstNew)
        m_changed << index;
}

int TopicTree::child(int parent, const QString &name, const QString &path)
{
    const auto it = m_index.constFind(path);
    if (it != m_index.cend())
        return it.value();
    Node n; // add() made sure there is room
    n.name = name;
    n.parent = parent;
    n.row = int(m_nodes[size_t(parent)].children.size());
    n.changed = true;
    const int index = int(m_nodes.size());
    m_nodes.push_back(std::move(n));
    m_nodes[size_t(parent)].children << index;
    m_index.insert(path, index);
    return index;
}

int TopicTree::add(const BrokerMessage &m)
{
    ++m_total;
    int node = find(m.topic);
    if (node < 0) {
        // Walk (and create) the levels; an empty level ("a//b", "/a") is a level too.
        const QStringList levels = m.topic.split(QLatin1Char('/'));
        int missing = 0;
        QString path;
        for (int i = 0; i < levels.size(); ++i) {
            path = i == 0 ? levels[i] : path + QLatin1Char('/') + levels[i];
            if (!m_index.contains(path))
                ++missing;
        }
        if (int(m_nodes.size()) - 1 + missing > m_limits.maxNodes) {
            ++m_dropped;
            m_lastDropped = m.topic;
            return -1;
        }
        node = 0;
        path.clear();
        for (int i = 0; i < levels.size(); ++i) {
            path = i == 0 ? levels[i] : path + QLatin1Char('/') + levels[i];
            node = child(node, levels[i], path);
        }
    }
    Node &n = m_nodes[size_t(node)];
    ++n.messages;
    n.bytes += m.payload.size();
    n.lastPayloadSize = m.payload.size();
    if (m.payload.size() > m_limits.payloadBytes) {
        n.lastPayload = m.payload.left(m_limits.payloadBytes);
        ++m_truncated;
    } else {
        n.lastPayload = m.payload;
    }
    n.lastQos = m.qos;
    n.retained = m.retained;
    n.lastTimeMs = m.timeMs;
    for (int i = node; i >= 0; i = m_nodes[size_t(i)].parent) {
        ++m_nodes[size_t(i)].subtreeMessages;
        markChanged(i);
    }
    return node;
}

void TopicTree::add(const QList<BrokerMessage> &messages)
{
    for (const BrokerMessage &m : messages)
        add(m);
}

void TopicTree::updateRates(double elapsed)
{
    if (!(elapsed > 0))
        return;
    // Exponential smoothing with a ~3 s time constant: steady rates show as they are, bursts fade.
    const double alpha = 1.0 - std::exp(-elapsed / 3.0);
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        Node &n = m_nodes[i];
        const double now = double(n.subtreeMessages - n.rateBase) / elapsed;
        n.rateBase = n.subtreeMessages;
        const double previous = n.rate;
        n.rate = n.rate + alpha * (now - n.rate);
        if (n.rate < 0.05)
            n.rate = 0;
        auto shown = [](double r) { return r < 10 ? std::round(r * 10) / 10 : std::round(r); };
        if (shown(n.rate) != shown(previous))
            markChanged(int(i));
    }
}

TopicTree::Changes TopicTree::takeChanges()
{
    Changes c;
    c.firstNew = m_firstNew;
    std::sort(m_changed.begin(), m_changed.end());
    c.changed = m_changed;
    for (int i : std::as_const(m_changed))
        m_nodes[size_t(i)].changed = false;
    for (size_t i = size_t(m_firstNew); i < m_nodes.size(); ++i)
        m_nodes[i].changed = false;
    m_changed.clear();
    m_firstNew = int(m_nodes.size());
    return c;
}

namespace {

void flatten(const QJsonValue &v, const QString &path, QList<QPair<QString, double>> &out, int limit)
{
    if (out.size() >= limit)
        return;
    switch (v.type()) {
    case QJsonValue::Double:
        out.append({ path, v.toDouble() });
        break;
    case QJsonValue::Bool:
        out.append({ path, v.toBool() ? 1.0 : 0.0 });
        break;
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end() && out.size() < limit; ++it)
            flatten(it.value(), path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key(), out, limit);
        break;
    }
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        for (int i = 0; i < a.size() && out.size() < limit; ++i)
            flatten(a.at(i), QStringLiteral("%1[%2]").arg(path).arg(i), out, limit);
        break;
    }
    default:
        break;
    }
}

} // namespace

QList<QPair<QString, double>> numericJsonFields(const QByteArray &payload, int limit)
{
    QList<QPair<QString, double>> out;
    bool number = false;
    const double value = payload.trimmed().toDouble(&number);
    if (number && limit > 0 && std::isfinite(value)) {
        out.append({ QStringLiteral("value"), value }); // a bare number ("21.5") is a field too
        return out;
    }
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &err);
    if (err.error != QJsonParseError::NoError)
        return out;
    if (doc.isObject())
        flatten(doc.object(), QString(), out, limit);
    else if (doc.isArray())
        flatten(doc.array(), QString(), out, limit);
    return out;
}

} // namespace atb
