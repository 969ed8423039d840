// atbench-cli run: a recipe on one or more modules in parallel, step results as they come,
// JUnit XML and JSON for CI, exit code from the verdicts.
#include "moduleoptions.h"
#include "subcommand.h"

#include "engine/devicesession.h"
#include "recipes/recipe.h"
#include "recipes/reciperunner.h"
#include "recipes/recipeservices.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <memory>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace atb::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

int exitCodeOf(RecipeResult::Verdict v)
{
    switch (v) {
    case RecipeResult::Verdict::Pass: return ExitOk;
    case RecipeResult::Verdict::Fail: return ExitFailed;
    case RecipeResult::Verdict::NoModule: return ExitUnreachable;
    case RecipeResult::Verdict::Error: return ExitScript;
    case RecipeResult::Verdict::Timeout: return ExitTimeLimit;
    case RecipeResult::Verdict::Cancelled: return ExitInterrupted;
    }
    return ExitScript;
}

// One module: its connection, services and runner, and what came of it.
struct PortRun
{
    PortSpec spec;
    std::unique_ptr<ModuleConnection> connection;
    std::unique_ptr<ModuleServices> services;
    std::unique_ptr<RecipeRunner> runner;
    RecipeResult result;
    bool done = false;
};

#ifdef Q_OS_UNIX
int g_signalFds[2] = { -1, -1 };
void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const ssize_t r = ::write(g_signalFds[0], &c, 1);
}
#endif

class Printer
{
public:
    explicit Printer(bool toStderr) : m_out(toStderr ? stderr : stdout) { }
    void line(const QString &port, const QString &text)
    {
        m_out << '[' << port << "] " << text << Qt::endl;
    }

private:
    QTextStream m_out;
};

int listRecipes()
{
    QTextStream out(stdout);
    const QList<Recipe> all = RecipeLibrary::shipped() + RecipeLibrary::user();
    for (const Recipe &r : all) {
        out << r.id << "  " << r.title << (r.shipped ? QString() : QStringLiteral("  (") + r.filePath + QLatin1Char(')')) << '\n';
        if (!r.summary.isEmpty())
            out << "    " << r.summary << '\n';
        for (const RecipeParam &p : r.params)
            out << "    --param " << p.name << '=' << (p.secret ? QStringLiteral("<secret>") : p.defaultValue) << "  "
                << p.description << '\n';
    }
    out.flush();
    return ExitOk;
}

