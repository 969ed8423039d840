#include "reciperunner.h"

#include "model/devicemodel.h"
#include "recipebridge.h"
#include "runcontrol.h"

#include <QJSEngine>
#include <QThread>

namespace atb {

RecipeRunner::RecipeRunner(const RecipeServices &services, QObject *parent)
    : QObject(parent), m_bridge(new RecipeBridge(services, this))
{
    qRegisterMetaType<atb::RecipeEvent>();
    qRegisterMetaType<atb::RecipeResult>();
    m_watchdog.setInterval(kWatchIntervalMs);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        if (m_control)
            m_control->watch();
    });
    connect(m_bridge, &RecipeBridge::askRequested, this, &RecipeRunner::askRequested);
    connect(m_bridge, &RecipeBridge::askClosed, this, &RecipeRunner::askClosed);
}

RecipeRunner::~RecipeRunner()
{
    if (m_thread) {
        m_control->stop(RunControl::Stop::Cancelled, tr("Stopped."));
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_bridge->end();
}

const RecipeServices &RecipeRunner::services() const
{
    return m_bridge->services();
}

bool RecipeRunner::start(const Recipe &recipe, const RecipeRunOptions &options)
{
    if (m_thread)
        return false;
    m_control = std::make_shared<RunControl>();
    const int limitS = options.timeoutS > 0 ? options.timeoutS : recipe.timeoutS;
    m_control->setRecipeLimit(limitS * 1000);
    m_bridge->begin(m_control);
    m_pending = std::make_shared<RecipeResult>();

    // Everything the script thread uses is captured by value or owned by shared pointers; the
    // bridge and the session outlive the thread (the destructor waits for it).
    std::shared_ptr<RunControl> control = m_control;
    std::shared_ptr<RecipeResult> out = m_pending;
    RecipeBridge *bridge = m_bridge;
    DeviceSession *session = m_bridge->services().session;
    auto sink = [this](const RecipeEvent &e) { emit event(e); }; // queued to this thread's receivers
    m_thread = QThread::create([recipe, options, control, out, bridge, session, sink] {
        QJSEngine engine;
        control->setEngine(&engine);
        {
            RecipeApi api(&engine, recipe, options, bridge, session, control, sink);
            api.install();
            *out = api.run();
        }
        control->setEngine(nullptr);
    });
    m_thread->setObjectName(QStringLiteral("atbench-recipe"));
    connect(m_thread, &QThread::finished, this, &RecipeRunner::onThreadFinished);
    m_watchdog.start();
    m_thread->start();
    emit runningChanged(true);
    return true;
}

void RecipeRunner::cancel()
{
    if (m_control && m_thread)
        m_control->stop(RunControl::Stop::Cancelled, tr("Stopped by the user."));
}

void RecipeRunner::answer(quint64 id, const QString &text)
{
    m_bridge->answer(id, text);
}

void RecipeRunner::onThreadFinished()
{
    if (!m_thread)
        return;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_watchdog.stop();
    m_bridge->end();
    m_last = *m_pending;
    if (const DeviceModel *model = m_bridge->services().model)
        m_last.firmware = model->firmware();
    m_pending.reset();
    emit runningChanged(false);
    emit finished(m_last);
}

} // namespace atb
