#pragma once

#include "atcommand.h"
#include "protocol/dialect.h"

#include <QByteArray>
#include <QString>

namespace atb {

// Sees everything a DeviceSession does, as it happens, in the session's thread: every byte both
// ways, each command as it starts and ends (with its origin), the link opening and closing and
// the dialect. The recorder (core/recording) is one. Implementations must be quick and must not
// call back into the session.
class SessionTap
{
public:
    enum class HostWrite {
        Line,    // a command line with its CR LF
        Payload, // the data phase of command `commandId`
        Raw,     // passthrough data (sendRaw)
        Escape   // "+++" leaving passthrough
    };

    virtual ~SessionTap() = default;
    virtual void linkOpened(const QString &linkName) { Q_UNUSED(linkName); }
    virtual void linkClosed(const QString &linkName) { Q_UNUSED(linkName); }
    virtual void hostBytes(const QByteArray &bytes, HostWrite kind, quint64 commandId, const QByteArray &commandLine)
    {
        Q_UNUSED(bytes);
        Q_UNUSED(kind);
        Q_UNUSED(commandId);
        Q_UNUSED(commandLine);
    }
    virtual void moduleBytes(const QByteArray &bytes) { Q_UNUSED(bytes); }
    virtual void commandStarted(quint64 id, const AtCommand &command)
    {
        Q_UNUSED(id);
        Q_UNUSED(command);
    }
    virtual void commandFinished(const AtResult &result) { Q_UNUSED(result); }
    virtual void dialectChanged(Dialect dialect) { Q_UNUSED(dialect); }
    // leavePassthrough() was called ("+++" follows after the guard time).
    virtual void passthroughLeaving() { }
};

} // namespace atb
