// ConsolePage's input side: completion and inline help from the catalog, the data phase after
// '>' (text, hex or a file, its length checked), sending a line and reporting how it ended.
#include "consolepage.h"

#include "console/consolemodel.h"
#include "dialogs/messages.h"
#include "model/devicemodel.h"
#include "pagecommon.h"
#include "protocol/bytetext.h"
#include "protocol/commandcatalog.h"
#include "protocol/errordecoder.h"
#include "widgets/historylineedit.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QStringListModel>

using atb::AtCommand;
using atb::AtResult;
using atb::DeviceSession;

namespace {
const char kOrigin[] = "console";
constexpr int kHelpLines = 7;
} // namespace

QByteArray ConsolePage::payloadFromInput(bool *ok) const
{
    if (m_dataFormat->currentData().toInt() == 1) {
        const atb::ByteText::Decoded hex = atb::ByteText::fromHex(m_input->text());
        *ok = hex.ok();
        return hex.bytes;
    }
    *ok = true;
    return m_input->text().toUtf8();
}

void ConsolePage::updateDataCount()
{
    if (m_promptId == 0)
        return;
    bool ok = false;
    const QByteArray payload = payloadFromInput(&ok);
    QString text;
    if (!ok)
        text = tr("Not valid hex: use pairs of digits such as 48 65 6c 6c 6f.");
    else if (m_promptLength >= 0)
        text = tr("Data phase: %1 of %n byte(s) — type them (text or hex) or send a file, then Enter.", "",
                  int(m_promptLength))
                   .arg(payload.size());
    else
        text = tr("Data phase: %n byte(s) so far — Enter sends them.", "", int(payload.size()));
    m_hint->setText(text);
}

QStringList ConsolePage::completionsFor(const QString &text) const
{
    QStringList out;
    const QString t = text.trimmed();
    if (t.isEmpty() || t.contains(QLatin1Char('=')) || t.contains(QLatin1Char('?')))
        return out;
    const QByteArray prefix = t.toUtf8();
    for (const atb::CommandSpec *spec : atb::CommandCatalog::builtin().completions(prefix, m_deviceModel->dialect()))
        out << QString::fromLatin1(spec->name);
    return out;
}

void ConsolePage::updateCompletions(const QString &text)
{
    if (m_promptId != 0 || m_state == DeviceSession::State::Passthrough) {
        m_completions->setStringList({});
        return;
    }
    const QStringList list = completionsFor(text);
    m_completions->setStringList(list);
    if (list.isEmpty() || (list.size() == 1 && list.first().compare(text.trimmed(), Qt::CaseInsensitive) == 0)) {
        if (m_completer->popup())
            m_completer->popup()->hide();
        return;
    }
    m_completer->complete();
}

void ConsolePage::updateHelp()
{
    const QString text = m_input->text().trimmed();
    if (m_promptId != 0 || m_state == DeviceSession::State::Passthrough || text.isEmpty()) {
        m_help->hide();
        return;
    }
    const atb::CommandCatalog &catalog = atb::CommandCatalog::builtin();
    const QByteArray name = atb::CommandCatalog::commandName(text.toUtf8());
    const atb::CommandSpec *spec = catalog.find(name, m_deviceModel->dialect());
    if (!spec) {
        m_help->hide();
        return;
    }
    const QString help = catalog.helpText(*spec, m_deviceModel->dialect()).trimmed();
    QStringList lines = help.split(QLatin1Char('\n'));
    if (lines.size() > kHelpLines) {
        lines = lines.mid(0, kHelpLines);
        lines << tr("… (hover for the full help)");
    }
    m_help->setText(lines.join(QLatin1Char('\n')));
    m_help->setToolTip(help);
    m_help->show();
}

bool ConsolePage::sendFile(const QString &path)
{
    if (m_promptId == 0)
        return false;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        appendNote(tr("Could not read %1: %2").arg(path, f.errorString()), true);
        return false;
    }
    const qint64 limit = m_promptLength >= 0 ? m_promptLength : 1 << 20;
    const QByteArray payload = f.read(limit + 1);
    if (m_promptLength >= 0 && payload.size() != m_promptLength) {
        appendNote(tr("%1 holds %2 byte(s); the module waits for exactly %n. Nothing was sent.", "",
                      int(m_promptLength))
                       .arg(QDir::toNativeSeparators(path))
                       .arg(f.size()),
                   true);
        return false;
    }
    m_session->providePayload(m_promptId, payload);
    appendNote(tr("Sent %n byte(s) from %1.", "", int(payload.size())).arg(QDir::toNativeSeparators(path)));
    setPromptState(0, -1);
    m_input->clear();
    return true;
}

