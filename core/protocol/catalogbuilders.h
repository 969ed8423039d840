#pragma once

// The builders the command catalog's table is written with (commandcatalog.cpp and its
// parts, commandcatalog_wifi.cpp and commandcatalog_mqtt.cpp). Internal to core/protocol: not for other code.

#include "commandcatalog.h"

#include <QCoreApplication>

namespace atb::catalogbuild {

inline constexpr int kEsp = dialectBit(Dialect::Esp);
inline constexpr int kBeken = dialectBit(Dialect::Beken);
inline constexpr int kBoth = kAllDialects;

inline constexpr int kTest = formBit(CommandForm::Test);
inline constexpr int kQuery = formBit(CommandForm::Query);
inline constexpr int kSet = formBit(CommandForm::Set);
inline constexpr int kExec = formBit(CommandForm::Execute);

// ---- parameter builders ---------------------------------------------------------------

inline ParamSpec intP(const char *name, qint64 min, qint64 max, const char *help)
{
    ParamSpec p;
    p.name = name;
    p.type = ParamType::Integer;
    p.min = min;
    p.max = max;
    p.help = help;
    return p;
}

inline ParamSpec enumP(const char *name, QList<EnumValue> values, const char *help)
{
    ParamSpec p;
    p.name = name;
    p.type = ParamType::Enum;
    p.values = std::move(values);
    p.min = p.values.isEmpty() ? 0 : p.values.first().value;
    p.max = p.min;
    for (const EnumValue &v : p.values) {
        p.min = std::min(p.min, v.value);
        p.max = std::max(p.max, v.value);
    }
    p.help = help;
    return p;
}

inline ParamSpec strP(const char *name, int maxLength, const char *help)
{
    ParamSpec p;
    p.name = name;
    p.type = ParamType::String;
    p.maxLength = maxLength;
    p.help = help;
    return p;
}

inline ParamSpec choiceP(const char *name, QList<QByteArray> choices, const char *help)
{
    ParamSpec p = strP(name, -1, help);
    p.choices = std::move(choices);
    return p;
}

inline ParamSpec opt(ParamSpec p)
{
    p.optional = true;
    return p;
}

inline ParamSpec secret(ParamSpec p)
{
    p.secret = true;
    return p;
}

inline ParamSpec nonEmpty(ParamSpec p)
{
    p.minLength = 1;
    return p;
}

inline ParamSpec dataLen(ParamSpec p)
{
    p.dataLength = true;
    return p;
}

// ---- frequently used parameters -------------------------------------------------------

inline const QList<EnumValue> kOnOff
    = { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "disabled") }, { 1, QT_TRANSLATE_NOOP("CommandCatalog", "enabled") } };


inline ParamSpec portP(const char *name, const char *help)
{
    return intP(name, 0, 65535, help);
}

inline ParamSpec linkId(qint64 max, const char *help = QT_TRANSLATE_NOOP("CommandCatalog", "network link ID"))
{
    return intP("link_id", 0, max, help);
}

inline ParamSpec modeOnOff(const char *name, const char *help)
{
    return enumP(name, kOnOff, help);
}

// ---- commands -------------------------------------------------------------------------

inline CommandSpec cmd(const char *name, int forms, int dialects, const char *summary, QList<Signature> signatures = {},
                int timeoutMs = 2000)
{
    CommandSpec c;
    c.name = name;
    c.forms = forms;
    c.dialects = dialects;
    c.summary = summary;
    c.signatures = std::move(signatures);
    c.timeoutMs = timeoutMs;
    return c;
}

inline Signature sig(QList<ParamSpec> params, const char *label = nullptr)
{
    return Signature { label, std::move(params) };
}

// The parts of the table kept in files of their own, appended in table order.
void appendWifiCommands(QList<CommandSpec> &t); // commandcatalog_wifi.cpp
void appendMqttCommands(QList<CommandSpec> &t); // commandcatalog_mqtt.cpp

} // namespace atb::catalogbuild
