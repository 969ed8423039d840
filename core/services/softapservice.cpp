#include "softapservice.h"

#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "protocol/atencoder.h"
#include "protocol/commandcatalog.h"
#include "services/ipv4.h"

#include <QRegularExpression>

namespace atb {

namespace {

const QString kOrigin = QStringLiteral("softap");

int number(const QString &s, int fallback = -1)
{
    bool ok = false;
    const int v = s.trimmed().toInt(&ok);
    return ok ? v : fallback;
}

bool isMac(const QString &mac)
{
    static const QRegularExpression re(QStringLiteral("^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$"));
    return re.match(mac).hasMatch();
}

QList<QString> argsOf(const QByteArray &line)
{
    const qsizetype eq = line.indexOf('=');
    return eq < 0 ? QList<QString>() : DeviceModel::splitFields(QByteArrayView(line).sliced(eq + 1));
}

} // namespace

SoftApService::SoftApService(DeviceSession *session, DeviceModel *model, QObject *parent)
    : QObject(parent), m_session(session), m_model(model)
{
    // Before the runner: replies are parsed before finished() reaches the page.
    connect(session, &DeviceSession::commandFinished, this, &SoftApService::onCommandFinished);
    m_runner = new CommandRunner(session, this);
    connect(m_runner, &CommandRunner::busyChanged, this, &SoftApService::busyChanged);
    connect(m_runner, &CommandRunner::finished, this, &SoftApService::onRunnerFinished);
    connect(session, &DeviceSession::urcReceived, this, [this](const AtEvent &e) {
        const QByteArray t = e.text.trimmed();
        if (t == "ready") {
            setState(SoftApState()); // rebooted: read again
        } else if (t.startsWith("+STA_CONNECTED:") || t.startsWith("+DIST_STA_IP:")
                   || t.startsWith("+STA_DISCONNECTED:")) {
            // A station came or went: the list is read again when the module is free.
            if (!m_runner->isBusy() && m_state.apOn())
                refreshStations();
        }
    });
    connect(session, &DeviceSession::stateChanged, this, [this](DeviceSession::State s) {
        if (s == DeviceSession::State::Disconnected)
            setState(SoftApState());
    });
}

Dialect SoftApService::dialect() const
{
    return m_model ? m_model->dialect() : Dialect::Esp;
}

bool SoftApService::available() const
{
    return CommandCatalog::builtin().find("AT+CWSAP", dialect()) != nullptr;
}

// ---- plans -----------------------------------------------------------------------------------

OperationPlan SoftApService::apQueries() const
{
    const Dialect d = dialect();
    const AtEncoder enc(d);
    OperationPlan p;
    for (const EncodeResult &r : { enc.query("AT+CWSAP"), enc.query("AT+CIPAP"), enc.query("AT+CWDHCPS"),
                                   enc.execute("AT+CWLIF") })
        p.addEncoded(r, d, kOrigin);
    return p;
}

OperationPlan SoftApService::planRead() const
{
    if (!available())
        return OperationPlan::failure(tr("Seed 000 (Beken) has no SoftAP commands (AT+CWSAP)."), "softap");
    OperationPlan p;
    // The SoftAP's queries answer ERROR while it is off: they follow when it is known to be on
    // (and after the mode query, when it says so).
    p.addEncoded(AtEncoder(dialect()).query("AT+CWMODE"), dialect(), kOrigin,
                 m_state.apOn() ? QString() : tr("Then AT+CWSAP?, AT+CIPAP?, AT+CWDHCPS? and AT+CWLIF if the SoftAP is on."));
    if (m_state.apOn())
        p.append(apQueries());
    return p;
}

OperationPlan SoftApService::planApply(const SoftApSettings &s) const
{
    if (!available())
        return OperationPlan::failure(tr("Seed 000 (Beken) has no SoftAP commands (AT+CWSAP)."), "softap");
    const Dialect d = dialect();
    const AtEncoder enc(d);
    if (s.ssid.trimmed().isEmpty())
        return OperationPlan::failure(tr("Enter the SoftAP's network name (SSID)."), "ssid");
    const qsizetype pwd = s.password.toUtf8().size();
    if (s.encryption == 0 && pwd > 0)
        return OperationPlan::failure(tr("An open network has no password: clear it, or choose WPA2."), "pwd");
    if (s.encryption != 0 && (pwd < 8 || pwd > 64))
        return OperationPlan::failure(tr("The password must be 8 to 64 bytes (%1 now).").arg(pwd), "pwd");
    OperationPlan p;
    if (!m_state.apOn()) {
        const int mode = m_state.mode == 0 || m_state.mode == 2 ? 2 : 3;
        p.addEncoded(enc.set("AT+CWMODE", { AtArg::integer(mode) }), d, kOrigin,
                     mode == 3 ? tr("Turns the SoftAP on and keeps the station (SoftAP + station).")
                               : tr("Turns the SoftAP on."));
    }
    const EncodeResult r = enc.set("AT+CWSAP", { AtArg::string(s.ssid.toUtf8()), AtArg::string(s.password.toUtf8()),
                                                  AtArg::integer(s.channel), AtArg::integer(s.encryption),
                                                  AtArg::integer(s.maxConnections), AtArg::integer(s.hidden ? 1 : 0) });
    if (!r.ok())
        return OperationPlan::failure(r.error, r.errorParam);
    p.add(r.line, d, kOrigin,
          s.hidden ? tr("Hidden: stations must know the SSID to join.") : QString());
    // Read back; a SoftAP just turned on also shows its address, range and stations.
    if (m_state.apOn())
        p.addEncoded(enc.query("AT+CWSAP"), d, kOrigin);
    else
        p.append(apQueries());
    return p;
}

OperationPlan SoftApService::planNetwork(const SoftApNetworkSettings &s) const
{
    if (!available())
        return OperationPlan::failure(tr("Seed 000 (Beken) has no SoftAP commands (AT+CWSAP)."), "softap");
    if (m_state.mode >= 0 && !m_state.apOn())
        return OperationPlan::failure(tr("The SoftAP is off (Wi-Fi mode %1): set its network first, which turns it on.")
                                          .arg(m_state.mode),
                                      "softap");
    const QString ip = s.ip.trimmed(), gw = s.gateway.trimmed(), mask = s.netmask.trimmed();
    if (!isDottedIpv4(ip))
        return OperationPlan::failure(tr("Enter the SoftAP's IPv4 address, e.g. 192.168.4.1"), "ip");
    if (!gw.isEmpty() && !isDottedIpv4(gw))
        return OperationPlan::failure(tr("\"%1\" is not a valid IPv4 address").arg(gw), "gateway");
    if (!mask.isEmpty() && !isNetmask(mask))
        return OperationPlan::failure(tr("\"%1\" is not a netmask (ones, then zeros: 255.255.255.0)").arg(mask),
                                      "netmask");
    if (gw.isEmpty() && !mask.isEmpty())
        return OperationPlan::failure(tr("A netmask goes with a gateway (AT+CIPAP takes them in that order)"), "gateway");
    const Dialect d = dialect();
    const AtEncoder enc(d);
    OperationPlan p;
    QList<AtArg> args { AtArg::string(ip.toUtf8()) };
    if (!gw.isEmpty())
        args << AtArg::string(gw.toUtf8());
    if (!mask.isEmpty())
        args << AtArg::string(mask.toUtf8());
    const EncodeResult ap = enc.set("AT+CIPAP", args);
    if (!ap.ok())
        return OperationPlan::failure(ap.error, ap.errorParam);
    p.add(ap.line, d, kOrigin);
    if (s.defaultRange) {
        p.addEncoded(enc.set("AT+CWDHCPS", { AtArg::integer(0) }), d, kOrigin,
                     tr("The DHCP server gives out the firmware's default range."));
    } else {
        const QString start = s.rangeStart.trimmed(), end = s.rangeEnd.trimmed();
        // The range is checked against the SoftAP's network (its /24, as ESP-AT does).
        const QString net = mask.isEmpty() ? QStringLiteral("255.255.255.0") : mask;
        if (!isDottedIpv4(start) || !sameSubnet(start, ip, net))
            return OperationPlan::failure(tr("The first address must be in the SoftAP's network (%1/%2)").arg(ip, net),
                                          "start_IP");
        if (!isDottedIpv4(end) || !sameSubnet(end, ip, net))
            return OperationPlan::failure(tr("The last address must be in the SoftAP's network (%1/%2)").arg(ip, net),
                                          "end_IP");
        if (ipv4Value(start) > ipv4Value(end))
            return OperationPlan::failure(tr("The range ends before it starts"), "end_IP");
        const EncodeResult r = enc.set("AT+CWDHCPS", { AtArg::integer(1), AtArg::integer(s.leaseMinutes),
                                                        AtArg::string(start.toUtf8()), AtArg::string(end.toUtf8()) });
        if (!r.ok())
            return OperationPlan::failure(r.error, r.errorParam);
        p.add(r.line, d, kOrigin);
    }
    p.addEncoded(enc.query("AT+CIPAP"), d, kOrigin);
    p.addEncoded(enc.query("AT+CWDHCPS"), d, kOrigin);
    return p;
}

OperationPlan SoftApService::planStations() const
{
    if (!available())
        return OperationPlan::failure(tr("Seed 000 (Beken) has no SoftAP commands (AT+CWSAP)."), "softap");
    OperationPlan p;
    p.addEncoded(AtEncoder(dialect()).execute("AT+CWLIF"), dialect(), kOrigin);
    return p;
}

OperationPlan SoftApService::planDisconnectStation(const QString &mac) const
{
    if (!available())
        return OperationPlan::failure(tr("Seed 000 (Beken) has no SoftAP commands (AT+CWSAP)."), "softap");
    const AtEncoder enc(dialect());
    OperationPlan p;
    if (mac.isEmpty()) {
        p.addEncoded(enc.execute("AT+CWQIF"), dialect(), kOrigin, tr("Disconnects every station."));
    } else {
        if (!isMac(mac))
            return OperationPlan::failure(tr("\"%1\" is not a MAC address (xx:xx:xx:xx:xx:xx)").arg(mac), "mac");
        const EncodeResult r = enc.set("AT+CWQIF", { AtArg::string(mac.toLower().toUtf8()) });
        if (!r.ok())
            return OperationPlan::failure(r.error, r.errorParam);
        p.add(r.line, dialect(), kOrigin);
    }
    p.addEncoded(enc.execute("AT+CWLIF"), dialect(), kOrigin);
    return p;
}

// ---- operations ------------------------------------------------------------------------------

OperationPlan SoftApService::start(Op op, const QString &label, const OperationPlan &plan)
{
    return m_runner->start(label, plan, [this, op] { m_op = op; });
}

OperationPlan SoftApService::read()
{
    return start(Op::Read, tr("Read the SoftAP"), planRead());
}

OperationPlan SoftApService::apply(const SoftApSettings &settings)
{
    return start(Op::Apply, tr("Set the SoftAP"), planApply(settings));
}

OperationPlan SoftApService::applyNetwork(const SoftApNetworkSettings &settings)
{
    return start(Op::Network, tr("Set the SoftAP's address"), planNetwork(settings));
}

OperationPlan SoftApService::refreshStations()
{
    return start(Op::Stations, tr("List the stations"), planStations());
}

OperationPlan SoftApService::disconnectStation(const QString &mac)
{
    return start(Op::Disconnect, mac.isEmpty() ? tr("Disconnect every station") : tr("Disconnect %1").arg(mac),
                 planDisconnectStation(mac));
}

void SoftApService::setState(const SoftApState &state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged();
}

void SoftApService::onCommandFinished(const AtResult &r)
{
    if (!r.ok())
        return;
    const QByteArray line = r.command.line.trimmed();
    const QByteArray name = CommandCatalog::commandName(line).toUpper();
    const bool set = line.contains('=') && !line.endsWith("=?");
    SoftApState st = m_state;
    QList<SoftApStation> stations;
    for (const QByteArray &raw : r.lines) {
        const QByteArray l = raw.trimmed();
        auto fields = [&l](int prefix) { return DeviceModel::splitFields(QByteArrayView(l).sliced(prefix)); };
        if (l.startsWith("+CWMODE:")) {
            st.mode = number(fields(8).value(0), st.mode);
        } else if (l.startsWith("+CWSAP:")) {
            // +CWSAP:"<ssid>","<pwd>",<chl>,<ecn>,<max conn>,<ssid hidden>
            const QStringList f = fields(7);
            st.known = true;
            st.config.ssid = f.value(0);
            st.config.password = f.value(1);
            st.config.channel = number(f.value(2), st.config.channel);
            st.config.encryption = number(f.value(3), st.config.encryption);
            st.config.maxConnections = number(f.value(4), st.config.maxConnections);
            st.config.hidden = number(f.value(5), 0) == 1;
        } else if (l.startsWith("+CIPAP:ip:")) {
            st.network.ip = fields(10).value(0);
        } else if (l.startsWith("+CIPAP:gateway:")) {
            st.network.gateway = fields(15).value(0);
        } else if (l.startsWith("+CIPAP:netmask:")) {
            st.network.netmask = fields(15).value(0);
        } else if (l.startsWith("+CWDHCPS:")) {
            // +CWDHCPS:<lease>,"<start>","<end>"
            const QStringList f = fields(9);
            st.network.leaseMinutes = number(f.value(0), st.network.leaseMinutes);
            st.network.rangeStart = f.value(1);
            st.network.rangeEnd = f.value(2);
        } else if (l.startsWith("+CWLIF:")) {
            const QStringList f = fields(7);
            stations << SoftApStation { f.value(0), f.value(1) };
        }
    }
    if (name == "AT+CWLIF")
        st.stations = stations;
    if (name == "AT+CWMODE" && set)
        st.mode = number(argsOf(line).value(0), st.mode);
    if (name == "AT+CWSAP" && set) {
        const QStringList a = argsOf(line);
        st.known = true;
        st.config = SoftApSettings { a.value(0), a.value(1), number(a.value(2), 1), number(a.value(3), 0),
                                     number(a.value(4), st.config.maxConnections), number(a.value(5), 0) == 1 };
    }
    if (name == "AT+CWDHCPS" && set && number(argsOf(line).value(0)) == 0)
        st.network.defaultRange = true;
    else if (name == "AT+CWDHCPS" && set)
        st.network.defaultRange = false;
    if (name == "AT+RST" || name == "AT+RESTORE")
        st = SoftApState();
    setState(st);
}

void SoftApService::onRunnerFinished(const OperationResult &result)
{
    OperationResult out = result;
    const Op op = m_op;
    m_op = Op::None;
    // The password never shows: the runner quotes a failed command line.
    const AtEncoder enc(dialect());
    for (const AtResult &r : result.results) {
        const QByteArray safe = enc.redact(r.command.line);
        if (safe != r.command.line)
            out.message.replace(QString::fromUtf8(r.command.line), QString::fromUtf8(safe));
    }
    if (result.ok) {
        switch (op) {
        case Op::Read:
            // CWMODE? said the SoftAP is on, but it was not known before: read the rest now.
            if (m_state.apOn() && !m_state.known) {
                if (start(Op::Read, result.label, apQueries()).ok())
                    return;
            }
            out.message = m_state.apOn() ? tr("SoftAP read: %n station(s) connected.", nullptr, int(m_state.stations.size()))
                                         : tr("The SoftAP is off (Wi-Fi mode %1).").arg(m_state.mode);
            break;
        case Op::Apply:
            out.message = tr("SoftAP \"%1\" set.").arg(m_state.config.ssid);
            break;
        case Op::Network:
            out.message = tr("SoftAP address %1 set.").arg(m_state.network.ip);
            break;
        case Op::Stations:
        case Op::Disconnect:
            out.message = tr("%n station(s) connected.", nullptr, int(m_state.stations.size()));
            break;
        case Op::None:
            break;
        }
    }
    emit finished(out);
}

} // namespace atb
