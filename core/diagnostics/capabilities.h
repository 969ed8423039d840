#pragma once

#include "protocol/dialect.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

namespace atb {

class DeviceSession;
struct AtResult;

// What the module's firmware can do: the command list read once per connection, so features
// the firmware lacks are disabled (with a tooltip saying so) instead of failing on use.
// ESP-AT: AT+CMD? ("+CMD:<index>,"<name>",<test>,<query>,<set>,<execute>"). Beken has no such
// command: each command in probeList() is tried in its test form (AT+X=?), OK = present.
//
// Follows a session: results of AT+CMD? (whoever sent it: a replayed recording's count too)
// and of the probes fill it; the link closing forgets it (unknown again). Unknown means
// "assume everything", so nothing is disabled before the list arrives.
class Capabilities : public QObject
{
    Q_OBJECT
public:
    static constexpr char kOrigin[] = "capabilities";

    explicit Capabilities(QObject *parent = nullptr);

    void follow(DeviceSession *session);
    // Sends AT+CMD? (ESP) or the probes (Beken) through the session.
    void read(Dialect dialect);

    bool isKnown() const { return m_known; }
    // True when the list is unknown or names the command ("AT+MQTTCONN", any case).
    bool supports(const QString &command) const;
    QStringList commands() const; // sorted, upper case
    // Where the list came from: "AT+CMD?" or "probing".
    QString source() const { return m_source; }
    // The commands probed on Beken (test forms).
    static QStringList probeList();
    // "+CMD:0,"AT",0,0,0,1" lines -> {"AT", ...}.
    static QSet<QString> parseCmdList(const QList<QByteArray> &lines);

    // For tests and playback: the list as given.
    void setCommands(const QSet<QString> &commands, const QString &source);
    void clear();

signals:
    void changed();

private:
    void onFinished(const AtResult &result);

    QList<QMetaObject::Connection> m_following;
    DeviceSession *m_session = nullptr;
    QSet<QString> m_commands;
    QSet<QString> m_probePresent;
    QHash<quint64, QString> m_probes; // pending probe id -> command
    bool m_known = false;
    QString m_source;
};

} // namespace atb
