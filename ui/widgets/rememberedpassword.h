#pragma once

#include <QObject>
#include <QPointer>

class QCheckBox;
class QLineEdit;
class SecretStore;

// "Remember" for a broker's password, shared by the MQTT page and the MQTT loop view: kept in the
// SecretStore under "mqtt/<host>/<user>", offered again (the password filled in, Remember ticked)
// once host or user name are entered while the password is empty. Never in settings or logs.
class RememberedPassword : public QObject
{
    Q_OBJECT
public:
    // `secrets` may be null (nothing is remembered then).
    RememberedPassword(SecretStore *secrets, QLineEdit *host, QLineEdit *user, QLineEdit *password, QCheckBox *remember,
                       QObject *parent);

    QString key() const;
    // As "Remember" says: saves the password (when there is one), or forgets the stored one.
    void save();

private:
    void load();
    void onLoaded(const QString &key, const QString &secret, bool found);

    QPointer<SecretStore> m_secrets;
    QLineEdit *m_host, *m_user, *m_password;
    QCheckBox *m_remember;
};
