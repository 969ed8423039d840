#pragma once

#include "page.h"

#include "console/consolefilter.h"
#include "engine/devicesession.h"

#include <QHash>
#include <QSet>
#include <QWidget>

namespace atb {
class DeviceModel;
}
class ConsoleModel;
class HistoryLineEdit;
class Messages;
class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSplitter;
class QStringListModel;
class QToolButton;

// The raw console: the session log as coloured, millisecond-stamped lines, and an input line
// whose commands go through the session's command queue (never straight to the transport).
// After a '>' prompt for a typed data-phase command the next Enter sends the input's bytes as
// the payload, without CR LF (as text, as hex "48 65 6c", or a file's bytes).
// Above the view: find (next/previous, all matches highlighted), filter by kind and text, hex
// view of payloads, pause autoscroll. The input completes command names from the catalog and
// shows the command's help under it as you type.
class ConsolePage : public Page
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
    QLabel *helpLabel() const { return m_help; }
    QCompleter *completer() const { return m_completer; }
    ConsoleFilter *filterModel() const { return m_filter; }
    QLineEdit *findEdit() const { return m_find; }
    QLineEdit *filterEdit() const { return m_filterText; }
    QToolButton *kindButton(ConsoleFilter::Group group) const;
    QToolButton *hexButton() const { return m_hex; }
    QToolButton *pauseButton() const { return m_pause; }
    QComboBox *dataFormatCombo() const { return m_dataFormat; }
    QPushButton *fromFileButton() const { return m_fromFile; }

    // Where "From file…" asks for a file (scripted in tests). May be null: the button hides.
    void setMessages(Messages *messages);

    // Selects the next (or previous) row containing the find text, wrapping around; false when
    // nothing matches. All matches are highlighted.
    bool findNext(bool backwards = false);
    // Sends a file's bytes as the payload of the data phase in progress.
    bool sendFile(const QString &path);
    // Completion candidates and help for what the input holds (the catalog's, for the dialect).
    QStringList completionsFor(const QString &text) const;

    // Sends what the input line holds: a command, the payload after a prompt, or raw bytes in
    // passthrough. Same as pressing Enter.
    void submitInput();
    void clear();
    void appendNote(const QString &text, bool problem = false);
    // Selects and shows the first line at or after `timeMs` (ms since the epoch), pausing
    // autoscroll so it stays in view; false when no line is that late (the timeline's jump).
    bool scrollToTime(qint64 timeMs);
    // A panel under the lines, in a splitter with them (the timeline).
    void addBelowView(QWidget *panel);

    // 0 unless the module waits for the payload of a typed command.
    quint64 awaitingPayloadId() const { return m_promptId; }
    qint64 awaitingPayloadLength() const { return m_promptLength; }
    // Typed commands not finished yet.
    int pendingCount() const { return int(m_pending.size()); }

    // History is loaded from and saved to QSettings ("console/history") unless disabled.
    void setPersistHistory(bool on) { m_persistHistory = on; }

protected:
    void retranslate() override;
    void updateColours() override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void appendRecords(const QList<atb::LogRecord> &records);
    void onPrompt(quint64 id, qint64 expectedLength);
    void onFinished(const atb::AtResult &result);
    void onStateChanged(atb::DeviceSession::State state);
    void setPromptState(quint64 id, qint64 length);
    void copySelection();
    void updateHelp();
    void updateCompletions(const QString &text);
    void updateDataCount();
    void applyFilterGroups();
    QByteArray payloadFromInput(bool *ok) const;

    atb::DeviceSession *m_session;
    atb::DeviceModel *m_deviceModel;
    ConsoleModel *m_model;
    QListView *m_view;
    QSplitter *m_split;
    QLabel *m_hint;
    HistoryLineEdit *m_input;
    QPushButton *m_send;
    QPushButton *m_leavePassthrough;
    QPushButton *m_clear;
    ConsoleFilter *m_filter;
    QLineEdit *m_find;
    QToolButton *m_findPrev;
    QToolButton *m_findNext;
    QLineEdit *m_filterText;
    QList<QToolButton *> m_kindButtons;
    QToolButton *m_hex;
    QToolButton *m_pause;
    QLabel *m_help;
    QCompleter *m_completer;
    QStringListModel *m_completions;
    QComboBox *m_dataFormat;
    QPushButton *m_fromFile;
    Messages *m_messages = nullptr;
    QHash<quint64, qint64> m_pending; // typed command id -> announced payload length
    QSet<quint64> m_finishedEarly;
    quint64 m_promptId = 0;
    qint64 m_promptLength = -1;
    bool m_persistHistory = true;
    atb::DeviceSession::State m_state = atb::DeviceSession::State::Disconnected;
};
