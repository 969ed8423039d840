#pragma once

#include "portlister.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace atb {

// Follows serial adapters being plugged and unplugged: a cheap poll of the port list (the
// kernel's sysfs through QSerialPortInfo, about a millisecond) every interval, plus optional
// folders whose entries count as ports too (pseudo-terminal links such as atbench-sim --pty
// makes, which the system's port list does not show). Ports are keyed by their system
// location; serialNumber tells the same adapter coming back under another name.
//
// Lives in the thread that creates it; emits only from there.
class PortWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 1000;

    explicit PortWatcher(QObject *parent = nullptr);

    // Starts polling (an immediate scan first, which reports the ports present as added).
    void start(int intervalMs = kDefaultIntervalMs);
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

    // Entries of `folder` whose names match one of `nameFilters` (wildcards, e.g. "tty*") are
    // ports as well, with the folder entry's path as system location and name.
    void watchFolder(const QString &folder, const QStringList &nameFilters);
    // Whether the system's own port list is scanned (default true; tests may turn it off so
    // only their folder counts).
    void setSystemPorts(bool on) { m_systemPorts = on; }

    QList<PortDescription> ports() const { return m_ports.values(); }

public slots:
    // One scan now; emits the differences since the last one.
    void rescan();

signals:
    void portAdded(const atb::PortDescription &port);
    void portRemoved(const atb::PortDescription &port);
    // After any scan that changed the set.
    void portsChanged();

private:
    QHash<QString, PortDescription> scan() const;

    QTimer m_timer;
    QHash<QString, PortDescription> m_ports; // by systemLocation
    QList<QPair<QString, QStringList>> m_folders;
    bool m_systemPorts = true;
};

} // namespace atb
