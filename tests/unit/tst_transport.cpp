// Transports on their own: the in-process pipe, port descriptions, TCP failures, serial
// settings applied on open.
#include "ptymodule.h"
#include "transport/pipetransport.h"
#include "transport/portlister.h"
#include "transport/serialtransport.h"
#include "transport/tcptransport.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

using namespace atb;

class tst_Transport : public QObject
{
    Q_OBJECT

private slots:
    void pipeDeliversInOrderAndAsynchronously()
    {
        auto [a, b] = PipeTransport::createPair(QStringLiteral("p"), this);
        a->open();
        b->open();
        QSignalSpy got(b, &Transport::received);
        a->write("one");
        a->write("two");
        QCOMPARE(got.size(), 0); // queued, like a real link
        QTRY_COMPARE(got.size(), 2);
        QCOMPARE(got[0][0].toByteArray(), QByteArray("one"));
        QCOMPARE(got[1][0].toByteArray(), QByteArray("two"));
    }

    void pipeBreakIsFatal()
    {
        auto [a, b] = PipeTransport::createPair(QStringLiteral("p"), this);
        a->open();
        QSignalSpy err(a, &Transport::errorOccurred);
        a->breakLink();
        QCOMPARE(err.size(), 1);
        QVERIFY(err[0][1].toBool());
        QCOMPARE(a->state(), Transport::State::Closed);
        QSignalSpy err2(a, &Transport::errorOccurred);
        a->write("x"); // closed: reported, not silently dropped
        QCOMPARE(err2.size(), 1);
        QVERIFY(!err2[0][1].toBool());
        Q_UNUSED(b);
    }

    void portLabel_data()
    {
        QTest::addColumn<PortDescription>("port");
        QTest::addColumn<QString>("label");
        PortDescription bare;
        bare.name = QStringLiteral("ttyS0");
        QTest::newRow("bare") << bare << QStringLiteral("ttyS0");
        PortDescription usb;
        usb.name = QStringLiteral("ttyUSB0");
        usb.description = QStringLiteral("CP2102 USB to UART Bridge Controller");
        usb.vendorId = 0x10c4;
        usb.productId = 0xea60;
        usb.serialNumber = QStringLiteral("0001");
        QTest::newRow("usb") << usb
                             << QStringLiteral("ttyUSB0 — CP2102 USB to UART Bridge Controller, 10c4:ea60, SN 0001");
    }
    void portLabel()
    {
        QFETCH(PortDescription, port);
        QFETCH(QString, label);
        QCOMPARE(port.label(), label);
    }

    void listingDoesNotCrash()
    {
        const QList<PortDescription> ports = listSerialPorts();
        for (const PortDescription &p : ports)
            QVERIFY(!p.name.isEmpty());
    }

    void tcpRefusedIsFatalError()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        TcpTransport t(QStringLiteral("127.0.0.1"), port);
        QSignalSpy err(&t, &Transport::errorOccurred);
        t.open();
        QTRY_COMPARE(err.size(), 1);
        QVERIFY(err[0][1].toBool());
        QCOMPARE(t.state(), Transport::State::Closed);
    }

    void serialOpensPtyAndReportsNominalRate_data()
    {
        QTest::addColumn<int>("baud");
        QTest::addColumn<int>("parity");
        QTest::addColumn<qint64>("bytesPerSecond");
        QTest::newRow("115200 8N1") << 115200 << int(QSerialPort::NoParity) << qint64(11520);
        QTest::newRow("921600 8E1") << 921600 << int(QSerialPort::EvenParity) << qint64(83781);
    }
    void serialOpensPtyAndReportsNominalRate()
    {
        QFETCH(int, baud);
        QFETCH(int, parity);
        QFETCH(qint64, bytesPerSecond);
        PtyModule m;
        SerialSettings s;
        s.portName = m.slavePath();
        s.baudRate = baud;
        s.parity = QSerialPort::Parity(parity);
        SerialTransport t(s);
        QSignalSpy got(&t, &Transport::received);
        t.open();
        QCOMPARE(t.state(), Transport::State::Open);
        QCOMPARE(t.nominalBytesPerSecond(), bytesPerSecond);
        m.send("hello");
        QTRY_COMPARE(got.size(), 1);
        t.write("AT\r\n");
        QTRY_COMPARE(m.received, QByteArray("AT\r\n"));
        t.close();
        QCOMPARE(t.state(), Transport::State::Closed);
    }

    // A closed pty master (like a pulled USB adapter) leaves the port readable with 0 bytes;
    // QSerialPort calls that ReadError again and again. It must come out as one fatal error and
    // a closed port, not as a stream of non-fatal ones.
    void hungUpLineIsReportedOnceAndClosesThePort()
    {
        PtyModule m;
        SerialSettings s;
        s.portName = m.slavePath();
        SerialTransport t(s);
        QSignalSpy got(&t, &Transport::received);
        t.open();
        QCOMPARE(t.state(), Transport::State::Open);
        QSignalSpy errors(&t, &Transport::errorOccurred); // after open: a pty has no DTR/RTS lines
        m.send("ready\r\n");
        QTRY_COMPARE(got.size(), 1);
        m.unplug();
        QTRY_COMPARE(t.state(), Transport::State::Closed);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors[0][0].toString().contains(QLatin1String("disappeared")), qPrintable(errors[0][0].toString()));
        QCOMPARE(errors[0][1].toBool(), true); // fatal
    }
};

QTEST_GUILESS_MAIN(tst_Transport)
#include "tst_transport.moc"