void ConsolePage::submitInput()
{
    const QString text = m_input->text();
    if (m_state == DeviceSession::State::Passthrough) {
        if (!text.isEmpty())
            m_session->sendRaw(text.toUtf8());
        m_input->clear();
        return;
    }
    if (m_promptId != 0) {
        bool ok = false;
        const QByteArray payload = payloadFromInput(&ok);
        if (!ok) {
            appendNote(tr("The input is not valid hex: use pairs of digits such as 48 65 6c 6c 6f."), true);
            return;
        }
        if (m_promptLength >= 0 && payload.size() != m_promptLength) {
            appendNote(tr("The module waits for exactly %n byte(s); the input holds %1. "
                          "Edit it, or press Esc to cancel the command.", "", int(m_promptLength))
                           .arg(payload.size()),
                       true);
            return;
        }
        m_session->providePayload(m_promptId, payload);
        setPromptState(0, -1);
        m_input->clear();
        return;
    }
    const QString line = text.trimmed();
    if (line.isEmpty())
        return;
    m_input->addToHistory(line);
    qint64 length = -1;
    AtCommand command = AtCommand::fromLine(line.toUtf8(), m_session->dialect() == atb::Dialect::Beken, &length);
    command.origin = QLatin1String(kOrigin);
    if (command.enterPassthrough)
        appendNote(tr("%1 switches the link to passthrough: what you type is then sent as raw data "
                      "until you press \"Leave passthrough\".").arg(line));
    const quint64 id = m_session->submit(command);
    // A refusal (not connected) may already have been reported during submit().
    if (!m_finishedEarly.remove(id))
        m_pending.insert(id, length);
    m_input->clear();
}

void ConsolePage::onPrompt(quint64 id, qint64 expectedLength)
{
    if (!m_pending.contains(id))
        return;
    setPromptState(id, expectedLength);
    const QString text = expectedLength >= 0
        ? tr("The module waits for %n byte(s) of data: type them and press Enter "
             "(sent exactly as typed, without CR LF). Esc cancels.", "", int(expectedLength))
        : tr("The module waits for data: type it and press Enter "
             "(sent exactly as typed, without CR LF). Esc cancels.");
    appendNote(text);
}

void ConsolePage::setPromptState(quint64 id, qint64 length)
{
    m_promptId = id;
    m_promptLength = length;
    if (id == 0) {
        m_hint->hide();
        m_dataFormat->hide();
        m_fromFile->hide();
        m_dataFormat->setCurrentIndex(0);
    } else {
        m_hint->show();
        m_dataFormat->show();
        m_fromFile->setVisible(m_messages != nullptr);
        m_help->hide();
        if (m_completer->popup())
            m_completer->popup()->hide();
    }
    retranslate();
    updateDataCount();
}

void ConsolePage::onFinished(const AtResult &r)
{
    const bool wasPending = m_pending.remove(r.id);
    if (!wasPending && r.command.origin != QLatin1String(kOrigin))
        return;
    if (!wasPending && r.status == AtResult::Status::Refused)
        m_finishedEarly.insert(r.id); // reported from inside submit() (session in this thread)
    if (r.id == m_promptId)
        setPromptState(0, -1);
    switch (r.status) {
    case AtResult::Status::Ok:
        break;
    case AtResult::Status::Error: {
        QString text = tr("%1 failed: %2").arg(QString::fromUtf8(r.command.line), QString::fromUtf8(r.finalText));
        if (!r.errCodes.isEmpty()) {
            QStringList codes;
            for (quint32 c : r.errCodes)
                codes << QStringLiteral("ERR CODE 0x%1").arg(c, 8, 16, QLatin1Char('0'));
            text += QStringLiteral(" (%1)").arg(codes.join(QStringLiteral(", ")));
            text += QStringLiteral(" — ") + atb::describeFailure(r.errCodes);
        }
        appendNote(text, true);
        break;
    }
    case AtResult::Status::Busy:
        appendNote(tr("%1: the module stayed busy after %n attempt(s).", "", r.attempts)
                       .arg(QString::fromUtf8(r.command.line)),
                   true);
        break;
    case AtResult::Status::Refused:
        appendNote(tr("%1 was not sent: %2. Connect first (Ctrl+K).")
                       .arg(QString::fromUtf8(r.command.line), r.message),
                   true);
        break;
    case AtResult::Status::Timeout:
    case AtResult::Status::Cancelled:
    case AtResult::Status::Disconnected:
        // The session log already carries these with the host-side explanation.
        break;
    }
}

