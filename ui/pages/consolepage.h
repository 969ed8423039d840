#pragma once

#include "engine/devicesession.h"

#include <QHash>
#include <QSet>
#include <QWidget>

namespace atb {
class DeviceModel;
}
class ConsoleModel;
class HistoryLineEdit;
class QLabel;
class QListView;
class QPushButton;

// The raw console: the session log as coloured, millisecond-stamped lines, and an input line
// whose commands go through the session's command queue (never straight to the transport).
// After a '>' prompt for a typed data-phase command the next Enter sends the input's bytes as
// the payload, without CR LF.
class ConsolePage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kCapacity = 50000;

    ConsolePage(atb::DeviceSession *session, atb::DeviceModel *model, QWidget *parent = nullptr);

    ConsoleModel *consoleModel() const { return m_model; }
    QListView *view() const { return m_view; }
    HistoryLineEdit *input() const { return m_input; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *clearButton() const { return m_clear; }
    QLabel *hintLabel() const { return m_hint; }

    // Sends what the input line holds: a command, the payload after a prompt, or raw bytes in
    // passthrough. Same as pressing Enter.
    void submitInput();
    void clear();
    void appendNote(const QString &text, bool problem = false);

    // 0 unless the module waits for the payload of a typed command.
    quint64 awaitingPayloadId() const { return m_promptId; }
    qint64 awaitingPayloadLength() const { return m_promptLength; }
    // Typed commands not finished yet.
    int pendingCount() const { return int(m_pending.size()); }

    // History is loaded from and saved to QSettings ("console/history") unless disabled.
    void setPersistHistory(bool on) { m_persistHistory = on; }

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void appendRecords(const QList<atb::LogRecord> &records);
    void onPrompt(quint64 id, qint64 expectedLength);
    void onFinished(const atb::AtResult &result);
    void onStateChanged(atb::DeviceSession::State state);
    void setPromptState(quint64 id, qint64 length);
    void copySelection();

    atb::DeviceSession *m_session;
    atb::DeviceModel *m_deviceModel;
    ConsoleModel *m_model;
    QListView *m_view;
    QLabel *m_hint;
    HistoryLineEdit *m_input;
    QPushButton *m_send;
    QPushButton *m_leavePassthrough;
    QPushButton *m_clear;
    QHash<quint64, qint64> m_pending; // typed command id -> announced payload length
    QSet<quint64> m_finishedEarly;
    quint64 m_promptId = 0;
    qint64 m_promptLength = -1;
    bool m_persistHistory = true;
    atb::DeviceSession::State m_state = atb::DeviceSession::State::Disconnected;
};
