#include "protocol/errordecoder.h"

#include <QtTest>

using namespace atb;

class tst_ErrorDecoder : public QObject
{
    Q_OBJECT

private slots:
    void everyCategoryIsDecoded_data();
    void everyCategoryIsDecoded();
    void parameterCountExtension_data();
    void parameterCountExtension();
    void parseFailureIndexIsOneBased_data();
    void parseFailureIndexIsOneBased();
    void everyMqttCodeHasNameAndSentence_data();
    void everyMqttCodeHasNameAndSentence();
    void mqttTableIsCompleteAndOrdered();
    void bareSixteenBitCodeIsExecutionFailure();
    void unknownCodesAreHandledGracefully_data();
    void unknownCodesAreHandledGracefully();
    void parseErrCodeText_data();
    void parseErrCodeText();
    void describeFailureCombinesCodes_data();
    void describeFailureCombinesCodes();
};

void tst_ErrorDecoder::everyCategoryIsDecoded_data()
{
    QTest::addColumn<quint32>("code");
    QTest::addColumn<int>("category");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("summaryFragment");
    QTest::newRow("0x00 ok") << 0x01000000u << 0x00 << "ESP_AT_SUB_OK"
                             << "No error";
    QTest::newRow("0x01 common") << 0x01010000u << 0x01 << "ESP_AT_SUB_COMMON_ERROR"
                                 << "General error";
    QTest::newRow("0x02 no terminator") << 0x01020000u << 0x02 << "ESP_AT_SUB_NO_TERMINATOR"
                                        << "CR LF";
    QTest::newRow("0x03 no AT") << 0x01030000u << 0x03 << "ESP_AT_SUB_NO_AT"
                                << "\"AT\"";
    QTest::newRow("0x04 length") << 0x01040000u << 0x04 << "ESP_AT_SUB_PARA_LENGTH_MISMATCH"
                                 << "wrong length";
    QTest::newRow("0x05 type") << 0x01050000u << 0x05 << "ESP_AT_SUB_PARA_TYPE_MISMATCH"
                               << "wrong type";
    QTest::newRow("0x06 count") << 0x01060000u << 0x06 << "ESP_AT_SUB_PARA_NUM_MISMATCH"
                                << "number of parameters";
    QTest::newRow("0x07 invalid") << 0x01070000u << 0x07 << "ESP_AT_SUB_PARA_INVALID"
                                  << "Invalid parameter";
    QTest::newRow("0x08 parse") << 0x01080000u << 0x08 << "ESP_AT_SUB_PARA_PARSE_FAIL"
                                << "Parameter 1 could not be parsed";
    QTest::newRow("0x09 unsupported") << 0x01090000u << 0x09 << "ESP_AT_SUB_UNSUPPORT_CMD"
                                      << "Unsupported command";
    QTest::newRow("0x0A exec") << 0x010a0000u << 0x0A << "ESP_AT_SUB_CMD_EXEC_FAIL"
                               << "execution failed";
    QTest::newRow("0x0B busy") << 0x010b0000u << 0x0B << "ESP_AT_SUB_CMD_PROCESSING"
                               << "Busy";
    QTest::newRow("0x0C op type") << 0x010c0000u << 0x0C << "ESP_AT_SUB_CMD_OP_ERROR"
                                  << "Wrong command type";
    QTest::newRow("0x04 with extension") << 0x01040003u << 0x04 << "ESP_AT_SUB_PARA_LENGTH_MISMATCH"
                                         << "extension 0x0003";
}

void tst_ErrorDecoder::everyCategoryIsDecoded()
{
    QFETCH(quint32, code);
    QFETCH(int, category);
    QFETCH(QString, name);
    QFETCH(QString, summaryFragment);
    const DecodedError e = decodeErrCode(code);
    QCOMPARE(e.raw, code);
    QCOMPARE(e.module, quint8(0x01));
    QCOMPARE(int(e.category), category);
    QCOMPARE(e.extension, quint16(code & 0xffff));
    QVERIFY(e.knownModule);
    QVERIFY(e.knownCategory);
    QVERIFY(!e.bare);
    QCOMPARE(e.categoryName, name);
    QVERIFY(!e.categoryText.isEmpty());
    const QString s = e.summary();
    QVERIFY2(s.contains(summaryFragment), qPrintable(s));
    QVERIFY(s.endsWith(QLatin1Char('.')));
    QVERIFY(s.at(0).isUpper());
}

