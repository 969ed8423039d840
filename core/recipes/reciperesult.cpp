#include "reciperesult.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QJsonArray>
#include <QXmlStreamWriter>

namespace atb {

int RecipeResult::failedCount() const
{
    int n = 0;
    for (const RecipeCheck &c : checks)
        n += c.passed ? 0 : 1;
    return n;
}

QString RecipeResult::errorText() const
{
    if (errorFile.isEmpty())
        return message;
    if (errorLine > 0)
        return QStringLiteral("%1:%2: %3").arg(errorFile).arg(errorLine).arg(message);
    return QStringLiteral("%1: %2").arg(errorFile, message);
}

QString RecipeResult::verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Pass: return QStringLiteral("pass");
    case Verdict::Fail: return QStringLiteral("fail");
    case Verdict::Error: return QStringLiteral("error");
    case Verdict::Timeout: return QStringLiteral("timeout");
    case Verdict::Cancelled: return QStringLiteral("cancelled");
    case Verdict::NoModule: return QStringLiteral("no-module");
    }
    return QString();
}

QString RecipeResult::verdictText(Verdict v)
{
    switch (v) {
    case Verdict::Pass: return QCoreApplication::translate("atb::RecipeResult", "PASS");
    case Verdict::Fail: return QCoreApplication::translate("atb::RecipeResult", "FAIL");
    case Verdict::Error: return QCoreApplication::translate("atb::RecipeResult", "ERROR");
    case Verdict::Timeout: return QCoreApplication::translate("atb::RecipeResult", "TIME LIMIT");
    case Verdict::Cancelled: return QCoreApplication::translate("atb::RecipeResult", "STOPPED");
    case Verdict::NoModule: return QCoreApplication::translate("atb::RecipeResult", "NO MODULE");
    }
    return QString();
}

QJsonObject RecipeResult::toJson() const
{
    QJsonArray checkArray;
    for (const RecipeCheck &c : checks) {
        QJsonObject o { { QStringLiteral("name"), c.name },
                        { QStringLiteral("passed"), c.passed },
                        { QStringLiteral("detail"), c.detail },
                        { QStringLiteral("ms"), c.ms },
                        { QStringLiteral("line"), c.line } };
        if (!c.step.isEmpty())
            o.insert(QStringLiteral("step"), c.step);
        checkArray.append(o);
    }
    QJsonObject o { { QStringLiteral("recipe"), recipeId },
                    { QStringLiteral("title"), title },
                    { QStringLiteral("port"), port },
                    { QStringLiteral("verdict"), verdictName(verdict) },
                    { QStringLiteral("passed"), passed() },
                    { QStringLiteral("checks"), checkArray },
                    { QStringLiteral("failed"), failedCount() },
                    { QStringLiteral("duration_ms"), durationMs },
                    { QStringLiteral("started"), startedUtc },
                    { QStringLiteral("firmware"), QJsonArray::fromStringList(firmware) },
                    { QStringLiteral("log"), QJsonArray::fromStringList(log) } };
    if (!message.isEmpty())
        o.insert(QStringLiteral("message"), message);
    if (!errorFile.isEmpty()) {
        o.insert(QStringLiteral("file"), errorFile);
        o.insert(QStringLiteral("line"), errorLine);
    }
    return o;
}

namespace {

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

// Characters XML 1.0 cannot carry at all (control bytes a module may print) become U+FFFD.
QString xmlSafe(const QString &s)
{
    QString out = s;
    for (QChar &c : out) {
        const ushort u = c.unicode();
        if ((u < 0x20 && u != 0x9 && u != 0xA && u != 0xD) || u == 0xFFFE || u == 0xFFFF)
            c = QChar(0xFFFD);
    }
    return out;
}

} // namespace

