#include "consolepage.h"

#include "console/consolemodel.h"
#include "dialogs/messages.h"
#include "model/devicemodel.h"
#include "protocol/bytetext.h"
#include "pagecommon.h"
#include "protocol/commandcatalog.h"
#include "widgets/historylineedit.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QSettings>
#include <QStringListModel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <functional>

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
constexpr int kHelpLines = 7;
const ConsoleFilter::Group kGroups[] = { ConsoleFilter::Tx, ConsoleFilter::Rx, ConsoleFilter::Urc,
                                         ConsoleFilter::Errors, ConsoleFilter::Notes };

// A small terminal glyph for the page list, drawn so no image plugin is needed.
QIcon consoleIcon(const QPalette &pal)
{
    return paletteIcon([&pal](QPainter &p, qreal s) {
        QPen pen(pal.color(QPalette::Text), 1.6 * s);
        pen.setJoinStyle(Qt::RoundJoin);
        pen.setCapStyle(Qt::RoundCap);
        p.setPen(pen);
        p.setBrush(pal.color(QPalette::Base));
        p.drawRoundedRect(QRectF(2 * s, 4 * s, 20 * s, 16 * s), 2.5 * s, 2.5 * s);
        QPainterPath chevron;
        chevron.moveTo(6 * s, 9 * s);
        chevron.lineTo(10 * s, 12 * s);
        chevron.lineTo(6 * s, 15 * s);
        p.setBrush(Qt::NoBrush);
        p.drawPath(chevron);
        p.drawLine(QPointF(12 * s, 15.5 * s), QPointF(17 * s, 15.5 * s));
    });
}
}

