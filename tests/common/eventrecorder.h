#pragma once

#include "protocol/atparser.h"

#include <QStringList>

// Collects parser events as compact strings, so a whole reply can be compared in one QCOMPARE.
//   final:OK   final:ERROR[010a6044]   prompt   line:text   urc:WIFI GOT IP
//   urc:+IPD#0(5)=hello   urc:CONNECT#1   data:+CIPRECVDATA(4)=test   error:<message>
class EventRecorder : public atb::AtEventSink
{
public:
    QStringList events;

    static QString printable(QByteArrayView v)
    {
        QString s;
        for (char c : v) {
            const unsigned char u = static_cast<unsigned char>(c);
            if (u == '\r')
                s += QStringLiteral("\\r");
            else if (u == '\n')
                s += QStringLiteral("\\n");
            else if (u < 0x20 || u >= 0x7f)
                s += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
            else
                s += QLatin1Char(c);
        }
        return s;
    }

    void onEvent(const atb::AtEventView &e) override
    {
        using K = atb::AtEvent::Kind;
        QString s;
        switch (e.kind) {
        case K::Final:
            s = QStringLiteral("final:") + printable(e.text);
            if (e.errCodeCount) {
                QStringList codes;
                for (int i = 0; i < e.errCodeCount; ++i)
                    codes << QStringLiteral("%1").arg(e.errCodes[i], 8, 16, QLatin1Char('0'));
                s += QLatin1Char('[') + codes.join(QLatin1Char(',')) + QLatin1Char(']');
            }
            break;
        case K::Prompt:
            s = QStringLiteral("prompt");
            break;
        case K::Line:
            s = QStringLiteral("line:") + printable(e.text);
            break;
        case K::Urc:
            if (e.name == "+IPD" || e.name == "+MQTTSUBRECV") {
                s = QStringLiteral("urc:") + printable(e.name);
                if (e.link >= 0)
                    s += QStringLiteral("#%1").arg(e.link);
                if (!e.topic.isEmpty())
                    s += QStringLiteral("\"") + printable(e.topic) + QStringLiteral("\"");
                if (!e.remoteIp.isEmpty())
                    s += QStringLiteral("@") + printable(e.remoteIp) + QStringLiteral(":%1").arg(e.remotePort);
                s += QStringLiteral("(%1)").arg(e.length);
                if (!e.payload.isNull())
                    s += QStringLiteral("=") + printable(e.payload);
            } else {
                s = QStringLiteral("urc:") + printable(e.link >= 0 ? e.name : e.text);
                if (e.link >= 0)
                    s += QStringLiteral("#%1").arg(e.link);
            }
            break;
        case K::Data:
            s = QStringLiteral("data:") + printable(e.name);
            if (!e.remoteIp.isEmpty())
                s += QStringLiteral("@") + printable(e.remoteIp) + QStringLiteral(":%1").arg(e.remotePort);
            s += QStringLiteral("(%1)=").arg(e.length) + printable(e.payload);
            break;
        case K::Raw:
            s = QStringLiteral("raw:") + printable(e.payload);
            break;
        case K::Error:
            s = QStringLiteral("error:") + printable(e.text);
            break;
        }
        // Raw bytes may arrive in any number of pieces: merge neighbours.
        if (e.kind == K::Raw && !events.isEmpty() && events.last().startsWith(QLatin1String("raw:")))
            events.last() += s.mid(4);
        else
            events << s;
    }
};
