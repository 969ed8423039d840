#include "topictreemodel.h"

#include "mqttmessagemodel.h"

#include <QLocale>

#include <algorithm>
#include <map>

using atb::TopicTree;

TopicTreeModel::TopicTreeModel(TopicTree::Limits limits, QObject *parent)
    : QAbstractItemModel(parent), m_tree(limits), m_shown(1, 0), m_row(1, 0)
{
}

void TopicTreeModel::clear()
{
    beginResetModel();
    m_tree.clear();
    m_shown.assign(1, 0);
    m_row.assign(1, 0);
    endResetModel();
}

void TopicTreeModel::refresh()
{
    const TopicTree::Changes c = m_tree.takeChanges();
    const int count = m_tree.nodeCount();
    m_shown.resize(size_t(count), 0);
    m_row.resize(size_t(count), 0);
    // New nodes: each parent's new children are the tail of its list. Parents in index order,
    // so a new parent's own row is announced before its children.
    std::map<int, bool> parents;
    for (int i = c.firstNew; i < count; ++i) {
        const int parent = m_tree.node(i).parent;
        const QList<int> &siblings = m_tree.node(parent).children;
        m_row[size_t(i)] = int(siblings.lastIndexOf(i));
        parents[parent] = true;
    }
    for (const auto &[parent, unused] : parents) {
        const int first = m_shown[size_t(parent)];
        const int last = int(m_tree.node(parent).children.size()) - 1;
        if (last < first)
            continue;
        beginInsertRows(indexOfNode(parent), first, last);
        m_shown[size_t(parent)] = last + 1;
        endInsertRows();
    }
    // Changed figures: one dataChanged per parent over the rows that changed.
    std::map<int, std::pair<int, int>> ranges;
    for (int node : c.changed) {
        if (node == 0)
            continue;
        const int parent = m_tree.node(node).parent;
        const int row = m_row[size_t(node)];
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

int TopicTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? int(index.internalId()) : 0;
}

QModelIndex TopicTreeModel::indexOfNode(int node, int column) const
{
    if (node <= 0 || node >= int(m_row.size()))
        return QModelIndex();
    return createIndex(m_row[size_t(node)], column, quintptr(node));
}

QModelIndex TopicTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const int p = nodeOf(parent);
    if (row < 0 || column < 0 || column >= ColumnCount || p >= int(m_shown.size()) || row >= m_shown[size_t(p)])
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
    return p < int(m_shown.size()) ? m_shown[size_t(p)] : 0;
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
