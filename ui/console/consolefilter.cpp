#include "consolefilter.h"

#include "consolemodel.h"

using atb::LogRecord;

ConsoleFilter::ConsoleFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void ConsoleFilter::setGroups(Groups groups)
{
    if (groups == m_groups)
        return;
    m_groups = groups;
    invalidateFilter();
}

void ConsoleFilter::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

bool ConsoleFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!isFiltering())
        return true;
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto kind = LogRecord::Kind(i.data(ConsoleModel::KindRole).toInt());
    const bool failure = i.data(ConsoleModel::FailureRole).toBool();
    Group g = Rx;
    switch (kind) {
    case LogRecord::Kind::Tx:
    case LogRecord::Kind::TxData: g = Tx; break;
    case LogRecord::Kind::Rx:
    case LogRecord::Kind::Prompt:
    case LogRecord::Kind::RxData: g = Rx; break;
    case LogRecord::Kind::Final: g = failure ? Errors : Rx; break;
    case LogRecord::Kind::Urc: g = Urc; break;
    case LogRecord::Kind::Info: g = failure ? Errors : Notes; break;
    case LogRecord::Kind::Error: g = Errors; break;
    }
    if (!(m_groups & g))
        return false;
    return m_text.isEmpty() || i.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive);
}
