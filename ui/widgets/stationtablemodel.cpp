#include "stationtablemodel.h"

#include "provisioning/station.h"
#include "theme.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

using atb::Station;
using atb::StationModule;

StationTableModel::StationTableModel(Station *station, QObject *parent) : QAbstractTableModel(parent), m_station(station)
{
    connect(station, &Station::moduleAdded, this, [this](int index) {
        beginInsertRows(QModelIndex(), index - 1, index - 1);
        m_rows = index;
        endInsertRows();
    });
    connect(station, &Station::moduleChanged, this, [this](int index) {
        emit dataChanged(this->index(index - 1, 0), this->index(index - 1, ColumnCount - 1));
    });
    connect(station, &Station::cleared, this, [this] {
        beginResetModel();
        m_rows = 0;
        endResetModel();
    });
    m_rows = station->moduleCount();
}

int StationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_station ? 0 : m_rows;
}

int StationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static QString verdictText(const StationModule &m)
{
    switch (m.state) {
    case StationModule::State::Waiting: return StationTableModel::tr("waiting");
    case StationModule::State::Opening: return StationTableModel::tr("opening");
    case StationModule::State::Running: return StationTableModel::tr("running");
    case StationModule::State::Passed: return StationTableModel::tr("pass");
    case StationModule::State::Failed: return m.removed ? StationTableModel::tr("fail (removed)") : StationTableModel::tr("fail");
    case StationModule::State::Stopped: return StationTableModel::tr("stopped");
    }
    return QString();
}

QVariant StationTableModel::data(const QModelIndex &index, int role) const
{
    if (!m_station || !index.isValid() || index.row() >= m_station->moduleCount())
        return QVariant();
    const StationModule &m = m_station->module(index.row() + 1);
    const int percent = m.finished() && m.state == StationModule::State::Passed
        ? 100
        : (m.stepsTotal > 0 ? qBound(0, 100 * m.stepsDone / m.stepsTotal, 100) : 0);
    if (role == kStateRole)
        return StationModule::stateName(m.state);
    if (role == Qt::UserRole && index.column() == ProgressColumn)
        return percent;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case IndexColumn: return m.index;
        case PortColumn: return m.port;
        case MacColumn: return m.mac;
        case FirmwareColumn: return m.firmware;
        case StepColumn: return m.state == StationModule::State::Failed && !m.error.isEmpty() ? m.error : m.step;
        case ProgressColumn: return QStringLiteral("%1 %").arg(percent);
        case VerdictColumn: return verdictText(m);
        case TimeColumn: return m.elapsedMs > 0 ? tr("%1 s").arg(double(m.elapsedMs) / 1000.0, 0, 'f', 1) : QString();
        default: break;
        }
    }
    if (role == Qt::ToolTipRole && (index.column() == StepColumn || index.column() == VerdictColumn))
        return m.error.isEmpty() ? m.step : m.error;
    if (role == Qt::ForegroundRole && index.column() == VerdictColumn) {
        const ThemeColours colours = ThemeColours::fromPalette(QGuiApplication::palette());
        if (m.state == StationModule::State::Passed)
            return QBrush(colours.ok);
        if (m.state == StationModule::State::Failed)
            return QBrush(colours.error);
    }
    return QVariant();
}

QVariant StationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case IndexColumn: return tr("#");
    case PortColumn: return tr("Port");
    case MacColumn: return tr("MAC");
    case FirmwareColumn: return tr("Firmware");
    case StepColumn: return tr("Step");
    case ProgressColumn: return tr("Progress");
    case VerdictColumn: return tr("Verdict");
    case TimeColumn: return tr("Time");
    default: return QVariant();
    }
}

void StationTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (m_rows > 0)
        emit dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
}
