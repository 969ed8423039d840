#include "linkdatapanel.h"

#include "dialogs/messages.h"
#include "fielderrors.h"
#include "widgets/linkdataview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QStyle>
#include <QVBoxLayout>

#include <utility>

using atb::ConnectionService;
using Format = atb::LinkSendSettings::Format;

LinkDataPanel::LinkDataPanel(ConnectionService *service, FieldErrors *errors, const QByteArray &scope,
                             Messages *messages, QWidget *parent)
    : QGroupBox(parent), m_service(service), m_messages(messages)
{
    setObjectName(QStringLiteral("dataBox"));
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("sendFormat"));
    m_format->addItems({ QString(), QString(), QString() });
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("sendText"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("sendFile"));
    m_browse = new QPushButton(this);
    m_browse->setObjectName(QStringLiteral("browseButton"));
    m_browse->setVisible(false);
    m_crLf = new QCheckBox(this);
    m_crLf->setObjectName(QStringLiteral("sendCrLf"));
    m_send = new QPushButton(this);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setIcon(style()->standardIcon(QStyle::SP_ArrowRight));
    m_peerRow = new QWidget(this);
    m_peerLabel = new QLabel(m_peerRow);
    m_peerHost = new QLineEdit(m_peerRow);
    m_peerHost->setObjectName(QStringLiteral("sendPeerHost"));
    m_peerHost->setClearButtonEnabled(true);
    m_peerPort = new QLineEdit(m_peerRow);
    m_peerPort->setObjectName(QStringLiteral("sendPeerPort"));
    m_peerPort->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,6}")), m_peerPort));
    m_peerPort->setMaximumWidth(90);
    {
        auto *row = new QHBoxLayout(m_peerRow);
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(m_peerLabel);
        row->addWidget(m_peerHost, 1);
        row->addWidget(m_peerPort);
    }
    m_peerRow->hide();
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("sendProgress"));
    m_progress->setRange(0, 100);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_rxTitle = new QLabel(this);
    m_hex = new QCheckBox(this);
    m_hex->setObjectName(QStringLiteral("rxHex"));
    m_counters = new QLabel(this);
    m_counters->setObjectName(QStringLiteral("rxCounters"));
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("rxClear"));
    m_view = new LinkDataView(this);
    m_view->setObjectName(QStringLiteral("rxView"));

    auto *lay = new QVBoxLayout(this);
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_format);
    sendRow->addWidget(m_text, 1);
    sendRow->addWidget(m_file, 1);
    sendRow->addWidget(m_browse);
    sendRow->addWidget(m_crLf);
    sendRow->addWidget(m_send);
    lay->addLayout(sendRow);
    lay->addWidget(errors->wrap(m_peerRow, "remote_host", scope, true, m_peerHost));
    errors->alias("remote_port", "remote_host", scope);
    // One line of reasons under the send row, whichever parameter they are about.
    lay->addWidget(errors->wrap(m_progress, "data", scope, true));
    errors->setFallback("data", scope);
    auto *rxRow = new QHBoxLayout;
    rxRow->addWidget(m_rxTitle);
    rxRow->addStretch(1);
    rxRow->addWidget(m_counters);
    rxRow->addWidget(m_hex);
    rxRow->addWidget(m_clear);
    lay->addLayout(rxRow);
    lay->addWidget(m_view, 1);

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(40); // batch +IPD bursts into one repaint per frame or two
    connect(&m_flushTimer, &QTimer::timeout, this, &LinkDataPanel::flush);

    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        updateSendRow();
        emit edited();
    });
    connect(m_text, &QLineEdit::textChanged, this, &LinkDataPanel::edited);
    connect(m_file, &QLineEdit::textChanged, this, &LinkDataPanel::edited);
    connect(m_crLf, &QCheckBox::toggled, this, &LinkDataPanel::edited);
    connect(m_peerHost, &QLineEdit::textChanged, this, &LinkDataPanel::edited);
    connect(m_peerPort, &QLineEdit::textChanged, this, &LinkDataPanel::edited);
    connect(m_send, &QPushButton::clicked, this, &LinkDataPanel::sendRequested);
    connect(m_text, &QLineEdit::returnPressed, this, &LinkDataPanel::sendRequested);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        if (!m_messages)
            return;
        const QString f = m_messages->openFileName(tr("File to send"), QString(), tr("All files (*)"));
        if (!f.isEmpty())
            m_file->setText(f);
    });
    connect(m_hex, &QCheckBox::toggled, this, [this](bool on) {
        flush();
        m_view->setHex(on);
    });
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_service->clearReceived(m_link);
        reload();
    });
    connect(m_service, &ConnectionService::dataReceived, this, &LinkDataPanel::onDataReceived);
    connect(m_service, &ConnectionService::countersChanged, this, [this](int id) {
        if (id == m_link)
            updateCounters();
    });
    connect(m_service, &ConnectionService::sendProgress, this, [this](qint64 done, qint64 total) {
        // Percent, so files above 2 GiB would not overflow the bar's int range either.
        m_progress->setVisible(total > 0);
        m_progress->setValue(total > 0 ? int(done * 100 / total) : 0);
        m_progress->setFormat(tr("%1 of %2 bytes").arg(done).arg(total));
    });
    retranslate();
}

