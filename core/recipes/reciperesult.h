#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace atb {

// One verdict a recipe recorded with check() or require() (or that the runner recorded for it:
// a step over its time limit).
struct RecipeCheck
{
    QString name;
    bool passed = false;
    QString detail;     // what was seen ("+CWJAP:2", "offset 0.4 s")
    QString step;       // the step() it belongs to; empty at top level
    qint64 ms = 0;      // since the previous check (or the start of its step, or of the recipe)
    int line = 0;       // the script line of the check() call; 0 when not known
};

// What a running recipe reports as it goes (RecipeRunner::event).
struct RecipeEvent
{
    enum class Kind {
        StepStarted,  // name
        StepFinished, // name, passed, ms
        Check,        // check
        Log,          // detail: the log() text (or a note of the runner)
        Activity      // detail: what the recipe waits for now ("AT+CWJAP=..."); empty: nothing
    };
    Kind kind = Kind::Log;
    QString name;
    bool passed = false;
    qint64 ms = 0;
    QString detail;
    RecipeCheck check;
};

// The outcome of one run of one recipe on one module.
struct RecipeResult
{
    enum class Verdict {
        Pass,      // every check passed (a recipe without checks passes when it ran through)
        Fail,      // a check failed (require() stops the recipe there)
        Error,     // the script could not run on: syntax error, exception, ask() unanswered
        Timeout,   // the recipe's or a step's time limit ran out
        Cancelled, // stopped by the user
        NoModule   // the port could not be opened (CLI): nothing ran
    };

    QString recipeId;
    QString title;
    QString port;                // where it ran ("/dev/ttyUSB0", "sim:esp")
    Verdict verdict = Verdict::Pass;
    QList<RecipeCheck> checks;
    QString message;             // Error/Timeout/Cancelled/NoModule: the reason in words
    QString errorFile;           // Error: the script file and line, when known
    int errorLine = 0;
    qint64 durationMs = 0;
    QString startedUtc;          // ISO 8601
    QStringList log;             // log() lines and the runner's notes, in order
    QStringList firmware;        // AT+GMR as the model knew it at the end

    int failedCount() const;
    bool passed() const { return verdict == Verdict::Pass; }
    // "file.js:12: ReferenceError: x is not defined" or just the message.
    QString errorText() const;

    static QString verdictName(Verdict v); // "pass", "fail", "error", "timeout", "cancelled", "no-module"
    // PASS, FAIL, ERROR, ... translated, for people.
    static QString verdictText(Verdict v);

    // The JSON of `atbench-cli run --json` for one port (README "Recipes" has the keys).
    QJsonObject toJson() const;
};

// JUnit XML (the Ant/Jenkins format CI servers read): one <testsuite> per port, one <testcase>
// per check; a script error, time-out, cancel or unreachable port is one <testcase> with an
// <error>. classname is "recipe.<id>", so results group by recipe.
QByteArray junitXml(const QString &suiteName, const QList<RecipeResult> &results);

} // namespace atb

Q_DECLARE_METATYPE(atb::RecipeEvent)
Q_DECLARE_METATYPE(atb::RecipeResult)
