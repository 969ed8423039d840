#include "wifiservice.h"

#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "protocol/atencoder.h"
#include "protocol/cwjapreply.h"
#include "services/ipv4.h"

#include <QRegularExpression>

namespace atb {

namespace {

const QString kOrigin = QStringLiteral("wifi");

bool isBssid(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$"));
    return re.match(s).hasMatch();
}

int toInt(const QString &s, int fallback)
{
    bool ok = false;
    const int v = s.trimmed().toInt(&ok);
    return ok ? v : fallback;
}

} // namespace

QString AccessPointInfo::encryptionText(int ecn)
{
    switch (ecn) {
    case 0: return WifiService::tr("open");
    case 1: return QStringLiteral("WEP");
    case 2: return QStringLiteral("WPA-PSK");
    case 3: return QStringLiteral("WPA2-PSK");
    case 4: return QStringLiteral("WPA/WPA2-PSK");
    case 5: return QStringLiteral("WPA2-Enterprise");
    case 6: return QStringLiteral("WPA3-PSK");
    case 7: return QStringLiteral("WPA2/WPA3-PSK");
    case 8: return QStringLiteral("WAPI-PSK");
    case 9: return QStringLiteral("OWE");
    default: return WifiService::tr("unknown (%1)").arg(ecn);
    }
}

int AccessPointInfo::signalPercent(int rssi)
{
    if (rssi >= 0)
        return 0; // not reported
    return qBound(0, 2 * (rssi + 100), 100);
}

WifiService::WifiService(DeviceSession *session, DeviceModel *model, QObject *parent)
    : QObject(parent), m_session(session), m_model(model)
{
    qRegisterMetaType<atb::WifiSettings>();
    qRegisterMetaType<atb::AccessPointInfo>();
    // Before the runner: replies are parsed before finished() reaches the page.
    connect(session, &DeviceSession::commandFinished, this, &WifiService::onCommandFinished);
    m_runner = new CommandRunner(session, this);
    m_runner->setOrigin(QStringLiteral("wifi"));
    connect(m_runner, &CommandRunner::busyChanged, this, &WifiService::busyChanged);
    connect(m_runner, &CommandRunner::finished, this, &WifiService::onRunnerFinished);
    connect(model, &DeviceModel::wifiChanged, this, [this] {
        if (!m_model->wifi().connected && (!m_info.gateway.isEmpty() || !m_info.bssid.isEmpty())) {
            WifiInfo i = m_info;
            i.gateway.clear();
            i.netmask.clear();
            i.bssid.clear();
            i.channel = 0;
            setInfo(i);
        }
    });
}

bool WifiService::isBusy() const
{
    return m_runner->isBusy();
}

Dialect WifiService::dialect() const
{
    return m_model ? m_model->dialect() : Dialect::Esp;
}

QByteArray WifiService::redacted(const QByteArray &line) const
{
    return AtEncoder(dialect()).redact(line);
}

OperationPlan WifiService::planApply(const WifiSettings &s) const
{
    OperationPlan p;
    const Dialect d = dialect();
    const AtEncoder enc(d);

    if (s.mode != m_info.mode) {
        const EncodeResult r = enc.set("AT+CWMODE", { AtArg::integer(s.mode) });
        if (!r.ok())
            return p.fail(r.error, r.errorParam.isEmpty() ? QByteArray("mode") : r.errorParam);
        p.add(r.line, d, kOrigin);
    }
    if (s.ssid.isEmpty()) {
        if (!s.password.isEmpty() || !s.bssid.isEmpty())
            return p.fail(tr("Enter the SSID of the network to join."), "ssid");
        return p;
    }
    if (s.mode != 1 && s.mode != 3)
        return p.fail(tr("Joining a network needs station mode (station, or SoftAP + station)."), "mode");
    QList<AtArg> args { AtArg::string(s.ssid.toUtf8()), AtArg::string(s.password.toUtf8()) };
    if (!s.bssid.isEmpty()) {
        if (!isBssid(s.bssid))
            return p.fail(tr("The BSSID must look like 1a:2b:3c:4d:5e:6f (six hexadecimal pairs)."), "bssid");
        args << AtArg::string(s.bssid.toLower().toUtf8());
    }
    const EncodeResult r = enc.set("AT+CWJAP", args);
    if (!r.ok())
        return p.fail(r.error, r.errorParam);
    p.add(r.line, d, kOrigin);
    // AP details, IP, MAC, gateway and netmask right after joining (ESP only: the Beken catalog
    // has neither AT+CIFSR nor AT+CIPSTA, and its AT+CWJAP? reply format is not documented).
    const EncodeResult cifsr = enc.execute("AT+CIFSR");
    if (cifsr.ok())
        p.addEncoded(enc.query("AT+CWJAP"), d, kOrigin);
    p.addEncoded(cifsr, d, kOrigin);
    p.addEncoded(enc.query("AT+CIPSTA"), d, kOrigin);
    return p;
}

OperationPlan WifiService::planRead() const
{
    const Dialect d = dialect();
    const AtEncoder enc(d);
    OperationPlan p;
    for (const EncodeResult &r : { enc.query("AT+CWMODE"), enc.query("AT+CWJAP"), enc.execute("AT+CIFSR"),
                                   enc.query("AT+CIPSTA"), enc.query("AT+CWDHCP") })
        p.addEncoded(r, d, kOrigin);
    return p;
}

StationAddressSettings WifiService::address() const
{
    StationAddressSettings s;
    s.dhcp = m_info.dhcp != 0;
    if (!s.dhcp) {
        s.ip = m_info.staticIp;
        s.gateway = m_info.gateway;
        s.netmask = m_info.netmask;
    }
    return s;
}

OperationPlan WifiService::planAddress(const StationAddressSettings &s) const
{
    const Dialect d = dialect();
    const AtEncoder enc(d);
    const EncodeResult readBack = enc.query("AT+CIPSTA");
    if (!readBack.ok())
        return OperationPlan::failure(tr("Seed 000 (Beken) has no AT+CIPSTA: the address comes from DHCP."), "address");
    OperationPlan p;
    if (s.dhcp) {
        p.addEncoded(enc.set("AT+CWDHCP", { AtArg::integer(1), AtArg::integer(1) }), d, kOrigin,
                     tr("The station's DHCP client on again; the fixed address is dropped."));
    } else {
        const QString ip = s.ip.trimmed(), gateway = s.gateway.trimmed(), netmask = s.netmask.trimmed();
        if (!isDottedIpv4(ip))
            return OperationPlan::failure(ip.isEmpty() ? tr("Enter the address, e.g. 192.168.1.50")
                                                       : tr("\"%1\" is not a valid IPv4 address").arg(ip),
                                          "ip");
        if (!gateway.isEmpty() && !isDottedIpv4(gateway))
            return OperationPlan::failure(tr("\"%1\" is not a valid IPv4 address").arg(gateway), "gateway");
        if (!netmask.isEmpty() && !isNetmask(netmask))
            return OperationPlan::failure(tr("\"%1\" is not a netmask (ones, then zeros: 255.255.255.0)").arg(netmask),
                                          "netmask");
        if (gateway.isEmpty() && !netmask.isEmpty())
            return OperationPlan::failure(tr("A netmask goes with a gateway (AT+CIPSTA takes them in that order)"),
                                          "gateway");
        if (!gateway.isEmpty() && !netmask.isEmpty() && !sameSubnet(ip, gateway, netmask))
            return OperationPlan::failure(tr("The gateway %1 is not in the network of %2/%3").arg(gateway, ip, netmask),
                                          "gateway");
        QList<AtArg> args { AtArg::string(ip.toUtf8()) };
        if (!gateway.isEmpty())
            args << AtArg::string(gateway.toUtf8());
        if (!netmask.isEmpty())
            args << AtArg::string(netmask.toUtf8());
        const EncodeResult r = enc.set("AT+CIPSTA", args);
        if (!r.ok())
            return OperationPlan::failure(r.error, r.errorParam);
        p.add(r.line, d, kOrigin, tr("A fixed address turns the station's DHCP client off."));
    }
    p.addEncoded(readBack, d, kOrigin);
    return p;
}

OperationPlan WifiService::planScan() const
{
    OperationPlan p;
    p.addEncoded(AtEncoder(dialect()).execute("AT+CWLAP"), dialect(), kOrigin);
    return p;
}

OperationPlan WifiService::planDisconnect() const
{
    OperationPlan p;
    p.addEncoded(AtEncoder(dialect()).execute("AT+CWQAP"), dialect(), kOrigin);
    return p;
}

OperationPlan WifiService::apply(const WifiSettings &settings)
{
    const QString label = settings.ssid.isEmpty() ? tr("Set Wi-Fi mode") : tr("Join %1").arg(settings.ssid);
    const OperationPlan plan = planApply(settings);
    if (m_runner->refusal(plan).isEmpty())
        m_joiningSsid = settings.ssid;
    return start(Op::Apply, label, plan);
}

OperationPlan WifiService::read()
{
    return start(Op::Read, tr("Read Wi-Fi state"), planRead());
}

OperationPlan WifiService::scan()
{
    return start(Op::Scan, tr("Scan for access points"), planScan());
}

OperationPlan WifiService::disconnectFromAp()
{
    return start(Op::Disconnect, tr("Disconnect from the access point"), planDisconnect());
}

OperationPlan WifiService::applyAddress(const StationAddressSettings &settings)
{
    return start(Op::Address, settings.dhcp ? tr("Use DHCP") : tr("Set a fixed address"), planAddress(settings));
}

void WifiService::cancel()
{
    m_runner->cancel();
}

OperationPlan WifiService::start(Op op, const QString &label, const OperationPlan &plan)
{
    return m_runner->start(label, plan, [this, op] {
        if (op == Op::Scan && !m_aps.isEmpty()) {
            m_aps.clear();
            emit accessPointsChanged();
        }
        m_op = op;
    });
}

void WifiService::setInfo(const WifiInfo &info)
{
    if (info == m_info)
        return;
    m_info = info;
    emit infoChanged();
}

void WifiService::onCommandFinished(const AtResult &r)
{
    const QByteArray name = CommandCatalog::commandName(r.command.line).toUpper();
    if (!r.ok())
        return;
    WifiInfo info = m_info;
    QList<AccessPointInfo> aps;
    bool sawScan = false;
    for (const QByteArray &raw : r.lines) {
        const QByteArray l = raw.trimmed();
        if (l.startsWith("+CWMODE:")) {
            info.mode = toInt(QString::fromLatin1(l.mid(8)).section(QLatin1Char(','), 0, 0), info.mode);
        } else if (l.startsWith("+CWDHCP:")) {
            const int state = toInt(QString::fromLatin1(l.mid(8)), -1);
            info.dhcp = state < 0 ? info.dhcp : (state & 1);
        } else if (l.startsWith("+CIPSTA:ip:")) {
            info.staticIp = DeviceModel::splitFields(QByteArrayView(l).sliced(11)).value(0);
        } else if (l.startsWith("+CIPSTA:gateway:")) {
            info.gateway = DeviceModel::splitFields(QByteArrayView(l).sliced(16)).value(0);
        } else if (l.startsWith("+CIPSTA:netmask:")) {
            info.netmask = DeviceModel::splitFields(QByteArrayView(l).sliced(16)).value(0);
        } else if (const std::optional<CwjapReply> j = CwjapReply::parse(l); j && j->joined()) {
            info.bssid = j->bssid;
            info.channel = j->channel;
        } else if (l.startsWith("+CWLAP:")) {
            sawScan = true;
            QByteArray body = l.mid(7).trimmed();
            if (body.startsWith('('))
                body = body.mid(1);
            if (body.endsWith(')'))
                body.chop(1);
            const QStringList f = DeviceModel::splitFields(body);
            if (f.size() >= 5) {
                AccessPointInfo ap;
                ap.encryption = toInt(f[0], -1);
                ap.ssid = f[1];
                ap.rssi = toInt(f[2], 0);
                ap.bssid = f[3];
                ap.channel = toInt(f[4], 0);
                aps << ap;
            }
        }
    }
    if (name == "AT+CWMODE" && r.command.line.contains('=')) {
        const QStringList args = DeviceModel::splitFields(r.command.line.mid(r.command.line.indexOf('=') + 1));
        info.mode = toInt(args.value(0), info.mode);
    }
    if (name == "AT+CIPSTA" && r.command.line.contains('=')) {
        const QStringList args = DeviceModel::splitFields(r.command.line.mid(r.command.line.indexOf('=') + 1));
        info.dhcp = 0;
        info.staticIp = args.value(0);
        if (args.size() > 1)
            info.gateway = args[1];
        if (args.size() > 2)
            info.netmask = args[2];
    }
    if (name == "AT+CWDHCP" && r.command.line.contains('=')) {
        const QStringList args = DeviceModel::splitFields(r.command.line.mid(r.command.line.indexOf('=') + 1));
        if (toInt(args.value(1), 0) & 1)
            info.dhcp = toInt(args.value(0), info.dhcp) == 1 ? 1 : 0;
    }
    if (name == "AT+CWQAP") {
        info.gateway.clear();
        info.netmask.clear();
        info.bssid.clear();
        info.channel = 0;
    }
    setInfo(info);
    if (sawScan || name == "AT+CWLAP") {
        if (aps != m_aps) {
            m_aps = aps;
            emit accessPointsChanged();
        }
    }
}

void WifiService::onRunnerFinished(const OperationResult &result)
{
    OperationResult out = result;
    const Op op = m_op;
    m_op = Op::None;
    // Never show a password: the runner quotes the failed command line.
    for (const AtResult &r : result.results) {
        const QByteArray safe = redacted(r.command.line);
        if (safe != r.command.line)
            out.message.replace(QString::fromUtf8(r.command.line), QString::fromUtf8(safe));
    }
    if (op == Op::Apply) {
        const AtResult *join = nullptr;
        for (const AtResult &r : result.results)
            if (CommandCatalog::commandName(r.command.line).toUpper() == "AT+CWJAP")
                join = &r;
        QString failure;
        if (join && join->status == AtResult::Status::Error) {
            const int code = CwjapReply::failureCodeIn(join->lines);
            failure = code ? CwjapReply::failureText(code) : tr("the module refused to join (it gives no reason)");
            out.message = tr("Could not join %1: %2.").arg(m_joiningSsid, failure);
        } else if (join && !join->ok()) {
            failure = out.message;
        } else if (join && result.ok) {
            out.message = tr("Joined the network.");
        }
        if (join && failure != m_lastJoinFailure) {
            m_lastJoinFailure = failure;
            emit lastJoinFailureChanged();
        }
    } else if (op == Op::Scan && result.ok) {
        out.message = tr("%n access point(s) found.", "", int(m_aps.size()));
    } else if (op == Op::Disconnect && result.ok) {
        out.message = tr("Disconnected from the access point.");
    } else if (op == Op::Address && result.ok) {
        out.message = m_info.dhcp == 0 ? tr("Fixed address %1 set; the station's DHCP client is off.").arg(m_info.staticIp)
                                       : tr("The station takes its address from DHCP again.");
    } else if (op == Op::Read && result.ok) {
        out.message = tr("Wi-Fi state read from the module.");
    }
    emit finished(out);
}

} // namespace atb
