#pragma once

#include "recipe.h"
#include "reciperesult.h"
#include "recipebridge.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJSValue>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

class QJSEngine;

namespace atb {

class DeviceSession;
class RunControl;

// How a run is asked for (GUI or CLI).
struct RecipeRunOptions
{
    QHash<QString, QString> params; // values for the recipe's @param names (others: the defaults)
    QStringList answers;            // answers to ask(), in order (atbench-cli --answer)
    bool interactive = false;       // ask() beyond `answers` asks the user (GUI); else it fails
    int timeoutS = 0;               // the whole recipe's limit; 0: the recipe's @timeout
    QString port;                   // where it runs, for the result
};

// The script's view of AT Bench: the global functions of the recipe API (README "Recipes").
// Lives in the script thread with the engine; every call that needs the module posts a job to
// the RecipeBridge and waits on RunControl, so the wait is bounded by the call's own limit, the
// step's and the recipe's, and ends at once on cancel.
class RecipeApi : public QObject
{
    Q_OBJECT
public:
    using Job = std::function<void(RecipeBridge &, quint64 req)>;
    using EventSink = std::function<void(const RecipeEvent &)>;

    RecipeApi(QJSEngine *engine, const Recipe &recipe, const RecipeRunOptions &options, RecipeBridge *bridge,
              DeviceSession *session, std::shared_ptr<RunControl> control, EventSink sink);
    ~RecipeApi() override;

    // Puts the functions and the namespace objects into the engine's global object.
    void install();
    // Runs the script and turns the outcome into a result (checks, verdict, error position).
    RecipeResult run();

    // ---- the global functions ---------------------------------------------------------
    Q_INVOKABLE QJSValue at(const QJSValue &line, const QJSValue &options = QJSValue());
    Q_INVOKABLE QJSValue send(const QJSValue &data);
    Q_INVOKABLE QJSValue expect(const QJSValue &pattern, const QJSValue &timeoutMs = QJSValue());
    Q_INVOKABLE void discard();
    Q_INVOKABLE void sleep(const QJSValue &ms);
    Q_INVOKABLE void log(const QJSValue &a = QJSValue(), const QJSValue &b = QJSValue(), const QJSValue &c = QJSValue(),
                         const QJSValue &d = QJSValue());
    Q_INVOKABLE bool check(const QJSValue &name, const QJSValue &condition, const QJSValue &detail = QJSValue());
    Q_INVOKABLE bool require(const QJSValue &name, const QJSValue &condition, const QJSValue &detail = QJSValue());
    Q_INVOKABLE QJSValue step(const QJSValue &name, const QJSValue &fn, const QJSValue &options = QJSValue());
    Q_INVOKABLE QJSValue ask(const QJSValue &question, const QJSValue &options = QJSValue());
    Q_INVOKABLE QJSValue param(const QJSValue &name, const QJSValue &fallback = QJSValue());
    Q_INVOKABLE QJSValue fromHex(const QJSValue &text);
    Q_INVOKABLE QString toHex(const QJSValue &data);
    Q_INVOKABLE double elapsed() const;

    // ---- for the namespace objects (recipeapi_services.cpp) ----------------------------
    // Posts `job` and waits for its answer until `ownLimitMs` (< 0: no own limit), the step's
    // or the recipe's limit, or a stop. Invalid when no answer came; *timedOut tells whether
    // the own limit ended it (the run goes on) rather than a stop (the script is ending).
    QVariant call(const Job &job, int ownLimitMs = -1, bool *timedOut = nullptr);
    // call() for a service operation, with `activity` shown while it runs; a JS object.
    QJSValue operation(const QString &activity, const Job &job);
    QJSValue toJs(const QVariant &v);
    QByteArray bytes(const QJSValue &v);
    // Throws a TypeError into the script (the call then returns undefined).
    QJSValue typeError(const QString &message);
    QString masked(const QString &text) const;
    void setActivity(const QString &text);
    QJSEngine *engine() const { return m_engine; }
    DeviceSession *session() const { return m_session; }

    static constexpr int kDefaultExpectMs = 5000;

private:
    void record(const QString &name, bool passed, const QString &detail);
    int callerLine();
    void emitLog(const QString &text);
    QJSValue throwNamed(const QString &name, const QString &message);

    QJSEngine *m_engine;
    Recipe m_recipe;
    RecipeRunOptions m_options;
    RecipeBridge *m_bridge;
    DeviceSession *m_session;
    std::shared_ptr<RunControl> m_control;
    EventSink m_sink;
    QList<QObject *> m_namespaces;

    QElapsedTimer m_clock;
    qint64 m_markMs = 0;             // where the next check's duration starts
    QList<RecipeCheck> m_checks;
    QStringList m_log;
    QStringList m_steps;             // nested step() names, innermost last
    QStringList m_answers;
    QStringList m_secrets;
    quint64 m_promptCommand = 0;     // at() of a data-phase command stopped at '>'
};

} // namespace atb
