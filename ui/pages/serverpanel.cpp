#include "serverpanel.h"

#include "fielderrors.h"
#include "pagecommon.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QVBoxLayout>

ServerPanel::ServerPanel(FieldErrors *errors, const QByteArray &scope, QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("serverPanel"));
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("serverState"));
    m_state->setWordWrap(true);
    m_bekenNote = new QLabel(this);
    m_bekenNote->setObjectName(QStringLiteral("serverBekenNote"));
    m_bekenNote->setWordWrap(true);
    m_form = new QWidget(this);
    m_port = new QLineEdit(m_form);
    m_port->setObjectName(QStringLiteral("serverPort"));
    m_port->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,6}")), m_port));
    m_port->setMaximumWidth(110);
    m_type = new QComboBox(m_form);
    m_type->setObjectName(QStringLiteral("serverType"));
    m_type->addItems({ QStringLiteral("TCP"), QStringLiteral("SSL") });
    m_max = new QSpinBox(m_form);
    m_max->setObjectName(QStringLiteral("serverMaxConn"));
    setRangeFromCatalog(m_max, "AT+CIPSERVERMAXCONN", "num", 1, 5);
    m_timeout = new QSpinBox(m_form);
    m_timeout->setObjectName(QStringLiteral("serverTimeout"));
    setRangeFromCatalog(m_timeout, "AT+CIPSTO", "time", 0, 7200);
    m_closeClients = new QCheckBox(m_form);
    m_closeClients->setObjectName(QStringLiteral("serverCloseClients"));
    m_closeClients->setChecked(true);
    m_read = new QPushButton(this);
    m_read->setObjectName(QStringLiteral("serverReadButton"));
    m_start = new QPushButton(this);
    m_start->setObjectName(QStringLiteral("serverStartButton"));
    m_stop = new QPushButton(this);
    m_stop->setObjectName(QStringLiteral("serverStopButton"));
    for (QLabel **l : { &m_stateLabel, &m_portLabel, &m_typeLabel, &m_maxLabel, &m_timeoutLabel })
        *l = new QLabel(this);

    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(m_portLabel, errors->wrap(m_port, "port", scope, true));
    form->addRow(m_typeLabel, errors->wrap(m_type, "type", scope, true));
    form->addRow(m_maxLabel, errors->wrap(m_max, "num", scope, true));
    form->addRow(m_timeoutLabel, errors->wrap(m_timeout, "time", scope, true));
    form->addRow(QString(), m_closeClients);
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_stateLabel);
    stateRow->addWidget(m_state, 1);
    stateRow->addWidget(m_read, 0, Qt::AlignTop);
    auto *buttons = new QHBoxLayout;
    // Why Start or Stop was refused (needs CIPMUX=1, nothing runs, ...), beside the buttons.
    buttons->addWidget(errors->wrap(new QWidget(this), "server", scope, true), 1);
    errors->setFallback("server", scope);
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    auto *lay = new QVBoxLayout(this);
    lay->addLayout(stateRow);
    lay->addWidget(m_bekenNote);
    lay->addWidget(m_form);
    lay->addStretch(1);
    lay->addLayout(buttons);

    auto changed = [this] {
        if (m_setting)
            return;
        m_edited = true;
        emit edited();
    };
    connect(m_port, &QLineEdit::textChanged, this, changed);
    connect(m_type, &QComboBox::currentIndexChanged, this, changed);
    connect(m_max, &QSpinBox::valueChanged, this, changed);
    connect(m_timeout, &QSpinBox::valueChanged, this, changed);
    connect(m_closeClients, &QCheckBox::toggled, this, changed);
    connect(m_read, &QPushButton::clicked, this, &ServerPanel::readRequested);
    connect(m_start, &QPushButton::clicked, this, &ServerPanel::startRequested);
    connect(m_stop, &QPushButton::clicked, this, &ServerPanel::stopRequested);
    setModuleState(atb::ServerState(), atb::ServerSettings());
    retranslate();
}

atb::ServerSettings ServerPanel::settings(bool enabled) const
{
    atb::ServerSettings s;
    s.enabled = enabled;
    s.port = m_port->text().toInt();
    s.type = m_type->currentText();
    s.maxConnections = m_max->value();
    s.timeout = m_timeout->value();
    s.closeClients = m_closeClients->isChecked();
    return s;
}

void ServerPanel::setModuleState(const atb::ServerState &state, const atb::ServerSettings &values)
{
    m_module = state;
    if (!m_edited || state.enabled == 1) {
        const QScopedValueRollback<bool> setting(m_setting, true);
        m_port->setText(QString::number(values.port));
        m_type->setCurrentText(values.type);
        m_max->setValue(values.maxConnections);
        m_timeout->setValue(values.timeout);
        m_edited = false;
    }
    updateState();
}

void ServerPanel::setDialect(atb::Dialect dialect)
{
    m_dialect = dialect;
    const bool esp = dialect == atb::Dialect::Esp;
    m_form->setVisible(esp);
    m_bekenNote->setVisible(!esp);
    for (QWidget *w : std::initializer_list<QWidget *> { m_read, m_start, m_stop, m_stateLabel, m_state })
        w->setVisible(esp);
}

void ServerPanel::updateState()
{
    const atb::ServerState &s = m_module;
    QString text;
    if (s.enabled < 0)
        text = tr("not read yet");
    else if (s.enabled == 0)
        text = tr("no server");
    else
        text = tr("listening on port %1 (%2)").arg(s.port).arg(s.type.isEmpty() ? QStringLiteral("TCP") : s.type);
    QStringList more;
    if (s.maxConnections > 0)
        more << tr("at most %n client(s)", nullptr, s.maxConnections);
    if (s.timeout == 0)
        more << tr("idle clients stay");
    else if (s.timeout > 0)
        more << tr("idle clients closed after %1 s").arg(s.timeout);
    if (!more.isEmpty())
        text += QStringLiteral("; ") + more.join(QStringLiteral(", "));
    m_state->setText(text);
    m_start->setText(s.enabled == 1 ? tr("Update") : tr("Start server"));
}

void ServerPanel::retranslate()
{
    m_stateLabel->setText(tr("Server:"));
    m_portLabel->setText(tr("Port:"));
    m_typeLabel->setText(tr("Type:"));
    m_maxLabel->setText(tr("Max. clients:"));
    m_timeoutLabel->setText(tr("Idle timeout:"));
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("never"));
    m_timeout->setToolTip(tr("AT+CIPSTO: seconds a client may stay silent before the server closes its link"));
    m_max->setToolTip(tr("AT+CIPSERVERMAXCONN: set before the server starts"));
    m_type->setToolTip(tr("SSL needs the server certificate in the module's flash"));
    m_closeClients->setText(tr("Stop also closes the clients' links"));
    m_read->setText(tr("Read"));
    m_read->setToolTip(tr("AT+CIPSERVER?, AT+CIPSERVERMAXCONN?, AT+CIPSTO?"));
    m_stop->setText(tr("Stop server"));
    m_stop->setToolTip(tr("AT+CIPSERVER=0"));
    m_bekenNote->setText(tr("Beken modules have no AT+CIPSERVER. A server is a link: in \"Open a link\" choose "
                            "TCP and give a local port (and the local IP), as in seed 000 example 2; clients then "
                            "arrive on that link."));
    updateState();
}
