#pragma once
#include <QJsonObject>

namespace atb::bench {
// scenario_ui_soak.cpp: the app's window under traffic (G12 with the GUI, G10's heartbeat).
// Built only with the simulator (ATBENCH_HAVE_SIMULATOR).
QJsonObject guiSoakScenario(bool quick, double seconds);
} // namespace atb::bench
