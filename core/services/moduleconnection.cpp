#include "moduleconnection.h"

#include "engine/devicesession.h"
#include "engine/sessionhost.h"
#include "model/devicemodel.h"

#include <QEventLoop>

namespace atb {

std::optional<DialectChoice> dialectChoiceFromName(QStringView name)
{
    if (name.compare(u"auto", Qt::CaseInsensitive) == 0)
        return DialectChoice::Auto;
    if (const std::optional<Dialect> d = dialectFromName(name))
        return *d == Dialect::Beken ? DialectChoice::Beken : DialectChoice::Esp;
    return std::nullopt;
}

ModuleConnection::ModuleConnection(QObject *parent)
    : QObject(parent), m_host(std::make_unique<SessionHost>(QStringLiteral("atbench-module-io"))),
      m_model(new DeviceModel(this))
{
    DeviceSession *s = m_host->session();
    // The model first: it has taken in every reply (AT+GMR's firmware) by the time the probe,
    // connected after it, reports.
    m_model->follow(s);
    m_dialectProbe = new DialectProbe(s, this);
    connect(s, &DeviceSession::stateChanged, this, [this](DeviceSession::State st) {
        if (st == DeviceSession::State::Connecting)
            m_linkStarted = true;
        else if (st == DeviceSession::State::Connected)
            onLinkUp();
        else if (st == DeviceSession::State::Disconnected)
            onLinkDown();
    });
    connect(s, &DeviceSession::errorOccurred, this, &ModuleConnection::onError);
    connect(m_dialectProbe, &DialectProbe::finished, this, &ModuleConnection::onProbeFinished);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (!m_opening)
            return;
        m_dialectProbe->cancel();
        const QString seconds = QString::number(m_deadline.interval() / 1000.0, 'g', 3);
        if (session()->state() == DeviceSession::State::Connected)
            fail(tr("%1: no module answered within %2 s.").arg(portName(), seconds));
        else if (!m_lastLinkError.isEmpty())
            fail(tr("%1: %2").arg(portName(), m_lastLinkError));
        else
            fail(tr("%1: the link did not open within %2 s.").arg(portName(), seconds));
    });
}

ModuleConnection::~ModuleConnection()
{
    // The model and the probe go before the host, which closes the link and ends the thread.
    m_dialectProbe->cancel();
}

DeviceSession *ModuleConnection::session() const
{
    return m_host->session();
}

QString ModuleConnection::portName() const
{
    return m_spec.toString();
}

void ModuleConnection::open(const PortSpec &spec, DialectChoice dialect, int timeoutMs)
{
    m_spec = spec;
    m_choice = dialect;
    m_probe = {};
    m_error.clear();
    m_lastLinkError.clear();
    m_opened = false;
    m_opening = true;
    m_linkStarted = false;
    m_deadline.start(qMax(100, timeoutMs));
    DeviceSession *s = session();
    switch (spec.kind) {
    case PortSpec::Kind::Serial:
        s->openSerial(spec.serial);
        break;
    case PortSpec::Kind::Tcp:
        s->openTcp(spec.host, spec.port);
        break;
    case PortSpec::Kind::Simulator:
        if (!m_simFactory) {
            // Reported from the event loop like every other outcome.
            QTimer::singleShot(0, this, [this] {
                fail(tr("%1: this program has no built-in simulated module; start atbench-sim --pty LINK and name LINK.")
                         .arg(portName()));
            });
            return;
        }
        s->openWith(m_simFactory(spec.simulator, spec.serial.baudRate));
        break;
    }
}

void ModuleConnection::close()
{
    m_opening = false;
    m_deadline.stop();
    m_dialectProbe->cancel();
    session()->close();
}

void ModuleConnection::onLinkUp()
{
    if (!m_opening || m_dialectProbe->isRunning())
        return;
    // A built-in simulated module speaks the dialect it was made for from its first byte.
    if (m_spec.kind == PortSpec::Kind::Simulator && m_choice == DialectChoice::Auto)
        session()->setDialect(m_spec.simulator == QLatin1String("beken") ? Dialect::Beken : Dialect::Esp);
    if (!m_dialectProbe->start())
        fail(tr("%1: the dialect probe could not start.").arg(portName()));
}

void ModuleConnection::onLinkDown()
{
    if (m_opening) {
        if (!m_linkStarted)
            return; // the end of an earlier link, reported after this open() began
        fail(tr("%1: %2").arg(portName(), m_lastLinkError.isEmpty() ? tr("the link closed while opening.") : m_lastLinkError));
    } else if (m_opened) {
        m_opened = false;
        emit lost(tr("%1: %2").arg(portName(), m_lastLinkError.isEmpty() ? tr("the link closed.") : m_lastLinkError));
    }
}

void ModuleConnection::onError(const QString &message)
{
    m_lastLinkError = message;
}

void ModuleConnection::onProbeFinished(const DialectProbeResult &r)
{
    if (!m_opening)
        return;
    m_probe = r;
    if (!r.answered) {
        fail(tr("%1: no module answered (%2).").arg(portName(), r.evidence));
        return;
    }
    Dialect d = r.detected() ? r.dialect : session()->dialect();
    if (m_choice == DialectChoice::Esp)
        d = Dialect::Esp;
    else if (m_choice == DialectChoice::Beken)
        d = Dialect::Beken;
    m_model->setDialect(d, m_choice == DialectChoice::Auto && r.detected());
    session()->setDialect(d);
    m_opening = false;
    m_opened = true;
    m_deadline.stop();
    emit opened(r);
}

void ModuleConnection::fail(const QString &reason)
{
    if (!m_opening)
        return;
    m_opening = false;
    m_deadline.stop();
    m_error = reason;
    session()->close();
    emit failed(reason);
}

bool ModuleConnection::openAndWait(const PortSpec &spec, DialectChoice dialect, QString *error, int timeoutMs)
{
    QEventLoop loop;
    bool ok = false;
    const QMetaObject::Connection a = connect(this, &ModuleConnection::opened, &loop, [&] {
        ok = true;
        loop.quit();
    });
    const QMetaObject::Connection b = connect(this, &ModuleConnection::failed, &loop, [&] { loop.quit(); });
    open(spec, dialect, timeoutMs);
    if (m_opening)
        loop.exec();
    disconnect(a);
    disconnect(b);
    if (!ok && error)
        *error = m_error;
    return ok;
}

} // namespace atb
