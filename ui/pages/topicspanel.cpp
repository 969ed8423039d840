#include "topicspanel.h"

#include "widgets/mqttmessagemodel.h"
#include "widgets/throughputplot.h"
#include "widgets/topictreemodel.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

#include <climits>

using atb::BrokerClient;
using atb::BrokerMessage;

namespace {
constexpr int kPlotSlots = 6; // numeric fields plotted at once
}

TopicsPanel::TopicsPanel(BrokerClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new TopicTreeModel(atb::TopicTree::Limits { 10000, 512 }, this))
{
    setObjectName(QStringLiteral("topicsPanel"));
    m_filterLabel = new QLabel(this);
    m_filter = new QLineEdit(QStringLiteral("#"), this);
    m_filter->setObjectName(QStringLiteral("topicFilterEdit"));
    m_qos = new QSpinBox(this);
    m_qos->setObjectName(QStringLiteral("topicQosSpin"));
    m_qos->setRange(0, 2);
    m_subscribe = new QPushButton(this);
    m_subscribe->setObjectName(QStringLiteral("topicSubscribeButton"));
    m_unsubscribe = new QPushButton(this);
    m_unsubscribe->setObjectName(QStringLiteral("topicUnsubscribeButton"));
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("topicClearButton"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("topicSummaryLabel"));
    m_summary->setWordWrap(true);
    auto *tools = new QHBoxLayout;
    tools->addWidget(m_filterLabel);
    tools->addWidget(m_filter, 1);
    tools->addWidget(m_qos);
    tools->addWidget(m_subscribe);
    tools->addWidget(m_unsubscribe);
    tools->addWidget(m_clear);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("topicTree"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true); // a tall tree stays cheap to lay out
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(TopicTreeModel::PayloadColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(TopicTreeModel::TopicColumn, 200);
    m_view->setColumnWidth(TopicTreeModel::MessagesColumn, 80);
    m_view->setColumnWidth(TopicTreeModel::RateColumn, 60);
    m_view->setColumnWidth(TopicTreeModel::QosColumn, 40);
    m_view->setColumnWidth(TopicTreeModel::RetainedColumn, 70);

    m_topicLabel = new QLabel(this);
    m_topicLabel->setObjectName(QStringLiteral("selectedTopicLabel"));
    m_topicLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_topicLabel->setWordWrap(true);
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("topicFormatCombo"));
    for (auto f : { MqttMessageModel::PayloadFormat::Text, MqttMessageModel::PayloadFormat::Json,
                    MqttMessageModel::PayloadFormat::Hex })
        m_format->addItem(QString(), int(f));
    m_payload = new QPlainTextEdit(this);
    m_payload->setObjectName(QStringLiteral("topicPayloadView"));
    m_payload->setReadOnly(true);
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_fieldsLabel = new QLabel(this);
    m_fields = new QListWidget(this);
    m_fields->setObjectName(QStringLiteral("topicFieldsList"));
    m_fields->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    m_plot = new ThroughputPlot(this);
    m_plot->setObjectName(QStringLiteral("fieldPlot"));
    m_plot->setUnit(ThroughputPlot::Unit::Number);
    m_plot->setCapacity(3600);
    m_plot->setTimeSpan(120);
    m_plot->setMinimumHeight(120);
    for (int i = 0; i < kPlotSlots; ++i) {
        m_plot->addSeries(QString());
        m_plot->setSeriesVisible(i, false);
    }

    auto *detail = new QWidget(this);
    auto *dv = new QVBoxLayout(detail);
    dv->setContentsMargins(0, 0, 0, 0);
    auto *head = new QHBoxLayout;
    head->addWidget(m_topicLabel, 1);
    head->addWidget(m_format);
    dv->addLayout(head);
    dv->addWidget(m_payload, 2);
    dv->addWidget(m_fieldsLabel);
    dv->addWidget(m_fields);
    dv->addWidget(m_plot, 3);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_view);
    split->addWidget(detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->addLayout(tools);
    v->addWidget(split, 1);
    v->addWidget(m_summary);

    m_rateClock.start();
    m_plotClock.start();
    m_refresh.setInterval(kRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &TopicsPanel::refresh);
    m_refresh.start();
    connect(m_client, &BrokerClient::messagesReceived, this, &TopicsPanel::onMessages);
    connect(m_subscribe, &QPushButton::clicked, this, &TopicsPanel::subscribe);
    connect(m_unsubscribe, &QPushButton::clicked, this, &TopicsPanel::unsubscribe);
    connect(m_filter, &QLineEdit::returnPressed, this, &TopicsPanel::subscribe);
    connect(m_clear, &QPushButton::clicked, this, &TopicsPanel::clear);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        m_shownMessages = -1;
        showSelected();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &i) {
        selectTopic(m_model->data(i, TopicTreeModel::TopicRole).toString());
    });
    connect(m_fields, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        setFieldPlotted(item->text().section(QLatin1Char(' '), 0, 0), item->checkState() == Qt::Checked);
    });
    connect(m_client, &BrokerClient::subscribed, this, [this](const QString &filter, int, bool ok) {
        if (filter == this->filter())
            note(ok ? tr("Subscribed to %1.").arg(filter) : tr("The broker refused %1.").arg(filter));
    });
    retranslate();
}

