#include "loopsettingsform.h"

#include "fielderrors.h"
#include "theme.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>

using atb::LoopSettings;
using Content = LoopSettings::Content;

LoopSettingsForm::LoopSettingsForm(FieldErrors *errors, QWidget *parent) : QGroupBox(parent)
{
    setObjectName(QStringLiteral("loopSettingsGroup"));
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("loopModeCombo"));
    m_mode->addItem(QString(), false);
    m_mode->addItem(QString(), true);
    m_count = new QSpinBox(this);
    m_count->setObjectName(QStringLiteral("loopCountSpin"));
    m_count->setRange(1, 1000000);
    m_rate = new QDoubleSpinBox(this);
    m_rate->setObjectName(QStringLiteral("loopRateSpin"));
    m_rate->setRange(0.1, 1000);
    m_rate->setDecimals(1);
    m_size = new QSpinBox(this);
    m_size->setObjectName(QStringLiteral("loopSizeSpin"));
    m_size->setRange(1, LoopSettings::kMaxSize); // below the header size is checked with a reason
    m_qos = new QSpinBox(this);
    m_qos->setObjectName(QStringLiteral("loopQosSpin"));
    m_qos->setRange(0, 2);
    m_content = new QComboBox(this);
    m_content->setObjectName(QStringLiteral("loopContentCombo"));
    for (Content c : { Content::Text, Content::Special, Content::Binary })
        m_content->addItem(QString(), int(c));
    m_prefix = new QLineEdit(this);
    m_prefix->setObjectName(QStringLiteral("loopTopicEdit"));
    m_connectModule = new QPushButton(this);
    m_connectModule->setObjectName(QStringLiteral("connectModuleButton"));
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("verdictLabel"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    for (QLabel **l : { &m_modeLabel, &m_countLabel, &m_rateLabel, &m_sizeLabel, &m_qosLabel, &m_contentLabel, &m_prefixLabel })
        *l = new QLabel(this);

    auto *g = new QGridLayout(this);
    int col = 0;
    auto add = [&](QLabel *label, QWidget *field, int stretch = 0) {
        g->addWidget(label, 0, col);
        g->addWidget(field, 1, col);
        g->setColumnStretch(col, stretch);
        ++col;
    };
    add(m_modeLabel, m_mode);
    add(m_countLabel, errors->wrap(m_count, "count", kScope));
    add(m_rateLabel, errors->wrap(m_rate, "rate", kScope));
    add(m_sizeLabel, errors->wrap(m_size, "size", kScope));
    add(m_qosLabel, m_qos);
    add(m_contentLabel, m_content);
    add(m_prefixLabel, errors->wrap(m_prefix, "topic", kScope), 1);
    g->addWidget(m_connectModule, 1, col);
    g->addWidget(m_verdict, 2, 0, 1, col + 1);
    errors->setFallback("topic", kScope);

    setSettings([] {
        LoopSettings s;
        s.topicPrefix = LoopSettings::randomPrefix();
        return s;
    }());
    auto changed = [this] {
        m_count->setEnabled(!isContinuous());
        if (!m_setting)
            emit edited();
    };
    connect(m_mode, &QComboBox::currentIndexChanged, this, changed);
    connect(m_content, &QComboBox::currentIndexChanged, this, changed);
    for (QSpinBox *s : { m_count, m_size, m_qos })
        connect(s, &QSpinBox::valueChanged, this, changed);
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_prefix, &QLineEdit::textChanged, this, changed);
    connect(m_connectModule, &QPushButton::clicked, this, &LoopSettingsForm::connectModuleRequested);
    retranslate();
}

bool LoopSettingsForm::isContinuous() const
{
    return m_mode->currentData().toBool();
}

LoopSettings LoopSettingsForm::settings() const
{
    LoopSettings s;
    s.count = isContinuous() ? 0 : m_count->value();
    s.rate = m_rate->value();
    s.size = m_size->value();
    s.qos = m_qos->value();
    s.content = Content(m_content->currentData().toInt());
    s.topicPrefix = m_prefix->text().trimmed();
    // Continuous demos ride out a broker that goes away; one check ends with the loss counted.
    s.brokerLossEndMs = isContinuous() ? 0 : 3000;
    return s;
}

void LoopSettingsForm::setSettings(const LoopSettings &s)
{
    {
        const QScopedValueRollback<bool> setting(m_setting, true);
        m_mode->setCurrentIndex(s.count == 0 ? 1 : 0);
        if (s.count > 0)
            m_count->setValue(s.count);
        m_rate->setValue(s.rate);
        m_size->setValue(s.size);
        m_qos->setValue(s.qos);
        m_content->setCurrentIndex(qMax(0, m_content->findData(int(s.content))));
        m_prefix->setText(s.topicPrefix);
        m_count->setEnabled(s.count != 0);
    }
    emit edited();
}

void LoopSettingsForm::setVerdict(const QString &text, bool passed)
{
    m_verdict->setText(text);
    m_verdict->setVisible(!text.isEmpty());
    const ThemeColours theme = ThemeColours::fromPalette(palette());
    setTextColour(m_verdict, passed ? theme.ok : theme.error);
}

QString LoopSettingsForm::verdict() const
{
    return m_verdict->text();
}

void LoopSettingsForm::retranslate()
{
    setTitle(tr("Loop"));
    m_modeLabel->setText(tr("Mode:"));
    m_mode->setItemText(0, tr("One check"));
    m_mode->setItemText(1, tr("Continuous"));
    m_mode->setToolTip(tr("One check: the count each way, then a verdict. Continuous: until Stop."));
    m_countLabel->setText(tr("Messages each way:"));
    m_rateLabel->setText(tr("Rate:"));
    m_rate->setSuffix(tr(" /s"));
    m_rate->setToolTip(tr("Messages per second in each direction"));
    m_sizeLabel->setText(tr("Size:"));
    m_size->setSuffix(tr(" B"));
    m_size->setToolTip(tr("Payload bytes; the first %1 carry the direction and the sequence number")
                           .arg(LoopSettings::kHeaderSize));
    m_qosLabel->setText(tr("QoS:"));
    m_contentLabel->setText(tr("Payload:"));
    m_content->setItemText(0, tr("Letters and digits"));
    m_content->setItemText(1, tr("With , \" \\ (escaped by AT+MQTTPUB)"));
    m_content->setItemText(2, tr("Binary: CR, LF, NUL (AT+MQTTPUBRAW)"));
    m_prefixLabel->setText(tr("Topic prefix:"));
    m_prefix->setToolTip(tr("The module publishes to PREFIX/up, AT Bench to PREFIX/down"));
    m_connectModule->setText(tr("Connect the module"));
    m_connectModule->setToolTip(tr("Configure the module's MQTT client for this broker and connect it (AT+MQTTUSERCFG, "
                                   "AT+MQTTCONNCFG, AT+MQTTCONN); its Wi-Fi must be up"));
}
