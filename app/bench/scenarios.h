#pragma once

#include <QJsonObject>

namespace atb::bench {

struct Options
{
    bool quick = false; // smaller inputs, for smoke runs in the test suite
};

QJsonObject runParserScenario(const Options &opt);
QJsonObject runRoundtripScenario(const Options &opt);

} // namespace atb::bench
