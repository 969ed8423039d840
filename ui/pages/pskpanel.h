#pragma once

#include "services/connectionservice.h"

#include <QPointer>
#include <QWidget>

class FieldErrors;
class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class SecretStore;

// The Connections page's TLS PSK tab: what the module holds (AT+CIPSSLCPSK?, the identity
// masked), the link (5 = all), the PSK identity and hint, "remember in the keychain"
// (SecretStore key "psk/<link>", loaded when the link changes and saved once the module took
// it). Its fields report errors in `errors` under `scope`.
class PskPanel : public QWidget
{
    Q_OBJECT
public:
    // `secrets` may be null (no "remember").
    PskPanel(FieldErrors *errors, const QByteArray &scope, SecretStore *secrets, QWidget *parent = nullptr);

    atb::PskSettings settings() const;
    // The PSK is being sent: remember it (when asked to) once `accepted(true)` follows.
    void sending();
    void accepted(bool ok);
    // What AT+CIPSSLCPSK? (or a set) reported; `known`: it was read at all.
    void setModuleState(const QList<atb::PskState> &psk, bool known);
    void retranslate();

signals:
    void edited();
    void setRequested();
    void readRequested();

private:
    static QString secretKey(int linkId);
    void loadSecret();

    QPointer<SecretStore> m_secrets;
    QString m_pendingKey;
    QString m_pendingPsk;
    QLabel *m_idLabel, *m_pskLabel, *m_hintLabel, *m_stateLabel;
    QLabel *m_state;
    QPushButton *m_read;
    QList<atb::PskState> m_moduleState;
    bool m_known = false;
    QSpinBox *m_id;
    QLineEdit *m_psk;
    QLineEdit *m_hint;
    QCheckBox *m_remember;
    QPushButton *m_set;
};
