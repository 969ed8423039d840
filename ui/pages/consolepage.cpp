#include "consolepage.h"

#include "console/consolemodel.h"
#include "model/devicemodel.h"
#include "widgets/historylineedit.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QStyle>
#include <QVBoxLayout>

#if __has_include("protocol/errordecoder.h")
#include "protocol/errordecoder.h"
#define ATB_HAVE_ERRORDECODER 1
#endif

using atb::AtCommand;
using atb::AtResult;
using atb::DeviceSession;

namespace {
const char kHistoryKey[] = "console/history";
const char kOrigin[] = "console";
}

ConsolePage::ConsolePage(DeviceSession *session, atb::DeviceModel *model, QWidget *parent)
    : QWidget(parent), m_session(session), m_deviceModel(model), m_model(new ConsoleModel(kCapacity, this))
{
    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("consoleView"));
    m_view->setModel(m_model);
    m_view->setUniformItemSizes(true);
    m_view->setLayoutMode(QListView::SinglePass);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(this);
    copy->setObjectName(QStringLiteral("copyAction"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(copy);
    connect(copy, &QAction::triggered, this, &ConsolePage::copySelection);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("promptHint"));
    m_hint->setWordWrap(true);
    m_hint->hide();

    m_input = new HistoryLineEdit(this);
    m_input->setObjectName(QStringLiteral("consoleInput"));
    m_input->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_input->setClearButtonEnabled(true);
    m_input->installEventFilter(this);

    m_send = new QPushButton(this);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setIcon(style()->standardIcon(QStyle::SP_ArrowRight));
    m_leavePassthrough = new QPushButton(this);
    m_leavePassthrough->setObjectName(QStringLiteral("leavePassthroughButton"));
    m_leavePassthrough->hide();
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("clearButton"));
    m_clear->setIcon(style()->standardIcon(QStyle::SP_DialogResetButton));

    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_send);
    inputRow->addWidget(m_leavePassthrough);
    inputRow->addWidget(m_clear);

    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(m_view, 1);
    lay->addWidget(m_hint);
    lay->addLayout(inputRow);

    connect(m_input, &QLineEdit::returnPressed, this, &ConsolePage::submitInput);
    connect(m_send, &QPushButton::clicked, this, &ConsolePage::submitInput);
    connect(m_clear, &QPushButton::clicked, this, &ConsolePage::clear);
    connect(m_leavePassthrough, &QPushButton::clicked, this, [this] { m_session->leavePassthrough(); });
    connect(m_input, &HistoryLineEdit::historyChanged, this, [this] {
        if (m_persistHistory)
            QSettings().setValue(QLatin1String(kHistoryKey), m_input->history());
    });

    connect(m_session->log(), &atb::SessionLog::recordsAppended, this, &ConsolePage::appendRecords);
    connect(m_session, &DeviceSession::promptReceived, this, &ConsolePage::onPrompt);
    connect(m_session, &DeviceSession::commandFinished, this, &ConsolePage::onFinished);
    connect(m_session, &DeviceSession::stateChanged, this, &ConsolePage::onStateChanged);

    m_input->setHistory(QSettings().value(QLatin1String(kHistoryKey)).toStringList());
    m_model->setColours(ConsoleColours::fromPalette(m_view->palette()));
    retranslate();
}

void ConsolePage::appendRecords(const QList<atb::LogRecord> &records)
{
    QScrollBar *sb = m_view->verticalScrollBar();
    const bool atBottom = sb->value() >= sb->maximum();
    m_model->appendRecords(records);
    if (atBottom)
        m_view->scrollToBottom();
}

void ConsolePage::appendNote(const QString &text, bool problem)
{
    // Through the session log, so the note lands after the records it comments on (they are
    // still in the log's current batch) and is part of an export.
    m_session->log()->appendInfo(text, problem);
}

void ConsolePage::clear()
{
    m_model->clear();
}

void ConsolePage::submitInput()
{
    const QString text = m_input->text();
    if (m_state == DeviceSession::State::Passthrough) {
        if (!text.isEmpty())
            m_session->sendRaw(text.toUtf8());
        m_input->clear();
        return;
    }
    if (m_promptId != 0) {
        const QByteArray payload = text.toUtf8();
        if (m_promptLength >= 0 && payload.size() != m_promptLength) {
            appendNote(tr("The module waits for exactly %n byte(s); the input holds %1. "
                          "Edit it, or press Esc to cancel the command.", "", int(m_promptLength))
                           .arg(payload.size()),
                       true);
            return;
        }
        m_session->providePayload(m_promptId, payload);
        setPromptState(0, -1);
        m_input->clear();
        return;
    }
    const QString line = text.trimmed();
    if (line.isEmpty())
        return;
    m_input->addToHistory(line);
    qint64 length = -1;
    AtCommand command = AtCommand::fromLine(line.toUtf8(), m_session->dialect() == atb::Dialect::Beken, &length);
    command.origin = QLatin1String(kOrigin);
    if (command.enterPassthrough)
        appendNote(tr("%1 switches the link to passthrough: what you type is then sent as raw data "
                      "until you press \"Leave passthrough\".").arg(line));
    const quint64 id = m_session->submit(command);
    // A refusal (not connected) may already have been reported during submit().
    if (!m_finishedEarly.remove(id))
        m_pending.insert(id, length);
    m_input->clear();
}

