#include "linktablemodel.h"

#include <QFont>
#include <QLocale>

LinkTableModel::LinkTableModel(QObject *parent) : QAbstractTableModel(parent) { }

void LinkTableModel::setSlotCount(int count)
{
    if (count == m_slots)
        return;
    beginResetModel();
    m_slots = count;
    endResetModel();
}

void LinkTableModel::setLinks(const QList<atb::LinkInfo> &links)
{
    QHash<int, atb::LinkInfo> next;
    for (const atb::LinkInfo &l : links)
        next.insert(l.id, l);
    if (next == m_links)
        return;
    m_links = next;
    if (m_slots > 0)
        emit dataChanged(index(0, 0), index(m_slots - 1, ColumnCount - 1));
}

void LinkTableModel::setCounterSource(std::function<qint64(int)> received, std::function<qint64(int)> sent,
                                      std::function<int(int)> keepAlive)
{
    m_received = std::move(received);
    m_sent = std::move(sent);
    m_keepAlive = std::move(keepAlive);
}

void LinkTableModel::refreshCounters(int linkId)
{
    if (linkId >= 0 && linkId < m_slots)
        emit dataChanged(index(linkId, Received), index(linkId, Sent));
}

int LinkTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_slots;
}

int LinkTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LinkTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_slots)
        return {};
    const int id = index.row();
    const auto it = m_links.constFind(id);
    const bool open = it != m_links.constEnd();
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case Id: case RemotePort: case LocalPort: case KeepAlive: case Received: case Sent:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    }
    if (role == Qt::ToolTipRole && open && it->idInferred)
        return tr("The module's status (+BIPSTATUS) names no link id and this link was not opened here: "
                  "%1 is the lowest free id, a guess. Close and reopen it from this page to be sure.")
            .arg(id);
    if (role == Qt::FontRole && open && index.column() == State) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role != Qt::DisplayRole)
        return {};
    const QString none = QStringLiteral("—");
    auto num = [&](int v) { return v >= 0 ? QString::number(v) : none; };
    switch (index.column()) {
    case Id:
        return open && it->idInferred ? tr("%1 (inferred)").arg(id) : QString::number(id);
    case Type:
        return open ? it->type : QString();
    case RemoteHost:
        return open ? it->remoteHost : QString();
    case RemotePort:
        return open ? num(it->remotePort) : QString();
    case LocalPort:
        return open ? num(it->localPort) : QString();
    case Role:
        return open ? (it->server ? tr("server") : tr("client")) : QString();
    case KeepAlive: {
        if (!open)
            return QString();
        int ka = it->keepAlive;
        if (ka < 0 && m_keepAlive)
            ka = m_keepAlive(id);
        if (it->type == QLatin1String("UDP") || it->type == QLatin1String("DTLS"))
            return none;
        return ka < 0 ? none : ka == 0 ? tr("off") : tr("%1 s").arg(ka);
    }
    case State:
        return open ? tr("open") : tr("closed");
    case Received:
        return m_received ? QLocale().toString(m_received(id)) : QString();
    case Sent:
        return m_sent ? QLocale().toString(m_sent(id)) : QString();
    default:
        return {};
    }
}

QVariant LinkTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id: return tr("ID");
    case Type: return tr("Type");
    case RemoteHost: return tr("Remote host");
    case RemotePort: return tr("Remote port");
    case LocalPort: return tr("Local port");
    case Role: return tr("Role");
    case KeepAlive: return tr("Keep-alive");
    case State: return tr("State");
    case Received: return tr("Received");
    case Sent: return tr("Sent");
    default: return {};
    }
}

void LinkTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (m_slots > 0)
        emit dataChanged(index(0, 0), index(m_slots - 1, ColumnCount - 1));
}
