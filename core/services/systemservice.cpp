#include "systemservice.h"

#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "protocol/atencoder.h"
#include "protocol/commandcatalog.h"

namespace atb {

namespace {

const QString kOrigin = QStringLiteral("system");

} // namespace

SystemService::SystemService(DeviceSession *session, DeviceModel *model, QObject *parent)
    : QObject(parent), m_session(session), m_model(model)
{
    // Before the runner: replies are parsed before finished() reaches the page.
    connect(session, &DeviceSession::commandFinished, this, &SystemService::onCommandFinished);
    m_runner = new CommandRunner(session, this);
    connect(m_runner, &CommandRunner::busyChanged, this, &SystemService::busyChanged);
    connect(m_runner, &CommandRunner::finished, this, &SystemService::onRunnerFinished);
    connect(session, &DeviceSession::urcReceived, this, [this](const AtEvent &e) {
        if (e.text.trimmed() == "ready") {
            m_rebooted = true;
            emit stateChanged();
        }
    });
    connect(session, &DeviceSession::stateChanged, this, [this](DeviceSession::State s) {
        if (s == DeviceSession::State::Disconnected && m_store != -1) {
            m_store = -1;
            emit stateChanged();
        }
    });
}

Dialect SystemService::dialect() const
{
    return m_model ? m_model->dialect() : Dialect::Esp;
}

OperationPlan SystemService::planRead() const
{
    const Dialect d = dialect();
    const AtEncoder enc(d);
    OperationPlan p;
    for (const EncodeResult &r : { enc.execute("AT+GMR"), enc.query("AT+SYSSTORE"), enc.query("AT+SYSLOG") })
        p.addEncoded(r, d, kOrigin); // AT+SYSLOG is ESP-AT's only
    return p;
}

OperationPlan SystemService::planApply(const SystemSettings &s) const
{
    const Dialect d = dialect();
    const AtEncoder enc(d);
    OperationPlan p;
    if (s.store >= 0 && s.store != m_store) {
        const EncodeResult r = enc.set("AT+SYSSTORE", { AtArg::integer(s.store) });
        if (!r.ok())
            return OperationPlan::failure(r.error, r.errorParam);
        p.add(r.line, d, kOrigin,
              s.store ? tr("From now on Wi-Fi, MQTT and TCP/IP settings are saved to flash and survive a restart.")
                      : tr("From now on settings are kept until the next restart only (flash is spared)."));
        p.addEncoded(enc.query("AT+SYSSTORE"), d, kOrigin);
    }
    const int sysLog = m_model ? m_model->sysLog() : -1;
    if (s.sysLog >= 0 && s.sysLog != sysLog) {
        const EncodeResult r = enc.set("AT+SYSLOG", { AtArg::integer(s.sysLog) });
        if (!r.ok())
            return OperationPlan::failure(r.error.isEmpty() ? tr("Only ESP-AT has AT+SYSLOG") : r.error, "status");
        p.add(r.line, d, kOrigin,
              s.sysLog ? tr("Failures then carry ERR CODE lines, decoded into words.")
                       : tr("Failures are a bare ERROR again: AT Bench cannot say why."));
    }
    if (p.isEmpty())
        return OperationPlan::failure(tr("Nothing to change: the module already has these settings."), QByteArray());
    return p;
}

OperationPlan SystemService::planRestart() const
{
    OperationPlan p;
    p.addEncoded(AtEncoder(dialect()).execute("AT+RST"), dialect(), kOrigin,
                 tr("The module answers OK, restarts and prints \"ready\"; links and the MQTT connection drop."));
    return p;
}

OperationPlan SystemService::planRestore() const
{
    OperationPlan p;
    p.addEncoded(AtEncoder(dialect()).execute("AT+RESTORE"), dialect(), kOrigin,
                 tr("Erases every saved setting (Wi-Fi network and password, MQTT, UART, SoftAP) and restarts."));
    return p;
}

OperationPlan SystemService::start(Op op, const QString &label, const OperationPlan &plan)
{
    return m_runner->start(label, plan, [this, op] {
        m_op = op;
        if (op == Op::Restart || op == Op::Restore)
            m_rebooted = false;
    });
}

OperationPlan SystemService::read()
{
    return start(Op::Read, tr("Read the module"), planRead());
}

OperationPlan SystemService::apply(const SystemSettings &settings)
{
    return start(Op::Apply, tr("Module settings"), planApply(settings));
}

OperationPlan SystemService::restart()
{
    return start(Op::Restart, tr("Restart the module"), planRestart());
}

OperationPlan SystemService::restore()
{
    return start(Op::Restore, tr("Restore factory settings"), planRestore());
}

void SystemService::onCommandFinished(const AtResult &r)
{
    if (!r.ok())
        return;
    const QByteArray line = r.command.line.trimmed();
    const QByteArray name = CommandCatalog::commandName(line).toUpper();
    int store = m_store;
    for (const QByteArray &l : r.lines) {
        if (l.startsWith("+SYSSTORE:")) {
            bool ok = false;
            const int v = l.mid(10).trimmed().toInt(&ok);
            if (ok)
                store = v;
        }
    }
    if (name == "AT+SYSSTORE" && line.contains('=') && !line.endsWith("=?"))
        store = line.mid(line.indexOf('=') + 1).trimmed().toInt();
    if (name == "AT+RESTORE")
        store = 1; // the factory default: save to flash
    if (store != m_store) {
        m_store = store;
        emit stateChanged();
    }
}

void SystemService::onRunnerFinished(const OperationResult &result)
{
    OperationResult out = result;
    const Op op = m_op;
    m_op = Op::None;
    if (result.ok) {
        switch (op) {
        case Op::Read:
            out.message = tr("Module read.");
            break;
        case Op::Apply:
            out.message = tr("Module settings applied.");
            break;
        case Op::Restart:
            out.message = tr("The module restarts; it prints \"ready\" when it is back.");
            break;
        case Op::Restore:
            out.message = tr("Factory settings restored; the module restarts.");
            break;
        case Op::None:
            break;
        }
    }
    emit finished(out);
}

} // namespace atb
