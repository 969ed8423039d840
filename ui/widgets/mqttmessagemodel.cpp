#include "mqttmessagemodel.h"

#include <QJsonDocument>
#include <QLocale>
#include <QStringDecoder>

using atb::MqttMessage;

MqttMessageModel::MqttMessageModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent), m_capacity(qMax(1, capacity))
{
}

void MqttMessageModel::setCapacity(int capacity)
{
    m_capacity = qMax(1, capacity);
    const int excess = int(m_rows.size()) - m_capacity;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
        m_dropped += excess;
        endRemoveRows();
    }
}

void MqttMessageModel::setFormat(PayloadFormat f)
{
    if (f == m_format)
        return;
    m_format = f;
    if (!m_rows.empty())
        emit dataChanged(index(0, PayloadColumn), index(int(m_rows.size()) - 1, PayloadColumn));
}

void MqttMessageModel::append(const MqttMessage &m)
{
    append(QList<MqttMessage> { m });
}

void MqttMessageModel::append(const QList<MqttMessage> &messages)
{
    if (messages.isEmpty())
        return;
    // Only the newest `capacity` of the batch can stay.
    const qsizetype skip = qMax<qsizetype>(0, messages.size() - m_capacity);
    m_dropped += skip;
    const int incoming = int(messages.size() - skip);
    const int excess = int(m_rows.size()) + incoming - m_capacity;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
        m_dropped += excess;
        endRemoveRows();
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + incoming - 1);
    for (qsizetype i = skip; i < messages.size(); ++i)
        m_rows.push_back(messages.at(i));
    endInsertRows();
}

void MqttMessageModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_dropped = 0;
    endResetModel();
}

QString MqttMessageModel::visibleText(const QByteArray &payload, bool singleLine)
{
    QString out;
    out.reserve(payload.size());
    QStringDecoder dec(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    // Decode run by run so invalid bytes can be shown as \xNN instead of U+FFFD.
    qsizetype i = 0;
    while (i < payload.size()) {
        const uchar c = uchar(payload[i]);
        if (c < 0x20 || c == 0x7f) {
            switch (c) {
            case '\r': out += singleLine ? QStringLiteral("\\r") : QStringLiteral("\\r"); break;
            case '\n': out += singleLine ? QStringLiteral("\\n") : QStringLiteral("\\n\n"); break;
            case '\t': out += singleLine ? QStringLiteral("\\t") : QStringLiteral("\t"); break;
            case 0: out += QStringLiteral("\\0"); break;
            default: out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0')); break;
            }
            ++i;
            continue;
        }
        int len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
        bool valid = len > 0 && i + len <= payload.size();
        for (int k = 1; valid && k < len; ++k)
            valid = (uchar(payload[i + k]) & 0xc0) == 0x80;
        QString decoded;
        if (valid) {
            decoded = dec.decode(QByteArrayView(payload).sliced(i, len));
            valid = !dec.hasError() && !decoded.contains(QChar::ReplacementCharacter);
        }
        if (!valid) {
            out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
            ++i;
            dec.resetState();
            continue;
        }
        out += decoded;
        i += len;
    }
    return out;
}

QString MqttMessageModel::render(const QByteArray &payload, PayloadFormat format, bool singleLine)
{
    switch (format) {
    case PayloadFormat::Hex: {
        const QString hex = QString::fromLatin1(payload.toHex(' '));
        if (singleLine)
            return hex;
        QString out;
        for (qsizetype off = 0; off < payload.size(); off += 16) {
            out += QStringLiteral("%1  ").arg(off, 6, 16, QLatin1Char('0'));
            out += QString::fromLatin1(payload.mid(off, 16).toHex(' '));
            out += QLatin1Char('\n');
        }
        return out;
    }
    case PayloadFormat::Json: {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(payload, &err);
        if (err.error == QJsonParseError::NoError && !doc.isNull())
            return QString::fromUtf8(doc.toJson(singleLine ? QJsonDocument::Compact : QJsonDocument::Indented)).trimmed();
        return visibleText(payload, singleLine);
    }
    case PayloadFormat::Text:
        break;
    }
    return visibleText(payload, singleLine);
}

int MqttMessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MqttMessageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MqttMessageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const MqttMessage &m = m_rows.at(size_t(index.row()));
    if (role == PayloadRole)
        return m.payload;
    if (role == TopicRole)
        return m.topic;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn: return m.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        case TopicColumn: return m.topic;
        case QosColumn: return m.qos < 0 ? QStringLiteral("?") : QString::number(m.qos);
        case SizeColumn: return QLocale().toString(m.payload.size());
        case PayloadColumn: {
            // Keep the cell cheap: only the start of long payloads.
            const QByteArray head = m.payload.left(512);
            QString s = render(head, m_format == PayloadFormat::Json ? PayloadFormat::Text : m_format, true);
            if (m_format == PayloadFormat::Json && m.payload.size() <= 4096)
                s = render(m.payload, PayloadFormat::Json, true);
            if (m.payload.size() > head.size() && m_format != PayloadFormat::Json)
                s += QStringLiteral(" …");
            return s;
        }
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == QosColumn)
        return tr("QoS of the matching subscription (the module does not report the message's own QoS)");
    if (role == Qt::TextAlignmentRole && (index.column() == SizeColumn || index.column() == QosColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant MqttMessageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case TopicColumn: return tr("Topic");
    case QosColumn: return tr("QoS");
    case SizeColumn: return tr("Bytes");
    case PayloadColumn: return tr("Payload");
    default: return {};
    }
}

// ---- filter -------------------------------------------------------------------------------

void MqttMessageFilter::setTopicFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

bool MqttMessageFilter::accepts(const QString &filter, const QString &topic)
{
    const QString f = filter.trimmed();
    if (f.isEmpty())
        return true;
    if (f.contains(QLatin1Char('+')) || f.contains(QLatin1Char('#')))
        return atb::MqttService::topicMatches(f, topic);
    return topic.contains(f, Qt::CaseInsensitive);
}

bool MqttMessageFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    return accepts(m_filter, i.data(MqttMessageModel::TopicRole).toString());
}