ConsolePage::ConsolePage(DeviceSession *session, atb::DeviceModel *model, QWidget *parent)
    : Page(parent), m_session(session), m_deviceModel(model), m_model(new ConsoleModel(kCapacity, this)),
      m_filter(new ConsoleFilter(this))
{
    setObjectName(QStringLiteral("consolePage"));
    m_filter->setSourceModel(m_model);
    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("consoleView"));
    m_view->setModel(m_filter);
    m_view->setUniformItemSizes(true);
    m_view->setLayoutMode(QListView::SinglePass);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->setDragEnabled(true); // lines sent can be dropped on the quick-send bar
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
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

    // Find, filter, hex, pause.
    m_find = new QLineEdit(this);
    m_find->setObjectName(QStringLiteral("findEdit"));
    m_find->setClearButtonEnabled(true);
    m_find->setMaximumWidth(220);
    m_findPrev = new QToolButton(this);
    m_findPrev->setObjectName(QStringLiteral("findPrevious"));
    m_findPrev->setArrowType(Qt::UpArrow);
    m_findNext = new QToolButton(this);
    m_findNext->setObjectName(QStringLiteral("findNext"));
    m_findNext->setArrowType(Qt::DownArrow);
    m_filterText = new QLineEdit(this);
    m_filterText->setObjectName(QStringLiteral("filterEdit"));
    m_filterText->setClearButtonEnabled(true);
    m_filterText->setMinimumWidth(180);
    m_filterText->setMaximumWidth(240);
    auto *tools = new QHBoxLayout;
    tools->setSpacing(4);
    tools->addWidget(m_find);
    tools->addWidget(m_findPrev);
    tools->addWidget(m_findNext);
    tools->addSpacing(12);
    tools->addWidget(m_filterText);
    for (ConsoleFilter::Group g : kGroups) {
        auto *b = new QToolButton(this);
        b->setObjectName(QStringLiteral("kind%1").arg(int(g)));
        b->setCheckable(true);
        b->setChecked(true);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        connect(b, &QToolButton::toggled, this, &ConsolePage::applyFilterGroups);
        m_kindButtons << b;
        tools->addWidget(b);
    }
    tools->addStretch(1);
    m_hex = new QToolButton(this);
    m_hex->setObjectName(QStringLiteral("hexButton"));
    m_hex->setCheckable(true);
    m_pause = new QToolButton(this);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setCheckable(true);
    m_pause->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    m_pause->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addWidget(m_hex);
    tools->addWidget(m_pause);

    m_help = new QLabel(this);
    m_help->setObjectName(QStringLiteral("commandHelp"));
    m_help->setWordWrap(true);
    m_help->setTextFormat(Qt::PlainText);
    m_help->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_help->hide();

    m_completions = new QStringListModel(this);
    m_completer = new QCompleter(m_completions, this);
    m_completer->setObjectName(QStringLiteral("commandCompleter"));
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(12);
    m_completer->setWidget(m_input);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, [this](const QString &name) {
        m_input->setText(name);
        updateHelp();
    });

    m_dataFormat = new QComboBox(this);
    m_dataFormat->setObjectName(QStringLiteral("dataFormat"));
    m_dataFormat->addItem(QString(), 0);
    m_dataFormat->addItem(QString(), 1);
    m_dataFormat->hide();
    m_fromFile = new QPushButton(this);
    m_fromFile->setObjectName(QStringLiteral("fromFileButton"));
    m_fromFile->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    m_fromFile->hide();

    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_dataFormat);
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_fromFile);
    inputRow->addWidget(m_send);
    inputRow->addWidget(m_leavePassthrough);
    inputRow->addWidget(m_clear);

    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addLayout(tools);
    m_split = new QSplitter(Qt::Vertical, this);
    m_split->setObjectName(QStringLiteral("consoleSplitter"));
    m_split->setChildrenCollapsible(false);
    m_split->addWidget(m_view);
    lay->addWidget(m_split, 1);
    lay->addWidget(m_hint);
    lay->addLayout(inputRow);
    lay->addWidget(m_help);

    connect(m_find, &QLineEdit::textChanged, this, [this](const QString &t) { m_model->setHighlight(t); });
    connect(m_find, &QLineEdit::returnPressed, this, [this] { findNext(false); });
    connect(m_findNext, &QToolButton::clicked, this, [this] { findNext(false); });
    connect(m_findPrev, &QToolButton::clicked, this, [this] { findNext(true); });
    connect(m_filterText, &QLineEdit::textChanged, m_filter, &ConsoleFilter::setText);
    connect(m_hex, &QToolButton::toggled, m_model, &ConsoleModel::setHexPayloads);
    connect(m_pause, &QToolButton::toggled, this, [this](bool paused) {
        if (!paused)
            m_view->scrollToBottom();
    });
    connect(m_input, &QLineEdit::textChanged, this, &ConsolePage::updateHelp);
    connect(m_input, &QLineEdit::textChanged, this, &ConsolePage::updateDataCount);
    connect(m_input, &QLineEdit::textEdited, this, &ConsolePage::updateCompletions);
    connect(m_dataFormat, &QComboBox::currentIndexChanged, this, &ConsolePage::updateDataCount);
    connect(m_fromFile, &QPushButton::clicked, this, [this] {
        if (!m_messages)
            return;
        const QString path = m_messages->openFileName(tr("Send File as Data"), QDir::homePath(), tr("All files (*)"));
        if (!path.isEmpty())
            sendFile(path);
    });
    auto addShortcut = [this](const QKeySequence &key, const std::function<void()> &f) {
        auto *a = new QAction(this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, f);
        addAction(a);
    };
    addShortcut(QKeySequence::Find, [this] {
        m_find->setFocus();
        m_find->selectAll();
    });
    addShortcut(QKeySequence::FindNext, [this] { findNext(false); });
    addShortcut(QKeySequence::FindPrevious, [this] { findNext(true); });

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
    m_model->setColours(ThemeColours::fromPalette(m_view->palette()));
    QColor hl = m_view->palette().color(QPalette::Highlight);
    hl.setAlpha(70);
    m_model->setHighlightColour(hl);
    retranslate();
}

void ConsolePage::setMessages(Messages *messages)
{
    m_messages = messages;
    setPromptState(m_promptId, m_promptLength);
}

QToolButton *ConsolePage::kindButton(ConsoleFilter::Group group) const
{
    for (int i = 0; i < int(std::size(kGroups)); ++i)
        if (kGroups[i] == group)
            return m_kindButtons.value(i);
    return nullptr;
}

void ConsolePage::applyFilterGroups()
{
    ConsoleFilter::Groups groups;
    for (int i = 0; i < int(std::size(kGroups)); ++i)
        if (m_kindButtons[i]->isChecked())
            groups |= kGroups[i];
    m_filter->setGroups(groups);
}