QString TopicsPanel::filter() const
{
    return m_filter->text().trimmed();
}

void TopicsPanel::subscribe()
{
    QString error;
    if (!m_client->subscribe(filter(), m_qos->value(), &error))
        note(error);
    else if (!m_client->isConnected())
        note(tr("%1 is sent once AT Bench's client is connected.").arg(filter()));
}

void TopicsPanel::unsubscribe()
{
    m_client->unsubscribe(filter());
    note(tr("Unsubscribed from %1.").arg(filter()));
}

void TopicsPanel::clear()
{
    m_model->clear();
    m_selected.clear();
    m_plot->clear();
    m_fields->clear();
    m_payload->clear();
    m_shownMessages = -1;
    updateSummary();
}

void TopicsPanel::onMessages(const QList<BrokerMessage> &messages)
{
    m_model->tree().add(messages);
    if (m_selected.isEmpty() || m_plotted.isEmpty())
        return;
    // The ticked fields of the selected topic, one point per message.
    const double t = double(m_plotClock.elapsed()) / 1000.0;
    for (const BrokerMessage &m : messages) {
        if (m.topic != m_selected)
            continue;
        const auto fields = atb::numericJsonFields(m.payload);
        for (const auto &[name, value] : fields) {
            const int i = int(m_plotted.indexOf(name));
            if (i >= 0)
                m_plot->append(m_plotSeries.at(i), t, value);
        }
    }
}

void TopicsPanel::refresh()
{
    if (m_rateClock.elapsed() >= 1000) // rates once a second: they need no more
        m_model->tree().updateRates(double(m_rateClock.restart()) / 1000.0);
    m_model->refresh();
    if (!m_selected.isEmpty())
        showSelected();
    updateSummary();
}

void TopicsPanel::selectTopic(const QString &topic)
{
    if (topic == m_selected)
        return;
    m_selected = topic;
    m_plotted.clear();
    m_plotSeries.clear();
    m_plot->clear();
    for (int i = 0; i < kPlotSlots; ++i)
        m_plot->setSeriesVisible(i, false);
    m_fields->clear();
    m_shownMessages = -1;
    const int node = m_model->tree().find(topic);
    if (node > 0) {
        const QModelIndex index = m_model->reveal(node);
        if (m_view->currentIndex() != index) {
            m_view->scrollTo(index); // expands the levels above it
            m_view->setCurrentIndex(index);
        }
    }
    showSelected();
}

void TopicsPanel::showSelected()
{
    const int node = m_model->tree().find(m_selected);
    if (node <= 0) {
        m_topicLabel->setText(tr("Select a topic to see its last payload."));
        m_payload->clear();
        return;
    }
    const atb::TopicTree::Node &n = m_model->tree().node(node);
    if (n.messages == m_shownMessages)
        return;
    m_shownMessages = n.messages;
    QString head = tr("%1 — %n message(s)", nullptr, int(qMin<qint64>(n.messages, INT_MAX))).arg(m_selected);
    if (n.messages) {
        head += tr(", last %n byte(s), QoS %1", nullptr, int(n.lastPayloadSize)).arg(n.lastQos);
        if (n.retained)
            head += tr(", retained");
    }
    m_topicLabel->setText(head);
    const auto format = MqttMessageModel::PayloadFormat(m_format->currentData().toInt());
    QString text = MqttMessageModel::render(n.lastPayload, format, false);
    if (n.lastPayloadSize > n.lastPayload.size())
        text += tr("\n… (the first %1 of %2 bytes are kept)").arg(n.lastPayload.size()).arg(n.lastPayloadSize);
    m_payload->setPlainText(text);
    updateFields(n.lastPayload);
}

