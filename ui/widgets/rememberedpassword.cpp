#include "rememberedpassword.h"

#include "secretstore.h"

#include <QCheckBox>
#include <QLineEdit>

RememberedPassword::RememberedPassword(SecretStore *secrets, QLineEdit *host, QLineEdit *user, QLineEdit *password,
                                       QCheckBox *remember, QObject *parent)
    : QObject(parent), m_secrets(secrets), m_host(host), m_user(user), m_password(password), m_remember(remember)
{
    connect(m_user, &QLineEdit::editingFinished, this, &RememberedPassword::load);
    connect(m_host, &QLineEdit::editingFinished, this, &RememberedPassword::load);
    if (m_secrets)
        connect(m_secrets, &SecretStore::secretLoaded, this, &RememberedPassword::onLoaded);
}

QString RememberedPassword::key() const
{
    return QStringLiteral("mqtt/%1/%2").arg(m_host->text().trimmed(), m_user->text());
}

void RememberedPassword::save()
{
    if (!m_secrets)
        return;
    if (m_remember->isChecked() && !m_password->text().isEmpty())
        m_secrets->save(key(), m_password->text());
    else if (!m_remember->isChecked())
        m_secrets->remove(key());
}

void RememberedPassword::load()
{
    if (m_secrets && m_password->text().isEmpty() && !m_host->text().trimmed().isEmpty())
        m_secrets->load(key());
}

void RememberedPassword::onLoaded(const QString &key, const QString &secret, bool found)
{
    if (!found || key != this->key() || !m_password->text().isEmpty())
        return;
    m_password->setText(secret);
    m_remember->setChecked(true);
}
