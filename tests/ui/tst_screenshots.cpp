// --screenshot: the window rendered to PNG in English and Simplified Chinese at 1280x800.
#include "engine/devicesession.h"
#include "mainwindow.h"
#include "model/devicemodel.h"

#include <QImage>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

class tst_Screenshots : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void writesBothLanguages_data();
    void writesBothLanguages();
    void unwritableDirectoryFails();

private:
    QTemporaryDir m_settingsDir;
    QTemporaryDir m_out;
    int m_written = -1;
    QString m_error;
};

void tst_Screenshots::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("atbench-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_screenshots"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    atb::DeviceSession session;
    atb::DeviceModel model;
    model.follow(&session);
    MainWindow w(&session, &model);
    LaunchOptions opts;
    opts.screenshotDir = m_out.path();
    m_written = w.saveScreenshots(opts, &m_error);
    QCOMPARE(m_written, 2 * w.pageCount() + 2); // every page and the timeline, in English and Simplified Chinese
    QVERIFY(QSettings().allKeys().isEmpty()); // screenshots leave the settings alone
}

void tst_Screenshots::writesBothLanguages_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("English") << "consolePage_en.png";
    QTest::newRow("Simplified Chinese") << "consolePage_zh_CN.png";
}

void tst_Screenshots::writesBothLanguages()
{
    QFETCH(QString, file);
    QImage img(m_out.filePath(file));
    QVERIFY2(!img.isNull(), qPrintable(m_out.filePath(file)));
    QCOMPARE(img.size(), QSize(1280, 800));
    // Not blank: many colours, and the console area has text in it.
    QSet<QRgb> colours;
    for (int y = 0; y < img.height(); y += 4)
        for (int x = 0; x < img.width(); x += 4)
            colours.insert(img.pixel(x, y));
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
}

void tst_Screenshots::unwritableDirectoryFails()
{
    atb::DeviceSession session;
    atb::DeviceModel model;
    MainWindow w(&session, &model);
    LaunchOptions opts;
    opts.screenshotDir = QStringLiteral("/proc/atbench-cannot-write-here");
    QString error;
    QVERIFY(w.saveScreenshots(opts, &error) <= 0);
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(tst_Screenshots)
#include "tst_screenshots.moc"
