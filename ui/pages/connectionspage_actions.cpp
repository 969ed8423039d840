// ConnectionsPage: the actions (buttons, shortcuts), each planned by the service first; the
// reason beside its field when the plan says no.
#include "connectionspage.h"

#include "dialogs/messages.h"
#include "linkdatapanel.h"
#include "linkopenform.h"
#include "model/devicemodel.h"
#include "passthroughpanel.h"
#include "pskpanel.h"
#include "serverpanel.h"

#include <QApplication>
#include <QGroupBox>

using atb::ConnectionService;
using atb::Dialect;
using atb::OperationPlan;

// ---- actions -------------------------------------------------------------------------------

void ConnectionsPage::read()
{
    m_action = Action::Read;
    if (refuse(Form::Mode, m_service->planRead()))
        return;
    setStatus(tr("Reading…"), false);
    m_service->read();
}

void ConnectionsPage::applyFromShortcut()
{
    QWidget *f = QApplication::focusWidget();
    auto inside = [f](QWidget *w) { return f && (f == w || w->isAncestorOf(f)); };
    if (inside(m_open))
        openLink();
    else if (inside(m_data))
        sendToLink();
    else if (inside(m_psk))
        setPsk();
    else if (inside(m_passthrough) && m_model->passthrough())
        m_passthrough->sendRaw();
    else if (inside(m_passthrough))
        enterPassthrough();
    else if (inside(m_server))
        startServer();
    else if (inside(m_linksBox))
        closeLink();
    else
        apply();
}

void ConnectionsPage::apply()
{
    selectForm(Form::Mode);
    const atb::ConnectionModeSettings s = modeSettings();
    if (refuse(Form::Mode, m_service->planMode(s)))
        return;
    m_action = Action::Mode;
    setStatus(tr("Applying the connection mode…"), false);
    m_service->applyMode(s);
}

void ConnectionsPage::revert()
{
    load();
    clearAllFieldErrors();
}

void ConnectionsPage::openLink()
{
    selectForm(Form::Open);
    const atb::LinkOpenSettings s = openSettings();
    if (refuse(Form::Open, m_service->planOpen(s)))
        return;
    m_action = Action::Open;
    const QString warning = m_service->planOpen(s).warning;
    setStatus(warning.isEmpty() ? tr("Opening…") : tr("Opening… Note: %1").arg(warning), false);
    if (m_service->open(s).ok()) {
        const int id = (m_model->dialect() == Dialect::Beken || m_service->effectiveMux() == 1) ? s.linkId : 0;
        selectLink(id);
    }
}

void ConnectionsPage::closeLink()
{
    selectForm(Form::Links);
    const OperationPlan p = m_service->planClose(m_selectedLink);
    if (refuse(Form::Links, p))
        return;
    if (!p.warning.isEmpty()) {
        // Beken link 5 is also "all": say what happens and let the user back out.
        if (!m_messages || !m_messages->confirm(tr("Close every link?"), p.warning, tr("Close all links"))) {
            setStatus(tr("Not closed: %1").arg(p.warning), true);
            return;
        }
    }
    m_action = Action::Close;
    m_service->close(m_selectedLink);
}

void ConnectionsPage::closeAllLinks()
{
    selectForm(Form::Links);
    if (refuse(Form::Links, m_service->planClose(ConnectionService::kCloseAll)))
        return;
    m_action = Action::Close;
    m_service->close(ConnectionService::kCloseAll);
}

void ConnectionsPage::sendToLink()
{
    selectForm(Form::Send);
    const atb::LinkSendSettings s = m_data->settings();
    const OperationPlan p = m_service->planSend(s);
    if (refuse(Form::Send, p))
        return;
    m_action = Action::Send;
    setStatus(tr("Sending %n byte(s)…", "", int(p.payloadBytes)), false);
    if (started(m_service->send(s)))
        m_data->sendStarted();
}

void ConnectionsPage::setPsk()
{
    selectForm(Form::Psk);
    const atb::PskSettings s = pskSettings();
    if (refuse(Form::Psk, m_service->planPsk(s)))
        return;
    m_action = Action::Psk;
    m_psk->sending();
    m_service->setPsk(s);
}

void ConnectionsPage::runForm(Form form, const OperationPlan &plan, Action action, const QString &status,
                              const std::function<OperationPlan()> &start)
{
    selectForm(form);
    if (refuse(form, plan))
        return;
    m_action = action;
    setStatus(status, false);
    started(start());
}

void ConnectionsPage::readPsk()
{
    runForm(Form::Psk, m_service->planReadPsk(), Action::Read, tr("Reading the PSKs…"),
            [this] { return m_service->readPsk(); });
}

void ConnectionsPage::startServer()
{
    const atb::ServerSettings s = m_server->settings();
    runForm(Form::Server, m_service->planServer(s), Action::Server, tr("Starting the server…"),
            [this, s] { return m_service->applyServer(s); });
}

void ConnectionsPage::stopServer()
{
    const atb::ServerSettings s = m_server->settings(false);
    runForm(Form::Server, m_service->planServer(s), Action::Server, tr("Stopping the server…"),
            [this, s] { return m_service->applyServer(s); });
}

void ConnectionsPage::readServer()
{
    runForm(Form::Server, m_service->planReadServer(), Action::Read, tr("Reading the server…"),
            [this] { return m_service->readServer(); });
}

void ConnectionsPage::enterPassthrough()
{
    selectForm(Form::Passthrough);
    if (refuse(Form::Passthrough, m_service->planEnterPassthrough()))
        return;
    m_action = Action::Passthrough;
    m_passthrough->clearView();
    setStatus(tr("Entering passthrough…"), false);
    m_service->enterPassthrough();
}

void ConnectionsPage::leavePassthrough()
{
    setStatus(tr("Leaving passthrough (\"+++\", then one second of silence)…"), false);
    m_service->leavePassthrough();
}