void LinkDataPanel::setLink(int id)
{
    if (id == m_link)
        return;
    m_link = id;
    reload();
}

atb::LinkSendSettings LinkDataPanel::settings() const
{
    atb::LinkSendSettings s;
    s.linkId = m_link;
    s.format = Format(m_format->currentIndex());
    s.text = m_text->text();
    s.filePath = m_file->text();
    s.appendCrLf = s.format == Format::Text && m_crLf->isChecked();
    if (m_peerRow->isVisibleTo(this)) {
        s.remoteHost = m_peerHost->text().trimmed();
        s.remotePort = m_peerPort->text().toInt();
    }
    return s;
}

void LinkDataPanel::setUdp(bool udp)
{
    m_peerRow->setVisible(udp);
}

void LinkDataPanel::setSendEnabled(bool on)
{
    for (QWidget *w : std::initializer_list<QWidget *> { m_format, m_text, m_file, m_browse, m_crLf, m_send, m_peerRow })
        w->setEnabled(on);
}

void LinkDataPanel::sendStarted()
{
    m_progress->setValue(0);
    m_progress->setVisible(true);
    if (settings().format != Format::File)
        m_text->clear();
}

void LinkDataPanel::sendFinished()
{
    m_progress->setVisible(false);
}

void LinkDataPanel::updateSendRow()
{
    const auto f = Format(m_format->currentIndex());
    m_text->setVisible(f != Format::File);
    m_file->setVisible(f == Format::File);
    m_browse->setVisible(f == Format::File && m_messages);
    m_crLf->setVisible(f == Format::Text);
    m_text->setPlaceholderText(f == Format::Hex ? tr("Hex bytes, e.g. 48 65 6c 6c 6f") : tr("Text to send (UTF-8)"));
}

void LinkDataPanel::updateCounters()
{
    m_counters->setText(
        tr("%1 bytes received, %2 sent").arg(m_service->receivedTotal(m_link)).arg(m_service->sentTotal(m_link)));
}

void LinkDataPanel::showEvent(QShowEvent *event)
{
    QGroupBox::showEvent(event);
    if (m_stale)
        reload();
}

void LinkDataPanel::reload()
{
    m_stale = false;
    m_pending.clear();
    setTitle(tr("Data of link %1").arg(m_link));
    m_view->setBytes(m_service->received(m_link));
    updateCounters();
}

void LinkDataPanel::onDataReceived(int linkId, const QByteArray &bytes)
{
    if (linkId != m_link)
        return;
    if (bytes.isEmpty()) { // cleared
        reload();
        return;
    }
    m_pending += bytes;
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void LinkDataPanel::flush()
{
    if (m_pending.isEmpty())
        return;
    const QByteArray chunk = std::exchange(m_pending, QByteArray());
    if (!isVisible()) {
        // Nothing to draw on a page that is not shown: catch up from the service when it is.
        m_stale = true;
        return;
    }
    m_view->appendBytes(chunk); // the view keeps its newest bytes and trims the oldest
}

void LinkDataPanel::retranslate()
{
    m_format->setItemText(0, tr("Text"));
    m_format->setItemText(1, tr("Hex"));
    m_format->setItemText(2, tr("File"));
    m_file->setPlaceholderText(tr("Path of the file to send"));
    m_browse->setText(tr("Browse…"));
    m_crLf->setText(tr("+CR LF"));
    m_crLf->setToolTip(tr("Append CR LF to the text"));
    m_send->setText(tr("Send"));
    m_peerLabel->setText(tr("To (UDP):"));
    m_peerHost->setPlaceholderText(tr("the link's own peer; or another host"));
    m_peerHost->setToolTip(tr("UDP only: send these datagrams to another host and port "
                              "(AT+CIPSEND=<id>,<length>,\"host\",port)"));
    m_peerPort->setPlaceholderText(tr("port"));
    m_rxTitle->setText(tr("Received:"));
    m_hex->setText(tr("Hex"));
    m_clear->setText(tr("Clear"));
    updateSendRow();
    reload();
}
