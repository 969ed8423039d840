// ByteText: the hex and escape forms every page and the log share. The rows include those of the
// three hex readers and two unescapers it replaced (console, MQTT page, ConnectionService, log
// view), with the cases where they disagreed decided once.
#include "log/sessionlog.h"
#include "protocol/bytetext.h"

#include <QtTest>

using atb::ByteText;

class tst_ByteText : public QObject
{
    Q_OBJECT

private slots:
    void fromHex_data();
    void fromHex();
    void unescape_data();
    void unescape();
    void escapeRoundTrips_data();
    void escapeRoundTrips();
    void logEscapesAreUndone();
};

void tst_ByteText::fromHex_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("errorNames"); // a fragment of the error, when not ok

    QTest::newRow("empty") << "" << true << QByteArray() << "";
    QTest::newRow("only blanks") << "  \t " << true << QByteArray() << "";
    QTest::newRow("spaced") << "48 65 6c" << true << QByteArray("Hel") << "";
    QTest::newRow("packed, upper case") << "48656C" << true << QByteArray("Hel") << "";
    QTest::newRow("run with NUL") << "0d0a0001" << true << QByteArray("\r\n\0\x01", 4) << "";
    QTest::newRow("0x and commas") << "0x41,0x42, 0x43 44" << true << QByteArray("ABCD") << "";
    QTest::newRow("0X upper") << "0X4a" << true << QByteArray("J") << "";
    QTest::newRow("colons") << "de:ad:be:ef" << true << QByteArray::fromHex("deadbeef") << "";
    QTest::newRow("dashes") << "de-ad" << true << QByteArray::fromHex("dead") << "";
    QTest::newRow("semicolons and newline") << "01;02\n03" << true << QByteArray::fromHex("010203") << "";
    QTest::newRow("MQTT raw payload") << "00 0d 0a 4f 4b 0d 0a 2c 22 00" << true
                                      << QByteArray("\0\r\nOK\r\n,\"\0", 10) << "";
    QTest::newRow("single digit group") << "a" << true << QByteArray("\x0a") << "";
    QTest::newRow("single digit after 0x") << "0xa 0x0" << true << QByteArray("\x0a\x00", 2) << "";
    // Groups are read one by one: "4 8" is two bytes, not 0x48 (the MQTT page read it as one).
    QTest::newRow("single digits are separate bytes") << "4 8" << true << QByteArray("\x04\x08") << "";
    QTest::newRow("odd group") << "486" << false << QByteArray() << "486";
    QTest::newRow("odd group after others") << "48 656" << false << QByteArray() << "656";
    QTest::newRow("not hex") << "4g" << false << QByteArray() << "\"g\"";
    QTest::newRow("x without 0") << "x41" << false << QByteArray() << "\"x\"";
    QTest::newRow("0x alone") << "41 0x" << false << QByteArray() << "0x";
    QTest::newRow("non-ASCII") << QStringLiteral("4é") << false << QByteArray() << QStringLiteral("\"é\"");
}

void tst_ByteText::fromHex()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, errorNames);
    const ByteText::Decoded d = ByteText::fromHex(text);
    QCOMPARE(d.ok(), ok);
    QCOMPARE(d.bytes, bytes);
    if (!ok)
        QVERIFY2(d.error.contains(errorNames), qPrintable(d.error));
}