void tst_ErrorDecoder::parameterCountExtension_data()
{
    QTest::addColumn<quint32>("code");
    QTest::addColumn<QString>("expected");
    QTest::newRow("need 5 given 4") << 0x01060504u << "expected 5 parameters, got 4";
    QTest::newRow("need 2 given 3") << 0x01060203u << "expected 2 parameters, got 3";
    QTest::newRow("need 8 given 0") << 0x01060800u << "expected 8 parameters, got 0";
}

void tst_ErrorDecoder::parameterCountExtension()
{
    QFETCH(quint32, code);
    QFETCH(QString, expected);
    const DecodedError e = decodeErrCode(code);
    QCOMPARE(e.detailText, expected);
    QVERIFY2(e.summary().contains(expected, Qt::CaseInsensitive), qPrintable(e.summary()));
}

void tst_ErrorDecoder::parseFailureIndexIsOneBased_data()
{
    QTest::addColumn<quint32>("code");
    QTest::addColumn<int>("humanIndex");
    QTest::newRow("index 0 -> parameter 1") << 0x01080000u << 1;
    QTest::newRow("index 2 -> parameter 3 (esp-at#647)") << 0x01080002u << 3;
    QTest::newRow("index 15 -> parameter 16") << 0x0108000fu << 16;
}

void tst_ErrorDecoder::parseFailureIndexIsOneBased()
{
    QFETCH(quint32, code);
    QFETCH(int, humanIndex);
    const DecodedError e = decodeErrCode(code);
    QCOMPARE(e.summary(), QStringLiteral("Parameter %1 could not be parsed.").arg(humanIndex));
    QCOMPARE(e.detailText, QStringLiteral("parameter %1").arg(humanIndex));
}

