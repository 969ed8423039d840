#include "simulator/recorder.h"

#include <QDateTime>
#include <QJsonDocument>

namespace atb::sim {

Recorder::~Recorder()
{
    close();
}

bool Recorder::open(const QString &path, const QJsonObject &header, QString *error)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = m_file.errorString();
        return false;
    }
    m_clock.start();
    QJsonObject h = header;
    h.insert(QStringLiteral("format"), QStringLiteral("atbench-sim-record"));
    h.insert(QStringLiteral("version"), 1);
    h.insert(QStringLiteral("started"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    writeObject(h);
    return true;
}

void Recorder::writeObject(const QJsonObject &o)
{
    if (!m_file.isOpen())
        return;
    m_file.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
    m_file.write("\n");
    m_file.flush();
}

void Recorder::record(const char *dir, const QByteArray &bytes)
{
    if (!m_file.isOpen() || bytes.isEmpty())
        return;
    QJsonObject o;
    o.insert(QStringLiteral("t_ms"), double(m_clock.nsecsElapsed() / 1000) / 1000.0);
    o.insert(QStringLiteral("dir"), QLatin1String(dir));
    o.insert(QStringLiteral("hex"), QString::fromLatin1(bytes.toHex()));
    writeObject(o);
}

void Recorder::event(const QString &name, QJsonObject fields)
{
    fields.insert(QStringLiteral("t_ms"), double(m_clock.nsecsElapsed() / 1000) / 1000.0);
    fields.insert(QStringLiteral("event"), name);
    writeObject(fields);
}

void Recorder::close()
{
    if (m_file.isOpen())
        m_file.close();
}

bool Recorder::extractDeviceBytes(const QString &recordPath, const QString &outPath, QString *error)
{
    QFile in(recordPath);
    if (!in.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(recordPath, in.errorString());
        return false;
    }
    QByteArray bytes;
    int lineNo = 0;
    while (!in.atEnd()) {
        const QByteArray line = in.readLine().trimmed();
        ++lineNo;
        if (line.isEmpty())
            continue;
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
        if (!doc.isObject()) {
            if (error)
                *error = QStringLiteral("%1:%2: not a JSON object (%3)").arg(recordPath).arg(lineNo).arg(pe.errorString());
            return false;
        }
        const QJsonObject o = doc.object();
        if (o.value(QStringLiteral("dir")).toString() == QLatin1String("tx"))
            bytes += QByteArray::fromHex(o.value(QStringLiteral("hex")).toString().toLatin1());
    }
    QFile out;
    bool ok = outPath == QLatin1String("-") ? out.open(stdout, QIODevice::WriteOnly)
                                             : (out.setFileName(outPath), out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    if (!ok || out.write(bytes) != bytes.size()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(outPath, out.errorString());
        return false;
    }
    return true;
}

} // namespace atb::sim
