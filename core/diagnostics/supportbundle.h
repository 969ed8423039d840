#pragma once

#include "engine/atcommand.h"
#include "protocol/dialect.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

namespace atb {

class Capabilities;
class DeviceModel;
struct Recording;

// What goes into a support bundle. Everything here must already be free of secrets: the
// recording is masked at the source, the state has no passwords; write() masks the text files
// once more on the way out (a second line of defence, Redactor + the values it learns).
struct SupportBundleInput
{
    QString program;              // "atbench", "atbench-cli"
    QStringList recordingParts;   // recording files, in order (copied as they are now)
    QJsonObject state;            // the module's state (deviceState())
    QJsonObject profile;          // the profile read back (profileReadBack()); empty: not read
    QStringList firmware;         // AT+GMR lines
    QStringList capabilities;     // the command list (empty: unknown)
    QString capabilitySource;     // "AT+CMD?", "probing", ""
    QJsonObject port;             // link, line settings, USB identity (portIdentity())
    QList<QJsonObject> errors;    // the last failures, decoded (lastErrors())
    QList<QPair<QString, QByteArray>> textFiles;  // more text, masked like the rest ("console.txt")
    QList<QPair<QString, QByteArray>> extraFiles; // binary, as is (e.g. "screenshots/wifiPage.png")
};

// A zip for whoever diagnoses the module next (issue 13): README.txt, environment.json (app,
// Qt, OS, kernel), port.json, module/state.json, module/profile.json, module/firmware.txt,
// module/capabilities.json, errors.jsonl, recording/*.jsonl and screenshots/*.png (GUI).
// libzip writes it.
class SupportBundle
{
public:
    static constexpr int kDefaultErrors = 50;

    static bool write(const QString &path, const SupportBundleInput &input, QStringList *files = nullptr,
                      QString *error = nullptr);
    // Every file of a bundle (or any zip) by name; empty with *error on failure.
    static QMap<QString, QByteArray> readAll(const QString &path, QString *error = nullptr);

    // App version, Qt (build and run time), OS, kernel, CPU architecture.
    static QJsonObject environment(const QString &program);
    // The DeviceModel as JSON: dialect, firmware, echo, mux/mode, Wi-Fi, links, DNS, SNTP, MQTT.
    static QJsonObject deviceState(const DeviceModel &model);
    // The module's profile as core/provisioning's ProfileReader reads it, from the replies of
    // the bundle's read (StateReader::readLines() holds every ProfileReader query): a profile
    // document (format atbench-profile, docs/provisioning.md) that "atbench-cli provision" and
    // the Provisioning page take as it is. Passwords and the PSK are secret references
    // ({"secret":"wifi.password"}), never values. Empty when `results` is empty (nothing read:
    // a recording played back, no module).
    static QJsonObject profileReadBack(const QList<AtResult> &results, Dialect dialect, const QString &port);
    // The serial port's USB identity (description, manufacturer, VID:PID, serial number) when
    // the system lists it; the name alone otherwise.
    static QJsonObject portIdentity(const QString &portNameOrPath);
    // The last `count` commands that failed in `recording` (error, busy, timeout, ...), each with
    // its line, status, final, ERR CODEs and their explanation, and the time.
    static QList<QJsonObject> lastErrors(const Recording &recording, int count = kDefaultErrors);
};

} // namespace atb