void tst_ErrorDecoder::everyMqttCodeHasNameAndSentence_data()
{
    QTest::addColumn<quint16>("code");
    QTest::addColumn<QString>("name");
    // The complete table of seed 004, spelled as upstream.
    const QList<QPair<quint16, const char *>> rows = {
        { 0x6001, "AT_MQTT_NO_CONFIGURED" },
        { 0x6002, "AT_MQTT_NOT_IN_CONFIGURED_STATE" },
        { 0x6003, "AT_MQTT_UNINITIATED_OR_ALREADY_CLEAN" },
        { 0x6004, "AT_MQTT_ALREADY_CONNECTED" },
        { 0x6005, "AT_MQTT_MALLOC_FAILED" },
        { 0x6006, "AT_MQTT_NULL_LINK" },
        { 0x6007, "AT_MQTT_NULL_PARAMTER" },
        { 0x6008, "AT_MQTT_PARAMETER_COUNTS_IS_WRONG" },
        { 0x6009, "AT_MQTT_TLS_CONFIG_ERROR" },
        { 0x600A, "AT_MQTT_PARAM_PREPARE_ERROR" },
        { 0x600B, "AT_MQTT_CLIENT_START_FAILED" },
        { 0x600C, "AT_MQTT_CLIENT_PUBLISH_FAILED" },
        { 0x600D, "AT_MQTT_CLIENT_SUBSCRIBE_FAILED" },
        { 0x600E, "AT_MQTT_CLIENT_UNSUBSCRIBE_FAILED" },
        { 0x600F, "AT_MQTT_CLIENT_DISCONNECT_FAILED" },
        { 0x6010, "AT_MQTT_LINK_ID_READ_FAILED" },
        { 0x6011, "AT_MQTT_LINK_ID_VALUE_IS_WRONG" },
        { 0x6012, "AT_MQTT_SCHEME_READ_FAILED" },
        { 0x6013, "AT_MQTT_SCHEME_VALUE_IS_WRONG" },
        { 0x6014, "AT_MQTT_CLIENT_ID_READ_FAILED" },
        { 0x6015, "AT_MQTT_CLIENT_ID_IS_NULL" },
        { 0x6016, "AT_MQTT_CLIENT_ID_IS_OVERLENGTH" },
        { 0x6017, "AT_MQTT_USERNAME_READ_FAILED" },
        { 0x6018, "AT_MQTT_USERNAME_IS_NULL" },
        { 0x6019, "AT_MQTT_USERNAME_IS_OVERLENGTH" },
        { 0x601A, "AT_MQTT_PASSWORD_READ_FAILED" },
        { 0x601B, "AT_MQTT_PASSWORD_IS_NULL" },
        { 0x601C, "AT_MQTT_PASSWORD_IS_OVERLENGTH" },
        { 0x601D, "AT_MQTT_CERT_KEY_ID_READ_FAILED" },
        { 0x601E, "AT_MQTT_CERT_KEY_ID_VALUE_IS_WRONG" },
        { 0x601F, "AT_MQTT_CA_ID_READ_FAILED" },
        { 0x6020, "AT_MQTT_CA_ID_VALUE_IS_WRONG" },
        { 0x6021, "AT_MQTT_CA_LENGTH_ERROR" },
        { 0x6022, "AT_MQTT_CA_READ_FAILED" },
        { 0x6023, "AT_MQTT_CERT_LENGTH_ERROR" },
        { 0x6024, "AT_MQTT_CERT_READ_FAILED" },
        { 0x6025, "AT_MQTT_KEY_LENGTH_ERROR" },
        { 0x6026, "AT_MQTT_KEY_READ_FAILED" },
        { 0x6027, "AT_MQTT_PATH_READ_FAILED" },
        { 0x6028, "AT_MQTT_PATH_IS_NULL" },
        { 0x6029, "AT_MQTT_PATH_IS_OVERLENGTH" },
        { 0x602A, "AT_MQTT_VERSION_READ_FAILED" },
        { 0x602B, "AT_MQTT_KEEPALIVE_READ_FAILED" },
        { 0x602C, "AT_MQTT_KEEPALIVE_IS_NULL" },
        { 0x602D, "AT_MQTT_KEEPALIVE_VALUE_IS_WRONG" },
        { 0x602E, "AT_MQTT_DISABLE_CLEAN_SESSION_READ_FAILED" },
        { 0x602F, "AT_MQTT_DISABLE_CLEAN_SESSION_VALUE_IS_WRONG" },
        { 0x6030, "AT_MQTT_LWT_TOPIC_READ_FAILED" },
        { 0x6031, "AT_MQTT_LWT_TOPIC_IS_NULL" },
        { 0x6032, "AT_MQTT_LWT_TOPIC_IS_OVERLENGTH" },
        { 0x6033, "AT_MQTT_LWT_MSG_READ_FAILED" },
        { 0x6034, "AT_MQTT_LWT_MSG_IS_NULL" },
        { 0x6035, "AT_MQTT_LWT_MSG_IS_OVERLENGTH" },
        { 0x6036, "AT_MQTT_LWT_QOS_READ_FAILED" },
        { 0x6037, "AT_MQTT_LWT_QOS_VALUE_IS_WRONG" },
        { 0x6038, "AT_MQTT_LWT_RETAIN_READ_FAILED" },
        { 0x6039, "AT_MQTT_LWT_RETAIN_VALUE_IS_WRONG" },
        { 0x603A, "AT_MQTT_HOST_READ_FAILED" },
        { 0x603B, "AT_MQTT_HOST_IS_NULL" },
        { 0x603C, "AT_MQTT_HOST_IS_OVERLENGTH" },
        { 0x603D, "AT_MQTT_PORT_READ_FAILED" },
        { 0x603E, "AT_MQTT_PORT_VALUE_IS_WRONG" },
        { 0x603F, "AT_MQTT_RECONNECT_READ_FAILED" },
        { 0x6040, "AT_MQTT_RECONNECT_VALUE_IS_WRONG" },
        { 0x6041, "AT_MQTT_TOPIC_READ_FAILED" },
        { 0x6042, "AT_MQTT_TOPIC_IS_NULL" },
        { 0x6043, "AT_MQTT_TOPIC_IS_OVERLENGTH" },
        { 0x6044, "AT_MQTT_DATA_READ_FAILED" },
        { 0x6045, "AT_MQTT_DATA_IS_NULL" },
        { 0x6046, "AT_MQTT_DATA_IS_OVERLENGTH" },
        { 0x6047, "AT_MQTT_QOS_READ_FAILED" },
        { 0x6048, "AT_MQTT_QOS_VALUE_IS_WRONG" },
        { 0x6049, "AT_MQTT_RETAIN_READ_FAILED" },
        { 0x604A, "AT_MQTT_RETAIN_VALUE_IS_WRONG" },
        { 0x604B, "AT_MQTT_PUBLISH_LENGTH_READ_FAILED" },
        { 0x604C, "AT_MQTT_PUBLISH_LENGTH_VALUE_IS_WRONG" },
        { 0x604D, "AT_MQTT_RECV_LENGTH_IS_WRONG" },
        { 0x604E, "AT_MQTT_CREATE_SEMA_FAILED" },
        { 0x604F, "AT_MQTT_CREATE_EVENT_GROUP_FAILED" },
        { 0x6050, "AT_MQTT_URI_PARSE_FAILED" },
        { 0x6051, "AT_MQTT_IN_DISCONNECTED_STATE" },
        { 0x6052, "AT_MQTT_HOSTNAME_VERIFY_FAILED" },
    };
    for (const auto &r : rows)
        QTest::addRow("0x%04x %s", r.first, r.second) << r.first << QString::fromLatin1(r.second);
}

