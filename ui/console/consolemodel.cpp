#include "consolemodel.h"

#include "protocol/bytetext.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QPalette>

using atb::LogRecord;

ConsoleModel::ConsoleModel(int capacity, QObject *parent, qsizetype byteBudget)
    : QAbstractListModel(parent), m_capacity(qMax(16, capacity)), m_lines(m_capacity, qMax<qsizetype>(4096, byteBudget))
{
    m_colours = ThemeColours::fromPalette(QPalette());
}

int ConsoleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

Qt::ItemFlags ConsoleModel::flags(const QModelIndex &index) const
{
    return QAbstractListModel::flags(index) | (index.isValid() ? Qt::ItemIsDragEnabled : Qt::NoItemFlags);
}

QStringList ConsoleModel::mimeTypes() const
{
    return { linesMimeType(), QStringLiteral("text/plain") };
}

QMimeData *ConsoleModel::mimeData(const QModelIndexList &indexes) const
{
    QModelIndexList rows = indexes;
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QJsonArray lines;
    for (const QModelIndex &i : std::as_const(rows))
        if (i.isValid() && i.row() < m_count && holds(i.row())) {
            const LogRecord r = at(i.row());
            lines.append(QJsonObject { { QStringLiteral("kind"), LogRecord::kindName(r.kind) },
                                       { QStringLiteral("text"), QString::fromUtf8(r.text) } });
        }
    auto *mime = new QMimeData;
    mime->setData(linesMimeType(), QJsonDocument(lines).toJson(QJsonDocument::Compact));
    mime->setText(plainText(rows));
    return mime;
}

QString ConsoleModel::kindTag(LogRecord::Kind kind)
{
    switch (kind) {
    case LogRecord::Kind::Tx: return QStringLiteral("TX ");
    case LogRecord::Kind::TxData: return QStringLiteral("TXD");
    case LogRecord::Kind::Rx: return QStringLiteral("RX ");
    case LogRecord::Kind::Final: return QStringLiteral("RX ");
    case LogRecord::Kind::Urc: return QStringLiteral("URC");
    case LogRecord::Kind::Prompt: return QStringLiteral("RX ");
    case LogRecord::Kind::RxData: return QStringLiteral("RXD");
    case LogRecord::Kind::Info: return QStringLiteral("-- ");
    case LogRecord::Kind::Error: return QStringLiteral("!! ");
    }
    return QStringLiteral("   ");
}

QString ConsoleModel::lineText(int row) const
{
    if (!holds(row))
        return {};
    const LogRecord l = at(row);
    const QString text = QString::fromUtf8(l.text);
    return QDateTime::fromMSecsSinceEpoch(l.timeMs).toString(QStringLiteral("hh:mm:ss.zzz"))
        + QStringLiteral("  ") + kindTag(l.kind) + QStringLiteral("  ") + (m_hex ? hexForm(l.kind, text) : text);
}

QString ConsoleModel::hexForm(LogRecord::Kind kind, const QString &text)
{
    qsizetype start = -1;
    if (kind == LogRecord::Kind::TxData || kind == LogRecord::Kind::RxData) {
        if (text.startsWith(QLatin1Char('['))) {
            start = text.indexOf(QLatin1String("] "));
            if (start >= 0)
                start += 2;
        } else {
            start = text.indexOf(QLatin1Char(',')); // +CIPRECVDATA:<len>,<data>
            if (start >= 0)
                ++start;
        }
    } else if (kind == LogRecord::Kind::Urc) {
        if (text.startsWith(QLatin1String("+IPD"))) {
            start = text.indexOf(QLatin1Char(':'));
            if (start >= 0)
                ++start;
        } else if (text.startsWith(QLatin1String("+MQTTSUBRECV:"))) {
            // +MQTTSUBRECV:<id>,"<topic>",<len>,<data>: the data follows the length field.
            const qsizetype q = text.lastIndexOf(QLatin1Char('"'));
            const qsizetype c1 = q >= 0 ? text.indexOf(QLatin1Char(','), q) : -1;
            const qsizetype c2 = c1 >= 0 ? text.indexOf(QLatin1Char(','), c1 + 1) : -1;
            if (c2 >= 0)
                start = c2 + 1;
        }
    }
    if (start < 0 || start > text.size())
        return text;
    QString tail = text.mid(start);
    QString more;
    const qsizetype ellipsis = tail.indexOf(QStringLiteral("… ("));
    if (ellipsis >= 0) {
        more = QLatin1Char(' ') + tail.mid(ellipsis);
        tail.truncate(ellipsis);
    }
    const atb::ByteText::Decoded bytes = atb::ByteText::unescape(QStringView(tail));
    if (!bytes.ok())
        return text; // not what SessionLog::escapeBytes() writes: shown as it is
    return text.left(start) + QString::fromLatin1(bytes.bytes.toHex(' ')) + more;
}

