#pragma once

#include <QJsonObject>
#include <QList>

namespace atb::bench {

struct Options
{
    bool quick = false; // smaller inputs, for smoke runs in the test suite
};

QJsonObject runParserScenario(const Options &opt);
QJsonObject runRoundtripScenario(const Options &opt);
#ifdef ATBENCH_HAVE_SIMULATOR
// scenario_provision.cpp: N atbench-sim modules provisioned at once by a Station (N = 1, 4, 16).
QList<QJsonObject> runProvisionScenario(const Options &opt);
#endif

} // namespace atb::bench
