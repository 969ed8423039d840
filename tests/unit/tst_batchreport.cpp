// BatchReport: the CSV, JUnit XML (one test case per module, one failure per failing field) and
// HTML of a batch; the per-module JSON file; the last guard against a secret in any file.
#include "provisioning/batchreport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace atb;

namespace {

FieldCheck row(const QString &field, const QJsonValue &desired, const QJsonValue &actual, FieldCheck::Verdict v,
               bool secret = false)
{
    FieldCheck f;
    f.field = field;
    f.desired = desired;
    f.actual = actual;
    f.verdict = v;
    f.secret = secret;
    return f;
}

BatchReport sample()
{
    BatchReport b;
    b.profileName = QStringLiteral("Line 3, \"sensors\"");
    b.profileHash = QStringLiteral("sha256:abcd");
    b.mode = QStringLiteral("all");
    b.started = QDateTime::fromString(QStringLiteral("2026-01-02T03:04:05Z"), Qt::ISODate);
    b.finished = b.started.addMSecs(4500);
    ModuleReport ok;
    ok.index = 1;
    ok.port = QStringLiteral("/dev/ttyUSB0");
    ok.mac = QStringLiteral("02:00:00:00:00:01");
    ok.firmware = { QStringLiteral("AT version:2.4.0.0") };
    ok.dialect = QStringLiteral("esp");
    ok.passed = true;
    ok.step = QStringLiteral("done");
    ok.started = b.started;
    ok.finished = b.started.addMSecs(3000);
    ok.commands = { CommandRecord { QStringLiteral("apply"), QStringLiteral("Join"), "AT+CWJAP=\"BenchAP\",\"***\"", QStringLiteral("ok"), QStringLiteral("OK"), {}, 12, 1 } };
    ok.fields = { row("/wifi/ssid", "BenchAP", "BenchAP", FieldCheck::Verdict::Match),
                  row("/wifi/password", "12345678", QJsonValue(QJsonValue::Undefined), FieldCheck::Verdict::Unreadable, true) };
    ModuleReport bad = ok;
    bad.index = 2;
    bad.port = QStringLiteral("tcp:127.0.0.1:7000");
    bad.mac = QStringLiteral("02:00:00:00:00:02");
    bad.passed = false;
    bad.step = QStringLiteral("read back");
    bad.error = QStringLiteral("2 field(s) not as the profile says, <really>");
    bad.fields = { row("/wifi/ssid", "BenchAP", "Other", FieldCheck::Verdict::Differs),
                   row("/mqtt/port", 1883, QJsonValue(QJsonValue::Undefined), FieldCheck::Verdict::NotApplied),
                   row("/tls_psk/psk", "pskvalue", "oldpsk", FieldCheck::Verdict::Differs, true),
                   row("/wifi/mode", "station", "station", FieldCheck::Verdict::Match) };
    CheckResult check;
    check.label = QStringLiteral("Ping 127.0.0.1");
    check.verdict = CheckResult::Verdict::Fail;
    check.detail = QStringLiteral("timeout");
    bad.checks = { check };
    ModuleReport refused = ok;
    refused.index = 3;
    refused.port = QStringLiteral("/dev/ttyUSB2");
    refused.mac.clear();
    refused.passed = false;
    refused.step = QStringLiteral("refused");
    refused.error = QStringLiteral("The profile is written for ESP-AT but this module speaks Beken ATSVR");
    refused.fields.clear();
    b.modules = { ok, bad, refused };
    return b;
}

} // namespace

class TstBatchReport : public QObject
{
    Q_OBJECT
private slots:
    void csvHasOneEscapedRowPerModule();
    void junitHasOneCasePerModuleAndOneFailurePerField();
    void htmlIsEscapedAndLinksEveryModule();
    void moduleFileNames_data();
    void moduleFileNames();
    void writeCreatesEveryFile();
    void writeRefusesASecret();
    void reportJsonMasksSecretFields();
};

void TstBatchReport::csvHasOneEscapedRowPerModule()
{
    const QList<QByteArray> lines = sample().toCsv().split('\n');
    QCOMPARE(lines.size(), 5); // header, 3 rows, final empty
    QVERIFY(lines[0].startsWith("index,port,serial,mac,"));
    // ... fields 2, failed 0, failed fields "", checks failed 0, commands 1 (the apply's), 3000 ms, no error
    QVERIFY(lines[1].startsWith("1,/dev/ttyUSB0,,02:00:00:00:00:01,esp,AT version:2.4.0.0,pass,done,2,0,,0,1,3000,"));
    QVERIFY(lines[2].contains(",fail,read back,4,3,/wifi/ssid /mqtt/port /tls_psk/psk,1,"));
    QVERIFY(lines[2].endsWith(",\"2 field(s) not as the profile says, <really>\""));
    QVERIFY(lines[3].contains(",fail,refused,0,0,,0,"));
}

