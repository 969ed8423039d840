#include "passthroughpanel.h"

#include "fielderrors.h"
#include "services/connectionservice.h"
#include "widgets/linkdataview.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

PassthroughPanel::PassthroughPanel(atb::ConnectionService *service, FieldErrors *errors, const QByteArray &scope,
                                   QWidget *parent)
    : QWidget(parent), m_service(service)
{
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("passthroughHint"));
    m_hint->setWordWrap(true);
    m_enter = new QPushButton(this);
    m_enter->setObjectName(QStringLiteral("enterPassthroughButton"));
    m_leave = new QPushButton(this);
    m_leave->setObjectName(QStringLiteral("leavePassthroughButton"));
    m_rawInput = new QLineEdit(this);
    m_rawInput->setObjectName(QStringLiteral("rawInput"));
    m_rawInput->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_rawSend = new QPushButton(this);
    m_rawSend->setObjectName(QStringLiteral("rawSendButton"));
    m_rawView = new LinkDataView(this);
    m_rawView->setObjectName(QStringLiteral("rawView"));

    auto *lay = new QVBoxLayout(this);
    lay->addWidget(m_hint);
    auto *row = new QHBoxLayout;
    row->addWidget(m_enter);
    row->addWidget(m_leave);
    row->addStretch(1);
    lay->addLayout(row);
    lay->addWidget(errors->wrap(new QWidget(this), "links", scope, true));
    errors->setFallback("links", scope);
    auto *raw = new QHBoxLayout;
    raw->addWidget(m_rawInput, 1);
    raw->addWidget(m_rawSend);
    lay->addLayout(raw);
    lay->addWidget(m_rawView, 1);

    connect(m_enter, &QPushButton::clicked, this, &PassthroughPanel::enterRequested);
    connect(m_leave, &QPushButton::clicked, this, &PassthroughPanel::leaveRequested);
    connect(m_rawSend, &QPushButton::clicked, this, &PassthroughPanel::sendRaw);
    connect(m_rawInput, &QLineEdit::returnPressed, this, &PassthroughPanel::sendRaw);
    connect(m_service, &atb::ConnectionService::rawDataReceived, m_rawView, &LinkDataView::appendBytes);
    retranslate();
}

void PassthroughPanel::setState(bool passthrough, bool atCommandsPossible)
{
    m_passthrough = passthrough;
    m_enter->setEnabled(atCommandsPossible);
    m_leave->setEnabled(passthrough);
    for (QWidget *w : std::initializer_list<QWidget *> { m_rawInput, m_rawSend }) {
        w->setVisible(passthrough);
        w->setEnabled(passthrough);
    }
}

void PassthroughPanel::clearView()
{
    m_rawView->setBytes(QByteArray());
}

void PassthroughPanel::sendRaw()
{
    const QByteArray bytes = m_rawInput->text().toUtf8();
    if (!m_passthrough || bytes.isEmpty())
        return;
    m_service->sendRaw(bytes);
    m_rawInput->clear();
}

void PassthroughPanel::retranslate()
{
    m_hint->setText(tr("Passthrough sends every byte straight to the one open link. It needs single connection "
                       "mode and exactly one link; CIPMODE=1 is set when needed. Leaving sends \"+++\" alone and "
                       "waits a second before the next command."));
    m_enter->setText(tr("Enter passthrough"));
    m_leave->setText(tr("Leave passthrough"));
    m_rawInput->setPlaceholderText(tr("Raw data (sent as typed, no CR LF)"));
    m_rawSend->setText(tr("Send raw"));
}
