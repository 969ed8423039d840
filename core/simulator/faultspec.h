#pragma once
// One injected fault (--fault SPEC, SimulatedModule::injectFault()); grammar in grammarHelp().
#include <QString>
#include <QtGlobal>

namespace atb::sim {

struct Fault {
    enum class Kind { Busy, Error, Delay, Drop, Garble, Reset, BrokerDrop, WifiDrop, JoinFail };
    Kind kind = Kind::Busy;
    qint64 count = 1;     // busy:N, join-fail:N
    quint32 code = 0;     // error:0x...
    qint64 delayMs = 0;   // delay:MS
    double probability = 0; // drop:P, garble:P
    qint64 atMs = -1;     // "@MS": fire MS after start() (timed faults); -1 = arm immediately

    // Parses one SPEC (e.g. "busy:3", "error:0x010a6044", "reset@2000"). Returns false and
    // sets *error on bad input.
    static bool parse(const QString &spec, Fault *out, QString *error);
    static QString grammarHelp();
    QString toString() const;
};

} // namespace atb::sim
