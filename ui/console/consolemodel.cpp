#include "consolemodel.h"

#include "protocol/bytetext.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QPalette>

using atb::LogRecord;

ConsoleModel::ConsoleModel(int capacity, QObject *parent)
    : QAbstractListModel(parent), m_capacity(qMax(16, capacity)), m_ring(size_t(m_capacity))
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
        if (i.isValid() && i.row() < m_count)
            lines.append(QJsonObject { { QStringLiteral("kind"), LogRecord::kindName(at(i.row()).kind) },
                                       { QStringLiteral("text"), at(i.row()).text } });
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
    const Line &l = at(row);
    return QDateTime::fromMSecsSinceEpoch(l.timeMs).toString(QStringLiteral("hh:mm:ss.zzz"))
        + QStringLiteral("  ") + kindTag(l.kind) + QStringLiteral("  ") + (m_hex ? hexForm(l.kind, l.text) : l.text);
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
    const Line &l = at(row);
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
    if (!index.isValid() || index.row() >= m_count || index.column() != 0)
        return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole:
        return lineText(row);
    case Qt::ForegroundRole:
        return lineColour(row);
    case KindRole:
        return int(at(row).kind);
    case FailureRole:
        return at(row).failure;
    case TimeRole:
        return at(row).timeMs;
    case TextRole:
        return at(row).text;
    case CommandIdRole:
        return at(row).commandId;
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
    auto toLine = [](const LogRecord &r) {
        Line l;
        l.timeMs = r.timeMs;
        l.kind = r.kind;
        l.failure = r.failure;
        l.commandId = r.commandId;
        l.text = QString::fromUtf8(r.text);
        return l;
    };
    if (n >= m_capacity) {
        beginResetModel();
        for (int i = 0; i < m_capacity; ++i)
            m_ring[size_t(i)] = toLine(records[n - m_capacity + i]);
        m_head = 0;
        m_count = m_capacity;
        endResetModel();
        return;
    }
    const int overflow = m_count + n - m_capacity;
    if (overflow > 0) {
        beginRemoveRows(QModelIndex(), 0, overflow - 1);
        m_head = (m_head + overflow) % m_capacity;
        m_count -= overflow;
        endRemoveRows();
    }
    beginInsertRows(QModelIndex(), m_count, m_count + n - 1);
    for (const LogRecord &r : records) {
        m_ring[size_t((m_head + m_count) % m_capacity)] = toLine(r);
        ++m_count;
    }
    endInsertRows();
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
    for (Line &l : m_ring)
        l = Line();
    m_head = 0;
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
