#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

namespace atb {

// One "+CWJAP:" line, in either of its two shapes (protocol.md 2.6 and section 7, rows 11-12):
//   AT+CWJAP? while joined:  +CWJAP:"<ssid>","<bssid>",<channel>,<rssi>[,<pci_en>,...]
//   a failed AT+CWJAP=...:   +CWJAP:<code> (1 timeout, 2 wrong password, 3 AP not found,
//                            4 failed), then ERROR
// The one parser of these lines: the model, the Wi-Fi service and the command runner read them
// through it. Module output is not escaped, so an SSID keeps its backslashes and commas.
struct CwjapReply
{
    Q_DECLARE_TR_FUNCTIONS(CwjapReply)
public:
    int failureCode = 0; // the failure shape; 0 for the joined shape
    QString ssid;
    QString bssid;
    int channel = 0;
    int rssi = 0;

    bool joined() const { return failureCode == 0; }

    // nullopt when the line is not "+CWJAP:" or fits neither shape (fewer than four fields, a
    // code that is not a positive number).
    static std::optional<CwjapReply> parse(QByteArrayView line);
    // The code of the last "+CWJAP:<code>" among the lines of a failed join; 0 when none.
    static int failureCodeIn(const QList<QByteArray> &lines);
    // A failure code in words ("wrong password"; "unknown reason (7)" for codes no firmware
    // documents).
    static QString failureText(int code);
};

} // namespace atb
