// G12: memory soak of the app's core stack under mixed traffic. The simulated module (own thread,
// pty, paced at 921600) talks to a DeviceSession in its own I/O thread; the main thread holds
// what the GUI thread holds in the app: the DeviceModel, the ConnectionService, the MqttService,
// the ThroughputLab and the MemoryTrimmer. The traffic (+IPD filling the line, 200 MQTT
// messages/s, a publish every 250 ms, a status read every 2 s), the warm-up until every bounded buffer is full and the RSS
// slope after it are SoakTraffic's (soaktraffic.h). Default: warm-up, then 900 s; --seconds S
// sets the whole run, warm-up included (3600 for G12's hour).
#ifdef ATBENCH_HAVE_SIMULATOR
#include "scenarios.h"
#include "soaktraffic.h"

#include "mosquittobroker.h" // tests/common

#include "model/devicemodel.h"
#include "services/connectionservice.h"
#include "services/mqttservice.h"
#include "stats/memorytrimmer.h"

namespace atb::bench {

QList<QJsonObject> runSoakScenario(const ThroughputOptions &opt)
{
    constexpr qint64 kBaud = 921600;
    const QString target = QStringLiteral("<= 2 MB/h after every bounded buffer is full, peak RSS <= 250 MB, "
                                          "0 bytes and 0 MQTT messages lost");
    auto failed = [&](const QString &why) {
        QJsonObject j = SoakTraffic::failure(QStringLiteral("soak"), target, why);
        j.insert(QStringLiteral("baud"), kBaud);
        return QList<QJsonObject> { j };
    };
    mqtttest::MosquittoBroker broker;
    QString err;
    if (!broker.start(&err))
        return failed(err);
    Rig rig(kBaud);
    if (!rig.ready())
        return failed(rig.error());
    DeviceModel model;
    model.follow(rig.session);
    ConnectionService connections(rig.session, &model);
    MqttService mqtt(rig.session, &model);
    ThroughputLab lab(rig.session);
    MemoryTrimmer trimmer; // as the app's composition root has (app/gui/application.cpp)

    SoakTraffic soak({ rig.session, &connections, &mqtt, &lab }, kBaud,
                     opt.seconds > 0 ? opt.seconds : (opt.quick ? 20.0 : -1.0), QStringLiteral("bench/soak"));
    if (const QString why = soak.start(broker.port(), true); !why.isEmpty())
        return failed(why);
    soak.run();
    QJsonObject figures;
    const QStringList why = soak.finish(figures);
    figures.insert(QStringLiteral("sim_overruns"), rig.overruns());
    addTrimFigures(figures, trimmer);
    return { soak.report(QStringLiteral("soak"), target, figures, why) };
}

} // namespace atb::bench
#endif // ATBENCH_HAVE_SIMULATOR