int runRecipe(const Subcommand &sub, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(describe(sub, tr(
        "Run RECIPE on every PORT at once: a file, or the name of a shipped recipe (module-health,\n"
        "tcp-echo, mqtt-loop, reconnect-endurance, factory-smoke; --list shows them with their\n"
        "parameters) or of one in the user's recipe folder. Each check is printed as it is decided.\n"
        "Exit code: 0 when every check passed on every port; else the highest of 1 a check failed,\n"
        "3 a port could not be opened, 5 the script failed (file:line on stderr), 6 a time limit ran\n"
        "out, 7 interrupted; 2 for bad arguments, 4 when the JUnit file cannot be written.")));
    p.addHelpOption();
    ModuleOptions module(true);
    module.addTo(p);
    const QCommandLineOption junitOpt(QStringLiteral("junit"), tr("Write JUnit XML to FILE (one test case per check)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), tr("Print one JSON object with every result on standard "
                                                                "output (progress goes to standard error)."));
    const QCommandLineOption answerOpt(QStringLiteral("answer"), tr("Answer to the recipe's next ask() question; repeat "
                                                                    "for several, in order."),
                                       QStringLiteral("TEXT"));
    const QCommandLineOption paramOpt(QStringLiteral("param"), tr("Set a parameter the recipe declares; repeatable."),
                                      QStringLiteral("NAME=VALUE"));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout"), tr("Time limit of the whole recipe in seconds "
                                                                      "(default: the recipe's own)."),
                                        QStringLiteral("S"));
    const QCommandLineOption listOpt(QStringLiteral("list"), tr("List the recipes (shipped and the user's) and exit."));
    for (const QCommandLineOption *o : { &junitOpt, &jsonOpt, &answerOpt, &paramOpt, &timeoutOpt, &listOpt })
        p.addOption(*o);
    p.addPositionalArgument(QStringLiteral("recipe"), tr("Recipe file or name."), QStringLiteral("RECIPE"));
    p.process(args);

    if (p.isSet(listOpt))
        return listRecipes();
    const QStringList positional = p.positionalArguments();
    if (positional.size() != 1) {
        printError(sub.name, positional.isEmpty() ? tr("give the RECIPE to run (a file or a name; --list shows them).")
                                                  : tr("give one RECIPE only, not '%1'.").arg(positional.join(QLatin1Char(' '))));
        return ExitUsage;
    }
    QString error;
    const std::optional<Recipe> recipe = RecipeLibrary::resolve(positional.first(), &error);
    if (!recipe) {
        printError(sub.name, error);
        return ExitUsage;
    }
    RecipeRunOptions options;
    options.answers = p.values(answerOpt);
    for (const QString &kv : p.values(paramOpt)) {
        const int eq = int(kv.indexOf(QLatin1Char('=')));
        const QString name = eq > 0 ? kv.left(eq) : QString();
        if (name.isEmpty()) {
            printError(sub.name, tr("--param needs NAME=VALUE, not '%1'.").arg(kv));
            return ExitUsage;
        }
        if (!recipe->param(name)) {
            QStringList known;
            for (const RecipeParam &rp : recipe->params)
                known << rp.name;
            printError(sub.name, tr("%1 has no parameter '%2' (it has: %3).")
                                     .arg(recipe->id, name, known.isEmpty() ? tr("none") : known.join(QLatin1String(", "))));
            return ExitUsage;
        }
        options.params.insert(name, kv.mid(eq + 1));
    }
    if (p.isSet(timeoutOpt)) {
        bool ok = false;
        const double s = p.value(timeoutOpt).toDouble(&ok);
        if (!ok || s <= 0 || s > Recipe::kMaxTimeoutS) {
            printError(sub.name, tr("--timeout must be a number of seconds from 1 to %1, not '%2'.")
                                     .arg(Recipe::kMaxTimeoutS)
                                     .arg(p.value(timeoutOpt)));
            return ExitUsage;
        }
        options.timeoutS = std::max(1, int(s + 0.5));
    }
    if (!module.read(p, &error)) {
        printError(sub.name, error);
        return ExitUsage;
    }
    const bool json = p.isSet(jsonOpt);
    Printer print(json);

    // Every port opens and runs at once; the loop ends when the last one is done.
    QEventLoop loop;
    std::vector<std::unique_ptr<PortRun>> runs;
    int pending = 0;
    bool interrupted = false;
    auto finish = [&](PortRun *run, const RecipeResult &result) {
        if (run->done)
            return;
        run->result = result;
        run->done = true;
        const QString name = run->spec.toString();
        const RecipeResult &r = run->result;
        const QString verdict = RecipeResult::verdictText(r.verdict);
        const bool broken = r.verdict == RecipeResult::Verdict::NoModule || r.verdict == RecipeResult::Verdict::Error
            || r.verdict == RecipeResult::Verdict::Timeout;
        if (broken) // the reason names the port (a connection failure) or the script's file and line
            printError(sub.name, r.verdict == RecipeResult::Verdict::NoModule ? r.message : name + QStringLiteral(": ") + r.errorText());
        if (r.checks.isEmpty() && r.verdict != RecipeResult::Verdict::Pass)
            print.line(name, QStringLiteral("%1: %2").arg(verdict, r.errorText()));
        else
            print.line(name, tr("%1: %2 of %3 checks passed in %4 s")
                                 .arg(verdict)
                                 .arg(r.checks.size() - r.failedCount())
                                 .arg(r.checks.size())
                                 .arg(r.durationMs / 1000.0, 0, 'f', 1));
        if (--pending == 0)
            loop.quit();
    };
    for (const PortSpec &spec : module.ports()) {
        auto run = std::make_unique<PortRun>();
        PortRun *r = run.get();
        r->spec = spec;
        r->connection = std::make_unique<ModuleConnection>();
        const QString name = spec.toString();
        QObject::connect(r->connection.get(), &ModuleConnection::failed, &loop, [r, name, &recipe, &finish](const QString &reason) {
            RecipeResult result;
            result.recipeId = recipe->id;
            result.title = recipe->title;
            result.port = name;
            result.verdict = RecipeResult::Verdict::NoModule;
            result.message = reason;
            result.startedUtc = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
            finish(r, result);
        });
        QObject::connect(r->connection.get(), &ModuleConnection::opened, &loop, [r, name, &recipe, &options, &print, &finish, &interrupted] {
            if (interrupted)
                return;
            r->services = std::make_unique<ModuleServices>(r->connection->session(), r->connection->model());
            r->runner = std::make_unique<RecipeRunner>(r->services->services());
            QObject::connect(r->runner.get(), &RecipeRunner::event, r->runner.get(), [name, &print](const RecipeEvent &e) {
                if (e.kind == RecipeEvent::Kind::Check)
                    print.line(name, QStringLiteral("%1 %2 (%3 ms)%4")
                                         .arg(RecipeResult::verdictText(e.passed ? RecipeResult::Verdict::Pass : RecipeResult::Verdict::Fail),
                                              e.name)
                                         .arg(e.ms)
                                         .arg(e.detail.isEmpty() ? QString() : QStringLiteral(": ") + e.detail));
                else if (e.kind == RecipeEvent::Kind::Log)
                    print.line(name, QStringLiteral("  ") + e.detail);
                else if (e.kind == RecipeEvent::Kind::StepStarted)
                    print.line(name, tr("step: %1").arg(e.name));
            });
            QObject::connect(r->runner.get(), &RecipeRunner::finished, r->runner.get(),
                             [r, &finish](const RecipeResult &result) { finish(r, result); });
            RecipeRunOptions o = options;
            o.port = name;
            print.line(name, tr("%1 (%2)").arg(recipe->title, recipe->id));
            r->runner->start(*recipe, o);
        });
        ++pending;
        runs.push_back(std::move(run));
    }

