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

using atb::AtCommand;
using atb::AtResult;
using atb::DeviceSession;

namespace {
const char kHistoryKey[] = "console/history";
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