bool ConsolePage::findNext(bool backwards)
{
    const QString term = m_find->text();
    const int n = m_filter->rowCount();
    if (term.isEmpty() || n == 0)
        return false;
    m_model->setHighlight(term);
    const QModelIndex current = m_view->currentIndex();
    int start = current.isValid() ? current.row() : (backwards ? n : -1);
    for (int step = 1; step <= n; ++step) {
        const int row = ((start + (backwards ? -step : step)) % n + n) % n;
        const QModelIndex i = m_filter->index(row, 0);
        if (i.data(Qt::DisplayRole).toString().contains(term, Qt::CaseInsensitive)) {
            m_view->setCurrentIndex(i);
            m_view->scrollTo(i, QAbstractItemView::PositionAtCenter);
            return true;
        }
    }
    return false;
}

QByteArray ConsolePage::payloadFromInput(bool *ok) const
{
    if (m_dataFormat->currentData().toInt() == 1) {
        const atb::ByteText::Decoded hex = atb::ByteText::fromHex(m_input->text());
        *ok = hex.ok();
        return hex.bytes;
    }
    *ok = true;
    return m_input->text().toUtf8();
}

void ConsolePage::updateDataCount()
{
    if (m_promptId == 0)
        return;
    bool ok = false;
    const QByteArray payload = payloadFromInput(&ok);
    QString text;
    if (!ok)
        text = tr("Not valid hex: use pairs of digits such as 48 65 6c 6c 6f.");
    else if (m_promptLength >= 0)
        text = tr("Data phase: %1 of %n byte(s) — type them (text or hex) or send a file, then Enter.", "",
                  int(m_promptLength))
                   .arg(payload.size());
    else
        text = tr("Data phase: %n byte(s) so far — Enter sends them.", "", int(payload.size()));
    m_hint->setText(text);
}

QStringList ConsolePage::completionsFor(const QString &text) const
{
    QStringList out;
    const QString t = text.trimmed();
    if (t.isEmpty() || t.contains(QLatin1Char('=')) || t.contains(QLatin1Char('?')))
        return out;
    const QByteArray prefix = t.toUtf8();
    for (const atb::CommandSpec *spec : atb::CommandCatalog::builtin().completions(prefix, m_deviceModel->dialect()))
        out << QString::fromLatin1(spec->name);
    return out;
}

void ConsolePage::updateCompletions(const QString &text)
{
    if (m_promptId != 0 || m_state == DeviceSession::State::Passthrough) {
        m_completions->setStringList({});
        return;
    }
    const QStringList list = completionsFor(text);
    m_completions->setStringList(list);
    if (list.isEmpty() || (list.size() == 1 && list.first().compare(text.trimmed(), Qt::CaseInsensitive) == 0)) {
        if (m_completer->popup())
            m_completer->popup()->hide();
        return;
    }
    m_completer->complete();
}

void ConsolePage::updateHelp()
{
    const QString text = m_input->text().trimmed();
    if (m_promptId != 0 || m_state == DeviceSession::State::Passthrough || text.isEmpty()) {
        m_help->hide();
        return;
    }
    const atb::CommandCatalog &catalog = atb::CommandCatalog::builtin();
    const QByteArray name = atb::CommandCatalog::commandName(text.toUtf8());
    const atb::CommandSpec *spec = catalog.find(name, m_deviceModel->dialect());
    if (!spec) {
        m_help->hide();
        return;
    }
    const QString help = catalog.helpText(*spec, m_deviceModel->dialect()).trimmed();
    QStringList lines = help.split(QLatin1Char('\n'));
    if (lines.size() > kHelpLines) {
        lines = lines.mid(0, kHelpLines);
        lines << tr("… (hover for the full help)");
    }
    m_help->setText(lines.join(QLatin1Char('\n')));
    m_help->setToolTip(help);
    m_help->show();
}