#ifdef Q_OS_UNIX
    // Ctrl+C or a CI's SIGTERM: stop every run, still report and write the JUnit file.
    std::unique_ptr<QSocketNotifier> signalNotifier;
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) == 0) {
        signalNotifier = std::make_unique<QSocketNotifier>(g_signalFds[1], QSocketNotifier::Read);
        QObject::connect(signalNotifier.get(), &QSocketNotifier::activated, &loop, [&] {
            char c = 0;
            [[maybe_unused]] const ssize_t n = ::read(g_signalFds[1], &c, 1);
            interrupted = true;
            for (const auto &run : runs) {
                if (run->runner && run->runner->isRunning()) {
                    run->runner->cancel();
                } else if (!run->done) {
                    RecipeResult result;
                    result.recipeId = recipe->id;
                    result.title = recipe->title;
                    result.port = run->spec.toString();
                    result.verdict = RecipeResult::Verdict::Cancelled;
                    result.message = tr("Interrupted before the module answered.");
                    finish(run.get(), result);
                }
            }
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
#endif
    for (const auto &run : runs)
        run->connection->open(run->spec, module.dialect(), module.openTimeoutMs());
    if (pending > 0)
        loop.exec();
#ifdef Q_OS_UNIX
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    signalNotifier.reset();
    for (int &fd : g_signalFds) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
#endif

    QList<RecipeResult> results;
    int code = ExitOk;
    RecipeResult::Verdict worst = RecipeResult::Verdict::Pass;
    for (const auto &run : runs) {
        results << run->result;
        if (exitCodeOf(run->result.verdict) > code) {
            code = exitCodeOf(run->result.verdict);
            worst = run->result.verdict;
        }
    }
    // Runners before the services and connections they use.
    for (const auto &run : runs) {
        run->runner.reset();
        run->services.reset();
    }
    if (p.isSet(junitOpt)) {
        QSaveFile f(p.value(junitOpt));
        if (!f.open(QIODevice::WriteOnly) || f.write(junitXml(recipe->id, results)) < 0 || !f.commit()) {
            printError(sub.name, tr("cannot write %1: %2").arg(p.value(junitOpt), f.errorString()));
            return ExitIo;
        }
    }
    if (json) {
        QJsonArray ports;
        for (const RecipeResult &r : std::as_const(results))
            ports.append(r.toJson());
        const QJsonObject o { { QStringLiteral("recipe"), recipe->id },
                              { QStringLiteral("title"), recipe->title },
                              { QStringLiteral("verdict"), RecipeResult::verdictName(worst) },
                              { QStringLiteral("passed"), code == ExitOk },
                              { QStringLiteral("exit_code"), code },
                              { QStringLiteral("ports"), ports } };
        const QByteArray out = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
        fwrite(out.constData(), 1, size_t(out.size()), stdout);
        fflush(stdout);
    }
    return code;
}

} // namespace

Subcommand runSubcommand()
{
    Subcommand sub;
    sub.name = QStringLiteral("run");
    sub.synopsis = QStringLiteral("run RECIPE --port PORT [--port PORT...] [--junit FILE] [--json] [--answer TEXT...] "
                                  "[--param NAME=VALUE...] [--timeout S]");
    sub.summary = QCoreApplication::translate("cli", "run a recipe (checks with verdicts) on each PORT in parallel; JUnit XML, JSON");
    sub.run = [sub](const QStringList &args) { return runRecipe(sub, args); };
    return sub;
}

} // namespace atb::cli
