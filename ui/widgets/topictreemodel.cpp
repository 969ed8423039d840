#include "topictreemodel.h"

#include "mqttmessagemodel.h"

#include <QLocale>

#include <algorithm>
#include <map>

using atb::TopicTree;

TopicTreeModel::TopicTreeModel(TopicTree::Limits limits, QObject *parent)
    : QAbstractItemModel(parent), m_tree(limits), m_shown(1, 0), m_fetched(1, 1)
{
}

void TopicTreeModel::clear()
{
    beginResetModel();
    m_tree.clear();
    m_shown.assign(1, 0);
    m_fetched.assign(1, 1);
    m_known = 1;
    endResetModel();
}

int TopicTreeModel::knownChildren(int node) const
{
    // Children are listed in creation order: the known ones are a prefix.
    const QList<int> &c = m_tree.node(node).children;
    return int(std::lower_bound(c.begin(), c.end(), m_known) - c.begin());
}

void TopicTreeModel::show(int parent)
{
    const int first = m_shown[size_t(parent)];
    const int last = knownChildren(parent) - 1;
    if (last < first)
        return;
    beginInsertRows(indexOfNode(parent), first, last);
    m_shown[size_t(parent)] = last + 1;
    endInsertRows();
}

void TopicTreeModel::refresh()
{
    const TopicTree::Changes c = m_tree.takeChanges();
    const int count = m_tree.nodeCount();
    m_shown.resize(size_t(count), 0);
    m_fetched.resize(size_t(count), 0);
    m_known = count;
    // New children of the levels the view has fetched: one insertion per level (new levels are
    // not fetched yet: the view asks when they are expanded).
    std::map<int, bool> parents;
    for (int i = c.firstNew; i < count; ++i) {
        const int parent = m_tree.node(i).parent;
        if (m_fetched[size_t(parent)])
            parents[parent] = true;
    }
    for (const auto &[parent, unused] : parents)
        show(parent);
    // Changed figures of rows the view has: one dataChanged per level over the rows that changed.
    std::map<int, std::pair<int, int>> ranges;
    for (int node : c.changed) {
        const int parent = m_tree.node(node).parent;
        if (node == 0 || !m_fetched[size_t(parent)])
            continue;
        const int row = m_tree.node(node).row;
        auto it = ranges.find(parent);
        if (it == ranges.end())
            ranges[parent] = { row, row };
        else
            it->second = { qMin(it->second.first, row), qMax(it->second.second, row) };
    }
    for (const auto &[parent, range] : ranges) {
        const QModelIndex p = indexOfNode(parent);
        emit dataChanged(index(range.first, 0, p), index(range.second, ColumnCount - 1, p));
    }
}

bool TopicTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const int p = nodeOf(parent);
    return p < m_known && knownChildren(p) > 0;
}

bool TopicTreeModel::canFetchMore(const QModelIndex &parent) const
{
    const int p = nodeOf(parent);
    return p < m_known && m_shown[size_t(p)] < knownChildren(p);
}

void TopicTreeModel::fetchMore(const QModelIndex &parent)
{
    const int p = nodeOf(parent);
    if (p >= m_known)
        return;
    m_fetched[size_t(p)] = 1;
    show(p);
}

QModelIndex TopicTreeModel::reveal(int node)
{
    if (node <= 0 || node >= m_known)
        return QModelIndex();
    QList<int> chain;
    for (int n = m_tree.node(node).parent; n > 0; n = m_tree.node(n).parent)
        chain.prepend(n);
    fetchMore(QModelIndex()); // the top level
    for (int n : std::as_const(chain))
        fetchMore(indexOfNode(n));
    return indexOfNode(node);
}

int TopicTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? int(index.internalId()) : 0;
}

QModelIndex TopicTreeModel::indexOfNode(int node, int column) const
{
    if (node <= 0 || node >= m_known)
        return QModelIndex();
    const TopicTree::Node &n = m_tree.node(node);
    if (n.row >= m_shown[size_t(n.parent)])
        return QModelIndex(); // not shown to the view (yet)
    return createIndex(n.row, column, quintptr(node));
}

QModelIndex TopicTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const int p = nodeOf(parent);
    if (row < 0 || column < 0 || column >= ColumnCount || p >= m_known || row >= m_shown[size_t(p)])
        return QModelIndex();
    return createIndex(row, column, quintptr(m_tree.node(p).children.at(row)));
}

QModelIndex TopicTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return QModelIndex();
    return indexOfNode(m_tree.node(nodeOf(child)).parent);
}

int TopicTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const int p = nodeOf(parent);
    return p < m_known ? m_shown[size_t(p)] : 0;
}

int TopicTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TopicTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return QVariant();
    const int n = nodeOf(index);
    const TopicTree::Node &node = m_tree.node(n);
    if (role == TopicRole)
        return m_tree.topicOf(n);
    if (role == NodeRole)
        return n;
    if (role == Qt::ToolTipRole) {
        if (index.column() == MessagesColumn)
            return tr("%1 on this topic, %2 on it and below").arg(node.messages).arg(node.subtreeMessages);
        if (index.column() == PayloadColumn && node.lastPayloadSize > node.lastPayload.size())
            return tr("The first %1 of %2 bytes").arg(node.lastPayload.size()).arg(node.lastPayloadSize);
        return m_tree.topicOf(n);
    }
    if (role == Qt::TextAlignmentRole && (index.column() == MessagesColumn || index.column() == RateColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (index.column()) {
    case TopicColumn: return node.name.isEmpty() ? tr("(empty level)") : node.name;
    case MessagesColumn: return QLocale().toString(node.subtreeMessages);
    case RateColumn: return node.rate > 0 ? tr("%1/s").arg(node.rate, 0, 'f', node.rate < 10 ? 1 : 0) : QString();
    case PayloadColumn:
        if (!node.messages)
            return QString();
        return MqttMessageModel::visibleText(node.lastPayload.left(96), true)
            + (node.lastPayloadSize > 96 ? QStringLiteral(" …") : QString());
    case QosColumn: return node.messages ? QString::number(node.lastQos) : QString();
    case RetainedColumn: return node.messages && node.retained ? tr("retained") : QString();
    default: return QVariant();
    }
}

QVariant TopicTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case TopicColumn: return tr("Topic");
    case MessagesColumn: return tr("Messages");
    case RateColumn: return tr("Rate");
    case PayloadColumn: return tr("Last payload");
    case QosColumn: return tr("QoS");
    case RetainedColumn: return tr("Retained");
    default: return QVariant();
    }
}
