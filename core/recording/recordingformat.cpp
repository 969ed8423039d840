#include "recordingformat.h"

#include <QRegularExpression>

namespace atb::recording {

QPair<QString, QString> encodeBytes(const QString &key, const QByteArray &bytes)
{
    bool text = true;
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\r' && c != '\n' && c != '\t') || u == 0x7f) {
            text = false;
            break;
        }
    }
    if (text && bytes.isValidUtf8())
        return { key, QString::fromUtf8(bytes) };
    return { key + QStringLiteral("_hex"), QString::fromLatin1(bytes.toHex()) };
}

bool decodeBytes(const QJsonObject &record, const QString &key, QByteArray *bytes)
{
    auto it = record.constFind(key);
    if (it != record.constEnd()) {
        *bytes = it->toString().toUtf8();
        return true;
    }
    it = record.constFind(key + QStringLiteral("_hex"));
    if (it != record.constEnd()) {
        *bytes = QByteArray::fromHex(it->toString().toLatin1());
        return true;
    }
    return false;
}

QString partPath(const QString &firstPart, int part)
{
    if (part <= 1)
        return firstPart;
    const QString stem = firstPart.endsWith(QLatin1String(".jsonl")) ? firstPart.chopped(6) : firstPart;
    return QStringLiteral("%1.part%2.jsonl").arg(stem).arg(part);
}

QString firstPartOf(const QString &path, int *part)
{
    static const QRegularExpression re(QStringLiteral("^(.*)\\.part(\\d+)\\.jsonl$"));
    const auto m = re.match(path);
    if (part)
        *part = m.hasMatch() ? m.captured(2).toInt() : 1;
    return m.hasMatch() ? m.captured(1) + QStringLiteral(".jsonl") : path;
}

} // namespace atb::recording
