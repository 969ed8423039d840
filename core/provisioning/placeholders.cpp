#include "placeholders.h"

#include "provisioning/profile.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace atb {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(atb::placeholders)
};

QString macHex(const QString &mac)
{
    QString hex;
    for (const QChar c : mac)
        if (c.isLetterOrNumber())
            hex += c.toLower();
    return hex;
}

} // namespace

QString ModuleIdentity::portShortName() const
{
    if (port.startsWith(QLatin1String("tcp:")))
        return port.mid(4).replace(QLatin1Char(':'), QLatin1Char('-'));
    if (port.startsWith(QLatin1String("sim:")))
        return QString(port).replace(QLatin1Char(':'), QLatin1Char('-'));
    return QFileInfo(port).fileName();
}

namespace placeholders {

QStringList names()
{
    return { QStringLiteral("MAC"), QStringLiteral("MAC6"), QStringLiteral("INDEX"), QStringLiteral("PORT"),
             QStringLiteral("SERIAL") };
}

QString expand(const QString &text, const ModuleIdentity &id, const QString &path, QList<JsonIssue> *issues)
{
    if (!text.contains(QLatin1Char('$')))
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.mid(i, 3) == QLatin1String("$${")) {
            out += QLatin1String("${");
            i += 2;
            continue;
        }
        if (text.mid(i, 2) != QLatin1String("${")) {
            out += text[i];
            continue;
        }
        const qsizetype end = text.indexOf(QLatin1Char('}'), i + 2);
        if (end < 0) {
            issues->append({ path, Text::tr("\"${\" without a closing \"}\" (write $${ for a literal ${)") });
            return text;
        }
        const QString name = text.mid(i + 2, end - i - 2);
        const QString hex = macHex(id.mac);
        QString value;
        if (name == QLatin1String("MAC") || name == QLatin1String("MAC6")) {
            if (hex.size() != 12) {
                issues->append({ path, Text::tr("uses ${%1}, but the module did not report its MAC address").arg(name) });
                return text;
            }
            value = name == QLatin1String("MAC") ? hex : hex.right(6);
        } else if (name == QLatin1String("INDEX")) {
            value = QString::number(id.index);
        } else if (name == QLatin1String("PORT")) {
            value = id.portShortName();
        } else if (name == QLatin1String("SERIAL")) {
            if (id.serial.isEmpty()) {
                issues->append({ path, Text::tr("uses ${SERIAL}, but port %1 has no USB serial number").arg(id.port) });
                return text;
            }
            value = id.serial;
        } else {
            issues->append({ path, Text::tr("unknown placeholder ${%1} (known: %2)")
                                       .arg(name, QStringLiteral("${") + names().join(QStringLiteral("}, ${")) + QLatin1Char('}')) });
            return text;
        }
        out += value;
        i = end;
    }
    return out;
}

Profile expandProfile(const Profile &profile, const ModuleIdentity &id, QList<JsonIssue> *issues)
{
    Profile p = profile;
    p.forEachText([&](QString &text, const QString &path) { text = expand(text, id, path, issues); });
    return p;
}

bool usesMac(const Profile &profile)
{
    bool uses = false;
    Profile p = profile;
    p.forEachText([&uses](QString &text, const QString &) { uses = uses || text.contains(QLatin1String("${MAC")); });
    return uses;
}

ModuleIdentity sampleIdentity(int index, const QString &port, const QString &serial)
{
    ModuleIdentity id;
    id.index = index;
    id.port = port;
    id.serial = serial;
    id.mac = QStringLiteral("02:00:00:00:00:00");
    return id;
}

} // namespace placeholders

} // namespace atb
