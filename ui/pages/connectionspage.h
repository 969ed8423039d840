#pragma once

#include "formpage.h"
#include "services/connectionservice.h"

#include <QPointer>

namespace atb {
class DeviceModel;
}
class LinkDataPanel;
class LinkOpenForm;
class LinkTableModel;
class Messages;
class PassthroughPanel;
class PskPanel;
class SecretStore;
class ServerPanel;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QTableView;
class QTabWidget;

// Connections (TCP/UDP/TLS/DTLS): CIPMUX/CIPMODE, the live link table, open/close (Beken: server
// links with a local port; closing link 5, which Beken also reads as "all", asks first), send to
// a link (text, hex or a file, chunked by the service; UDP to a chosen peer), received data per
// link, passthrough with an unmistakable badge, the TLS PSK (read back masked) and ESP-AT's
// server (CIPSERVER, CIPSERVERMAXCONN, CIPSTO). Every action builds a settings struct and calls one
// ConnectionService method; validation errors show beside the field before anything is sent.
// The footer's Apply and Revert are the connection mode's; Ctrl+Return applies the form that
// has the focus.
class ConnectionsPage : public FormPage
{
    Q_OBJECT
public:
    // secrets and messages may be null (tests).
    ConnectionsPage(atb::DeviceModel *model, atb::ConnectionService *service, SecretStore *secrets = nullptr,
                    Messages *messages = nullptr, QWidget *parent = nullptr);
    // --screenshot: read the links first.
    void prepareScreenshot() override;

    // Which form "Show AT" previews and Ctrl+Return applies. Each is a scope of the field errors.
    enum class Form { Mode, Links, Open, Send, Psk, Passthrough, Server };

    atb::ConnectionModeSettings modeSettings() const;
    atb::LinkOpenSettings openSettings() const;
    atb::LinkSendSettings sendSettings() const;
    atb::PskSettings pskSettings() const;

    int selectedLink() const { return m_selectedLink; }
    void selectLink(int id);
    Form currentForm() const { return m_form; }
    // The lines the current form would send (what "Show AT" displays, secrets unmasked).
    QList<QByteArray> previewLines() const;
    // The error shown beside a field of a form ("remote_port", "cipmux", ...); empty when none.
    using FormPage::fieldError;
    QString fieldError(Form form, const QByteArray &param) const;
    bool isDirty() const override;

public slots:
    void load();
    void read() override;
    void apply() override; // the connection mode
    void revert() override;
    void openLink();
    void closeLink();
    void closeAllLinks();
    void sendToLink();
    void setPsk();
    void readPsk();
    void startServer();
    void stopServer();
    void readServer();
    void enterPassthrough();
    void leavePassthrough();

protected:
    void retranslate() override;
    void updatePreview() override;
    void updateButtons() override;
    // Ctrl+Return: the form that has the focus (the connection mode otherwise).
    void applyFromShortcut() override;

private:
    enum class Action { None, Mode, Open, Close, Send, Psk, Read, Passthrough, Server };
    QLabel *buildBadge();
    QGroupBox *buildModeBox();
    QGroupBox *buildLinksBox();
    QTabWidget *buildSideTabs();
    void connectInputs();
    void markDirty();
    void selectForm(Form f);
    void updateModeHint();
    void updateBadge();
    void reloadLinks();
    void updatePeerRow();
    // Runs `start` once the form's plan is valid (the reason beside the field otherwise).
    void runForm(Form form, const atb::OperationPlan &plan, Action action, const QString &status,
                 const std::function<atb::OperationPlan()> &start);
    // Shows why the plan of `form` cannot run (beside its field and in the status line); true then.
    bool refuse(Form form, const atb::OperationPlan &plan);
    void onFinished(const atb::OperationResult &result);
    atb::OperationPlan plan(Form form) const;
    static QByteArray scope(Form form);

    atb::DeviceModel *m_model;
    atb::ConnectionService *m_service;
    QPointer<SecretStore> m_secrets;
    QPointer<Messages> m_messages;

    Form m_form = Form::Mode;
    int m_selectedLink = 0;
    bool m_loading = false;
    Action m_action = Action::None;

    QLabel *m_badge;
    // Mode
    QGroupBox *m_modeBox;
    QLabel *m_muxLabel;
    QComboBox *m_muxCombo;
    QLabel *m_modeLabel;
    QComboBox *m_modeCombo;
    QLabel *m_modeHint;
    QCheckBox *m_passiveCheck;
    // Links
    QGroupBox *m_linksBox;
    QTableView *m_table;
    LinkTableModel *m_tableModel;
    QPushButton *m_closeButton;
    QPushButton *m_closeAllButton;
    // Open, data of the selected link, passthrough and PSK tabs
    LinkOpenForm *m_open;
    LinkDataPanel *m_data;
    QTabWidget *m_tabs;
    PassthroughPanel *m_passthrough;
    PskPanel *m_psk;
    ServerPanel *m_server;
};
