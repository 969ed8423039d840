// The Network services page on real core objects and the in-process simulator (offscreen): fill
// DNS/SNTP, press Apply, read the module's time from a local NTP responder, look up and ping on
// loopback; check the exact AT lines the module received and what the page shows.
#include "localntp.h"
#include "screenshotdir.h"
#include "simharness.h"

#include "pages/netservicespage.h"
#include "services/netservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QToolButton>
#include <QTreeWidget>
#include <QUdpSocket>
#include <QtEndian>
#include <QTranslator>
#include <QtTest>

#include "pseudochinese.h"

namespace {


struct PageFixture
{
    PageFixture(atb::DeviceSession *session, atb::DeviceModel *model) : service(session, model)
    {
        page = new NetServicesPage(model, &service);
        page->resize(1110, 700);
        page->show();
        page->activateWindow(); // shortcuts (Ctrl+Return, F5) need an active window
        ok = QTest::qWaitForWindowActive(page);
    }
    ~PageFixture() { delete page; }

    atb::NetService service;
    NetServicesPage *page = nullptr;
    bool ok = false;
};

void setText(QLineEdit *edit, const QString &text)
{
    edit->clear();
    if (text.size() > 40)
        edit->setText(text);
    else
        QTest::keyClicks(edit, text);
}

void setManualDns(NetServicesPage *page, const QStringList &servers)
{
    page->dnsModeCombo()->setCurrentIndex(page->dnsModeCombo()->findData(1));
    for (int i = 0; i < 3; ++i)
        setText(page->dnsServerEdit(i), servers.value(i));
}

atb::sim::Dialect dialectOf(const QString &name)
{
    atb::sim::Dialect d = atb::sim::Dialect::Esp;
    atb::sim::parseDialect(name, &d);
    return d;
}

} // namespace

