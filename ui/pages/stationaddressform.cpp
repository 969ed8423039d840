#include "stationaddressform.h"

#include "fielderrors.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScopedValueRollback>
#include <QVBoxLayout>

StationAddressForm::StationAddressForm(FieldErrors *errors, const QByteArray &scope, QWidget *parent)
    : QGroupBox(parent)
{
    setObjectName(QStringLiteral("addressBox"));
    m_dhcp = new QRadioButton(this);
    m_dhcp->setObjectName(QStringLiteral("dhcpRadio"));
    m_dhcp->setChecked(true);
    m_fixed = new QRadioButton(this);
    m_fixed->setObjectName(QStringLiteral("fixedAddressRadio"));
    m_fields = new QWidget(this);
    auto field = [this](const char *name) {
        auto *e = new QLineEdit(m_fields);
        e->setObjectName(QLatin1String(name));
        e->setMaxLength(15);
        e->setPlaceholderText(QStringLiteral("192.168.1.50"));
        return e;
    };
    m_ip = field("staticIpEdit");
    m_gateway = field("staticGatewayEdit");
    m_netmask = field("staticNetmaskEdit");
    m_netmask->setPlaceholderText(QStringLiteral("255.255.255.0"));
    m_ipLabel = new QLabel(m_fields);
    m_gatewayLabel = new QLabel(m_fields);
    m_netmaskLabel = new QLabel(m_fields);
    m_unavailable = new QLabel(this);
    m_unavailable->setWordWrap(true);
    m_unavailable->hide();
    m_apply = new QPushButton(this);
    m_apply->setObjectName(QStringLiteral("addressApplyButton"));

    auto *form = new QFormLayout(m_fields);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(m_ipLabel, errors->wrap(m_ip, "ip", scope));
    form->addRow(m_gatewayLabel, errors->wrap(m_gateway, "gateway", scope));
    form->addRow(m_netmaskLabel, errors->wrap(m_netmask, "netmask", scope));
    auto *choice = new QHBoxLayout;
    choice->addWidget(m_dhcp);
    choice->addWidget(m_fixed);
    choice->addStretch(1);
    choice->addWidget(m_apply);
    auto *lay = new QVBoxLayout(this);
    lay->addLayout(choice);
    lay->addWidget(m_fields);
    lay->addWidget(errors->wrap(m_unavailable, "address", scope));
    errors->setFallback("address", scope);

    auto changed = [this] {
        updateRows();
        if (m_setting)
            return;
        m_edited = true;
        emit edited();
    };
    connect(m_fixed, &QRadioButton::toggled, this, changed);
    for (QLineEdit *e : { m_ip, m_gateway, m_netmask })
        connect(e, &QLineEdit::textChanged, this, changed);
    connect(m_apply, &QPushButton::clicked, this, &StationAddressForm::applyRequested);
    updateRows();
}

atb::StationAddressSettings StationAddressForm::settings() const
{
    atb::StationAddressSettings s;
    s.dhcp = m_dhcp->isChecked();
    s.ip = m_ip->text().trimmed();
    s.gateway = m_gateway->text().trimmed();
    s.netmask = m_netmask->text().trimmed();
    return s;
}

void StationAddressForm::load(const atb::StationAddressSettings &s, bool force)
{
    if (m_edited && !force)
        return;
    const QScopedValueRollback<bool> setting(m_setting, true);
    (s.dhcp ? m_dhcp : m_fixed)->setChecked(true);
    if (!s.dhcp) {
        m_ip->setText(s.ip);
        m_gateway->setText(s.gateway);
        m_netmask->setText(s.netmask);
    }
    m_edited = false;
    updateRows();
}

void StationAddressForm::setAvailable(bool on)
{
    for (QWidget *w : std::initializer_list<QWidget *> { m_dhcp, m_fixed, m_fields, m_apply })
        w->setVisible(on);
    m_unavailable->setVisible(!on);
}

void StationAddressForm::updateRows()
{
    m_fields->setEnabled(m_fixed->isChecked());
}

void StationAddressForm::retranslate()
{
    setTitle(tr("Station address"));
    m_dhcp->setText(tr("DHCP"));
    m_dhcp->setToolTip(tr("The access point gives the address (AT+CWDHCP=1,1)"));
    m_fixed->setText(tr("Fixed address"));
    m_fixed->setToolTip(tr("AT+CIPSTA: this address, gateway and netmask; the station's DHCP client turns off"));
    m_ipLabel->setText(tr("IP address:"));
    m_gatewayLabel->setText(tr("Gateway:"));
    m_netmaskLabel->setText(tr("Netmask:"));
    m_gateway->setPlaceholderText(tr("optional, e.g. 192.168.1.1"));
    m_netmask->setPlaceholderText(tr("optional, e.g. 255.255.255.0"));
    m_apply->setText(tr("Set address"));
    m_unavailable->setText(tr("Seed 000 (Beken) has no AT+CIPSTA: the module takes its address from DHCP."));
}
