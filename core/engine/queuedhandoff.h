#pragma once

namespace atb::tsan {

// ThreadSanitizer and the signals a session emits to receivers in other threads.
//
// A signal to a receiver in another thread is posted to that thread's event queue, and Qt's
// queue mutex orders everything the emitting thread wrote before the emit with what the slot
// reads. Debian's Qt is not instrumented, so TSan cannot see that mutex: when the receiving
// thread is already awake (it takes the event without reading its wake-up eventfd, the one edge
// TSan does see), every shared payload (an AtResult's lines, implicitly shared with the copy Qt
// queued) is reported as a race between the session's thread that built it and the slot that
// reads it (atbench-cli bundle: CommandQueue::handleEvent against DeviceModel::applyResult).
// These two calls make that hand-over visible, as the std::mutex of DeviceSession's inbox does
// for the other direction:
//  - publishQueued(): a release, called by DeviceSession just before it emits;
//  - watchQueuedCalls(): installs, once per process, an acquire before every queued call
//    (QEvent::MetaCall) delivered in the main thread, the thread that owns the sessions and
//    their receivers (the GUI, a CLI or test main).
// The edge is coarser than Qt's (one sync object for every session): it can hide a race between
// a write in a session's thread before one of its emits and a read in the main thread after any
// later queued call. The sessions' own threads do not acquire, so sessions never order each other.
// Both are no-ops unless built with -fsanitize=thread (-DATBENCH_TSAN=ON).
void publishQueued();
void watchQueuedCalls();

} // namespace atb::tsan
