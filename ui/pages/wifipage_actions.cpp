// WifiPage: the actions (Apply, Read, Scan, Disconnect, the station address), what their
// results do to the form, the remembered passwords, and the built-in module's hint.
#include "wifipage.h"

#include "secretstore.h"
#include "stationaddressform.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using atb::WifiSettings;

void WifiPage::apply()
{
    if (isBusy())
        return;
    if (!isDirty()) { // the shortcut works while the button is disabled
        setStatus(tr("Nothing to apply."), false);
        return;
    }
    const WifiSettings s = settings();
    const atb::OperationPlan p = m_service->planApply(s);
    m_edited = true;
    if (!showPlanError(p, QByteArray(), true)) {
        setStatus(tr("Nothing was sent: %1").arg(p.error), true);
        return;
    }
    if (p.isEmpty()) {
        setStatus(tr("Nothing to apply."), false);
        return;
    }
    m_pendingSecretSsid = s.ssid;
    m_pendingSecret = s.password;
    m_pendingRemember = m_remember->isChecked();
    m_pendingApply = true;
    if (!started(m_service->apply(s))) {
        m_pendingApply = false;
        m_pendingSecretSsid.clear();
        m_pendingSecret.clear();
    }
}

void WifiPage::read()
{
    started(m_service->read());
}

void WifiPage::scan()
{
    started(m_service->scan());
}

void WifiPage::disconnectFromAp()
{
    started(m_service->disconnectFromAp());
}

void WifiPage::applyAddress()
{
    const atb::OperationPlan p = m_service->planAddress(m_address->settings());
    if (!showPlanError(p, "address", true)) {
        setStatus(tr("Nothing was sent: %1").arg(p.error), true);
        return;
    }
    if (started(m_service->applyAddress(m_address->settings())))
        m_address->load(m_address->settings(), true); // no longer "edited": the module's now
}

void WifiPage::prepareScreenshot()
{
    scan();
}

void WifiPage::setBuiltInAccessPoint(const QString &ssid, const QString &password)
{
    m_simSsid = ssid;
    m_simPassword = password;
    m_simHint->setVisible(!ssid.isEmpty());
    m_simFill->setVisible(!ssid.isEmpty());
    m_simHint->setText(password.isEmpty()
                           ? tr("Built-in simulated module: its access point is \"%1\", an open network.").arg(ssid)
                           : tr("Built-in simulated module: its access point is \"%1\", password \"%2\".")
                                 .arg(ssid, password));
}

void WifiPage::onBusyChanged(bool busy)
{
    setBusy(busy);
    m_disconnect->setEnabled(!busy);
    if (busy)
        setStatus(tr("Working…"), false);
}

void WifiPage::onFinished(const atb::OperationResult &result)
{
    setStatus(result.message, !result.ok);
    const bool wasJoin = !m_pendingSecretSsid.isEmpty();
    const QString ssid = m_pendingSecretSsid;
    const QString secret = m_pendingSecret;
    const bool remember = m_pendingRemember;
    const bool wasApply = m_pendingApply;
    m_pendingApply = false;
    m_pendingSecretSsid.clear();
    m_pendingSecret.clear();
    if (wasJoin && result.ok && m_secrets) {
        if (remember)
            m_secrets->save(secretKey(ssid), secret);
        else
            m_secrets->remove(secretKey(ssid));
    }
    // After a successful Apply the module holds the form's values: reload. After a failure keep
    // the form (fix the password and retry). Read/scan results reload an unedited form only.
    if ((wasApply && result.ok) || !isDirty())
        load();
    else
        markDirty();
}

void WifiPage::requestSecret()
{
    if (!m_secrets || m_ssid->text().isEmpty())
        return;
    m_secrets->load(secretKey(m_ssid->text()));
}

void WifiPage::onSecretLoaded(const QString &key, const QString &secret, bool found)
{
    if (key != secretKey(m_ssid->text()))
        return;
    m_remember->setChecked(found);
    if (found && m_password->text().isEmpty() && m_ssid->text() != m_loadedSsid)
        m_password->setText(secret);
}
