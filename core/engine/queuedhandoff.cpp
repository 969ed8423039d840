#include "queuedhandoff.h"

#if defined(__SANITIZE_THREAD__)
#define ATB_HAS_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define ATB_HAS_TSAN 1
#endif
#endif

#if ATB_HAS_TSAN
#include <QCoreApplication>
#include <QEvent>
#include <QThread>
#include <sanitizer/tsan_interface.h>
#endif

namespace atb::tsan {

#if ATB_HAS_TSAN

namespace {

char g_queuedHandOff; // the sync object: only its address is used

// QInternal::EventNotifyCallback: called by QCoreApplication::notifyInternal2 in the receiving
// thread before every event is delivered; data = { receiver, event, &result }. Returns false so
// the event is delivered as usual.
bool beforeEvent(void **data)
{
    const auto *event = static_cast<const QEvent *>(data[1]);
    if (event->type() != QEvent::MetaCall)
        return false;
    const QCoreApplication *app = QCoreApplication::instance();
    if (app && QThread::currentThread() == app->thread())
        __tsan_acquire(&g_queuedHandOff);
    return false;
}

} // namespace

void publishQueued()
{
    __tsan_release(&g_queuedHandOff);
}

void watchQueuedCalls()
{
    static const bool installed = QInternal::registerCallback(QInternal::EventNotifyCallback, beforeEvent);
    (void)installed;
}

#else

void publishQueued() { }
void watchQueuedCalls() { }

#endif

} // namespace atb::tsan