void ConsolePage::onPrompt(quint64 id, qint64 expectedLength)
{
    if (!m_pending.contains(id))
        return;
    setPromptState(id, expectedLength);
    const QString text = expectedLength >= 0
        ? tr("The module waits for %n byte(s) of data: type them and press Enter "
             "(sent exactly as typed, without CR LF). Esc cancels.", "", int(expectedLength))
        : tr("The module waits for data: type it and press Enter "
             "(sent exactly as typed, without CR LF). Esc cancels.");
    appendNote(text);
}

void ConsolePage::setPromptState(quint64 id, qint64 length)
{
    m_promptId = id;
    m_promptLength = length;
    if (id == 0) {
        m_hint->hide();
    } else {
        m_hint->setText(length >= 0 ? tr("Data phase: type %n byte(s), then Enter.", "", int(length))
                                    : tr("Data phase: type the data, then Enter."));
        m_hint->show();
    }
    retranslate();
}

void ConsolePage::onFinished(const AtResult &r)
{
    const bool wasPending = m_pending.remove(r.id);
    if (!wasPending && r.command.origin != QLatin1String(kOrigin))
        return;
    if (!wasPending && r.status == AtResult::Status::Refused)
        m_finishedEarly.insert(r.id); // reported from inside submit() (session in this thread)
    if (r.id == m_promptId)
        setPromptState(0, -1);
    switch (r.status) {
    case AtResult::Status::Ok:
        break;
    case AtResult::Status::Error: {
        QString text = tr("%1 failed: %2").arg(QString::fromUtf8(r.command.line), QString::fromUtf8(r.finalText));
        if (!r.errCodes.isEmpty()) {
            QStringList codes;
            for (quint32 c : r.errCodes)
                codes << QStringLiteral("ERR CODE 0x%1").arg(c, 8, 16, QLatin1Char('0'));
            text += QStringLiteral(" (%1)").arg(codes.join(QStringLiteral(", ")));
#ifdef ATB_HAVE_ERRORDECODER
            text += QStringLiteral(" — ") + atb::describeFailure(r.errCodes);
#endif
        }
        appendNote(text, true);
        break;
    }
    case AtResult::Status::Busy:
        appendNote(tr("%1: the module stayed busy after %n attempt(s).", "", r.attempts)
                       .arg(QString::fromUtf8(r.command.line)),
                   true);
        break;
    case AtResult::Status::Refused:
        appendNote(tr("%1 was not sent: %2. Connect first (Ctrl+K).")
                       .arg(QString::fromUtf8(r.command.line), r.message),
                   true);
        break;
    case AtResult::Status::Timeout:
    case AtResult::Status::Cancelled:
    case AtResult::Status::Disconnected:
        // The session log already carries these with the host-side explanation.
        break;
    }
}

void ConsolePage::onStateChanged(DeviceSession::State state)
{
    m_state = state;
    if (state == DeviceSession::State::Disconnected) {
        setPromptState(0, -1);
        m_pending.clear();
    }
    m_leavePassthrough->setVisible(state == DeviceSession::State::Passthrough);
    retranslate();
}

bool ConsolePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && m_promptId != 0) {
            m_session->cancel(m_promptId);
            appendNote(tr("Data phase cancelled."));
            setPromptState(0, -1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ConsolePage::copySelection()
{
    const QString text = m_model->plainText(m_view->selectionModel()->selectedRows());
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void ConsolePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        m_model->setColours(ConsoleColours::fromPalette(m_view->palette()));
    QWidget::changeEvent(event);
}

void ConsolePage::retranslate()
{
    if (m_state == DeviceSession::State::Passthrough)
        m_input->setPlaceholderText(tr("Passthrough: text is sent as raw data (no CR LF)"));
    else if (m_promptId != 0)
        m_input->setPlaceholderText(tr("Data for the module (sent without CR LF)"));
    else
        m_input->setPlaceholderText(tr("Type an AT command and press Enter (Up/Down: history)"));
    m_send->setText(tr("&Send"));
    m_send->setToolTip(tr("Send the line through the command queue (Enter)"));
    m_leavePassthrough->setText(tr("Leave passthrough"));
    m_leavePassthrough->setToolTip(tr("Send +++ with guard times and return to AT commands"));
    m_clear->setText(tr("C&lear"));
    m_clear->setToolTip(tr("Clear the console (Ctrl+L); the session log is kept"));
    if (m_promptId != 0)
        m_hint->setText(m_promptLength >= 0 ? tr("Data phase: type %n byte(s), then Enter.", "", int(m_promptLength))
                                            : tr("Data phase: type the data, then Enter."));
}
