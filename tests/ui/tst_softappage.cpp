// The SoftAP page on a real session, model, SoftApService and the in-process simulator: the
// flows a technician runs without typing AT (turn the SoftAP on with its network, its address
// and DHCP range, the station list), invalid input beside its field, Beken's "not here".
#include "pages/softappage.h"
#include "services/softapservice.h"
#include "simharness.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

#include "pseudochinese.h"

namespace {

struct Fixture
{
    explicit Fixture(atb::sim::Dialect d = atb::sim::Dialect::Esp) : h(d, true), service(&h.session, &h.model),
        page(&h.model, &service)
    {
        page.resize(1110, 700);
        page.show();
    }
    template<typename T> T *w(const char *name) { return page.findChild<T *>(QLatin1String(name)); }
    void set(const char *name, const QString &text)
    {
        auto *e = w<QLineEdit>(name);
        e->clear();
        if (!text.isEmpty())
            QTest::keyClicks(e, text);
    }
    bool click(QPushButton *b)
    {
        QTest::mouseClick(b, Qt::LeftButton);
        return QTest::qWaitFor([this] { return !service.isBusy(); }, 10000);
    }

    SimHarness h;
    atb::SoftApService service;
    SoftApPage page;
};

} // namespace

class tst_SoftApPage : public QObject
{
    Q_OBJECT

private slots:
    void turnOnFromTheForm()
    {
        Fixture f;
        QVERIFY(f.h.ready());
        QVERIFY(f.click(f.page.readButton()));
        QCOMPARE(f.h.sent, QList<QByteArray> { "AT+CWMODE?" });
        QVERIFY2(f.w<QLabel>("softApState")->text().contains(QLatin1String("off")),
                 qPrintable(f.w<QLabel>("softApState")->text()));

        f.set("softApSsidEdit", QStringLiteral("BenchSoftAP"));
        f.set("softApPasswordEdit", QStringLiteral("short"));
        QVERIFY(!f.page.fieldError("pwd").isEmpty()); // beside the field while typing
        f.h.sent.clear();
        QTest::mouseClick(f.page.applyButton(), Qt::LeftButton);
        QVERIFY(f.h.drain() && f.h.sent.isEmpty());
        QVERIFY(f.page.statusIsProblem());

        f.set("softApPasswordEdit", QStringLiteral("softap-secret"));
        f.w<QSpinBox>("softApChannelSpin")->setValue(11);
        f.w<QSpinBox>("softApMaxSpin")->setValue(3);
        QVERIFY(f.page.fieldError("pwd").isEmpty());
        f.page.showAtButton()->setChecked(true);
        const QString shown = f.page.atPreview()->toPlainText();
        QVERIFY2(shown.contains(QLatin1String("AT+CWMODE=3")) && shown.contains(QLatin1String("\"***\",11,3,3,0"))
                     && !shown.contains(QLatin1String("softap-secret")),
                 qPrintable(shown));
        f.h.sent.clear();
        QVERIFY(f.click(f.page.applyButton()));
        QCOMPARE(f.h.sent, (QList<QByteArray> { "AT+CWMODE=3", "AT+CWSAP=\"BenchSoftAP\",\"softap-secret\",11,3,3,0",
                                                "AT+CWSAP?", "AT+CIPAP?", "AT+CWDHCPS?", "AT+CWLIF" }));
        QVERIFY(!f.w<QLineEdit>("softApIpEdit")->text().isEmpty()); // the address came with it
        QVERIFY2(f.page.statusText().contains(QLatin1String("BenchSoftAP")), qPrintable(f.page.statusText()));
        QVERIFY(f.w<QLabel>("softApState")->text().contains(QLatin1String("on")));
        QVERIFY(!f.page.isDirty());
        // Read again: now the SoftAP's queries follow, and the form shows the module's values.
        f.h.sent.clear();
        QVERIFY(f.click(f.page.readButton()));
        QCOMPARE(f.h.sent, (QList<QByteArray> { "AT+CWMODE?", "AT+CWSAP?", "AT+CIPAP?", "AT+CWDHCPS?", "AT+CWLIF" }));
        QCOMPARE(f.w<QSpinBox>("softApChannelSpin")->value(), 11);
        QVERIFY(!f.w<QLineEdit>("softApIpEdit")->text().isEmpty());
    }

