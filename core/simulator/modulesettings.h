#pragma once
// The ESP-AT settings the simulated module keeps besides links and MQTT: Wi-Fi station and
// softAP configuration, scan options, radio and system settings, TLS client settings per link.
// Defaults are a freshly restored ESP32-C3 module (AT+RESTORE). Values the firmware keeps in
// flash survive AT+RST here too; AT+RESTORE brings back these defaults.
#include <QHash>
#include <QString>
#include <QStringList>

namespace atb::sim {

struct SoftApSettings {
    QString ssid;               // empty until first use: "ESP_" + the last three bytes of the AP MAC
    QString password;
    int channel = 1;
    int ecn = 0;                // 0 open, 2 WPA_PSK, 3 WPA2_PSK, 4 WPA_WPA2_PSK
    int maxConn = 4;            // ESP-IDF default (an ESP32 answers +CWSAP:"ESP_xxxxxx","",1,0,4,0)
    int hidden = 0;
    QString ip = QStringLiteral("192.168.4.1");
    QString gateway = QStringLiteral("192.168.4.1");
    QString netmask = QStringLiteral("255.255.255.0");
    int dhcpsLease = 120;       // minutes
    QString dhcpsStart = QStringLiteral("192.168.4.2");
    QString dhcpsEnd = QStringLiteral("192.168.4.101");
};

struct TlsClientSettings {
    int authMode = 0;           // AT+CIPSSLCCONF
    int pkiNumber = 0, caNumber = 0;
    QString commonName;         // AT+CIPSSLCCN
    QString sni;                // AT+CIPSSLCSNI
    QStringList alpn;           // AT+CIPSSLCALPN
};

struct TcpOptions {
    int linger = -1;            // AT+CIPTCPOPT <so_linger>, -1 = off
    int noDelay = 0;
    int sendTimeoutMs = 0;
    int keepAlive = 0;          // 3.x only: the fifth field
};

struct ModuleSettings {
    // Wi-Fi
    int dhcp = 3;               // bit 0 station DHCP client, bit 1 softAP DHCP server
    int autoConnect = 1;
    int reconnInterval = 1, reconnRepeat = 0;
    int pciEn = 0, listenInterval = 3, scanMode = 0, pmf = 1; // AT+CWJAP options, reported by AT+CWJAP?
    int lapSort = 0, lapMask = 0x7ff, lapRssiMin = -100, lapAuthMask = 0xffff;
    int staProto = 7, apProto = 7;
    QString hostname = QStringLiteral("espressif");
    int countryPolicy = 0;
    QString country = QStringLiteral("CN");
    int countryStart = 1, countryCount = 13;
    QString staMac, apMac;      // set by the module from its identity
    SoftApSettings ap;
    // Radio and system
    int rfWifi = 84, rfBleAdv = 15, rfBleScan = 15, rfBleConn = 15;
    int wakeSource = -1, wakeParam1 = 0, wakeParam2 = 0;
    // TCP/IP
    int serverTimeout = 180;    // AT+CIPSTO, seconds
    int sntpIntervalS = 3600;   // AT+CIPSNTPINTV
    int reconnIntv = 1;         // AT+CIPRECONNINTV, units of 100 ms
    int sendlReport = 1024, sendlTransmit = 2920; // AT+CIPSENDLCFG
    QHash<int, TlsClientSettings> tls; // by link id (single link: 0)
    QHash<int, TcpOptions> tcpOptions; // by link id
};

} // namespace atb::sim
