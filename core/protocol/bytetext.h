#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <QStringView>

namespace atb {

// Bytes written as text, both ways: hex digits and backslash escapes. The one place the console,
// the Connections and MQTT pages, the log and its hex view read and write these forms, so they
// all accept and show the same thing.
//
// Why the escapes are strict (protocol.md 3.1): the firmware never interprets escapes in data
// sent after '>' (AT+CIPSEND, AT+MQTTPUBRAW): those bytes go on the wire exactly as given. So an
// escape the host cannot read unambiguously is refused with a reason rather than guessed, and
// the user sees before sending what will be sent. Where the text is sent as typed (the console's
// data after '>' in "text" format, or a page with its escapes box unchecked), none of this
// applies: what is typed is what is sent, e.g. CIPSENDEX's own "\0" end mark.
struct ByteText
{
    Q_DECLARE_TR_FUNCTIONS(ByteText)
public:
    // Typed text read as bytes: the bytes, or (error not empty) why the text is not valid.
    struct Decoded
    {
        QByteArray bytes;
        QString error;
        bool ok() const { return error.isEmpty(); }
    };

    // Hex: groups of digits separated by blanks, ',', ';', ':' or '-'; a group may start with
    // 0x. A group has pairs of digits ("0d0a" = 0d 0a) or a single digit ("a" or "0xa" = 0a).
    // "48 65 6c", "48656C", "0x41,0x42", "de:ad:be:ef" are valid; "486" (odd group), "4g" and
    // "0x" are not. Empty text is zero bytes.
    // (The other way is Qt's QByteArray::toHex(' ').)
    static Decoded fromHex(QStringView text);

    // Escapes: \r \n \t \0 \\ and \xNN (exactly two hex digits, either case) stand for CR, LF,
    // TAB, NUL, a backslash and the byte NN; every other byte stands for itself (so UTF-8 text
    // stays UTF-8). \0 is always one NUL byte (no octal: "\012" is NUL, '1', '2'). Refused, with
    // the offset in the error: a backslash before any other character, \x without two hex
    // digits, and a backslash at the very end (type \\ for a backslash).
    static Decoded unescape(QByteArrayView text);
    static Decoded unescape(QStringView text) { return unescape(QByteArrayView(text.toUtf8())); }
    // The inverse for display: printable ASCII stays, \ becomes \\, CR LF TAB become \r \n \t,
    // every other byte \xNN (lower case). unescape(escape(b)).bytes == b for all bytes.
    static QByteArray escape(QByteArrayView bytes);
};

} // namespace atb
