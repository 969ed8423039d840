#pragma once

#include "provisioning/jsonschema.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace atb {

class Profile;

// Who a module is, as far as a profile's placeholders need it. Filled from the port (before it
// opens) and from what the module reports (MAC, firmware).
struct ModuleIdentity
{
    int index = 1;      // 1-based position in the batch (${INDEX})
    QString port;       // the port as given: "/dev/ttyUSB0", "tcp:10.0.0.5:4000", "sim:esp"
    QString serial;     // USB serial number of the adapter; empty when it has none (${SERIAL})
    QString mac;        // station MAC as the module reports it, "aa:bb:cc:dd:ee:ff"; empty if unknown
    QStringList firmware; // AT+GMR lines

    // ${PORT}: the port's short name, usable in a topic or a client id: the device file's
    // name ("ttyUSB0"), "HOST-PORT" for a TCP bridge, "sim-esp" for a built-in module.
    QString portShortName() const;
};

// Per-module values in a profile's text fields (client id, topics, messages, host names, SSID;
// never in secret names): ${MAC} (12 lower-case hex digits, no separators), ${MAC6} (its last 6),
// ${INDEX}, ${PORT} (ModuleIdentity::portShortName()), ${SERIAL}. "$${" writes a literal "${".
namespace placeholders {

QStringList names(); // "MAC", "MAC6", "INDEX", "PORT", "SERIAL"

// The text with every placeholder replaced. An unknown name, an unterminated "${", or a value
// the module does not have (no MAC known, no USB serial number) is an issue at `path`.
QString expand(const QString &text, const ModuleIdentity &id, const QString &path, QList<JsonIssue> *issues);

// Every text field of the profile expanded for one module.
Profile expandProfile(const Profile &profile, const ModuleIdentity &id, QList<JsonIssue> *issues);

// Whether the profile uses ${MAC}/${MAC6} (the module must be read before planning).
bool usesMac(const Profile &profile);

// A stand-in identity for checking a profile before any module is open: a MAC of the right
// length, the index, port and serial number given (a sample serial number when none is).
// Limits are checked with the expanded lengths; each module is checked again with its own.
ModuleIdentity sampleIdentity(int index = 1, const QString &port = QStringLiteral("sim:esp"),
                              const QString &serial = QStringLiteral("SAMPLE0001"));

} // namespace placeholders

} // namespace atb
