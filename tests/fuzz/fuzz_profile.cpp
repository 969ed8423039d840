// Fuzzes the profile reader (issue 15): arbitrary bytes as a profile document through
// Profile::parse (JSON, the schema, the rules between fields), and for every profile it accepts:
// the file it would save parses again to the same profile (same hash), placeholders expand for
// a sample module, and the planner checks the firmware limits without crashing. Issues always
// carry a JSON Pointer ("" or "/...") and a reason.
#include "provisioning/placeholders.h"
#include "provisioning/profile.h"
#include "provisioning/profileplanner.h"

#include <QHash>

#include <cstdint>
#include <cstdlib>

namespace {

void checkIssues(const QList<atb::JsonIssue> &issues)
{
    for (const atb::JsonIssue &i : issues)
        if ((!i.path.isEmpty() && !i.path.startsWith(QLatin1Char('/'))) || i.reason.isEmpty())
            std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<atb::JsonIssue> issues;
    const std::optional<atb::Profile> profile = atb::Profile::parse(json, &issues);
    checkIssues(issues);
    if (!profile) {
        if (issues.isEmpty())
            std::abort(); // a refusal always says where and why
        return 0;
    }

    // What "save as profile" writes reads back as the same profile.
    QList<atb::JsonIssue> again;
    const std::optional<atb::Profile> reread = atb::Profile::parse(profile->toFileText(), &again);
    if (!reread || reread->hash() != profile->hash())
        std::abort();

    QList<atb::JsonIssue> expandIssues;
    atb::placeholders::expandProfile(*profile, atb::placeholders::sampleIdentity(), &expandIssues);
    checkIssues(expandIssues);

    // Every secret the profile names, with a value, so the limits are what is checked.
    QHash<QString, QString> secrets;
    for (const auto &[name, path] : profile->secretUses())
        secrets.insert(name, QStringLiteral("secret-value"));
    checkIssues(atb::ProfilePlanner::validate(*profile, secrets));
    return 0;
}