void TopicsPanel::updateFields(const QByteArray &payload)
{
    const auto fields = atb::numericJsonFields(payload);
    QStringList names;
    for (const auto &f : fields)
        names << f.first;
    if (names != fieldNames()) {
        const QSignalBlocker block(m_fields);
        m_fields->clear();
        for (const auto &f : fields) {
            auto *item = new QListWidgetItem(QStringLiteral("%1 = %2").arg(f.first).arg(f.second, 0, 'g', 8), m_fields);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(m_plotted.contains(f.first) ? Qt::Checked : Qt::Unchecked);
        }
    } else {
        const QSignalBlocker block(m_fields);
        for (int i = 0; i < fields.size(); ++i)
            m_fields->item(i)->setText(QStringLiteral("%1 = %2").arg(fields[i].first).arg(fields[i].second, 0, 'g', 8));
    }
    m_fieldsLabel->setVisible(!fields.isEmpty());
    m_fields->setVisible(!fields.isEmpty());
    m_plot->setVisible(!fields.isEmpty());
}

QStringList TopicsPanel::fieldNames() const
{
    QStringList names;
    for (int i = 0; i < m_fields->count(); ++i)
        names << m_fields->item(i)->text().section(QLatin1Char(' '), 0, 0);
    return names;
}

void TopicsPanel::setFieldPlotted(const QString &field, bool plotted)
{
    const int i = int(m_plotted.indexOf(field));
    if (plotted && i < 0) {
        if (m_plotted.size() >= kPlotSlots) {
            note(tr("At most %1 fields are plotted at once.").arg(kPlotSlots));
            return;
        }
        int slot = 0;
        while (m_plotSeries.contains(slot))
            ++slot;
        m_plotted << field;
        m_plotSeries << slot;
        m_plot->setSeriesName(slot, field);
        m_plot->setSeriesVisible(slot, true);
    } else if (!plotted && i >= 0) {
        m_plot->setSeriesVisible(m_plotSeries.at(i), false);
        m_plotted.removeAt(i);
        m_plotSeries.removeAt(i);
    }
    for (int r = 0; r < m_fields->count(); ++r)
        if (m_fields->item(r)->text().section(QLatin1Char(' '), 0, 0) == field) {
            const QSignalBlocker block(m_fields);
            m_fields->item(r)->setCheckState(m_plotted.contains(field) ? Qt::Checked : Qt::Unchecked);
        }
}

void TopicsPanel::updateSummary()
{
    const atb::TopicTree &t = m_model->tree();
    QString s = tr("%n topic level(s), ", nullptr, t.nodeCount() - 1)
        + tr("%n message(s) seen", nullptr, int(qMin<qint64>(t.totalMessages(), INT_MAX)));
    if (const int dropped = int(qMin<qint64>(t.droppedMessages(), INT_MAX)))
        s += QStringLiteral(". ")
            + tr("%n message(s) on new topics not shown: the tree holds at most %1 topic levels (last: %2)", nullptr,
                 dropped)
                  .arg(t.limits().maxNodes)
                  .arg(t.lastDroppedTopic());
    if (const int truncated = int(qMin<qint64>(t.truncatedPayloads(), INT_MAX)))
        s += QStringLiteral(". ") + tr("%n payload(s) longer than %1 bytes kept in part", nullptr, truncated)
                                        .arg(t.limits().payloadBytes);
    if (m_client && m_client->droppedMessages())
        s += tr(". %n message(s) dropped while AT Bench was too busy to take them", nullptr,
                int(qMin<qint64>(m_client->droppedMessages(), INT_MAX)));
    m_summary->setText(m_note.isEmpty() ? s : s + QStringLiteral(" — ") + m_note);
}

void TopicsPanel::note(const QString &text)
{
    m_note = text;
    updateSummary();
}

void TopicsPanel::retranslate()
{
    m_filterLabel->setText(tr("Topic filter:"));
    m_filter->setToolTip(tr("+ matches one level, # everything below; # alone: every topic"));
    m_qos->setToolTip(tr("QoS of the subscription"));
    m_subscribe->setText(tr("Subscribe"));
    m_unsubscribe->setText(tr("Unsubscribe"));
    m_clear->setText(tr("Clear"));
    m_format->setItemText(0, tr("Text"));
    m_format->setItemText(1, tr("JSON"));
    m_format->setItemText(2, tr("Hex"));
    m_fieldsLabel->setText(tr("Numeric fields (tick to plot over time):"));
    m_shownMessages = -1;
    showSelected();
    updateSummary();
}
