// LinkDataView: text and hex rendering, and the bound on what it shows. A link that keeps
// receiving (the GUI soak found a 1 MiB view rendered again on every +IPD burst) must cost the
// same after an hour as after a minute: the view keeps between kShownBytes and twice that.
#include "widgets/linkdataview.h"

#include <QTest>

class TstLinkDataView : public QObject
{
    Q_OBJECT
private slots:
    void rendersTextAndHex_data();
    void rendersTextAndHex();
    void keepsTheNewestBytesWhateverThePieces_data();
    void keepsTheNewestBytesWhateverThePieces();
    void hexSwitchRendersWhatIsShown();
};

void TstLinkDataView::rendersTextAndHex_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("hex");
    QTest::addColumn<QString>("shown");
    QTest::newRow("CR LF is one break") << QByteArray("a\r\nb") << false << QStringLiteral("a\nb");
    QTest::newRow("lone CR breaks") << QByteArray("a\rb") << false << QStringLiteral("a\nb");
    QTest::newRow("controls as dots") << QByteArray("a\x01\x7f", 3) << false << QStringLiteral("a\u00b7\u00b7");
    QTest::newRow("hex") << QByteArray("AB\n") << true << QStringLiteral("41 42 0a ");
    QTest::newRow("hex, 16 bytes a line") << QByteArray(17, 'A') << true
                                          << QStringLiteral("41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41\n41 ");
}

void TstLinkDataView::rendersTextAndHex()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, hex);
    QFETCH(QString, shown);
    LinkDataView v;
    v.setHex(hex);
    v.appendBytes(bytes);
    QCOMPARE(v.toPlainText(), shown);
}

void TstLinkDataView::keepsTheNewestBytesWhateverThePieces_data()
{
    QTest::addColumn<int>("piece");
    QTest::addColumn<bool>("hex");
    QTest::newRow("1460-byte +IPD pieces, text") << 1460 << false;
    QTest::newRow("1460-byte pieces, hex") << 1460 << true;
    QTest::newRow("100-byte pieces") << 100 << false;
    QTest::newRow("pieces larger than the bound") << int(LinkDataView::kShownBytes + 10) << false;
}

void TstLinkDataView::keepsTheNewestBytesWhateverThePieces()
{
    QFETCH(int, piece);
    QFETCH(bool, hex);
    LinkDataView v;
    v.setHex(hex);
    QByteArray all;
    int lineNo = 0;
    while (all.size() < 3 * LinkDataView::kShownBytes) {
        QByteArray p;
        while (p.size() < piece)
            p += "line " + QByteArray::number(lineNo++) + "\n"; // (a CR LF split between pieces shows as two breaks)
        p.truncate(piece);
        all += p;
        v.appendBytes(p);
        QVERIFY(v.bytes().size() <= 2 * LinkDataView::kShownBytes);
    }
    // What is shown is exactly the tail of what arrived, rendered as one piece would be.
    const QByteArray shown = v.bytes();
    QVERIFY(shown.size() >= LinkDataView::kShownBytes);
    QVERIFY(all.endsWith(shown));
    QCOMPARE(v.toPlainText(), hex ? LinkDataView::renderHex(shown) : LinkDataView::renderText(shown));
}

void TstLinkDataView::hexSwitchRendersWhatIsShown()
{
    LinkDataView v;
    v.setBytes(QByteArray(LinkDataView::kShownBytes * 2, 'x') + "end");
    QCOMPARE(v.bytes().size(), LinkDataView::kShownBytes);
    QVERIFY(v.toPlainText().endsWith(QLatin1String("xend")));
    v.setHex(true);
    QVERIFY(v.toPlainText().endsWith(QLatin1String("78 78 65 6e 64\n"))); // 64 KiB: whole 16-byte lines
}

QTEST_MAIN(TstLinkDataView)
#include "tst_linkdataview.moc"
