#include "batchreport.h"

#include "provisioning/placeholders.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QXmlStreamWriter>

#include <algorithm>

namespace atb {

namespace {

QByteArray csvField(const QString &s)
{
    QByteArray b = s.toUtf8();
    if (b.contains(',') || b.contains('"') || b.contains('\n') || b.contains('\r')) {
        b.replace("\"", "\"\"");
        b = '"' + b + '"';
    }
    return b;
}

QStringList failedFieldNames(const ModuleReport &r)
{
    QStringList out;
    for (const FieldCheck &f : r.fields)
        if (!f.passed())
            out << f.field;
    return out;
}

bool holdsSecret(const QByteArray &bytes, const QStringList &secrets)
{
    // Values shorter than 3 bytes would match by chance ("", "1").
    return std::any_of(secrets.begin(), secrets.end(),
                       [&bytes](const QString &s) { return s.size() >= 3 && bytes.contains(s.toUtf8()); });
}

bool writeFile(const QString &path, const QByteArray &bytes, const QStringList &secrets, QString *error)
{
    if (holdsSecret(bytes, secrets)) {
        *error = BatchReport::tr("%1 would contain a secret; not written").arg(path);
        return false;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) < 0 || !f.commit()) {
        *error = BatchReport::tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

} // namespace

int BatchReport::passedCount() const
{
    return int(std::count_if(modules.begin(), modules.end(), [](const ModuleReport &r) { return r.passed; }));
}

QString BatchReport::moduleFileName(const ModuleReport &r)
{
    ModuleIdentity id;
    id.port = r.port;
    QString mac = r.mac;
    mac.remove(QLatin1Char(':'));
    QString name = QStringLiteral("%1-%2").arg(r.index, 2, 10, QLatin1Char('0')).arg(id.portShortName());
    if (!mac.isEmpty())
        name += QLatin1Char('-') + mac.toLower();
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    return name + QLatin1String(".json");
}

QByteArray BatchReport::toCsv() const
{
    QByteArray out = "index,port,serial,mac,dialect,firmware,verdict,step,fields,fields_failed,failed_fields,"
                     "checks_failed,commands,duration_ms,error\n";
    for (const ModuleReport &r : modules) {
        const int checksFailed = int(std::count_if(r.checks.begin(), r.checks.end(), [](const CheckResult &c) {
            return c.verdict == CheckResult::Verdict::Fail;
        }));
        const QList<QByteArray> row {
            QByteArray::number(r.index),
            csvField(r.port),
            csvField(r.serial),
            csvField(r.mac),
            csvField(r.dialect),
            csvField(r.firmware.value(0)),
            r.passed ? "pass" : "fail",
            csvField(r.step),
            QByteArray::number(r.fields.size()),
            QByteArray::number(r.failedFieldCount()),
            csvField(failedFieldNames(r).join(QLatin1Char(' '))),
            QByteArray::number(checksFailed),
            QByteArray::number(r.commandsSent()),
            QByteArray::number(r.durationMs()),
            csvField(r.error),
        };
        out += row.join(',') + '\n';
    }
    return out;
}

QByteArray BatchReport::toJUnit() const
{
    QByteArray out;
    QXmlStreamWriter x(&out);
    x.setAutoFormatting(true);
    x.writeStartDocument();
    const QString suite = QStringLiteral("atbench provision ") + (profileName.isEmpty() ? profileHash.left(19) : profileName);
    int failures = 0;
    for (const ModuleReport &r : modules)
        failures += r.passed ? 0 : 1;
    x.writeStartElement(QStringLiteral("testsuites"));
    x.writeStartElement(QStringLiteral("testsuite"));
    x.writeAttribute(QStringLiteral("name"), suite);
    x.writeAttribute(QStringLiteral("tests"), QString::number(modules.size()));
    x.writeAttribute(QStringLiteral("failures"), QString::number(failures));
    x.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    x.writeAttribute(QStringLiteral("time"), seconds(started.isValid() ? started.msecsTo(finished) : 0));
    if (started.isValid())
        x.writeAttribute(QStringLiteral("timestamp"), started.toString(Qt::ISODate));
    x.writeStartElement(QStringLiteral("properties"));
    for (const auto &[k, v] : { qMakePair(QStringLiteral("profile"), profileName), qMakePair(QStringLiteral("profile_hash"), profileHash),
                                qMakePair(QStringLiteral("mode"), mode) }) {
        x.writeStartElement(QStringLiteral("property"));
        x.writeAttribute(QStringLiteral("name"), k);
        x.writeAttribute(QStringLiteral("value"), v);
        x.writeEndElement();
    }
    x.writeEndElement();
    for (const ModuleReport &r : modules) {
        x.writeStartElement(QStringLiteral("testcase"));
        x.writeAttribute(QStringLiteral("classname"), QStringLiteral("provision.") + r.port);
        x.writeAttribute(QStringLiteral("name"),
                         QStringLiteral("module %1 %2%3").arg(r.index).arg(r.port, r.mac.isEmpty() ? QString() : QLatin1Char(' ') + r.mac));
        x.writeAttribute(QStringLiteral("time"), seconds(r.durationMs()));
        bool wrote = false;
        for (const FieldCheck &f : r.fields) {
            if (f.passed())
                continue;
            x.writeStartElement(QStringLiteral("failure"));
            x.writeAttribute(QStringLiteral("type"), FieldCheck::verdictName(f.verdict));
            x.writeAttribute(QStringLiteral("message"),
                             tr("%1: wanted %2, module reports %3").arg(f.field, FieldCheck::shown(f.desired, f.secret),
                                                                         f.actual.isUndefined() ? tr("nothing")
                                                                                                : FieldCheck::shown(f.actual, f.secret)));
            x.writeCharacters(f.note);
            x.writeEndElement();
            wrote = true;
        }
        for (const CheckResult &c : r.checks) {
            if (c.verdict != CheckResult::Verdict::Fail)
                continue;
            x.writeStartElement(QStringLiteral("failure"));
            x.writeAttribute(QStringLiteral("type"), QStringLiteral("check"));
            x.writeAttribute(QStringLiteral("message"), c.label + QLatin1String(": ") + c.detail);
            x.writeEndElement();
            wrote = true;
        }
        if (!r.passed && !wrote) {
            x.writeStartElement(QStringLiteral("failure"));
            x.writeAttribute(QStringLiteral("type"), r.step);
            x.writeAttribute(QStringLiteral("message"), r.error);
            x.writeEndElement();
        }
        if (!r.notes.isEmpty()) {
            x.writeTextElement(QStringLiteral("system-out"), r.notes.join(QLatin1Char('\n')));
        }
        x.writeEndElement();
    }
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndDocument();
    return out;
}

QByteArray BatchReport::toHtml() const
{
    auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>\n")
             .arg(esc(tr("Provisioning report")));
    h += QStringLiteral(
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #999;padding:4px 8px;text-align:left;vertical-align:top}"
        ".pass{background:#d7f5d7}.fail{background:#f8d0d0}.unreadable{background:#eee}"
        "code{font-size:90%}</style></head><body>\n");
    h += QStringLiteral("<h1>%1</h1>\n").arg(esc(tr("Provisioning report")));
    h += QStringLiteral("<p>%1: <b>%2</b> <code>%3</code><br>%4: %5<br>%6: %7 &ndash; %8</p>\n")
             .arg(esc(tr("Profile")), esc(profileName), esc(profileHash), esc(tr("Mode")), esc(mode), esc(tr("Time")),
                  esc(started.toLocalTime().toString(Qt::ISODate)), esc(finished.toLocalTime().toString(Qt::ISODate)));
    h += QStringLiteral("<p><b>%1</b></p>\n")
             .arg(esc(tr("%1 of %n module(s) passed", nullptr, int(modules.size())).arg(passedCount())));
    h += QStringLiteral("<table><tr><th>#</th><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th></tr>\n")
             .arg(esc(tr("Port")), esc(tr("MAC")), esc(tr("Firmware")), esc(tr("Verdict")), esc(tr("Time (s)")),
                  esc(tr("What failed")));
    for (const ModuleReport &r : modules)
        h += QStringLiteral("<tr class=\"%1\"><td><a href=\"#m%2\">%2</a></td><td>%3</td><td>%4</td><td>%5</td><td>%6</td>"
                            "<td>%7</td><td>%8</td></tr>\n")
                 .arg(r.passed ? QStringLiteral("pass") : QStringLiteral("fail"))
                 .arg(r.index)
                 .arg(esc(r.port), esc(r.mac), esc(r.firmware.value(0)),
                      r.passed ? esc(tr("pass")) : esc(tr("fail")), seconds(r.durationMs()), esc(r.error));
    h += QStringLiteral("</table>\n");
    for (const ModuleReport &r : modules) {
        h += QStringLiteral("<h2 id=\"m%1\">%2</h2>\n").arg(r.index).arg(esc(tr("Module %1 on %2").arg(r.index).arg(r.port)));
        h += QStringLiteral("<p>%1 <a href=\"%2\">%2</a></p>\n").arg(esc(tr("Full report:")), esc(moduleFileName(r)));
        if (!r.notes.isEmpty())
            h += QStringLiteral("<p>%1</p>\n").arg(esc(r.notes.join(QLatin1Char(' '))));
        h += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>\n")
                 .arg(esc(tr("Field")), esc(tr("Desired")), esc(tr("Actual")), esc(tr("Verdict")), esc(tr("Note")));
        for (const FieldCheck &f : r.fields) {
            const QString cls = f.verdict == FieldCheck::Verdict::Match        ? QStringLiteral("pass")
                                : f.verdict == FieldCheck::Verdict::Unreadable ? QStringLiteral("unreadable")
                                                                               : QStringLiteral("fail");
            h += QStringLiteral("<tr class=\"%1\"><td><code>%2</code></td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>\n")
                     .arg(cls, esc(f.field), esc(FieldCheck::shown(f.desired, f.secret)),
                          esc(FieldCheck::shown(f.actual, f.secret)), esc(FieldCheck::verdictName(f.verdict)), esc(f.note));
        }
        for (const CheckResult &c : r.checks)
            h += QStringLiteral("<tr class=\"%1\"><td>%2</td><td colspan=\"2\">%3</td><td>%4</td><td></td></tr>\n")
                     .arg(c.verdict == CheckResult::Verdict::Pass ? QStringLiteral("pass") : QStringLiteral("fail"),
                          esc(c.label), esc(c.detail), esc(CheckResult::verdictName(c.verdict)));
        h += QStringLiteral("</table>\n");
    }
    h += QStringLiteral("</body></html>\n");
    return h.toUtf8();
}

QString BatchReport::writeModule(const QString &dir, const ModuleReport &r, const QStringList &secrets, QString *error)
{
    if (!QDir().mkpath(dir)) {
        *error = tr("cannot create the folder %1").arg(dir);
        return QString();
    }
    const QString path = QDir(dir).filePath(moduleFileName(r));
    if (!writeFile(path, QJsonDocument(r.toJson()).toJson(QJsonDocument::Indented), secrets, error))
        return QString();
    return path;
}

bool BatchReport::write(const QString &dir, const QString &junitFile, const QStringList &secrets, QString *error) const
{
    if (!dir.isEmpty()) {
        for (const ModuleReport &r : modules)
            if (writeModule(dir, r, secrets, error).isEmpty())
                return false;
        const QDir d(dir);
        if (!writeFile(d.filePath(QStringLiteral("report.csv")), toCsv(), secrets, error)
            || !writeFile(d.filePath(QStringLiteral("junit.xml")), toJUnit(), secrets, error)
            || !writeFile(d.filePath(QStringLiteral("report.html")), toHtml(), secrets, error))
            return false;
    }
    if (!junitFile.isEmpty()) {
        const QFileInfo info(junitFile);
        if (!info.dir().exists() && !QDir().mkpath(info.dir().path())) {
            *error = tr("cannot create the folder %1").arg(info.dir().path());
            return false;
        }
        if (!writeFile(junitFile, toJUnit(), secrets, error))
            return false;
    }
    return true;
}

} // namespace atb
