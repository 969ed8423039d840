#include "pskpanel.h"

#include "fielderrors.h"
#include "secretstore.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

using atb::ConnectionService;

PskPanel::PskPanel(FieldErrors *errors, const QByteArray &scope, SecretStore *secrets, QWidget *parent)
    : QWidget(parent), m_secrets(secrets)
{
    m_id = new QSpinBox(this);
    m_id->setObjectName(QStringLiteral("pskId"));
    m_id->setRange(0, ConnectionService::kCloseAll);
    m_id->setValue(ConnectionService::kCloseAll);
    m_psk = new QLineEdit(this);
    m_psk->setObjectName(QStringLiteral("pskEdit"));
    m_psk->setEchoMode(QLineEdit::Password);
    m_hint = new QLineEdit(this);
    m_hint->setObjectName(QStringLiteral("pskHint"));
    m_remember = new QCheckBox(this);
    m_remember->setObjectName(QStringLiteral("pskRemember"));
    m_remember->setVisible(!m_secrets.isNull());
    m_set = new QPushButton(this);
    m_set->setObjectName(QStringLiteral("pskButton"));
    m_read = new QPushButton(this);
    m_read->setObjectName(QStringLiteral("pskReadButton"));
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("pskState"));
    m_state->setWordWrap(true);
    m_state->setTextFormat(Qt::PlainText);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QLabel **l : { &m_idLabel, &m_pskLabel, &m_hintLabel, &m_stateLabel })
        *l = new QLabel(this);
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_state, 1);
    stateRow->addWidget(m_read, 0, Qt::AlignTop);
    form->addRow(m_stateLabel, stateRow);
    form->addRow(m_idLabel, errors->wrap(m_id, "link_id", scope, true));
    form->addRow(m_pskLabel, errors->wrap(m_psk, "psk", scope, true));
    form->addRow(m_hintLabel, errors->wrap(m_hint, "hint", scope, true));
    auto *row = new QHBoxLayout;
    row->addWidget(m_remember);
    row->addStretch(1);
    row->addWidget(m_set);
    form->addRow(row);

    connect(m_id, &QSpinBox::valueChanged, this, [this] {
        loadSecret();
        emit edited();
    });
    connect(m_psk, &QLineEdit::textChanged, this, &PskPanel::edited);
    connect(m_hint, &QLineEdit::textChanged, this, &PskPanel::edited);
    connect(m_set, &QPushButton::clicked, this, &PskPanel::setRequested);
    connect(m_read, &QPushButton::clicked, this, &PskPanel::readRequested);
    if (m_secrets) {
        connect(m_secrets, &SecretStore::secretLoaded, this, [this](const QString &key, const QString &secret, bool found) {
            if (found && key == secretKey(m_id->value()) && m_psk->text().isEmpty())
                m_psk->setText(secret);
        });
    }
    retranslate();
    loadSecret();
}

QString PskPanel::secretKey(int linkId)
{
    return QStringLiteral("psk/%1").arg(linkId);
}

atb::PskSettings PskPanel::settings() const
{
    atb::PskSettings s;
    s.linkId = m_id->value();
    s.psk = m_psk->text();
    s.hint = m_hint->text();
    return s;
}

void PskPanel::loadSecret()
{
    if (!m_secrets)
        return;
    m_psk->clear();
    m_secrets->load(secretKey(m_id->value()));
}

void PskPanel::sending()
{
    m_pendingKey.clear();
    m_pendingPsk.clear();
    if (m_secrets && m_remember->isChecked()) {
        m_pendingKey = secretKey(m_id->value());
        m_pendingPsk = m_psk->text();
    }
}

void PskPanel::accepted(bool ok)
{
    if (ok && !m_pendingKey.isEmpty() && m_secrets)
        m_secrets->save(m_pendingKey, m_pendingPsk);
    m_pendingKey.clear();
    m_pendingPsk.clear();
}

void PskPanel::setModuleState(const QList<atb::PskState> &psk, bool known)
{
    m_moduleState = psk;
    m_known = known;
    QStringList rows;
    for (const atb::PskState &p : psk) {
        // The identity is a secret: its length only, like the session log's mask.
        rows << tr("link %1: identity %2 (%n byte(s)), hint \"%3\"", nullptr, int(p.psk.toUtf8().size()))
                    .arg(p.linkId == ConnectionService::kCloseAll ? tr("5 (all)") : QString::number(p.linkId),
                         QString(qMin<qsizetype>(p.psk.size(), 12), QChar(0x25CF)), p.hint);
    }
    m_state->setText(!known            ? tr("not read yet")
                     : rows.isEmpty() ? tr("none set")
                                      : rows.join(QLatin1Char('\n')));
}

void PskPanel::retranslate()
{
    m_idLabel->setText(tr("Link ID:"));
    m_id->setToolTip(tr("5 = all links"));
    m_pskLabel->setText(tr("PSK identity:"));
    m_hintLabel->setText(tr("Hint:"));
    m_remember->setText(tr("Remember in the keychain"));
    m_set->setText(tr("Set PSK"));
    m_stateLabel->setText(tr("On the module:"));
    m_read->setText(tr("Read"));
    m_read->setToolTip(tr("Ask the module which PSKs are set (AT+CIPSSLCPSK?); the identity stays masked"));
    setModuleState(m_moduleState, m_known);
}
