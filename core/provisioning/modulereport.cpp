#include "modulereport.h"

#include <QJsonArray>

#include <algorithm>

namespace atb {

QString CheckResult::verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Pass: return QStringLiteral("pass");
    case Verdict::Fail: return QStringLiteral("fail");
    case Verdict::Skipped: return QStringLiteral("skipped");
    }
    return QString();
}

int ModuleReport::failedFieldCount() const
{
    return int(std::count_if(fields.begin(), fields.end(), [](const FieldCheck &f) { return !f.passed(); }));
}

int ModuleReport::commandsSent() const
{
    return int(std::count_if(commands.begin(), commands.end(),
                             [](const CommandRecord &c) { return c.phase == QLatin1String("apply"); }));
}

QJsonObject ModuleReport::toJson() const
{
    QJsonArray cmds;
    for (const CommandRecord &c : commands) {
        QJsonObject o { { QStringLiteral("phase"), c.phase },
                        { QStringLiteral("step"), c.step },
                        { QStringLiteral("line"), QString::fromUtf8(c.line) },
                        { QStringLiteral("status"), c.status },
                        { QStringLiteral("final"), c.finalText },
                        { QStringLiteral("ms"), double(c.ms) } };
        if (c.attempts > 1)
            o.insert(QStringLiteral("attempts"), c.attempts);
        if (!c.message.isEmpty())
            o.insert(QStringLiteral("message"), c.message);
        cmds << o;
    }
    QJsonArray rows;
    for (const FieldCheck &f : fields)
        rows << f.toJson();
    QJsonArray checkRows;
    for (const CheckResult &c : checks)
        checkRows << QJsonObject { { QStringLiteral("check"), PostCheck::kindName(c.check.kind) },
                                   { QStringLiteral("label"), c.label },
                                   { QStringLiteral("verdict"), CheckResult::verdictName(c.verdict) },
                                   { QStringLiteral("detail"), c.detail },
                                   { QStringLiteral("ms"), double(c.ms) } };
    return QJsonObject {
        { QStringLiteral("format"), QStringLiteral("atbench-provision-report") },
        { QStringLiteral("version"), kVersion },
        { QStringLiteral("profile"), QJsonObject { { QStringLiteral("name"), profileName }, { QStringLiteral("hash"), profileHash } } },
        { QStringLiteral("module"), QJsonObject { { QStringLiteral("index"), index },
                                                  { QStringLiteral("port"), port },
                                                  { QStringLiteral("serial"), serial },
                                                  { QStringLiteral("mac"), mac },
                                                  { QStringLiteral("dialect"), dialect },
                                                  { QStringLiteral("firmware"), QJsonArray::fromStringList(firmware) } } },
        { QStringLiteral("mode"), mode },
        { QStringLiteral("started"), started.toString(Qt::ISODateWithMs) },
        { QStringLiteral("finished"), finished.toString(Qt::ISODateWithMs) },
        { QStringLiteral("timings_ms"), QJsonObject { { QStringLiteral("open"), double(openMs) },
                                                      { QStringLiteral("read"), double(readMs) },
                                                      { QStringLiteral("apply"), double(applyMs) },
                                                      { QStringLiteral("verify"), double(verifyMs) },
                                                      { QStringLiteral("checks"), double(checksMs) },
                                                      { QStringLiteral("total"), double(durationMs()) } } },
        { QStringLiteral("commands"), cmds },
        { QStringLiteral("fields"), rows },
        { QStringLiteral("post_checks"), checkRows },
        { QStringLiteral("notes"), QJsonArray::fromStringList(notes) },
        { QStringLiteral("verdict"), passed ? QStringLiteral("pass") : QStringLiteral("fail") },
        { QStringLiteral("step"), step },
        { QStringLiteral("error"), error },
    };
}

QJsonObject ModuleReport::summaryJson(const QString &reportFile) const
{
    const int checksFailed = int(std::count_if(checks.begin(), checks.end(),
                                               [](const CheckResult &c) { return c.verdict == CheckResult::Verdict::Fail; }));
    QJsonObject o { { QStringLiteral("index"), index },
                    { QStringLiteral("port"), port },
                    { QStringLiteral("mac"), mac },
                    { QStringLiteral("verdict"), passed ? QStringLiteral("pass") : QStringLiteral("fail") },
                    { QStringLiteral("step"), step },
                    { QStringLiteral("fields"), int(fields.size()) },
                    { QStringLiteral("fields_failed"), failedFieldCount() },
                    { QStringLiteral("checks_failed"), checksFailed },
                    { QStringLiteral("commands"), commandsSent() },
                    { QStringLiteral("duration_ms"), double(durationMs()) },
                    { QStringLiteral("error"), error } };
    if (!reportFile.isEmpty())
        o.insert(QStringLiteral("report"), reportFile);
    return o;
}

} // namespace atb
