#pragma once
// The command table: every command the module answers and the forms it takes.
#include <QByteArray>
#include <QList>

namespace atb::sim {

struct CommandInfo {
    const char *name;
    bool test, query, set, exec;
};

// nullptr when the module does not know the command.
const CommandInfo *findCommand(const QByteArray &name);
// In the order AT+CMD? lists them.
QList<const CommandInfo *> allCommands();

} // namespace atb::sim
