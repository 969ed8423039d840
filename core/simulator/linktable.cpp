#include "simulator/linktable.h"

#include <algorithm>

namespace atb::sim {

Link *LinkTable::add(int id)
{
    Q_ASSERT(!m_links.contains(id));
    auto *l = new Link;
    l->id = id;
    m_links.insert(id, l);
    return l;
}

QList<int> LinkTable::ids() const
{
    QList<int> ids = m_links.keys();
    std::sort(ids.begin(), ids.end());
    return ids;
}

QList<Link *> LinkTable::all() const
{
    QList<Link *> r;
    for (int id : ids())
        r.append(m_links.value(id));
    return r;
}

int LinkTable::lowestFreeId(int maxLinks) const
{
    for (int id = 0; id < maxLinks; ++id)
        if (!m_links.contains(id))
            return id;
    return -1;
}

Link *LinkTable::bySocket(const QAbstractSocket *socket) const
{
    for (Link *l : m_links)
        if (l->socket == socket)
            return l;
    return nullptr;
}

Link *LinkTable::byListener(const QTcpServer *listener) const
{
    for (Link *l : m_links)
        if (l->listener == listener)
            return l;
    return nullptr;
}

int LinkTable::serverLinkCount() const
{
    return int(std::count_if(m_links.cbegin(), m_links.cend(), [](const Link *l) { return l->server; }));
}

} // namespace atb::sim
