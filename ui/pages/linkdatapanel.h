#pragma once

#include "services/connectionservice.h"

#include <QGroupBox>
#include <QPointer>
#include <QTimer>

class FieldErrors;
class LinkDataView;
class Messages;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

// The Connections page's "Data of link N": what to send to the selected link (text with an
// optional CR LF, hex bytes, or a file, with the progress of a long send; on a UDP link
// optionally to another peer, AT+CIPSEND=<id>,<len>,"host",port) and what the link received
// (text or hex, with its byte counters). +IPD bursts are shown in one repaint per 40 ms.
// Reasons not to send show on one line under the send row, in `errors` under `scope`.
class LinkDataPanel : public QGroupBox
{
    Q_OBJECT
public:
    // `messages` (the file chooser) may be null.
    LinkDataPanel(atb::ConnectionService *service, FieldErrors *errors, const QByteArray &scope, Messages *messages,
                  QWidget *parent = nullptr);

    // The link whose data is shown and to which Send goes.
    int link() const { return m_link; }
    void setLink(int id);
    // The peer row ("send to host:port") is for UDP links only.
    void setUdp(bool udp);
    atb::LinkSendSettings settings() const;
    // The send row, while AT commands can be sent.
    void setSendEnabled(bool on);
    // A send has started (progress from 0) or ended (progress hidden).
    void sendStarted();
    void sendFinished();
    void retranslate();

signals:
    void edited();
    void sendRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateSendRow();
    void reload();
    void onDataReceived(int linkId, const QByteArray &bytes);
    void flush();
    void updateCounters();

    atb::ConnectionService *m_service;
    QPointer<Messages> m_messages;
    int m_link = 0;
    QByteArray m_pending; // received for the shown link, not yet on screen
    bool m_stale = false; // data arrived while the panel was hidden
    QTimer m_flushTimer;

    QComboBox *m_format;
    QLineEdit *m_text;
    QLineEdit *m_file;
    QPushButton *m_browse;
    QCheckBox *m_crLf;
    QPushButton *m_send;
    QWidget *m_peerRow;
    QLabel *m_peerLabel;
    QLineEdit *m_peerHost;
    QLineEdit *m_peerPort;
    QProgressBar *m_progress;
    QLabel *m_rxTitle;
    QCheckBox *m_hex;
    QLabel *m_counters;
    QPushButton *m_clear;
    LinkDataView *m_view;
};
