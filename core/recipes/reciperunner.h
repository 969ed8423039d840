#pragma once

#include "recipe.h"
#include "recipeapi.h"
#include "reciperesult.h"
#include "recipeservices.h"

#include <QObject>
#include <QTimer>

#include <memory>

class QThread;

namespace atb {

class RecipeBridge;
class RunControl;

// Runs recipes on one module, one at a time. The script runs in a thread of its own with its
// own QJSEngine, so a recipe never blocks the caller's thread (the GUI's): every module access
// is handed to this object's thread (RecipeBridge), where the session and the services live,
// and goes through the session's command queue like any page's. A watchdog here stops the run
// at its time limit or a step's, interrupting even a script stuck in `while (true) {}`;
// cancel() stops it at once. Lives in the thread of `services` (the GUI's, or a CLI's main).
class RecipeRunner : public QObject
{
    Q_OBJECT
public:
    static constexpr int kWatchIntervalMs = 50;

    explicit RecipeRunner(const RecipeServices &services, QObject *parent = nullptr);
    // Stops a run in progress and waits for its thread.
    ~RecipeRunner() override;

    // False (and nothing runs) while a run is in progress.
    bool start(const Recipe &recipe, const RecipeRunOptions &options = RecipeRunOptions());
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }
    // The answer to an askRequested() question.
    void answer(quint64 id, const QString &text);
    RecipeResult lastResult() const { return m_last; }
    const RecipeServices &services() const;

signals:
    void runningChanged(bool running);
    void event(const atb::RecipeEvent &event);
    void askRequested(quint64 id, const QString &question, const QStringList &choices);
    void askClosed(quint64 id);
    void finished(const atb::RecipeResult &result);

private:
    void onThreadFinished();

    RecipeBridge *m_bridge;
    std::shared_ptr<RunControl> m_control;
    QThread *m_thread = nullptr;
    std::shared_ptr<RecipeResult> m_pending; // written by the script thread, read once it ended
    QTimer m_watchdog;
    RecipeResult m_last;
};

} // namespace atb
