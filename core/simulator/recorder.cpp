#include "simulator/recorder.h"

#include "atbench_version.h"
#include "simulator/recordingfile.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>

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
    h.insert(QStringLiteral("format"), QStringLiteral("atbench-recording"));
    h.insert(QStringLiteral("version"), 1);
    h.insert(QStringLiteral("recorder"), QStringLiteral("atbench-sim " ATBENCH_VERSION));
    h.insert(QStringLiteral("session"), QString::number(QRandomGenerator::global()->generate64(), 16));
    h.insert(QStringLiteral("part"), 1);
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
    const auto [key, value] = RecordingFile::encodeBytes(qstrcmp(dir, "rx") == 0 ? QStringLiteral("host") : QStringLiteral("module"), bytes);
    writeObject(QJsonObject { { QStringLiteral("t"), double(elapsedUs()) }, { key, value } });
}

void Recorder::event(const QString &name, QJsonObject fields)
{
    fields.insert(QStringLiteral("t"), double(elapsedUs()));
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
    RecordingFile rec;
    if (!RecordingFile::read(recordPath, &rec, error))
        return false;
    const QByteArray bytes = rec.moduleBytes();
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