    void addressRangeAndStationsFromTheForm()
    {
        Fixture f;
        QVERIFY(f.h.ready());
        f.set("softApSsidEdit", QStringLiteral("open-ap"));
        f.w<QComboBox>("softApEncryptionCombo")->setCurrentIndex(
            f.w<QComboBox>("softApEncryptionCombo")->findData(0));
        QVERIFY(f.click(f.page.applyButton()));
        QVERIFY(f.service.state().apOn());

        f.set("softApIpEdit", QStringLiteral("192.168.5.1"));
        f.set("softApGatewayEdit", QString());
        f.set("softApNetmaskEdit", QString());
        f.w<QRadioButton>("softApCustomRangeRadio")->setChecked(true);
        f.set("softApRangeStartEdit", QStringLiteral("192.168.6.10"));
        f.set("softApRangeEndEdit", QStringLiteral("192.168.5.20"));
        QVERIFY(!f.page.fieldError("start_IP", "network").isEmpty());
        f.h.sent.clear();
        QTest::mouseClick(f.w<QPushButton>("softApNetworkButton"), Qt::LeftButton);
        QVERIFY(f.h.drain() && f.h.sent.isEmpty());
        f.set("softApRangeStartEdit", QStringLiteral("192.168.5.10"));
        f.w<QSpinBox>("softApLeaseSpin")->setValue(60);
        QVERIFY(f.click(f.w<QPushButton>("softApNetworkButton")));
        QCOMPARE(f.h.sent, (QList<QByteArray> { "AT+CIPAP=\"192.168.5.1\"",
                                                "AT+CWDHCPS=1,60,\"192.168.5.10\",\"192.168.5.20\"", "AT+CIPAP?",
                                                "AT+CWDHCPS?" }));
        QCOMPARE(f.service.state().network.rangeEnd, QStringLiteral("192.168.5.20"));

        f.h.sent.clear();
        QVERIFY(f.click(f.w<QPushButton>("softApRefreshButton")));
        QCOMPARE(f.h.sent, QList<QByteArray> { "AT+CWLIF" });
        QCOMPARE(f.w<QTableView>("softApStationTable")->model()->rowCount(), 0);
        QVERIFY(!f.w<QPushButton>("softApDisconnectAllButton")->isEnabled()); // nobody to disconnect
    }

    void bekenSaysItHasNoSoftAp()
    {
        Fixture f(atb::sim::Dialect::BekenDoc);
        QVERIFY(f.h.ready());
        QVERIFY(f.w<QLabel>("softApUnavailable")->isVisible());
        QVERIFY(!f.w<QWidget>("softApBox")->isVisible());
        f.h.sent.clear();
        QTest::mouseClick(f.page.readButton(), Qt::LeftButton);
        QVERIFY(f.h.drain() && f.h.sent.isEmpty());
        QVERIFY(f.page.statusText().contains(QLatin1String("Beken")));
    }

    // Both languages fit the page size of a 1280x800 window, and a language change reaches the
    // page list (title) and the buttons.
    void retranslatesAndFits()
    {
        Fixture f;
        QVERIFY(f.h.ready());
        QCOMPARE(f.page.windowTitle(), QStringLiteral("SoftAP"));
        QVERIFY(!f.page.windowIcon().isNull());
        QVERIFY2(f.page.minimumSizeHint().height() <= 700, qPrintable(QString::number(f.page.minimumSizeHint().height())));
        QVERIFY2(f.page.minimumSizeHint().width() <= 1110, qPrintable(QString::number(f.page.minimumSizeHint().width())));
        const QString before = f.w<QPushButton>("softApNetworkButton")->text();
        PseudoChinese zh({ "SoftApPage", "FormPage", "atb::SoftApService" });
        QCoreApplication::installTranslator(&zh);
        QTRY_VERIFY(f.w<QPushButton>("softApNetworkButton")->text() != before);
        QVERIFY(f.page.windowTitle() != QStringLiteral("SoftAP"));
        QVERIFY2(f.page.minimumSizeHint().height() <= 700, qPrintable(QString::number(f.page.minimumSizeHint().height())));
        QVERIFY2(f.page.minimumSizeHint().width() <= 1110, qPrintable(QString::number(f.page.minimumSizeHint().width())));
        QCoreApplication::removeTranslator(&zh);
        QTRY_COMPARE(f.w<QPushButton>("softApNetworkButton")->text(), before);
    }
};

QTEST_MAIN(tst_SoftApPage)
#include "tst_softappage.moc"
