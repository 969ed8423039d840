#pragma once

#include "mqttclient/topictree.h"

#include <QAbstractItemModel>

#include <vector>

// The TopicTree as an item model for a QTreeView: level, messages (on the topic and below),
// rate, last payload (one line), QoS, retained. The tree takes messages as they come; the model
// shows them only when refresh() is called (the page calls it a few times per second), so a busy
// broker costs the view one batch of row insertions and one dataChanged per parent per refresh,
// however many messages arrived in between.
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
    QModelIndex indexOfNode(int node, int column = 0) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    atb::TopicTree m_tree;
    std::vector<int> m_shown; // per node: how many of its children the view knows
    std::vector<int> m_row;   // per node: its row under its parent
};