QByteArray junitXml(const QString &suiteName, const QList<RecipeResult> &results)
{
    int tests = 0, failures = 0, errors = 0;
    qint64 totalMs = 0;
    for (const RecipeResult &r : results) {
        const bool errorCase = r.verdict != RecipeResult::Verdict::Pass && r.verdict != RecipeResult::Verdict::Fail;
        tests += int(r.checks.size()) + (errorCase || r.checks.isEmpty() ? 1 : 0);
        failures += r.failedCount();
        errors += errorCase ? 1 : 0;
        totalMs = std::max(totalMs, r.durationMs); // ports run in parallel
    }
    QByteArray xml;
    QXmlStreamWriter w(&xml);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("testsuites"));
    w.writeAttribute(QStringLiteral("name"), xmlSafe(suiteName));
    w.writeAttribute(QStringLiteral("tests"), QString::number(tests));
    w.writeAttribute(QStringLiteral("failures"), QString::number(failures));
    w.writeAttribute(QStringLiteral("errors"), QString::number(errors));
    w.writeAttribute(QStringLiteral("time"), seconds(totalMs));
    int index = 0;
    for (const RecipeResult &r : results) {
        const bool errorCase = r.verdict != RecipeResult::Verdict::Pass && r.verdict != RecipeResult::Verdict::Fail;
        const QString classname = QStringLiteral("recipe.") + r.recipeId;
        w.writeStartElement(QStringLiteral("testsuite"));
        w.writeAttribute(QStringLiteral("name"), xmlSafe(QStringLiteral("%1 @ %2").arg(r.recipeId, r.port)));
        w.writeAttribute(QStringLiteral("id"), QString::number(index++));
        w.writeAttribute(QStringLiteral("package"), classname);
        w.writeAttribute(QStringLiteral("tests"), QString::number(r.checks.size() + (errorCase || r.checks.isEmpty() ? 1 : 0)));
        w.writeAttribute(QStringLiteral("failures"), QString::number(r.failedCount()));
        w.writeAttribute(QStringLiteral("errors"), QString::number(errorCase ? 1 : 0));
        w.writeAttribute(QStringLiteral("skipped"), QStringLiteral("0"));
        w.writeAttribute(QStringLiteral("time"), seconds(r.durationMs));
        if (!r.startedUtc.isEmpty())
            w.writeAttribute(QStringLiteral("timestamp"), r.startedUtc);
        w.writeAttribute(QStringLiteral("hostname"), xmlSafe(QHostInfo::localHostName()));
        w.writeStartElement(QStringLiteral("properties"));
        const QList<QPair<QString, QString>> props = { { QStringLiteral("port"), r.port },
                                                       { QStringLiteral("verdict"), RecipeResult::verdictName(r.verdict) },
                                                       { QStringLiteral("title"), r.title },
                                                       { QStringLiteral("firmware"), r.firmware.join(QLatin1String(" | ")) } };
        for (const auto &p : props) {
            w.writeStartElement(QStringLiteral("property"));
            w.writeAttribute(QStringLiteral("name"), p.first);
            w.writeAttribute(QStringLiteral("value"), xmlSafe(p.second));
            w.writeEndElement();
        }
        w.writeEndElement(); // properties
        for (const RecipeCheck &c : r.checks) {
            w.writeStartElement(QStringLiteral("testcase"));
            w.writeAttribute(QStringLiteral("classname"), classname);
            w.writeAttribute(QStringLiteral("name"), xmlSafe(c.step.isEmpty() ? c.name : c.step + QStringLiteral(" / ") + c.name));
            w.writeAttribute(QStringLiteral("time"), seconds(c.ms));
            if (!c.passed) {
                w.writeStartElement(QStringLiteral("failure"));
                w.writeAttribute(QStringLiteral("type"), QStringLiteral("check"));
                w.writeAttribute(QStringLiteral("message"), xmlSafe(c.detail.isEmpty() ? c.name : c.detail));
                w.writeCharacters(xmlSafe(c.line > 0 ? QStringLiteral("%1 (line %2)").arg(c.detail).arg(c.line) : c.detail));
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        if (errorCase || r.checks.isEmpty()) {
            w.writeStartElement(QStringLiteral("testcase"));
            w.writeAttribute(QStringLiteral("classname"), classname);
            w.writeAttribute(QStringLiteral("name"), errorCase ? QStringLiteral("recipe ") + RecipeResult::verdictName(r.verdict)
                                                               : QStringLiteral("recipe ran"));
            w.writeAttribute(QStringLiteral("time"), seconds(r.durationMs));
            if (errorCase) {
                w.writeStartElement(QStringLiteral("error"));
                w.writeAttribute(QStringLiteral("type"), RecipeResult::verdictName(r.verdict));
                w.writeAttribute(QStringLiteral("message"), xmlSafe(r.errorText()));
                w.writeCharacters(xmlSafe(r.errorText()));
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeTextElement(QStringLiteral("system-out"), xmlSafe(r.log.join(QLatin1Char('\n'))));
        w.writeEndElement(); // testsuite
    }
    w.writeEndElement(); // testsuites
    w.writeEndDocument();
    return xml;
}

} // namespace atb