void tst_ByteText::unescape_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("errorNames");

    QTest::newRow("plain") << QByteArray("hello") << true << QByteArray("hello") << "";
    QTest::newRow("empty") << QByteArray() << true << QByteArray() << "";
    QTest::newRow("controls") << QByteArray("a\\r\\n\\tb") << true << QByteArray("a\r\n\tb") << "";
    QTest::newRow("backslash") << QByteArray("a\\\\b") << true << QByteArray("a\\b") << "";
    QTest::newRow("backslash then n") << QByteArray("\\\\n") << true << QByteArray("\\n") << "";
    QTest::newRow("NUL") << QByteArray("a\\0b") << true << QByteArray("a\0b", 3) << "";
    QTest::newRow("NUL is not octal") << QByteArray("\\012") << true << QByteArray("\0" "12", 3) << "";
    QTest::newRow("MQTT page row") << QByteArray("line1\\r\\nline2\\0end") << true
                                   << QByteArray("line1\r\nline2\0end", 16) << "";
    QTest::newRow("hex escapes") << QByteArray("\\x41\\x0a\\xFF\\x00") << true << QByteArray("A\n\xff\0", 4) << "";
    QTest::newRow("hex escape then digit") << QByteArray("\\x414") << true << QByteArray("A4") << "";
    QTest::newRow("UTF-8 passes") << QByteArray("温度\\n") << true << QByteArray("温度\n") << "";
    // The old copies kept these as typed; the firmware sends bytes after '>' unchanged, so a
    // guess would put other bytes on the wire than the user meant: refused with the offset.
    QTest::newRow("x with one digit") << QByteArray("ab\\x4") << false << QByteArray() << "offset 2";
    QTest::newRow("x with a non-hex digit") << QByteArray("\\x4g") << false << QByteArray() << "offset 0";
    QTest::newRow("x at the end") << QByteArray("\\x") << false << QByteArray() << "\\x";
    QTest::newRow("trailing backslash") << QByteArray("abc\\") << false << QByteArray() << "offset 3";
    QTest::newRow("unknown escape") << QByteArray("C:\\temp\\q") << false << QByteArray() << "\\q";
    QTest::newRow("escaped quote is not an escape here") << QByteArray("\\\"") << false << QByteArray() << "\\\"";
}

void tst_ByteText::unescape()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, errorNames);
    const ByteText::Decoded d = ByteText::unescape(QByteArrayView(text));
    QCOMPARE(d.ok(), ok);
    QCOMPARE(d.bytes, bytes);
    if (!ok)
        QVERIFY2(d.error.contains(errorNames), qPrintable(d.error));
    // The QString overload reads the same UTF-8.
    const ByteText::Decoded viaString = ByteText::unescape(QStringView(QString::fromUtf8(text)));
    QCOMPARE(viaString.bytes, d.bytes);
    QCOMPARE(viaString.error, d.error);
}

void tst_ByteText::escapeRoundTrips_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("escaped");
    QTest::newRow("text") << QByteArray("hello") << QByteArray("hello");
    QTest::newRow("controls") << QByteArray("a\r\n\tb") << QByteArray("a\\r\\n\\tb");
    QTest::newRow("backslash x") << QByteArray("\\x41") << QByteArray("\\\\x41");
    QTest::newRow("NUL and high bytes") << QByteArray("\0\x7f\x80\xff", 4) << QByteArray("\\x00\\x7f\\x80\\xff");
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all += char(i);
    QTest::newRow("all bytes") << all << QByteArray();
}

void tst_ByteText::escapeRoundTrips()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, escaped);
    const QByteArray e = ByteText::escape(bytes);
    if (!escaped.isEmpty())
        QCOMPARE(e, escaped);
    for (const char c : e) // printable ASCII only
        QVERIFY(c >= 0x20 && c < 0x7f);
    const ByteText::Decoded back = ByteText::unescape(QByteArrayView(e));
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(back.bytes, bytes);
}

void tst_ByteText::logEscapesAreUndone()
{
    // What the log writes, the console's hex view reads back (the truncation note aside).
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all += char(i);
    QCOMPARE(atb::SessionLog::escapeBytes(all, 1024), ByteText::escape(all));
    const QByteArray cut = atb::SessionLog::escapeBytes(all, 16);
    QVERIFY(cut.startsWith(ByteText::escape(all.first(16))));
    QVERIFY(cut.endsWith("(240 more bytes)"));
}

QTEST_APPLESS_MAIN(tst_ByteText)
#include "tst_bytetext.moc"
