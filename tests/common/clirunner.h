#pragma once
// Runs atbench-cli as a user would (a child process), for the cli tier: exit code, standard
// output and standard error, with a time limit so a hanging sub-command fails the test instead of
// the whole run.

#include <QProcess>
#include <QStringList>

namespace clitest {

inline QString cliBinary() { return QStringLiteral(ATB_BINARY_DIR "/app/atbench-cli"); }

struct CliRun
{
    int exitCode = -1;
    bool finished = false; // false: killed at the time limit
    QByteArray out;
    QByteArray err;
};

inline CliRun runCli(const QStringList &args, int timeoutMs = 60000, const QByteArray &input = {})
{
    QProcess p;
    p.setProgram(cliBinary());
    p.setArguments(args);
    p.start();
    CliRun r;
    if (!p.waitForStarted(10000))
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace clitest
