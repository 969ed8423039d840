#pragma once
// PtyFrontEnd: exposes a DeviceEndpoint (SimulatedModule or ReplayModule) on a Linux pseudo-terminal.
// openpty() + cfmakeraw(); LINK becomes a symlink to the slave side. The master is written
// non-blocking: a pty pushes back instead of losing data, but a real UART without flow control
// loses bytes, so whatever the kernel does not take at once is counted as an overrun and
// discarded (performance.md 1.3). The simulator keeps its own slave fd open so the host may
// close and reopen the link without the master seeing EIO.
// Host -> device: the master is only read while the module's paced input backlog is small, so a
// host writing faster than the baud rate is held back by the pty like by a real UART.
#include <QObject>
#include <QString>

class QTimer;

class QSocketNotifier;

namespace atb::sim {

class DeviceEndpoint;

class PtyFrontEnd : public QObject
{
    Q_OBJECT
public:
    PtyFrontEnd(DeviceEndpoint *module, const QString &linkPath, QObject *parent = nullptr);
    ~PtyFrontEnd() override;

    bool open(QString *error);
    QString slavePath() const { return m_slavePath; }
    QString linkPath() const { return m_linkPath; }

private:
    void onReadable();
    void write(const QByteArray &bytes);

    DeviceEndpoint *m_module;
    QString m_linkPath, m_slavePath;
    int m_master = -1, m_slave = -1;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_resume = nullptr; // re-enables reading once the module has consumed its backlog
    bool m_linkCreated = false;
};

} // namespace atb::sim