void ConsoleModel::setHexPayloads(bool on)
{
    if (on == m_hex)
        return;
    m_hex = on;
    if (m_count > 0)
        emit dataChanged(index(0), index(m_count - 1), { Qt::DisplayRole });
}

void ConsoleModel::setHighlight(const QString &term)
{
    if (term == m_highlight)
        return;
    m_highlight = term;
    if (m_count > 0)
        emit dataChanged(index(0), index(m_count - 1), { Qt::BackgroundRole, MatchRole });
}

QColor ConsoleModel::lineColour(int row) const
{
    if (!holds(row))
        return {};
    const LogRecord l = header(row);
    switch (l.kind) {
    case LogRecord::Kind::Tx: return m_colours.tx;
    case LogRecord::Kind::TxData: return m_colours.txData;
    case LogRecord::Kind::Rx: return m_colours.rx;
    case LogRecord::Kind::Final: return l.failure ? m_colours.finalError : m_colours.finalOk;
    case LogRecord::Kind::Urc: return m_colours.urc;
    case LogRecord::Kind::Prompt: return m_colours.prompt;
    case LogRecord::Kind::RxData: return m_colours.rxData;
    case LogRecord::Kind::Info: return l.failure ? m_colours.error : m_colours.info;
    case LogRecord::Kind::Error: return m_colours.error;
    }
    return m_colours.rx;
}

QVariant ConsoleModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_count || index.column() != 0 || !holds(index.row()))
        return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole:
        return lineText(row);
    case Qt::ForegroundRole:
        return lineColour(row);
    case KindRole:
        return int(header(row).kind);
    case FailureRole:
        return header(row).failure;
    case TimeRole:
        return header(row).timeMs;
    case TextRole:
        return QString::fromUtf8(at(row).text);
    case CommandIdRole:
        return header(row).commandId;
    case MatchRole:
        return !m_highlight.isEmpty() && lineText(row).contains(m_highlight, Qt::CaseInsensitive);
    case Qt::BackgroundRole:
        if (!m_highlight.isEmpty() && m_highlightColour.isValid() && lineText(row).contains(m_highlight, Qt::CaseInsensitive))
            return m_highlightColour;
        return {};
    default:
        return {};
    }
}

void ConsoleModel::appendRecords(const QList<LogRecord> &records)
{
    const int n = int(records.size());
    if (n == 0)
        return;
    if (n >= m_capacity) {
        beginResetModel();
        for (int i = n - m_capacity; i < n; ++i)
            m_lines.push(records[i]);
        m_firstSerial = m_lines.firstSerial();
        m_count = int(m_lines.size());
        endResetModel();
        return;
    }
    for (const LogRecord &r : records)
        m_lines.push(r);
    // The rows whose records the ring dropped (to the count or the byte budget) go first...
    const int gone = int(qMin<quint64>(quint64(m_count), m_lines.firstSerial() > m_firstSerial ? m_lines.firstSerial() - m_firstSerial : 0));
    if (gone > 0) {
        beginRemoveRows(QModelIndex(), 0, gone - 1);
        m_count -= gone;
        m_firstSerial += quint64(gone);
        endRemoveRows();
    }
    if (m_count == 0) // records of this batch may have gone too
        m_firstSerial = m_lines.firstSerial();
    // ...then the batch's records still held come in as new rows.
    const int added = int(m_lines.endSerial() - (m_firstSerial + quint64(m_count)));
    if (added > 0) {
        beginInsertRows(QModelIndex(), m_count, m_count + added - 1);
        m_count += added;
        endInsertRows();
    }
}

void ConsoleModel::appendNote(const QString &text, bool problem)
{
    LogRecord r;
    r.timeMs = QDateTime::currentMSecsSinceEpoch();
    r.kind = problem ? LogRecord::Kind::Error : LogRecord::Kind::Info;
    r.failure = problem;
    r.text = text.toUtf8();
    appendRecords({ r });
}

void ConsoleModel::clear()
{
    beginResetModel();
    m_lines.clear();
    m_firstSerial = m_lines.endSerial();
    m_count = 0;
    endResetModel();
}

void ConsoleModel::setColours(const ThemeColours &colours)
{
    m_colours = colours;
    if (m_count > 0)
        emit dataChanged(index(0), index(m_count - 1), { Qt::ForegroundRole });
}

QString ConsoleModel::plainText(const QModelIndexList &rows) const
{
    QList<int> sorted;
    for (const QModelIndex &i : rows)
        if (i.isValid() && i.row() < m_count)
            sorted << i.row();
    std::sort(sorted.begin(), sorted.end());
    QStringList out;
    for (int r : sorted)
        out << lineText(r);
    return out.join(QLatin1Char('\n'));
}