void tst_ErrorDecoder::everyMqttCodeHasNameAndSentence()
{
    QFETCH(quint16, code);
    QFETCH(QString, name);
    for (const quint32 raw : { 0x010a0000u | code, quint32(code) }) {
        const DecodedError e = decodeErrCode(raw);
        QCOMPARE(int(e.category), 0x0A);
        QCOMPARE(e.extension, code);
        QVERIFY(e.knownDetail);
        QCOMPARE(e.detailName, name);
        QVERIFY(e.detailText.size() > 10);
        QVERIFY(!e.detailText.contains(QStringLiteral("0x"))); // a sentence, not a number
        const QString s = e.summary();
        QVERIFY2(s.startsWith(QStringLiteral("MQTT: ")), qPrintable(s));
        QVERIFY2(s.contains(name), qPrintable(s));
        QVERIFY(s.endsWith(QLatin1Char('.')));
    }
    QCOMPARE(QString::fromLatin1(mqttError(code)->name), name);
}

void tst_ErrorDecoder::mqttTableIsCompleteAndOrdered()
{
    const QList<MqttErrorInfo> table = mqttErrorTable();
    QCOMPARE(table.size(), 0x52);
    QSet<QString> texts;
    for (int i = 0; i < table.size(); ++i) {
        QCOMPARE(table[i].code, quint16(0x6001 + i));
        QVERIFY(QByteArray(table[i].name).startsWith("AT_MQTT_"));
        texts.insert(QString::fromLatin1(table[i].text));
    }
    QCOMPARE(texts.size(), table.size()); // every code has its own sentence
    QVERIFY(!mqttError(0x6000));
    QVERIFY(!mqttError(0x6053));
}

void tst_ErrorDecoder::bareSixteenBitCodeIsExecutionFailure()
{
    const DecodedError bare = decodeErrCode(0x6044);
    const DecodedError full = decodeErrCode(0x010a6044);
    QVERIFY(bare.bare);
    QVERIFY(!full.bare);
    QCOMPARE(bare.summary(), full.summary());
    QCOMPARE(bare.detailName, QStringLiteral("AT_MQTT_DATA_READ_FAILED"));
    QCOMPARE(bare.categoryName, QStringLiteral("ESP_AT_SUB_CMD_EXEC_FAIL"));
}

