#include "mqttsubscriptionsform.h"

#include "fielderrors.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

MqttSubscriptionsForm::MqttSubscriptionsForm(FieldErrors *errors, QWidget *parent)
    : QWidget(parent)
{
    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("subscriptionTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_topic = new QLineEdit(this);
    m_topic->setObjectName(QStringLiteral("subTopicEdit"));
    m_qos = new QSpinBox(this);
    m_qos->setObjectName(QStringLiteral("subQosSpin"));
    m_qos->setRange(0, 9);
    m_subscribeButton = new QPushButton(this);
    m_subscribeButton->setObjectName(QStringLiteral("subscribeButton"));
    m_unsubscribeButton = new QPushButton(this);
    m_unsubscribeButton->setObjectName(QStringLiteral("unsubscribeButton"));
    m_topicLabel = new QLabel(this);
    m_qosLabel = new QLabel(this);
    auto *qosRow = new QWidget(this);
    auto *ql = new QHBoxLayout(qosRow);
    ql->setContentsMargins(0, 0, 0, 0);
    ql->addWidget(m_qos);
    ql->addStretch(1);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(m_topicLabel, errors->wrap(m_topic, "topic", kScope));
    form->addRow(m_qosLabel, errors->wrap(qosRow, "qos", kScope, false, m_qos));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_unsubscribeButton);
    buttons->addWidget(m_subscribeButton);
    auto *v = new QVBoxLayout(this);
    v->addWidget(m_table, 1);
    v->addLayout(form);
    v->addLayout(buttons);

    connect(m_topic, &QLineEdit::textChanged, this, &MqttSubscriptionsForm::edited);
    connect(m_qos, &QSpinBox::valueChanged, this, &MqttSubscriptionsForm::edited);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const QList<QTableWidgetItem *> sel = m_table->selectedItems();
        if (!sel.isEmpty()) {
            const int row = sel.first()->row();
            m_topic->setText(m_table->item(row, 0)->text());
            m_qos->setValue(m_table->item(row, 1)->text().toInt());
        }
    });
    connect(m_subscribeButton, &QPushButton::clicked, this, &MqttSubscriptionsForm::subscribeRequested);
    connect(m_unsubscribeButton, &QPushButton::clicked, this, &MqttSubscriptionsForm::unsubscribeRequested);
    retranslate();
}

QString MqttSubscriptionsForm::topic() const
{
    return m_topic->text();
}

int MqttSubscriptionsForm::qos() const
{
    return m_qos->value();
}

void MqttSubscriptionsForm::setSubscriptions(const QList<atb::MqttSubscription> &subscriptions)
{
    const int current = m_table->currentRow();
    const QString selected = current >= 0 && m_table->item(current, 0) ? m_table->item(current, 0)->text() : QString();
    const QSignalBlocker block(m_table);
    m_table->setRowCount(int(subscriptions.size()));
    for (int i = 0; i < subscriptions.size(); ++i) {
        m_table->setItem(i, 0, new QTableWidgetItem(subscriptions[i].topic));
        auto *q = new QTableWidgetItem(QString::number(subscriptions[i].qos));
        q->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(i, 1, q);
        if (subscriptions[i].topic == selected)
            m_table->selectRow(i);
    }
}

void MqttSubscriptionsForm::retranslate()
{
    m_table->setHorizontalHeaderLabels({ tr("Topic"), tr("QoS") });
    m_topicLabel->setText(tr("Topic:"));
    m_qosLabel->setText(tr("QoS:"));
    m_topic->setPlaceholderText(tr("topic or filter with + and #, at most 128 bytes"));
    m_qos->setToolTip(tr("0 at most once, 1 at least once, 2 exactly once"));
    m_subscribeButton->setText(tr("Subscribe"));
    m_subscribeButton->setToolTip(tr("Ctrl+Return"));
    m_unsubscribeButton->setText(tr("Unsubscribe"));
}
