#include "supportbundle.h"

#include "atbench_version.h"
#include "log/redactor.h"
#include "model/devicemodel.h"
#include "protocol/errordecoder.h"
#include "provisioning/profilereader.h"
#include "recording/recordingreader.h"
#include "transport/portlister.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSysInfo>

#include <zip.h>

namespace atb {

namespace {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

// Masks what Redactor knows, line by line (text files only).
QByteArray maskText(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    for (QByteArray &l : lines) {
        const bool cr = l.endsWith('\r');
        l = Redactor::maskLine(cr ? l.chopped(1) : l) + (cr ? "\r" : "");
    }
    return lines.join('\n');
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

QJsonObject SupportBundle::environment(const QString &program)
{
    return QJsonObject {
        { QStringLiteral("program"), program },
        { QStringLiteral("version"), QStringLiteral(ATBENCH_VERSION) },
        { QStringLiteral("qt_build"), QStringLiteral(QT_VERSION_STR) },
        { QStringLiteral("qt_runtime"), QString::fromLatin1(qVersion()) },
        { QStringLiteral("os"), QSysInfo::prettyProductName() },
        { QStringLiteral("kernel"), QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion() },
        { QStringLiteral("cpu"), QSysInfo::currentCpuArchitecture() },
        { QStringLiteral("written"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) },
    };
}

QJsonObject SupportBundle::deviceState(const DeviceModel &m)
{
    const WifiState w = m.wifi();
    QJsonArray links;
    for (const LinkInfo &l : m.links())
        links.append(QJsonObject { { QStringLiteral("id"), l.id }, { QStringLiteral("type"), l.type },
                                   { QStringLiteral("remote"), l.remoteHost }, { QStringLiteral("remote_port"), l.remotePort },
                                   { QStringLiteral("local_port"), l.localPort }, { QStringLiteral("server"), l.server } });
    const DnsState d = m.dns();
    const SntpState s = m.sntp();
    const MqttState q = m.mqtt();
    QJsonArray subs;
    for (const MqttSubscription &sub : q.subscriptions)
        subs.append(QJsonObject { { QStringLiteral("topic"), sub.topic }, { QStringLiteral("qos"), sub.qos } });
    return QJsonObject {
        { QStringLiteral("dialect"), dialectName(m.dialect()) },
        { QStringLiteral("dialect_detected"), m.dialectDetected() },
        { QStringLiteral("firmware"), strings(m.firmware()) },
        { QStringLiteral("echo"), m.echo() },
        { QStringLiteral("cipmux"), m.cipMux() },
        { QStringLiteral("cipmode"), m.cipMode() },
        { QStringLiteral("passthrough"), m.passthrough() },
        { QStringLiteral("wifi"), QJsonObject { { QStringLiteral("connected"), w.connected }, { QStringLiteral("got_ip"), w.gotIp },
                                               { QStringLiteral("ssid"), w.ssid }, { QStringLiteral("ip"), w.ip },
                                               { QStringLiteral("mac"), w.mac }, { QStringLiteral("rssi"), w.rssi },
                                               { QStringLiteral("last_join_error"), w.lastJoinError } } },
        { QStringLiteral("links"), links },
        { QStringLiteral("dns"), QJsonObject { { QStringLiteral("known"), d.known }, { QStringLiteral("manual"), d.manual },
                                              { QStringLiteral("servers"), strings(d.servers) } } },
        { QStringLiteral("sntp"), QJsonObject { { QStringLiteral("known"), s.known }, { QStringLiteral("enabled"), s.enabled },
                                               { QStringLiteral("timezone"), s.timezone }, { QStringLiteral("servers"), strings(s.servers) },
                                               { QStringLiteral("module_time"), s.moduleTime } } },
        { QStringLiteral("mqtt"), QJsonObject { { QStringLiteral("state"), q.state }, { QStringLiteral("state_text"), MqttState::stateText(q.state) },
                                               { QStringLiteral("scheme"), q.scheme }, { QStringLiteral("client_id"), q.clientId },
                                               { QStringLiteral("host"), q.host }, { QStringLiteral("port"), q.port },
                                               { QStringLiteral("subscriptions"), subs } } },
    };
}

QJsonObject SupportBundle::profileReadBack(const QList<AtResult> &results, Dialect dialect, const QString &port)
{
    if (results.isEmpty())
        return QJsonObject();
    return ProfileReader::interpret(results, dialect).toProfile(port).toJson();
}

QJsonObject SupportBundle::portIdentity(const QString &portNameOrPath)
{
    QJsonObject o { { QStringLiteral("name"), portNameOrPath } };
    const QString base = portNameOrPath.section(QLatin1Char('/'), -1);
    for (const PortDescription &p : listSerialPorts()) {
        if (p.name != base && p.systemLocation != portNameOrPath)
            continue;
        o.insert(QStringLiteral("system_location"), p.systemLocation);
        o.insert(QStringLiteral("description"), p.description);
        o.insert(QStringLiteral("manufacturer"), p.manufacturer);
        o.insert(QStringLiteral("serial_number"), p.serialNumber);
        if (p.vendorId)
            o.insert(QStringLiteral("usb_vid"), QStringLiteral("%1").arg(*p.vendorId, 4, 16, QLatin1Char('0')));
        if (p.productId)
            o.insert(QStringLiteral("usb_pid"), QStringLiteral("%1").arg(*p.productId, 4, 16, QLatin1Char('0')));
        break;
    }
    if (!o.contains(QStringLiteral("system_location")) && QFileInfo(portNameOrPath).isSymLink())
        o.insert(QStringLiteral("target"), QFileInfo(portNameOrPath).symLinkTarget());
    return o;
}

QList<QJsonObject> SupportBundle::lastErrors(const Recording &rec, int count)
{
    QHash<qint64, QString> lines;
    QList<QJsonObject> out;
    const qint64 started = rec.startedMs();
    for (const RecordingEntry &e : rec.entries) {
        if (e.kind != RecordingEntry::Kind::Event)
            continue;
        const qint64 id = qint64(e.fields.value(QStringLiteral("id")).toDouble());
        if (e.event == QLatin1String("command")) {
            lines.insert(id, e.fields.value(QStringLiteral("line")).toString());
            continue;
        }
        if (e.event != QLatin1String("result"))
            continue;
        const QString status = e.fields.value(QStringLiteral("status")).toString();
        const QString line = lines.take(id);
        if (status == QLatin1String("ok"))
            continue;
        QJsonObject o { { QStringLiteral("t_us"), double(e.tUs) },
                        { QStringLiteral("time"), QDateTime::fromMSecsSinceEpoch(started + e.tUs / 1000, Qt::UTC).toString(Qt::ISODateWithMs) },
                        { QStringLiteral("line"), line },
                        { QStringLiteral("status"), status } };
        if (e.fields.contains(QStringLiteral("final")))
            o.insert(QStringLiteral("final"), e.fields.value(QStringLiteral("final")));
        const QJsonArray codes = e.fields.value(QStringLiteral("err_codes")).toArray();
        if (!codes.isEmpty()) {
            o.insert(QStringLiteral("err_codes"), codes);
            QList<quint32> list;
            for (const QJsonValue &c : codes)
                list << c.toString().toUInt(nullptr, 16);
            o.insert(QStringLiteral("explanation"), describeFailure(list));
        }
        out.append(o);
    }
    return out.mid(qMax<qsizetype>(0, out.size() - count));
}

bool SupportBundle::write(const QString &path, const SupportBundleInput &in, QStringList *files, QString *error)
{
    QList<QPair<QString, QByteArray>> entries;
    QString readme = QStringLiteral(
        "AT Bench support bundle\n"
        "=======================\n\n"
        "Written by %1 %2 on %3.\n\n"
        "environment.json          program, Qt and OS versions\n"
        "port.json                 the link: port, line settings, USB identity\n"
        "module/state.json         what the module reported (the DeviceModel)\n"
        "module/profile.json       the module's profile read back (format atbench-profile; secrets are\n"
        "                          references, never values; absent when the module was not read)\n"
        "module/firmware.txt       AT+GMR\n"
        "module/capabilities.json  the firmware's command list (AT+CMD? or probing)\n"
        "errors.jsonl              the last failed commands, ERR CODEs decoded\n"
        "recording/                the session recording (docs/recording.md; open it in AT Bench with\n"
        "                          File > Open Recording, replay it with atbench-sim --replay FILE,\n"
        "                          decode it with atbench-cli decode FILE)\n"
        "screenshots/              the GUI's pages (GUI bundles only)\n\n"
        "Passwords and PSKs are masked (***) everywhere.\n")
                         .arg(in.program, QStringLiteral(ATBENCH_VERSION), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    entries.append({ QStringLiteral("README.txt"), readme.toUtf8() });
    entries.append({ QStringLiteral("environment.json"), json(environment(in.program)) });
    entries.append({ QStringLiteral("port.json"), json(in.port) });
    entries.append({ QStringLiteral("module/state.json"), json(in.state) });
    if (!in.profile.isEmpty())
        entries.append({ QStringLiteral("module/profile.json"), json(in.profile) });
    entries.append({ QStringLiteral("module/firmware.txt"), in.firmware.join(QLatin1Char('\n')).toUtf8() + '\n' });
    entries.append({ QStringLiteral("module/capabilities.json"),
                     json(QJsonObject { { QStringLiteral("known"), !in.capabilities.isEmpty() },
                                        { QStringLiteral("source"), in.capabilitySource },
                                        { QStringLiteral("commands"), QJsonArray::fromStringList(in.capabilities) } }) });
    QByteArray errors;
    for (const QJsonObject &e : in.errors)
        errors += QJsonDocument(e).toJson(QJsonDocument::Compact) + '\n';
    entries.append({ QStringLiteral("errors.jsonl"), errors });
    for (const QString &part : in.recordingParts) {
        QFile f(part);
        if (!f.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(part, f.errorString());
            return false;
        }
        entries.append({ QStringLiteral("recording/") + QFileInfo(part).fileName(), f.readAll() });
    }
    entries += in.textFiles;
    for (auto &e : entries)
        e.second = maskText(e.second);
    entries += in.extraFiles; // binary (screenshots): written as they are

    int zerr = 0;
    zip_t *z = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &zerr);
    if (!z) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, zerr);
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(zip_error_strerror(&ze)));
        zip_error_fini(&ze);
        return false;
    }
    // libzip reads the buffers at zip_close(): `entries` keeps them alive until then.
    for (const auto &[name, data] : std::as_const(entries)) {
        zip_source_t *src = zip_source_buffer(z, data.constData(), zip_uint64_t(data.size()), 0);
        if (!src || zip_file_add(z, name.toUtf8().constData(), src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
            if (src)
                zip_source_free(src);
            if (error)
                *error = QStringLiteral("%1: %2").arg(name, QString::fromLocal8Bit(zip_strerror(z)));
            zip_discard(z);
            return false;
        }
        if (files)
            files->append(name);
    }
    if (zip_close(z) < 0) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(zip_strerror(z)));
        zip_discard(z);
        return false;
    }
    return true;
}

QMap<QString, QByteArray> SupportBundle::readAll(const QString &path, QString *error)
{
    QMap<QString, QByteArray> out;
    int zerr = 0;
    zip_t *z = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &zerr);
    if (!z) {
        if (error)
            *error = QStringLiteral("%1: not a readable zip (libzip error %2)").arg(path).arg(zerr);
        return out;
    }
    const zip_int64_t n = zip_get_num_entries(z, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        if (zip_stat_index(z, zip_uint64_t(i), 0, &st) != 0)
            continue;
        zip_file_t *f = zip_fopen_index(z, zip_uint64_t(i), 0);
        if (!f)
            continue;
        QByteArray data(qsizetype(st.size), Qt::Uninitialized);
        const zip_int64_t got = zip_fread(f, data.data(), st.size);
        zip_fclose(f);
        data.truncate(got < 0 ? 0 : qsizetype(got));
        out.insert(QString::fromUtf8(st.name), data);
    }
    zip_close(z);
    return out;
}

} // namespace atb
