#pragma once

#include "services/connectionservice.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

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
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class QTabWidget;

// Connections (TCP/UDP/TLS/DTLS): CIPMUX/CIPMODE, the live link table, open/close, send to a
// link (text, hex or a file, chunked by the service), received data per link, passthrough with
// an unmistakable badge, and the TLS PSK. Every action builds a settings struct and calls one
// ConnectionService method; validation errors show beside the field before anything is sent.
class ConnectionsPage : public QWidget
{
    Q_OBJECT
public:
    // secrets and messages may be null (tests).
    ConnectionsPage(atb::DeviceModel *model, atb::ConnectionService *service, SecretStore *secrets = nullptr,
                    Messages *messages = nullptr, QWidget *parent = nullptr);
    // --screenshot: read the links first.
    Q_INVOKABLE void prepareScreenshot();

    // Which form "Show AT" previews and Ctrl+Return applies.
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
    QString fieldError(Form form, const QByteArray &param) const;
    QString statusText() const;
    bool isDirty() const;

public slots:
    void load();
    void read();
    void apply();     // Ctrl+Return: applies the form that has the focus (mode form otherwise)
    void applyMode();
    void revert();
    void openLink();
    void closeLink();
    void closeAllLinks();
    void sendToLink();
    void setPsk();
    void enterPassthrough();
    void leavePassthrough();
    void sendRaw();

protected:
    void changeEvent(QEvent *event) override;

private:
    void build();
    void retranslate();
    void markDirty();
    void setForm(Form f);
    void updatePreview();
    void updateModeHint();
    void updateOpenRows();
    void updateSendRows();
    void updateEnabled();
    void updateBadge();
    void reloadLinks();
    void reloadReceived();
    void flushReceived();
    void clearErrors();
    bool showPlanError(Form form, const atb::OperationPlan &plan);
    void setStatus(const QString &text, bool problem);
    void onFinished(const atb::OperationResult &result);
    void onDataReceived(int linkId, const QByteArray &bytes);
    void onPskLinkChanged();
    static QByteArray errorKey(Form form, const QByteArray &param);
    QWidget *withError(QWidget *field, Form form, const QByteArray &param);
    QString browseFile();

    atb::DeviceModel *m_model;
    atb::ConnectionService *m_service;
    QPointer<SecretStore> m_secrets;
    QPointer<Messages> m_messages;

    Form m_form = Form::Mode;
    int m_selectedLink = 0;
    bool m_loading = false;
    bool m_busy = false;
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
    QPushButton *m_applyButton;
    QPushButton *m_revertButton;
    QPushButton *m_readButton;
    // Links
    QGroupBox *m_linksBox;
    QTableView *m_table;
    LinkTableModel *m_tableModel;
    QPushButton *m_closeButton;
    QPushButton *m_closeAllButton;
    QLabel *m_linksError;
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
    // Status
    QProgressBar *m_busyBar;
    QLabel *m_status;
    QCheckBox *m_showAt;
    QPlainTextEdit *m_atPreview;

    QHash<QByteArray, QLabel *> m_errors;
    QHash<QWidget *, QLabel *> m_formLabels; // field -> its form label, for retranslation
};
