#pragma once

#include <QAbstractTableModel>
#include <QPointer>

namespace atb {
class Station;
}

// The rows of a provisioning Station for a table view: one per module, with its identity
// (port, MAC, firmware), step, progress, verdict and time. Follows the station's signals.
class StationTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IndexColumn, PortColumn, MacColumn, FirmwareColumn, StepColumn, ProgressColumn, VerdictColumn,
                  TimeColumn, ColumnCount };
    // ProgressColumn's Qt::UserRole: the percentage (0..100); every column's Qt::UserRole + 1:
    // the module's state name ("running", "pass", "fail", ...).
    static constexpr int kStateRole = Qt::UserRole + 1;

    explicit StationTableModel(atb::Station *station, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The language changed: headers and texts again.
    void retranslate();

private:
    QPointer<atb::Station> m_station;
    int m_rows = 0;
};
