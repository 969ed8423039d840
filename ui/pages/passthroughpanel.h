#pragma once

#include <QWidget>

namespace atb {
class ConnectionService;
}
class FieldErrors;
class LinkDataView;
class QLabel;
class QLineEdit;
class QPushButton;

// The Connections page's passthrough tab: enter and leave passthrough, raw bytes typed to the
// one open link, and what came back. Why passthrough cannot start shows on one line, in
// `errors` under `scope`.
class PassthroughPanel : public QWidget
{
    Q_OBJECT
public:
    PassthroughPanel(atb::ConnectionService *service, FieldErrors *errors, const QByteArray &scope,
                     QWidget *parent = nullptr);

    // In passthrough: only Leave and the raw row; otherwise Enter when AT commands can be sent.
    void setState(bool passthrough, bool atCommandsPossible);
    // Passthrough is about to start: the raw view starts empty.
    void clearView();
    // Sends the raw row's bytes (in passthrough; Enter in the row does it too).
    void sendRaw();
    void retranslate();

signals:
    void enterRequested();
    void leaveRequested();

private:
    atb::ConnectionService *m_service;
    bool m_passthrough = false;
    QLabel *m_hint;
    QPushButton *m_enter;
    QPushButton *m_leave;
    QLineEdit *m_rawInput;
    QPushButton *m_rawSend;
    LinkDataView *m_rawView;
};
