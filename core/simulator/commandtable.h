#pragma once
// The command table: every command the module answers and the forms it takes.
#include <QByteArray>
#include <QList>

namespace atb::sim {

struct CommandInfo {
    enum Availability { All, EspOnly, Esp3Only };
    const char *name;
    bool test, query, set, exec;
    Availability avail = All; // EspOnly: not in the Beken firmware; Esp3Only: ESP-AT 3.x only
};

// A documented command the simulator deliberately leaves unanswered (ERROR, as firmware built
// without that feature answers), with the reason.
struct UnansweredCommand {
    const char *name;
    const char *reason;
};

// nullptr when the module does not know the command.
const CommandInfo *findCommand(const QByteArray &name);
// In the order AT+CMD? lists them.
QList<const CommandInfo *> allCommands();
QList<UnansweredCommand> unansweredCommands();

} // namespace atb::sim
