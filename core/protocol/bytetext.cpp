#include "bytetext.h"

namespace atb {

namespace {

int hexValue(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

bool isHexSeparator(QChar c)
{
    return c.isSpace() || c == u',' || c == u';' || c == u':' || c == u'-';
}

} // namespace

ByteText::Decoded ByteText::fromHex(QStringView text)
{
    Decoded out;
    out.bytes.reserve(text.size() / 2);
    qsizetype i = 0;
    while (i < text.size()) {
        if (isHexSeparator(text[i])) {
            ++i;
            continue;
        }
        // One group: [0x] digits, up to the next separator.
        qsizetype start = i;
        const bool prefixed = i + 1 < text.size() && text[i] == u'0' && (text[i + 1] == u'x' || text[i + 1] == u'X');
        if (prefixed)
            start += 2;
        qsizetype end = start;
        while (end < text.size() && !isHexSeparator(text[end])) {
            if (hexValue(text[end].unicode()) < 0) {
                out.error = tr("\"%1\" is not a hexadecimal digit").arg(text[end]);
                out.bytes.clear();
                return out;
            }
            ++end;
        }
        const qsizetype digits = end - start;
        if (digits == 0) {
            out.error = tr("\"0x\" needs hex digits after it");
            out.bytes.clear();
            return out;
        }
        if (digits == 1) {
            out.bytes += char(hexValue(text[start].unicode()));
        } else if (digits % 2 != 0) {
            out.error = tr("Odd number of hex digits in \"%1\": every byte needs two").arg(text.sliced(i, end - i));
            out.bytes.clear();
            return out;
        } else {
            for (qsizetype k = start; k < end; k += 2)
                out.bytes += char(hexValue(text[k].unicode()) * 16 + hexValue(text[k + 1].unicode()));
        }
        i = end;
    }
    return out;
}

ByteText::Decoded ByteText::unescape(QByteArrayView text)
{
    static const char kEscapes[] = "\\r \\n \\t \\0 \\\\ \\xNN";
    Decoded out;
    out.bytes.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '\\') {
            out.bytes += c;
            continue;
        }
        if (i + 1 >= text.size()) {
            out.error = tr("A lone backslash at the end (offset %1): type \\\\ for a backslash").arg(QString::number(i));
            out.bytes.clear();
            return out;
        }
        const char n = text[i + 1];
        switch (n) {
        case 'r': out.bytes += '\r'; break;
        case 'n': out.bytes += '\n'; break;
        case 't': out.bytes += '\t'; break;
        case '0': out.bytes += '\0'; break;
        case '\\': out.bytes += '\\'; break;
        case 'x': {
            const int hi = i + 2 < text.size() ? hexValue(char16_t(uchar(text[i + 2]))) : -1;
            const int lo = i + 3 < text.size() ? hexValue(char16_t(uchar(text[i + 3]))) : -1;
            if (hi < 0 || lo < 0) {
                out.error = tr("\\x at offset %1 needs two hex digits (escapes: %2)")
                            .arg(QString::number(i), QLatin1String(kEscapes));
                out.bytes.clear();
                return out;
            }
            out.bytes += char(hi * 16 + lo);
            i += 2;
            break;
        }
        default:
            out.error = tr("Unknown escape \\%1 at offset %2 (escapes: %3; type \\\\ for a backslash)")
                            .arg(QString::fromUtf8(text.sliced(i + 1, 1)), QString::number(i),
                                 QLatin1String(kEscapes));
            out.bytes.clear();
            return out;
        }
        ++i;
    }
    return out;
}

QByteArray ByteText::escape(QByteArrayView bytes)
{
    static const char hex[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(bytes.size() + 16);
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\r')
            out += "\\r";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (c == '\\')
            out += "\\\\";
        else if (c >= 0x20 && c < 0x7f)
            out += char(c);
        else {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

} // namespace atb
