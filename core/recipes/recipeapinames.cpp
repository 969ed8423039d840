#include "recipeapinames.h"

#include <QHash>

namespace atb::recipeapi {

namespace {
// name -> signature; the order is the completion list's.
const QList<QPair<QString, QString>> &api()
{
    static const QList<QPair<QString, QString>> list {
        { QStringLiteral("at"), QStringLiteral("at(line, {timeout, expect, data}) -> {ok, status, final, lines, text, error, errCodes, ms}") },
        { QStringLiteral("send"), QStringLiteral("send(data) -> the result of the data phase (after at() stopped at '>')") },
        { QStringLiteral("expect"), QStringLiteral("expect(pattern, timeoutMs = 5000) -> {text, kind, match, payload} or null") },
        { QStringLiteral("discard"), QStringLiteral("discard(): forget what arrived so far") },
        { QStringLiteral("sleep"), QStringLiteral("sleep(ms)") },
        { QStringLiteral("log"), QStringLiteral("log(text, ...)") },
        { QStringLiteral("check"), QStringLiteral("check(name, condition, detail) -> condition") },
        { QStringLiteral("require"), QStringLiteral("require(name, condition, detail): check, and stop the recipe when it fails") },
        { QStringLiteral("step"), QStringLiteral("step(name, function, {timeout}) -> the function's value") },
        { QStringLiteral("ask"), QStringLiteral("ask(question, {choices, timeout}) -> the answer") },
        { QStringLiteral("param"), QStringLiteral("param(name, fallback) -> the parameter's value") },
        { QStringLiteral("fromHex"), QStringLiteral("fromHex(\"48 65\") -> bytes") },
        { QStringLiteral("toHex"), QStringLiteral("toHex(data) -> \"4865\"") },
        { QStringLiteral("elapsed"), QStringLiteral("elapsed() -> ms since the recipe started") },
        { QStringLiteral("device.connected"), QStringLiteral("device.connected: the link is open") },
        { QStringLiteral("device.state"), QStringLiteral("device.state: disconnected, connecting, connected, passthrough") },
        { QStringLiteral("device.port"), QStringLiteral("device.port: the link's name") },
        { QStringLiteral("device.dialect"), QStringLiteral("device.dialect: esp or beken") },
        { QStringLiteral("device.firmware"), QStringLiteral("device.firmware: the AT+GMR lines") },
        { QStringLiteral("device.simulated"), QStringLiteral("device.simulated: AT+GMR says (SIM)") },
        { QStringLiteral("device.wifi"), QStringLiteral("device.wifi: {connected, gotIp, ssid, ip, mac, rssi, gateway, netmask, lastJoinFailure}") },
        { QStringLiteral("device.links"), QStringLiteral("device.links: [{id, type, remoteHost, remotePort, localPort}]") },
        { QStringLiteral("device.mqtt"), QStringLiteral("device.mqtt: {state, stateText, connected, host, port, clientId, subscriptions}") },
        { QStringLiteral("device.dns"), QStringLiteral("device.dns: {known, manual, servers}") },
        { QStringLiteral("device.sntp"), QStringLiteral("device.sntp: {known, enabled, timezone, servers}") },
        { QStringLiteral("wifi.join"), QStringLiteral("wifi.join(ssid, password, {bssid}) -> {ok, message, failure, ip}") },
        { QStringLiteral("wifi.disconnect"), QStringLiteral("wifi.disconnect() -> {ok, message}") },
        { QStringLiteral("wifi.scan"), QStringLiteral("wifi.scan() -> {ok, message, accessPoints}") },
        { QStringLiteral("wifi.ensureJoined"), QStringLiteral("wifi.ensureJoined(ssid, password) -> device.wifi + {ok, message, joinedNow}: joins when not joined") },
        { QStringLiteral("wifi.read"), QStringLiteral("wifi.read() -> {ok, message}: mode, AP, IP into device.wifi") },
        { QStringLiteral("net.ping"), QStringLiteral("net.ping(host) -> {ok, message, ms, text}") },
        { QStringLiteral("net.lookup"), QStringLiteral("net.lookup(name) -> {ok, message, ip}") },
        { QStringLiteral("net.time"), QStringLiteral("net.time() -> {ok, text, synchronised, offsetSeconds}") },
        { QStringLiteral("net.sntp"), QStringLiteral("net.sntp({servers, timezone, enabled}) -> {ok, message}") },
        { QStringLiteral("net.dns"), QStringLiteral("net.dns({servers, manual}) -> {ok, message}") },
        { QStringLiteral("link.mode"), QStringLiteral("link.mode({mux, mode, recvMode}) -> {ok, message}") },
        { QStringLiteral("link.open"), QStringLiteral("link.open({type, host, port, id, keepAlive, localPort}) -> {ok, message}") },
        { QStringLiteral("link.send"), QStringLiteral("link.send(id, data) -> {ok, message}") },
        { QStringLiteral("link.read"), QStringLiteral("link.read(id, count, timeoutMs) -> {text, hex, bytes, complete}") },
        { QStringLiteral("link.close"), QStringLiteral("link.close(id) -> {ok, message}") },
        { QStringLiteral("link.leavePassthrough"), QStringLiteral("link.leavePassthrough() -> {ok, message}: +++ after at(\"AT+CIPSEND\")") },
        { QStringLiteral("mqtt.configure"), QStringLiteral("mqtt.configure({scheme, clientId, username, password, keepAlive, cleanSession})") },
        { QStringLiteral("mqtt.connect"), QStringLiteral("mqtt.connect({host, port, reconnect}) -> {ok, message}") },
        { QStringLiteral("mqtt.publish"), QStringLiteral("mqtt.publish(topic, payload, {qos, retain, raw}) -> {ok, message}") },
        { QStringLiteral("mqtt.subscribe"), QStringLiteral("mqtt.subscribe(topic, qos) -> {ok, message}") },
        { QStringLiteral("mqtt.unsubscribe"), QStringLiteral("mqtt.unsubscribe(topic) -> {ok, message}") },
        { QStringLiteral("mqtt.disconnect"), QStringLiteral("mqtt.disconnect() -> {ok, message}") },
        { QStringLiteral("mqtt.receive"), QStringLiteral("mqtt.receive(topicFilter, timeoutMs) -> {topic, payload, qos} or null") },
        { QStringLiteral("throughput.run"), QStringLiteral("throughput.run({mode, protocol, durationMs, chunkSize, peerAddress}) -> lab result") },
        { QStringLiteral("pc.echoServer"), QStringLiteral("pc.echoServer({address, port}) -> {ok, host, port}") },
        { QStringLiteral("pc.ntpServer"), QStringLiteral("pc.ntpServer({address, port}) -> {ok, host, port, server}") },
        { QStringLiteral("recipe.id"), QStringLiteral("recipe.id, recipe.title, recipe.port") },
    };
    return list;
}
} // namespace

QStringList globalFunctions()
{
    QStringList out;
    for (const auto &e : api())
        if (!e.first.contains(QLatin1Char('.')))
            out << e.first;
    return out;
}

QStringList namespaces()
{
    return { QStringLiteral("device"), QStringLiteral("wifi"), QStringLiteral("net"), QStringLiteral("link"),
             QStringLiteral("mqtt"), QStringLiteral("throughput"), QStringLiteral("pc"), QStringLiteral("recipe") };
}

QStringList members()
{
    QStringList out;
    for (const auto &e : api())
        if (e.first.contains(QLatin1Char('.')))
            out << e.first;
    return out;
}

QStringList javaScriptKeywords()
{
    return { QStringLiteral("break"), QStringLiteral("case"), QStringLiteral("catch"), QStringLiteral("const"),
             QStringLiteral("continue"), QStringLiteral("default"), QStringLiteral("do"), QStringLiteral("else"),
             QStringLiteral("false"), QStringLiteral("finally"), QStringLiteral("for"), QStringLiteral("function"),
             QStringLiteral("if"), QStringLiteral("in"), QStringLiteral("let"), QStringLiteral("new"),
             QStringLiteral("null"), QStringLiteral("of"), QStringLiteral("return"), QStringLiteral("switch"),
             QStringLiteral("this"), QStringLiteral("throw"), QStringLiteral("true"), QStringLiteral("try"),
             QStringLiteral("typeof"), QStringLiteral("undefined"), QStringLiteral("var"), QStringLiteral("while") };
}

QString signature(const QString &name)
{
    for (const auto &e : api())
        if (e.first == name)
            return e.second;
    return QString();
}

} // namespace atb::recipeapi
