#pragma once

#include "mqttclient/topictree.h"

#include <QAbstractItemModel>

#include <vector>

// The TopicTree as an item model for a QTreeView: level, messages (on the topic and below),
// rate, last payload (one line), QoS, retained. The tree takes messages as they come; the model
// shows them only when refresh() is called (the page calls it a few times per second), and a
// level's children only once the view asked for them (fetchMore: the level was expanded). So a
// busy broker costs the view, per refresh, one batch of row insertions and one dataChanged per
// expanded level that changed, however many messages and topics arrived in between.
class TopicTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { TopicColumn, MessagesColumn, RateColumn, PayloadColumn, QosColumn, RetainedColumn, ColumnCount };
    enum Role { TopicRole = Qt::UserRole + 1, NodeRole };

    explicit TopicTreeModel(atb::TopicTree::Limits limits, QObject *parent = nullptr);

    atb::TopicTree &tree() { return m_tree; }
    const atb::TopicTree &tree() const { return m_tree; }
    // Shows what changed in the tree since the last call.
    void refresh();
    // Forgets every topic (rows removed).
    void clear();

    int nodeOf(const QModelIndex &index) const;
    // The index of a node the view knows (its levels fetched), else invalid.
    QModelIndex indexOfNode(int node, int column = 0) const;
    // Fetches the levels above `node` so the view can show it; its index.
    QModelIndex reveal(int node);

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    atb::TopicTree m_tree;
    void show(int parent); // announces the children of a fetched level not shown yet
    int knownChildren(int node) const; // children that existed at the last refresh()

    std::vector<int> m_shown;    // per node: how many of its children the view knows
    std::vector<char> m_fetched; // per node: the view asked for its children (the root: always)
    int m_known = 1;             // nodes [0, m_known) existed at the last refresh(): all the view may see
};
