#include "portwatcher.h"

#include <QDir>
#include <QFileInfo>

namespace atb {

PortWatcher::PortWatcher(QObject *parent) : QObject(parent)
{
    connect(&m_timer, &QTimer::timeout, this, &PortWatcher::rescan);
}

void PortWatcher::start(int intervalMs)
{
    m_timer.start(qMax(50, intervalMs));
    rescan();
}

void PortWatcher::stop()
{
    m_timer.stop();
}

void PortWatcher::watchFolder(const QString &folder, const QStringList &nameFilters)
{
    m_folders.append({ folder, nameFilters });
}

QHash<QString, PortDescription> PortWatcher::scan() const
{
    QHash<QString, PortDescription> found;
    if (m_systemPorts) {
        for (const PortDescription &p : listSerialPorts())
            found.insert(p.systemLocation, p);
    }
    for (const auto &[folder, filters] : m_folders) {
        const QDir dir(folder);
        // System entries: character devices and the symbolic links a pty program leaves.
        const QFileInfoList entries = dir.entryInfoList(filters, QDir::System | QDir::Files | QDir::NoDotAndDotDot);
        for (const QFileInfo &fi : entries) {
            if (fi.isSymLink() && !fi.exists())
                continue; // a dangling link: the pty behind it is gone
            PortDescription p;
            p.name = fi.fileName();
            p.systemLocation = fi.absoluteFilePath();
            p.description = fi.isSymLink() ? fi.symLinkTarget() : QString();
            found.insert(p.systemLocation, p);
        }
    }
    return found;
}

void PortWatcher::rescan()
{
    const QHash<QString, PortDescription> now = scan();
    bool changed = false;
    for (auto it = m_ports.cbegin(); it != m_ports.cend(); ++it) {
        const auto again = now.constFind(it.key());
        // Same place, another adapter (serial number differs): gone, then a new one.
        if (again == now.cend() || again->serialNumber != it->serialNumber) {
            emit portRemoved(*it);
            changed = true;
        }
    }
    const QHash<QString, PortDescription> before = m_ports;
    m_ports = now;
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        const auto old = before.constFind(it.key());
        if (old == before.cend() || old->serialNumber != it->serialNumber) {
            emit portAdded(*it);
            changed = true;
        }
    }
    if (changed)
        emit portsChanged();
}

} // namespace atb
