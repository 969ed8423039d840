#pragma once

#include "formpage.h"
#include "services/connectionservice.h"

#include <QHash>
#include <QPointer>
#include <QTimer>

namespace atb {
class DeviceModel;
}
class LinkDataView;
class LinkTableModel;
class Messages;
class SecretStore;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;
class QTabWidget;

// Connections (TCP/UDP/TLS/DTLS): CIPMUX/CIPMODE, the live link table, open/close, send to a
// link (text, hex or a file, chunked by the service), received data per link, passthrough with
// an unmistakable badge, and the TLS PSK. Every action builds a settings struct and calls one
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
    enum class Form { Mode, Links, Open, Send, Psk, Passthrough };

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
    void enterPassthrough();
    void leavePassthrough();
    void sendRaw();

protected:
    void retranslate() override;
    void updatePreview() override;
    void updateButtons() override;
    // Ctrl+Return: the form that has the focus (the connection mode otherwise).
    void applyFromShortcut() override;

private:
    QLabel *buildBadge();
    QGroupBox *buildModeBox();
    QGroupBox *buildLinksBox();
    QGroupBox *buildOpenBox();
    QGroupBox *buildDataBox();
    QTabWidget *buildSideTabs();
    void connectInputs();
    QLabel *addFormRow(QFormLayout *form, QWidget *field, Form f, const QByteArray &param);
    void markDirty();
    void selectForm(Form f);
    void updateModeHint();
    void updateOpenRows();
    void updateSendRows();
    void updateBadge();
    void reloadLinks();
    void reloadReceived();
    void flushReceived();
    // Shows why the plan of `form` cannot run (beside its field and in the status line); true then.
    bool refuse(Form form, const atb::OperationPlan &plan);
    void onFinished(const atb::OperationResult &result);
    void onDataReceived(int linkId, const QByteArray &bytes);
    void onPskLinkChanged();
    atb::OperationPlan plan(Form form) const;
    static QByteArray scope(Form form);
    QString browseFile();

    atb::DeviceModel *m_model;
    atb::ConnectionService *m_service;
    QPointer<SecretStore> m_secrets;
    QPointer<Messages> m_messages;

    Form m_form = Form::Mode;
    int m_selectedLink = 0;
    bool m_loading = false;
    enum class Action { None, Mode, Open, Close, Send, Psk, Read, Passthrough } m_action = Action::None;
    QString m_pendingPskKey;
    QString m_pendingPsk;
    QByteArray m_pendingRx; // received for the selected link, not yet shown
    QTimer m_rxTimer;

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
    // Open
    QGroupBox *m_openBox;
    QFormLayout *m_openForm;
    QSpinBox *m_openId;
    QComboBox *m_openType;
    QLineEdit *m_openHost;
    QLineEdit *m_openPort;
    QSpinBox *m_openKeepAlive;
    QLineEdit *m_openLocalPort;
    QComboBox *m_openUdpMode;
    QPushButton *m_openButton;
    // Send + received
    QGroupBox *m_dataBox;
    QComboBox *m_sendFormat;
    QLineEdit *m_sendText;
    QLineEdit *m_sendFile;
    QPushButton *m_browseButton;
    QCheckBox *m_sendCrLf;
    QPushButton *m_sendButton;
    QProgressBar *m_sendProgress;
    QLabel *m_rxTitle;
    QCheckBox *m_rxHex;
    QLabel *m_rxCounters;
    QPushButton *m_rxClear;
    LinkDataView *m_rxView;
    // Tabs: passthrough, PSK
    QTabWidget *m_tabs;
    QWidget *m_ptTab;
    QLabel *m_ptHint;
    QPushButton *m_enterPtButton;
    QPushButton *m_leavePtButton;
    QLineEdit *m_rawInput;
    QPushButton *m_rawSendButton;
    LinkDataView *m_rawView;
    QWidget *m_pskTab;
    QFormLayout *m_pskForm;
    QSpinBox *m_pskId;
    QLineEdit *m_pskEdit;
    QLineEdit *m_pskHint;
    QCheckBox *m_pskRemember;
    QPushButton *m_pskButton;

    QHash<QWidget *, QLabel *> m_formLabels; // field -> its form label, for retranslation
};