void TstBatchReport::junitHasOneCasePerModuleAndOneFailurePerField()
{
    const QByteArray xml = sample().toJUnit();
    QXmlStreamReader r(xml);
    int cases = 0;
    QList<int> failuresPerCase;
    QStringList messages;
    QString suiteFailures, suiteTests;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.name() == QLatin1String("testsuite")) {
            suiteFailures = r.attributes().value("failures").toString();
            suiteTests = r.attributes().value("tests").toString();
        } else if (r.isStartElement() && r.name() == QLatin1String("testcase")) {
            ++cases;
            failuresPerCase << 0;
        } else if (r.isStartElement() && r.name() == QLatin1String("failure")) {
            ++failuresPerCase.last();
            messages << r.attributes().value("message").toString();
        }
    }
    QVERIFY2(!r.hasError(), qPrintable(r.errorString()));
    QCOMPARE(cases, 3);
    QCOMPARE(suiteTests, QStringLiteral("3"));
    QCOMPARE(suiteFailures, QStringLiteral("2"));
    QCOMPARE(failuresPerCase, QList<int>({ 0, 4, 1 })); // three fields + one check; the refusal
    QVERIFY(messages.contains(QStringLiteral("/wifi/ssid: wanted BenchAP, module reports Other")));
    QVERIFY(messages.contains(QStringLiteral("/tls_psk/psk: wanted ***, module reports ***")));
    QVERIFY(messages.contains(QStringLiteral("/mqtt/port: wanted 1883, module reports nothing")));
    QVERIFY(!xml.contains("pskvalue") && !xml.contains("oldpsk"));
}

void TstBatchReport::htmlIsEscapedAndLinksEveryModule()
{
    const QByteArray html = sample().toHtml();
    QVERIFY(html.startsWith("<!DOCTYPE html>"));
    QVERIFY(html.contains("&lt;really&gt;"));
    QVERIFY(!html.contains("<really>"));
    QVERIFY(html.contains("1 of 3 module(s) passed"));
    for (int i = 1; i <= 3; ++i)
        QVERIFY(html.contains(QStringLiteral("id=\"m%1\"").arg(i).toUtf8()));
    QVERIFY(html.contains("href=\"01-ttyUSB0-020000000001.json\""));
    QVERIFY(!html.contains("pskvalue") && !html.contains("12345678"));
}

void TstBatchReport::moduleFileNames_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("mac");
    QTest::addColumn<QString>("name");
    QTest::newRow("usb") << 3 << "/dev/ttyUSB2" << "A4:CF:12:B3:C4:D5" << "03-ttyUSB2-a4cf12b3c4d5.json";
    QTest::newRow("tcp") << 12 << "tcp:10.0.0.5:4000" << "" << "12-10.0.0.5-4000.json";
    QTest::newRow("windows") << 1 << "COM7" << "02:00:00:00:00:01" << "01-COM7-020000000001.json";
}

void TstBatchReport::moduleFileNames()
{
    QFETCH(int, index);
    QFETCH(QString, port);
    QFETCH(QString, mac);
    QFETCH(QString, name);
    ModuleReport r;
    r.index = index;
    r.port = port;
    r.mac = mac;
    QCOMPARE(BatchReport::moduleFileName(r), name);
}

void TstBatchReport::writeCreatesEveryFile()
{
    QTemporaryDir dir;
    const QString reports = dir.filePath(QStringLiteral("reports/batch1"));
    const QString junit = dir.filePath(QStringLiteral("ci/junit-provision.xml"));
    QString error;
    QVERIFY2(sample().write(reports, junit, { QStringLiteral("12345678"), QStringLiteral("pskvalue") }, &error),
             qPrintable(error));
    const QStringList files = QDir(reports).entryList(QDir::Files, QDir::Name);
    QCOMPARE(files, QStringList({ "01-ttyUSB0-020000000001.json", "02-127.0.0.1-7000-020000000002.json",
                                  "03-ttyUSB2.json", "junit.xml", "report.csv", "report.html" }));
    QVERIFY(QFile::exists(junit));
    QFile f(QDir(reports).filePath(files.first()));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(f.readAll()).object().value("format").toString(),
             QStringLiteral("atbench-provision-report"));
}

void TstBatchReport::writeRefusesASecret()
{
    BatchReport b = sample();
    b.modules[1].error = QStringLiteral("AT+CWJAP=\"BenchAP\",\"hunter22\" failed"); // a bug upstream
    QTemporaryDir dir;
    QString error;
    QVERIFY(!b.write(dir.path(), QString(), { QStringLiteral("hunter22") }, &error));
    QVERIFY(error.contains(QLatin1String("would contain a secret")));
    QVERIFY(!error.contains(QLatin1String("hunter22")));
    for (const QString &name : QDir(dir.path()).entryList(QDir::Files)) {
        QFile f(QDir(dir.path()).filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("hunter22"));
    }
}

void TstBatchReport::reportJsonMasksSecretFields()
{
    const QJsonObject o = sample().modules[1].toJson();
    const QByteArray text = QJsonDocument(o).toJson();
    QVERIFY(!text.contains("pskvalue"));
    QVERIFY(!text.contains("oldpsk"));
    QCOMPARE(o.value("verdict").toString(), QStringLiteral("fail"));
    QCOMPARE(o.value("module").toObject().value("mac").toString(), QStringLiteral("02:00:00:00:00:02"));
}

QTEST_GUILESS_MAIN(TstBatchReport)
#include "tst_batchreport.moc"
