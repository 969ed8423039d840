#include "linkopenform.h"

#include "fielderrors.h"
#include "pagecommon.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScopedValueRollback>
#include <QSpinBox>

namespace {

QLineEdit *portEdit(QWidget *parent, const QString &objectName)
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(objectName);
    // Digits only; the range (1-65535) is checked by the service, with the reason shown.
    e->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,6}")), e));
    e->setMaximumWidth(110);
    return e;
}

} // namespace

LinkOpenForm::LinkOpenForm(FieldErrors *errors, const QByteArray &scope, QWidget *parent)
    : QGroupBox(parent)
{
    setObjectName(QStringLiteral("openBox"));
    m_id = new QSpinBox(this);
    m_id->setObjectName(QStringLiteral("openId"));
    m_id->setRange(0, atb::ConnectionService::kCloseAll); // the firmware's range is checked with the reason
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("openType"));
    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("openHost"));
    m_host->setPlaceholderText(QStringLiteral("192.168.1.10"));
    m_port = portEdit(this, QStringLiteral("openPort"));
    m_keepAlive = new QSpinBox(this);
    m_keepAlive->setObjectName(QStringLiteral("openKeepAlive"));
    setRangeFromCatalog(m_keepAlive, "AT+CIPSTART", "keep_alive", 0, 7200); // 0..7200 s
    m_localPort = portEdit(this, QStringLiteral("openLocalPort"));
    m_localIp = new QLineEdit(this);
    m_localIp->setObjectName(QStringLiteral("openLocalIp"));
    m_localIp->setMaximumWidth(160);
    m_udpMode = new QComboBox(this);
    m_udpMode->setObjectName(QStringLiteral("openUdpMode"));
    m_udpMode->addItems({ QString(), QString(), QString() });
    m_open = new QPushButton(this);
    m_open->setObjectName(QStringLiteral("openButton"));

    m_form = new QFormLayout(this);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto addRow = [&](QLabel *&label, QWidget *field, const QByteArray &param) {
        label = new QLabel(this);
        m_form->addRow(label, errors->wrap(field, param, scope, true));
    };
    addRow(m_idLabel, m_id, "link_id");
    addRow(m_typeLabel, m_type, "type");
    addRow(m_hostLabel, m_host, "remote_host");
    addRow(m_portLabel, m_port, "remote_port");
    addRow(m_keepAliveLabel, m_keepAlive, "keep_alive");
    addRow(m_localPortLabel, m_localPort, "local_port");
    addRow(m_localIpLabel, m_localIp, "local_ip");
    addRow(m_udpModeLabel, m_udpMode, "mode");
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_open);
    m_form->addRow(row);

    auto changed = [this] {
        if (!m_setting)
            emit edited();
    };
    connect(m_id, &QSpinBox::valueChanged, this, changed);
    connect(m_type, &QComboBox::currentIndexChanged, this, [this, changed] {
        updateRows();
        changed();
    });
    connect(m_host, &QLineEdit::textChanged, this, changed);
    connect(m_port, &QLineEdit::textChanged, this, changed);
    connect(m_keepAlive, &QSpinBox::valueChanged, this, changed);
    connect(m_localPort, &QLineEdit::textChanged, this, changed);
    connect(m_localIp, &QLineEdit::textChanged, this, changed);
    connect(m_udpMode, &QComboBox::currentIndexChanged, this, changed);
    connect(m_open, &QPushButton::clicked, this, &LinkOpenForm::openRequested);
    retranslate();
}

atb::LinkOpenSettings LinkOpenForm::settings() const
{
    atb::LinkOpenSettings s;
    s.linkId = m_id->value();
    s.type = m_type->currentText();
    s.host = m_host->text();
    s.remotePort = m_port->text().toInt();
    s.keepAlive = m_keepAlive->value();
    s.localPort = m_localPort->text().toInt();
    if (m_dialect == atb::Dialect::Beken)
        s.localIp = m_localIp->text().trimmed();
    s.udpMode = m_udpMode->currentIndex();
    return s;
}

void LinkOpenForm::setDialect(atb::Dialect dialect, const QStringList &types)
{
    m_dialect = dialect;
    if (m_type->count() != types.size() || m_type->itemText(0) != types.value(0)) {
        const QScopedValueRollback<bool> setting(m_setting, true);
        const QString type = m_type->currentText();
        m_type->clear();
        m_type->addItems(types);
        const int i = types.indexOf(type);
        m_type->setCurrentIndex(i < 0 ? 0 : i);
    }
    updateRows();
}

void LinkOpenForm::updateRows()
{
    const QString type = m_type->currentText();
    const bool udp = type == QLatin1String("UDP") || type == QLatin1String("DTLS");
    const bool beken = m_dialect == atb::Dialect::Beken;
    m_form->setRowVisible(m_keepAlive->parentWidget(), !udp);
    // Beken: a local port makes a TCP/TLS link a server (seed 000 example 2).
    m_form->setRowVisible(m_localPort->parentWidget(), udp || beken);
    m_form->setRowVisible(m_localIp->parentWidget(), beken);
    m_form->setRowVisible(m_udpMode->parentWidget(), udp && !beken);
    m_localPortLabel->setText(udp || !beken ? tr("Local port:") : tr("Local port (server):"));
    m_localPort->setPlaceholderText(udp || !beken ? tr("any") : tr("none: a client link"));
}

void LinkOpenForm::setLinkIdEnabled(bool on)
{
    m_id->setEnabled(on);
}

int LinkOpenForm::linkId() const
{
    return m_id->value();
}

bool LinkOpenForm::isLinkIdEnabled() const
{
    return m_id->isEnabled();
}

void LinkOpenForm::setLinkId(int id, bool edit)
{
    const QScopedValueRollback<bool> setting(m_setting, !edit);
    m_id->setValue(id);
}

void LinkOpenForm::retranslate()
{
    setTitle(tr("Open a link"));
    m_idLabel->setText(tr("Link ID:"));
    m_typeLabel->setText(tr("Type:"));
    m_hostLabel->setText(tr("Remote host:"));
    m_portLabel->setText(tr("Remote port:"));
    m_keepAliveLabel->setText(tr("Keep-alive:"));
    m_localIpLabel->setText(tr("Local IP:"));
    m_localIp->setPlaceholderText(tr("optional, with a local port"));
    m_localIp->setToolTip(tr("Beken: the module's own address for a server link (seed 000 examples 2 and 4)"));
    m_udpModeLabel->setText(tr("UDP peer:"));
    m_keepAlive->setSpecialValueText(tr("off"));
    m_keepAlive->setSuffix(tr(" s"));
    m_udpMode->setItemText(0, tr("fixed (0)"));
    m_udpMode->setItemText(1, tr("may change once (1)"));
    m_udpMode->setItemText(2, tr("may change (2)"));
    m_open->setText(tr("Open"));
    m_open->setToolTip(tr("Open the link (Ctrl+Return)"));
    updateRows();
}
