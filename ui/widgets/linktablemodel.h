#pragma once

#include "model/devicestate.h"

#include <QAbstractTableModel>
#include <QHash>
#include <functional>

// The link slots of the module (0..maxId) as table rows: what the DeviceModel knows about each
// open link plus the byte counters of the ConnectionService. Closed slots stay listed so a link
// id can be picked before it is opened.
class LinkTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Id, Type, RemoteHost, RemotePort, LocalPort, Role, KeepAlive, State, Received, Sent, ColumnCount };

    explicit LinkTableModel(QObject *parent = nullptr);

    // Rows 0..slotCount-1.
    void setSlotCount(int count);
    int slotCount() const { return m_slots; }
    void setLinks(const QList<atb::LinkInfo> &links);
    // Counters and keep-alive come from the service: id -> value.
    void setCounterSource(std::function<qint64(int)> received, std::function<qint64(int)> sent,
                          std::function<int(int)> keepAlive);
    void refreshCounters(int linkId);
    bool isOpen(int linkId) const { return m_links.contains(linkId); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Header texts follow the language.
    void retranslate();

private:
    int m_slots = 5;
    QHash<int, atb::LinkInfo> m_links;
    std::function<qint64(int)> m_received;
    std::function<qint64(int)> m_sent;
    std::function<int(int)> m_keepAlive;
};
