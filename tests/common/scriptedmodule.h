#pragma once
// A scripted stand-in for the module on the device end of a PipeTransport pair, written for the
// UI tests independently of core/protocol: a map from command line to reply bytes, a data phase
// for AT+CIPSEND=<n>, and a record of every byte the host put on the wire.

#include "crlflines.h"
#include "transport/pipetransport.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <functional>

class ScriptedModule : public QObject
{
public:
    ScriptedModule()
    {
        replies.insert("AT", "\r\nOK\r\n");
        replies.insert("ATE0", "\r\nOK\r\n");
        replies.insert("AT+GMR", "AT version:2.2.0.0(test)\r\nSDK version:v4.0\r\n\r\nOK\r\n");
        replies.insert("AT+CIPMUX?", "+CIPMUX:0\r\n\r\nOK\r\n");
        replies.insert("AT+CWMODE=9", "\r\nERR CODE:0x01080000\r\n\r\nERROR\r\n");
    }

    // For DeviceSession::openWith(): a fresh pipe whose device end this module answers.
    std::function<atb::Transport *(QObject *)> factory()
    {
        return [this](QObject *parent) -> atb::Transport * {
            auto [host, device] = atb::PipeTransport::createPair(QStringLiteral("Scripted module"), parent);
            device->setParent(host);
            m_device = device;
            m_host = host;
            connect(device, &atb::Transport::received, this, &ScriptedModule::feed);
            device->open();
            return host;
        };
    }

    atb::PipeTransport *host() const { return m_host; }

    QHash<QByteArray, QByteArray> replies; // line (without CR LF) -> reply bytes
    QByteArray wire;                       // everything the host wrote
    QList<QByteArray> lines;               // command lines received
    QList<QByteArray> payloads;            // data-phase payloads received

private:
    void feed(const QByteArray &bytes)
    {
        wire += bytes;
        m_buffer += bytes;
        for (;;) {
            if (m_dataExpected >= 0) {
                if (m_buffer.size() < m_dataExpected)
                    return;
                payloads << m_buffer.left(m_dataExpected);
                m_buffer.remove(0, m_dataExpected);
                m_device->write("\r\nRecv " + QByteArray::number(m_dataExpected) + " bytes\r\n\r\nSEND OK\r\n");
                m_dataExpected = -1;
                continue;
            }
            QByteArray line;
            if (!takeCrLfLine(m_buffer, &line))
                return;
            lines << line;
            if (line.startsWith("AT+CIPSEND=")) {
                m_dataExpected = line.mid(11).toLongLong();
                m_device->write("\r\nOK\r\n\r\n>");
                continue;
            }
            m_device->write(replies.value(line, "\r\nERROR\r\n"));
        }
    }

    QPointer<atb::PipeTransport> m_device;
    QPointer<atb::PipeTransport> m_host;
    QByteArray m_buffer;
    qsizetype m_dataExpected = -1;
};
