#pragma once

#include <QSortFilterProxyModel>

// What the console shows: a filter by line kind (TX, RX, URC, errors, notes) and by text,
// over the ConsoleModel. Row order is kept (no sorting).
class ConsoleFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum Group { Tx = 0x1, Rx = 0x2, Urc = 0x4, Errors = 0x8, Notes = 0x10, All = 0x1f };
    Q_DECLARE_FLAGS(Groups, Group)

    explicit ConsoleFilter(QObject *parent = nullptr);

    void setGroups(Groups groups);
    Groups groups() const { return m_groups; }
    void setText(const QString &text);
    QString text() const { return m_text; }
    bool isFiltering() const { return m_groups != All || !m_text.isEmpty(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Groups m_groups = All;
    QString m_text;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(ConsoleFilter::Groups)
