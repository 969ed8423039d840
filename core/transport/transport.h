#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace atb {

// An abstract byte link to the module: serial port, raw TCP bridge, or an in-process pipe.
// Transports never open dialogs; failures are reported through errorOccurred and a state change.
class Transport : public QObject
{
    Q_OBJECT
public:
    enum class State { Closed, Opening, Open };
    Q_ENUM(State)

    using QObject::QObject;

    virtual void open() = 0;
    virtual void close() = 0;
    virtual void write(const QByteArray &bytes) = 0;
    virtual qint64 bytesToWrite() const { return 0; }
    // Human description of the endpoint: "/dev/ttyUSB0 @ 115200", "tcp://host:port".
    virtual QString displayName() const = 0;
    // Nominal byte rate of the link (for pacing decisions and statistics); 0 when unknown.
    virtual qint64 nominalBytesPerSecond() const { return 0; }

    State state() const { return m_state; }
    bool isOpen() const { return m_state == State::Open; }

signals:
    void stateChanged(atb::Transport::State state);
    void received(const QByteArray &bytes);
    void bytesWritten(qint64 count);
    // fatal: the link is gone (unplugged adapter, refused or dropped connection).
    void errorOccurred(const QString &message, bool fatal);

protected:
    void setState(State s)
    {
        if (s == m_state)
            return;
        m_state = s;
        emit stateChanged(s);
    }

private:
    State m_state = State::Closed;
};

} // namespace atb