void tst_ErrorDecoder::unknownCodesAreHandledGracefully_data()
{
    QTest::addColumn<quint32>("code");
    QTest::addColumn<QString>("fragment");
    QTest::addColumn<bool>("knownCategory");
    QTest::newRow("unknown category 0x0D") << 0x010d0000u << "category 0x0d" << false;
    QTest::newRow("unknown category 0xFF") << 0x01ff1234u << "0x01ff1234" << false;
    QTest::newRow("unknown module") << 0x020a6044u << "module 0x02" << false;
    QTest::newRow("all ones") << 0xffffffffu << "0xffffffff" << false;
    QTest::newRow("exec fail, non-MQTT extension") << 0x010a7001u << "0x7001" << true;
    QTest::newRow("exec fail, MQTT range gap 0x6000") << 0x010a6000u << "0x6000" << true;
    QTest::newRow("exec fail, past table 0x6053") << 0x010a6053u << "0x6053" << true;
    QTest::newRow("bare unknown") << 0x1234u << "0x1234" << true;
    QTest::newRow("bare zero") << 0x0u << "execution failed" << true;
}

void tst_ErrorDecoder::unknownCodesAreHandledGracefully()
{
    QFETCH(quint32, code);
    QFETCH(QString, fragment);
    QFETCH(bool, knownCategory);
    const DecodedError e = decodeErrCode(code);
    QCOMPARE(e.knownCategory, knownCategory);
    QVERIFY(!e.knownDetail);
    QVERIFY(e.detailName.isEmpty());
    const QString s = e.summary();
    QVERIFY2(s.contains(fragment), qPrintable(s));
    // Never bare hex alone: there are words around the number.
    QVERIFY2(s.count(QLatin1Char(' ')) >= 2, qPrintable(s));
}

void tst_ErrorDecoder::parseErrCodeText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint32>("code");
    QTest::newRow("full line") << QByteArray("ERR CODE:0x010a6044") << true << 0x010a6044u;
    QTest::newRow("with CR LF") << QByteArray("ERR CODE:0x01090000\r\n") << true << 0x01090000u;
    QTest::newRow("upper-case hex") << QByteArray("0x010A6006") << true << 0x010a6006u;
    QTest::newRow("no 0x") << QByteArray("010b0000") << true << 0x010b0000u;
    QTest::newRow("bare 16-bit") << QByteArray("0x6044") << true << 0x6044u;
    QTest::newRow("empty") << QByteArray("") << false << 0u;
    QTest::newRow("too long") << QByteArray("0x0102030405") << false << 0u;
    QTest::newRow("not hex") << QByteArray("ERR CODE:0xZZ") << false << 0u;
}

void tst_ErrorDecoder::parseErrCodeText()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(quint32, code);
    const std::optional<quint32> v = parseErrCode(text);
    QCOMPARE(v.has_value(), valid);
    if (valid)
        QCOMPARE(*v, code);
}

void tst_ErrorDecoder::describeFailureCombinesCodes_data()
{
    QTest::addColumn<QList<quint32>>("codes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("esp-at#647 parse + MQTT data")
        << QList<quint32> { 0x01080002u, 0x010a6044u }
        << QStringLiteral("Parameter 3 could not be parsed; MQTT: the message data could not be read (an "
                          "unescaped comma?) (AT_MQTT_DATA_READ_FAILED).");
    QTest::newRow("esp-at#867 null link")
        << QList<quint32> { 0x010a6006u } << QStringLiteral("MQTT: the MQTT link does not exist (AT_MQTT_NULL_LINK).");
    QTest::newRow("unknown command") << QList<quint32> { 0x01090000u } << QStringLiteral("Unsupported command.");
    QTest::newRow("busy") << QList<quint32> { 0x010b0000u }
                          << QStringLiteral("Busy: the previous command is still being processed.");
    QTest::newRow("count") << QList<quint32> { 0x01060504u } << QStringLiteral("Expected 5 parameters, got 4.");
    QTest::newRow("duplicates once") << QList<quint32> { 0x01090000u, 0x01090000u }
                                     << QStringLiteral("Unsupported command.");
    QTest::newRow("none") << QList<quint32> {} << QStringLiteral("The command failed (the module gave no error code).");
}

void tst_ErrorDecoder::describeFailureCombinesCodes()
{
    QFETCH(QList<quint32>, codes);
    QFETCH(QString, expected);
    QCOMPARE(describeFailure(codes), expected);
}

QTEST_APPLESS_MAIN(tst_ErrorDecoder)
#include "tst_errordecoder.moc"
