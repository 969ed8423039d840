#include "mqttmessagefeed.h"

#include "mqttmessagemodel.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <climits>

MqttMessageFeed::MqttMessageFeed(QWidget *parent)
    : QGroupBox(parent)
{
    setObjectName(QStringLiteral("feedGroup"));
    m_feed = new MqttMessageModel(kCapacity, this);
    m_filter = new MqttMessageFilter(this);
    m_filter->setSourceModel(m_feed);
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("feedFilterEdit"));
    m_filterEdit->setClearButtonEnabled(true);
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("feedFormatCombo"));
    m_format->addItem(QString(), int(MqttMessageModel::PayloadFormat::Text));
    m_format->addItem(QString(), int(MqttMessageModel::PayloadFormat::Json));
    m_format->addItem(QString(), int(MqttMessageModel::PayloadFormat::Hex));
    m_pauseButton = new QToolButton(this);
    m_pauseButton->setObjectName(QStringLiteral("pauseButton"));
    m_pauseButton->setCheckable(true);
    m_pauseButton->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    m_pauseButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_clearButton = new QToolButton(this);
    m_clearButton->setObjectName(QStringLiteral("clearFeedButton"));
    m_clearButton->setIcon(style()->standardIcon(QStyle::SP_DialogResetButton));
    m_clearButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *tools = new QHBoxLayout;
    tools->addWidget(m_filterEdit, 1);
    tools->addWidget(m_format);
    tools->addWidget(m_pauseButton);
    tools->addWidget(m_clearButton);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("feedView"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().lineSpacing() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(MqttMessageModel::TimeColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(MqttMessageModel::QosColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(MqttMessageModel::SizeColumn, QHeaderView::ResizeToContents);
    m_view->setColumnWidth(MqttMessageModel::TopicColumn, 170);
    m_detail = new QPlainTextEdit(this);
    m_detail->setObjectName(QStringLiteral("feedDetail"));
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("feedCountLabel"));

    auto *v = new QVBoxLayout(this);
    v->addLayout(tools);
    v->addWidget(split, 1);
    v->addWidget(m_count);

    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &MqttMessageFilter::setTopicFilter);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        m_feed->setFormat(MqttMessageModel::PayloadFormat(m_format->currentData().toInt()));
        showSelectedMessage();
    });
    connect(m_pauseButton, &QToolButton::toggled, this, &MqttMessageFeed::setPaused);
    connect(m_clearButton, &QToolButton::clicked, this, &MqttMessageFeed::clear);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MqttMessageFeed::showSelectedMessage);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &MqttMessageFeed::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &MqttMessageFeed::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &MqttMessageFeed::updateCount);
    retranslate();
}

void MqttMessageFeed::append(const atb::MqttMessage &message)
{
    appendBatch({ message });
}

void MqttMessageFeed::appendBatch(const QList<atb::MqttMessage> &messages)
{
    if (messages.isEmpty())
        return;
    if (m_paused) {
        m_waiting << messages;
        if (m_waiting.size() > kCapacity)
            m_waiting.erase(m_waiting.begin(), m_waiting.begin() + (m_waiting.size() - kCapacity));
        updateCount();
        return;
    }
    const bool follow = !m_view->currentIndex().isValid() || m_view->currentIndex().row() == m_filter->rowCount() - 1;
    m_feed->append(messages);
    if (follow)
        m_view->scrollToBottom();
    updateCount();
}

void MqttMessageFeed::setPaused(bool paused)
{
    if (m_pauseButton->isChecked() != paused)
        m_pauseButton->setChecked(paused); // comes back here through toggled()
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (!paused && !m_waiting.isEmpty()) {
        m_feed->append(m_waiting);
        m_waiting.clear();
        m_view->scrollToBottom();
    }
    m_pauseButton->setIcon(style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    retranslate();
}

void MqttMessageFeed::clear()
{
    m_feed->clear();
    m_waiting.clear();
    m_detail->clear();
    updateCount();
}

void MqttMessageFeed::updateCount()
{
    QString count = tr("%n message(s)", nullptr, m_feed->rowCount());
    if (m_filter->rowCount() != m_feed->rowCount())
        count = tr("%1 shown of %2").arg(m_filter->rowCount()).arg(count);
    if (m_feed->droppedCount() > 0)
        count += tr("; %n older dropped (limit %1)", nullptr, int(qMin<qint64>(m_feed->droppedCount(), INT_MAX)))
                     .arg(m_feed->capacity());
    if (m_paused)
        count += tr("; paused, %n waiting", nullptr, int(m_waiting.size()));
    m_count->setText(count);
}

void MqttMessageFeed::showSelectedMessage()
{
    const QModelIndex i = m_filter->mapToSource(m_view->currentIndex());
    if (!i.isValid()) {
        m_detail->clear();
        return;
    }
    const atb::MqttMessage m = m_feed->message(i.row());
    m_detail->setPlainText(MqttMessageModel::render(m.payload, m_feed->format(), false));
}

void MqttMessageFeed::retranslate()
{
    setTitle(tr("Received messages"));
    m_filterEdit->setPlaceholderText(tr("Filter: text, or topic filter with + #"));
    m_format->setItemText(0, tr("Text"));
    m_format->setItemText(1, tr("JSON"));
    m_format->setItemText(2, tr("Hex"));
    m_pauseButton->setText(m_paused ? tr("Resume") : tr("Pause"));
    m_clearButton->setText(tr("Clear"));
    updateCount();
}
