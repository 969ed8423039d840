// The System page on a real session, model, SystemService and the in-process simulator: read the
// version and settings, change AT+SYSSTORE and AT+SYSLOG from the form, restart and restore only
// after a confirmation (Messages, scripted), and Beken's shorter command set.
#include "dialogs/messages.h"
#include "pages/systempage.h"
#include "services/systemservice.h"
#include "simharness.h"

#include <QCheckBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

#include "pseudochinese.h"

namespace {

struct Fixture
{
    explicit Fixture(atb::sim::Dialect d = atb::sim::Dialect::Esp)
        : h(d, true), messages(nullptr), service(&h.session, &h.model), page(&h.model, &service, &messages)
    {
        messages.setScripted(true);
        page.resize(1110, 700);
        page.show();
    }
    template<typename T> T *w(const char *name) { return page.findChild<T *>(QLatin1String(name)); }
    bool click(QPushButton *b)
    {
        QSignalSpy done(&service, &atb::SystemService::finished);
        QTest::mouseClick(b, Qt::LeftButton);
        return done.wait(10000) || !done.isEmpty();
    }

    SimHarness h;
    Messages messages;
    atb::SystemService service;
    SystemPage page;
};

} // namespace

class tst_SystemPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<atb::OperationResult>(); }

    void readAndStoreMode()
    {
        Fixture f;
        QVERIFY(f.h.ready());
        QVERIFY(f.click(f.page.readButton()));
        QCOMPARE(f.h.sent, (QList<QByteArray> { "AT+GMR", "AT+SYSSTORE?", "AT+SYSLOG?" }));
        QVERIFY(f.w<QLabel>("firmwareLabel")->text().contains(QLatin1String("AT version")));
        QCOMPARE(f.service.store(), 1);
        QVERIFY(f.w<QLabel>("storeStateLabel")->text().contains(QLatin1String("flash")));
        QVERIFY(f.w<QCheckBox>("storeCheck")->isChecked());
        QVERIFY(!f.page.isDirty());

        f.w<QCheckBox>("storeCheck")->setChecked(false);
        f.w<QCheckBox>("sysLogCheck")->setChecked(true);
        QVERIFY(f.page.isDirty());
        f.page.showAtButton()->setChecked(true);
        QVERIFY(f.page.atPreview()->toPlainText().contains(QLatin1String("until the next restart")));
        f.h.sent.clear();
        QVERIFY(f.click(f.page.applyButton()));
        QCOMPARE(f.h.sent, (QList<QByteArray> { "AT+SYSSTORE=0", "AT+SYSSTORE?", "AT+SYSLOG=1" }));
        QCOMPARE(f.service.store(), 0);
        QCOMPARE(f.h.model.sysLog(), 1);
        QVERIFY(!f.page.isDirty());
        QVERIFY(f.w<QLabel>("storeStateLabel")->text().contains(QLatin1String("next restart")));
    }

    // Restart and restore ask first; "no" sends nothing, "yes" sends the command and the
    // module comes back ("ready").
    void restartAndRestoreAskFirst()
    {
        Fixture f;
        QVERIFY(f.h.ready());
        f.messages.setScriptedAnswer(false);
        QTest::mouseClick(f.w<QPushButton>("restartButton"), Qt::LeftButton);
        QCOMPARE(f.messages.recorded().size(), 1);
        QVERIFY(f.messages.recorded().first().contains(QLatin1String("AT+RST")));
        QVERIFY(f.h.drain() && f.h.sent.isEmpty());
        QVERIFY(f.page.statusText().contains(QLatin1String("cancelled")));

        f.messages.setScriptedAnswer(true);
        QVERIFY(f.click(f.w<QPushButton>("restartButton")));
        QCOMPARE(f.h.sent, QList<QByteArray> { "AT+RST" });
        QTRY_VERIFY(f.service.rebooted());

        QVERIFY(f.click(f.page.readButton()));
        f.w<QCheckBox>("storeCheck")->setChecked(false);
        QVERIFY(f.click(f.page.applyButton()));
        QCOMPARE(f.service.store(), 0);
        f.messages.setScriptedAnswer(false);
        f.h.sent.clear();
        QTest::mouseClick(f.w<QPushButton>("restoreButton"), Qt::LeftButton);
        QVERIFY(f.messages.recorded().last().contains(QLatin1String("cannot be undone")));
        QVERIFY(f.h.drain() && f.h.sent.isEmpty());
        f.messages.setScriptedAnswer(true);
        QVERIFY(f.click(f.w<QPushButton>("restoreButton")));
        QCOMPARE(f.h.sent.first(), QByteArray("AT+RESTORE"));
        QTRY_VERIFY(f.service.rebooted());
        // The module's flash is back to the factory's: it saves changes again.
        f.h.sent.clear();
        QVERIFY(f.click(f.page.readButton()));
        QCOMPARE(f.service.store(), 1);
    }

    void bekenHasNoSysLog()
    {
        Fixture f(atb::sim::Dialect::BekenDoc);
        QVERIFY(f.h.ready());
        QVERIFY(!f.w<QCheckBox>("sysLogCheck")->isVisible());
        QVERIFY(f.click(f.page.readButton()));
        QCOMPARE(f.h.sent, (QList<QByteArray> { "AT+GMR", "AT+SYSSTORE?" }));
        QCOMPARE(f.service.store(), 1);
        QCOMPARE(f.service.planApply({ -1, 1 }).errorParam, QByteArray("status"));
        QVERIFY(!f.service.planApply({ 1, -1 }).ok()); // already saved to flash: nothing to do
    }

    // Both languages fit the page size of a 1280x800 window, and a language change reaches the
    // page list (title) and the buttons.
    void retranslatesAndFits()
    {
        Fixture f;
        QVERIFY(f.h.ready());
        QCOMPARE(f.page.windowTitle(), QStringLiteral("System"));
        QVERIFY(!f.page.windowIcon().isNull());
        QVERIFY2(f.page.minimumSizeHint().height() <= 700, qPrintable(QString::number(f.page.minimumSizeHint().height())));
        QVERIFY2(f.page.minimumSizeHint().width() <= 1110, qPrintable(QString::number(f.page.minimumSizeHint().width())));
        const QString before = f.w<QPushButton>("restartButton")->text();
        PseudoChinese zh({ "SystemPage", "FormPage", "atb::SystemService" });
        QCoreApplication::installTranslator(&zh);
        QTRY_VERIFY(f.w<QPushButton>("restartButton")->text() != before);
        QVERIFY(f.page.windowTitle() != QStringLiteral("System"));
        QVERIFY2(f.page.minimumSizeHint().height() <= 700, qPrintable(QString::number(f.page.minimumSizeHint().height())));
        QVERIFY2(f.page.minimumSizeHint().width() <= 1110, qPrintable(QString::number(f.page.minimumSizeHint().width())));
        QCoreApplication::removeTranslator(&zh);
        QTRY_COMPARE(f.w<QPushButton>("restartButton")->text(), before);
    }
};

QTEST_MAIN(tst_SystemPage)
#include "tst_systempage.moc"