class tst_NetServicesPage : public QObject
{
    Q_OBJECT

private slots:
    // Done-when flow: set DNS and SNTP, then read the module's time.
    void setDnsAndSntpAndReadTheModulesTime_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QString>("tz");
        QTest::newRow("esp") << "esp" << "8";
        QTest::newRow("esp hhmm") << "esp" << "+0530";
        QTest::newRow("beken-doc") << "beken-doc" << "-5";
    }

    void setDnsAndSntpAndReadTheModulesTime()
    {
        QFETCH(QString, dialect);
        QFETCH(QString, tz);
        LocalNtp ntp;
        SimHarness h(dialectOf(dialect), true);
        QVERIFY(h.ready());
        PageFixture f(&h.session, &h.model);
        QVERIFY(f.ok);
        NetServicesPage *page = f.page;
        QVERIFY(!page->applyButton()->isEnabled());
        QTest::keyClick(page->timezoneEdit(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!page->isBusy()); // nothing edited: the shortcut sends nothing either
        QVERIFY(page->statusText().contains(QStringLiteral("Nothing to apply")));
        QVERIFY(!page->dnsServerEdit(0)->isEnabled()); // automatic DNS: no server fields

        setManualDns(page, { "8.8.8.8", "1.1.1.1" });
        QVERIFY(page->dnsServerEdit(0)->isEnabled());
        page->sntpEnableCheck()->setChecked(true);
        setText(page->timezoneEdit(), tz);
        QCOMPARE(page->timezoneHint()->text(),
                 tz == "8" ? QStringLiteral("UTC+08:00") : tz == "-5" ? QStringLiteral("UTC-05:00") : QStringLiteral("UTC+05:30"));
        setText(page->sntpServerEdit(0), ntp.address());
        QVERIFY(page->applyButton()->isEnabled());
        const QString tzOnWire = tz.startsWith(QLatin1Char('+')) ? tz.mid(1).remove(QRegularExpression("^0+")) : tz;
        const QList<QByteArray> expected {
            "AT+CIPDNS=1,\"8.8.8.8\",\"1.1.1.1\"",
            "AT+CIPSNTPCFG=1," + tzOnWire.toLatin1() + ",\"" + ntp.address().toLatin1() + "\"",
        };
        QCOMPARE(page->previewLines(), expected);
        page->showAtButton()->click();
        QVERIFY(page->atPreview()->isVisible());
        QVERIFY(page->atPreview()->toPlainText().contains(QString::fromLatin1(expected[1])));

        QTest::mouseClick(page->applyButton(), Qt::LeftButton);
        QVERIFY(page->isBusy());
        QVERIFY(!page->form()->isEnabled());
        QVERIFY(page->busyIndicator()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        QVERIFY(page->form()->isEnabled());
        QCOMPARE(h.sent, expected); // the preview is what the module received
        QVERIFY2(page->statusText().contains(QStringLiteral("done")), qPrintable(page->statusText()));
        QCOMPARE(page->dnsCurrentLabel()->text(), QStringLiteral("manual: 8.8.8.8, 1.1.1.1"));
        QVERIFY(!page->applyButton()->isEnabled()); // reloaded: the module holds the form's values
        QVERIFY(!page->isDirty());

        QTRY_VERIFY(ntp.requests >= 1); // the module synchronised with our responder
        QTest::qWait(100);
        h.sent.clear();
        QTest::mouseClick(page->readTimeButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        QCOMPARE(h.sent, QList<QByteArray> { "AT+CIPSNTPTIME?" });
        const atb::TimeReading t = f.service.lastTime();
        QVERIFY(t.parsed && t.synchronised);
        QVERIFY2(qAbs(t.offsetSeconds) <= 2, qPrintable(QString::number(t.offsetSeconds)));
        QVERIFY(page->moduleTimeLabel()->text().contains(t.moduleText));
        QVERIFY(page->moduleTimeLabel()->text().contains(QString::number(QDate::currentDate().year())));
        QVERIFY(page->pcTimeLabel()->text().contains(QString::number(QDate::currentDate().year())));
        const QString offset = page->offsetLabel()->text();
        QVERIFY2(offset.contains(QStringLiteral("in step")) || offset.contains(QStringLiteral("by 1 s"))
                     || offset.contains(QStringLiteral("by 2 s")),
                 qPrintable(offset));
        QVERIFY(page->statusText().contains(t.moduleText));
    }

    void invalidInputIsShownBesideTheField_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QStringList>("dns");
        QTest::addColumn<QString>("tz");
        QTest::addColumn<QStringList>("sntp");
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<QString>("words");
        QTest::newRow("duplicated DNS server") << "esp" << QStringList { "8.8.8.8", "8.8.8.8" } << QString()
                                               << QStringList() << QByteArray("DNS_IP2") << "must differ";
        QTest::newRow("DNS server not IPv4") << "esp" << QStringList { "8.8.8" } << QString() << QStringList()
                                             << QByteArray("DNS_IP1") << "IPv4";
        QTest::newRow("time zone 15") << "esp" << QStringList() << "15" << QStringList { "pool.ntp.org" }
                                      << QByteArray("timezone") << "14";
        QTest::newRow("beken time zone 13") << "beken-doc" << QStringList() << "13" << QStringList { "pool.ntp.org" }
                                            << QByteArray("timezone") << "12";
        QTest::newRow("257-byte line") << "esp" << QStringList() << "8"
                                       << QStringList { QString(80, QLatin1Char('a')), QString(80, QLatin1Char('b')),
                                                        QString(81, QLatin1Char('c')) }
                                       << QByteArray("server3") << "256";
    }

    void invalidInputIsShownBesideTheField()
    {
        QFETCH(QString, dialect);
        QFETCH(QStringList, dns);
        QFETCH(QString, tz);
        QFETCH(QStringList, sntp);
        QFETCH(QByteArray, field);
        QFETCH(QString, words);
        SimHarness h(dialectOf(dialect));
        QVERIFY(h.ready());
        PageFixture f(&h.session, &h.model);
        QVERIFY(f.ok);
        NetServicesPage *page = f.page;
        if (!dns.isEmpty())
            setManualDns(page, dns);
        if (!sntp.isEmpty()) {
            page->sntpEnableCheck()->setChecked(true);
            setText(page->timezoneEdit(), tz);
            for (int i = 0; i < 3; ++i)
                setText(page->sntpServerEdit(i), sntp.value(i));
        }
        // Shown while typing, before anything is sent...
        QVERIFY2(page->fieldError(field).contains(words), qPrintable(page->fieldError(field)));
        QVERIFY(page->previewLines().isEmpty());
        QVERIFY(page->atPreview()->toPlainText().contains(QStringLiteral("nothing is sent")));
        // ...and Apply (Ctrl+Return) sends nothing.
        QSignalSpy started(&h.session, &atb::DeviceSession::commandStarted);
        QTest::keyClick(page->timezoneEdit(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!page->isBusy());
        QCOMPARE(started.count(), 0); // a command would have started at once (the queue is idle)
        QVERIFY(h.sent.isEmpty());
        QVERIFY2(page->statusText().contains(QStringLiteral("Nothing was sent")), qPrintable(page->statusText()));
        QVERIFY(!page->fieldError(field).isEmpty());
    }

    void readWithF5ShowsTheModulesValues()
    {
        SimHarness h(atb::sim::Dialect::Esp, true);
        QVERIFY(h.ready());
        PageFixture f(&h.session, &h.model);
        QVERIFY(f.ok);
        NetServicesPage *page = f.page;
        QVERIFY(page->dnsCurrentLabel()->text().contains(QStringLiteral("not read yet")));
        page->pingEdit()->setFocus();
        QTest::keyClick(page->pingEdit(), Qt::Key_F5);
        QVERIFY(page->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        QCOMPARE(h.sent, (QList<QByteArray> { "AT+CIPSNTPCFG?", "AT+CIPSNTPTIME?", "AT+CIPDNS?" }));
        QCOMPARE(page->dnsCurrentLabel()->text(),
                 QStringLiteral("automatic: 208.67.222.222, 114.114.114.114, 8.8.8.8"));
        QCOMPARE(page->dnsModeCombo()->currentData().toInt(), 0);
        QVERIFY(!page->sntpEnableCheck()->isChecked());
        // A module clock that was never set is called out, not shown as a huge difference.
        QVERIFY2(page->offsetLabel()->text().contains(QStringLiteral("not synchronised")),
                 qPrintable(page->offsetLabel()->text()));
        QVERIFY(!page->applyButton()->isEnabled());
    }

    void lookupShowsTheAddressOrWhy()
    {
        SimHarness h(atb::sim::Dialect::Esp, true);
        QVERIFY(h.ready());
        PageFixture f(&h.session, &h.model);
        QVERIFY(f.ok);
        NetServicesPage *page = f.page;
        setText(page->lookupEdit(), QStringLiteral("localhost"));
        QVERIFY(page->atPreview()->toPlainText().contains(QStringLiteral("AT+CIPDOMAIN=\"localhost\"")));
        QTest::mouseClick(page->lookupButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        QCOMPARE(h.sent, QList<QByteArray> { "AT+CIPDOMAIN=\"localhost\"" });
        QCOMPARE(page->lookupResultLabel()->text(), QStringLiteral("localhost → 127.0.0.1"));

        h.sent.clear();
        setText(page->lookupEdit(), QStringLiteral("no-such-host.invalid"));
        QTest::keyClick(page->lookupEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        QCOMPARE(h.sent, QList<QByteArray> { "AT+CIPDOMAIN=\"no-such-host.invalid\"" });
        QVERIFY2(page->statusText().contains(QStringLiteral("could not be resolved")), qPrintable(page->statusText()));
        QVERIFY(page->lookupResultLabel()->text().contains(QStringLiteral("could not be resolved")));

        // A name that makes the line longer than 256 bytes: reason beside the field, nothing sent.
        h.sent.clear();
        setText(page->lookupEdit(), QString(250, QLatin1Char('n')) + QStringLiteral(".example"));
        QVERIFY2(page->fieldError("domain_name").contains(QStringLiteral("256")), qPrintable(page->fieldError("domain_name")));
        QSignalSpy started(&h.session, &atb::DeviceSession::commandStarted);
        QTest::mouseClick(page->lookupButton(), Qt::LeftButton);
        QVERIFY(!page->isBusy());
        QCOMPARE(started.count(), 0);
        QVERIFY(h.sent.isEmpty());
    }

    void pingKeepsTheLastTenResults()
    {
        SimHarness h(atb::sim::Dialect::Esp, true);
        QVERIFY(h.ready());
        PageFixture f(&h.session, &h.model);
        QVERIFY(f.ok);
        NetServicesPage *page = f.page;
        setText(page->pingEdit(), QStringLiteral("127.0.0.1"));
        QTest::mouseClick(page->pingButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        QCOMPARE(h.sent, QList<QByteArray> { "AT+PING=\"127.0.0.1\"" });
        QCOMPARE(page->pingHistory()->topLevelItemCount(), 1);
        QVERIFY(page->pingHistory()->topLevelItem(0)->text(NetServicesPage::ResultColumn).endsWith(QStringLiteral(" ms")));
        QVERIFY(page->pingResultLabel()->text().startsWith(QStringLiteral("127.0.0.1: ")));

        // TEST-NET-1 is refused by the loopback-only simulator: TIMEOUT, in words.
        setText(page->pingEdit(), QStringLiteral("192.0.2.1"));
        QTest::keyClick(page->pingEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        QVERIFY2(page->statusText().contains(QStringLiteral("no answer")), qPrintable(page->statusText()));
        QCOMPARE(page->pingHistory()->topLevelItemCount(), 2);
        QCOMPARE(page->pingHistory()->topLevelItem(0)->text(NetServicesPage::HostColumn), QStringLiteral("192.0.2.1"));
        QCOMPARE(page->pingHistory()->topLevelItem(0)->text(NetServicesPage::ResultColumn), QStringLiteral("TIMEOUT"));

        setText(page->pingEdit(), QStringLiteral("localhost"));
        for (int i = 0; i < 10; ++i) {
            page->pingButton()->click();
            QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        }
        QCOMPARE(page->pingHistory()->topLevelItemCount(), 10);
        QCOMPARE(page->pingHistory()->topLevelItem(9)->text(NetServicesPage::HostColumn), QStringLiteral("localhost"));
    }

    void bekenMultiLinePing()
    {
        SimHarness h(atb::sim::Dialect::BekenSrc, true);
        QVERIFY(h.ready());
        PageFixture f(&h.session, &h.model);
        QVERIFY(f.ok);
        NetServicesPage *page = f.page;
        setText(page->pingEdit(), QStringLiteral("127.0.0.1"));
        page->pingButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        QCOMPARE(h.sent, QList<QByteArray> { "AT+PING=\"127.0.0.1\"" });
        const QString result = page->pingHistory()->topLevelItem(0)->text(NetServicesPage::ResultColumn);
        QVERIFY2(result.startsWith(QStringLiteral("4/4 replies")), qPrintable(result));
    }

    void moduleErrorIsDecoded()
    {
        SimHarness h;
        QVERIFY(h.ready());
        QSignalSpy done(&h.session, &atb::DeviceSession::commandFinished);
        h.session.submit(atb::AtCommand::fromLine("AT+SYSLOG=1")); // ERR CODE lines (protocol.md 2.3)
        QTRY_COMPARE(done.size(), 1);
        h.sent.clear();
        PageFixture f(&h.session, &h.model);
        QVERIFY(f.ok);
        NetServicesPage *page = f.page;
        setManualDns(page, { "9.9.9.9" });
        h.module->failNextCommandWith(0x010a0000);
        page->applyButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        QCOMPARE(h.sent, QList<QByteArray> { "AT+CIPDNS=1,\"9.9.9.9\"" });
        QVERIFY2(page->statusText().contains(QStringLiteral("execution failed"), Qt::CaseInsensitive),
                 qPrintable(page->statusText()));
        QVERIFY(!page->statusText().contains(QStringLiteral("0x010a")));
        QVERIFY(page->applyButton()->isEnabled()); // the form keeps the values
        QCOMPARE(page->dnsServerEdit(0)->text(), QStringLiteral("9.9.9.9"));
    }

    void screenshot()
    {
        LocalNtp ntp;
        SimHarness h(atb::sim::Dialect::Esp, true);
        QVERIFY(h.ready());
        PageFixture f(&h.session, &h.model);
        QVERIFY(f.ok);
        NetServicesPage *page = f.page;
        // Names first: with a manual DNS server the simulator would ask that server.
        setText(page->lookupEdit(), QStringLiteral("localhost"));
        page->lookupButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        for (const char *host : { "127.0.0.1", "localhost", "192.0.2.1" }) {
            setText(page->pingEdit(), QString::fromLatin1(host));
            page->pingButton()->click();
            QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        }
        setManualDns(page, { "8.8.8.8", "114.114.114.114" });
        page->sntpEnableCheck()->setChecked(true);
        setText(page->timezoneEdit(), QStringLiteral("8"));
        setText(page->sntpServerEdit(0), ntp.address());
        page->applyButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        QTRY_VERIFY(ntp.requests >= 1);
        QTest::qWait(100);
        page->readTimeButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        setManualDns(page, { "8.8.8.8", "8.8.8.8" }); // an error beside a field
        page->showAtButton()->click();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest); // the preview's room
        QCOMPARE(page->windowTitle(), QStringLiteral("Network services"));
        QVERIFY(!page->windowIcon().isNull());
        QVERIFY(!page->toolTip().isEmpty());
        ScreenshotDir shots;
        QVERIFY(shots.isValid());
        QVERIFY(page->grab().save(shots.filePath(QStringLiteral("netservicespage_1110x700.png"))));
        QVERIFY2(page->minimumSizeHint().width() <= 1110, qPrintable(QString::number(page->minimumSizeHint().width())));
        QVERIFY2(page->minimumSizeHint().height() <= 700, qPrintable(QString::number(page->minimumSizeHint().height())));

        PseudoChinese zh({ "NetServicesPage", "FormPage", "NetService" });
        QCoreApplication::installTranslator(&zh);
        QTRY_VERIFY(!page->applyButton()->text().contains(QStringLiteral("Apply")));
        QVERIFY(page->windowTitle() != QStringLiteral("Network services")); // the window's page list follows
        QVERIFY(page->grab().save(shots.filePath(QStringLiteral("netservicespage_zh_pseudo_1110x700.png"))));
        QVERIFY2(page->minimumSizeHint().width() <= 1110, qPrintable(QString::number(page->minimumSizeHint().width())));
        QVERIFY2(page->minimumSizeHint().height() <= 700, qPrintable(QString::number(page->minimumSizeHint().height())));
        QCoreApplication::removeTranslator(&zh);
        QTRY_COMPARE(page->applyButton()->text(), QStringLiteral("&Apply"));
    }
};

QTEST_MAIN(tst_NetServicesPage)
#include "tst_netservicespage.moc"