bool ConsolePage::sendFile(const QString &path)
{
    if (m_promptId == 0)
        return false;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        appendNote(tr("Could not read %1: %2").arg(path, f.errorString()), true);
        return false;
    }
    const qint64 limit = m_promptLength >= 0 ? m_promptLength : 1 << 20;
    const QByteArray payload = f.read(limit + 1);
    if (m_promptLength >= 0 && payload.size() != m_promptLength) {
        appendNote(tr("%1 holds %2 byte(s); the module waits for exactly %n. Nothing was sent.", "",
                      int(m_promptLength))
                       .arg(QDir::toNativeSeparators(path))
                       .arg(f.size()),
                   true);
        return false;
    }
    m_session->providePayload(m_promptId, payload);
    appendNote(tr("Sent %n byte(s) from %1.", "", int(payload.size())).arg(QDir::toNativeSeparators(path)));
    setPromptState(0, -1);
    m_input->clear();
    return true;
}

void ConsolePage::appendRecords(const QList<atb::LogRecord> &records)
{
    QScrollBar *sb = m_view->verticalScrollBar();
    const bool atBottom = sb->value() >= sb->maximum();
    m_model->appendRecords(records);
    if (atBottom && !m_pause->isChecked())
        m_view->scrollToBottom();
}

void ConsolePage::addBelowView(QWidget *panel)
{
    m_split->addWidget(panel);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 1);
}

bool ConsolePage::scrollToTime(qint64 timeMs)
{
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QModelIndex i = m_filter->index(row, 0);
        if (i.data(ConsoleModel::TimeRole).toLongLong() < timeMs)
            continue;
        m_pause->setChecked(true);
        m_view->setCurrentIndex(i);
        m_view->scrollTo(i, QAbstractItemView::PositionAtCenter);
        return true;
    }
    return false;
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
        bool ok = false;
        const QByteArray payload = payloadFromInput(&ok);
        if (!ok) {
            appendNote(tr("The input is not valid hex: use pairs of digits such as 48 65 6c 6c 6f."), true);
            return;
        }
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
        m_dataFormat->hide();
        m_fromFile->hide();
        m_dataFormat->setCurrentIndex(0);
    } else {
        m_hint->show();
        m_dataFormat->show();
        m_fromFile->setVisible(m_messages != nullptr);
        m_help->hide();
        if (m_completer->popup())
            m_completer->popup()->hide();
    }
    retranslate();
    updateDataCount();
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
    QModelIndexList rows;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        rows << m_filter->mapToSource(i);
    const QString text = m_model->plainText(rows);
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void ConsolePage::updateColours()
{
    m_model->setColours(ThemeColours::fromPalette(m_view->palette()));
    setWindowIcon(consoleIcon(palette()));
}

void ConsolePage::retranslate()
{
    setWindowTitle(tr("Console"));
    setToolTip(tr("Raw AT console and session log"));
    setWindowIcon(consoleIcon(palette()));
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
    m_find->setPlaceholderText(tr("Find (Ctrl+F)"));
    m_findPrev->setToolTip(tr("Previous match (Shift+F3)"));
    m_findNext->setToolTip(tr("Next match (F3)"));
    m_filterText->setPlaceholderText(tr("Show only lines containing…"));
    const QStringList kindNames = { tr("TX"), tr("RX"), tr("URC"), tr("Errors"), tr("Notes") };
    const QStringList kindTips = { tr("Show the lines sent to the module"), tr("Show the module's replies"),
                                   tr("Show unsolicited messages (+IPD, WIFI ..., +MQTT...)"),
                                   tr("Show failures and link problems"), tr("Show the console's own notes") };
    for (int i = 0; i < m_kindButtons.size(); ++i) {
        m_kindButtons[i]->setText(kindNames.value(i));
        m_kindButtons[i]->setToolTip(kindTips.value(i));
    }
    m_hex->setText(tr("Hex"));
    m_hex->setToolTip(tr("Show data payloads (data phases, +IPD, +MQTTSUBRECV) as hex bytes"));
    m_pause->setText(tr("Pause"));
    m_pause->setToolTip(tr("Pause autoscroll: new lines are still recorded"));
    m_dataFormat->setItemText(0, tr("Text"));
    m_dataFormat->setItemText(1, tr("Hex"));
    m_dataFormat->setToolTip(tr("Type the data as text, or as hex bytes (48 65 6c 6c 6f)"));
    m_fromFile->setText(tr("From &file…"));
    m_fromFile->setToolTip(tr("Send a file's bytes as the data"));
    updateDataCount();
}
