#pragma once

#include "stats/ringbuffer.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>
#include <vector>

// A live rate plot painted with QPainter (no Qt Charts): several series over a time axis,
// units that scale (B/s, kB/s, MB/s), msg/s, ms (latencies) or plain numbers (which may be
// negative), values under the mouse (crosshair and a value box), pause, export to PNG and CSV. Each series keeps a bounded history (ring buffer).
// Redraw cost stays flat as history grows: the visible points are reduced to a min/max pair per
// pixel column before anything is drawn (performance.md G9).
class ThroughputPlot : public QWidget
{
    Q_OBJECT
public:
    enum class Unit { BytesPerSecond, MessagesPerSecond, Milliseconds, Number };

    // One pixel column of decimated data: the extremes of the points that fall into it.
    struct Column
    {
        double min = 0, max = 0;
        int count = 0;
    };

    explicit ThroughputPlot(QWidget *parent = nullptr);

    int addSeries(const QString &name);
    int seriesCount() const { return int(m_series.size()); }
    void setSeriesName(int series, const QString &name);
    QString seriesName(int series) const;
    void setSeriesVisible(int series, bool visible);
    bool isSeriesVisible(int series) const;
    QColor seriesColour(int series) const; // derived from the palette's highlight hue

    // Points held per series (default 36000: 1 h at 10 samples/s); drops the data.
    void setCapacity(qsizetype points);
    qsizetype capacity() const { return m_capacity; }
    // Times must not decrease within a series.
    void append(int series, double tSeconds, double value);
    void clear();
    qsizetype pointCount(int series) const;

    // Width of the visible time window in seconds (0 = everything held). Default 60 s.
    void setTimeSpan(double seconds);
    double timeSpan() const { return m_span; }
    void setUnit(Unit unit);
    Unit unit() const { return m_unit; }

    // While paused the view keeps its time window; data keeps arriving (bounded).
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    // "time_s,<series 1>,<series 2>,..." then one row per distinct time; empty cells where a
    // series has no point at that time. Values in units per second, unscaled.
    QString toCsv() const;
    bool exportCsv(const QString &path, QString *error = nullptr) const;
    bool exportPng(const QString &path, QString *error = nullptr);

    // Min/max per column for points t[i], v[i] (times non-decreasing) within [t0, t1).
    // `at(i)` returns {t, v}. Public for tests and the benchmark.
    template<typename At>
    static void decimate(qsizetype n, At at, double t0, double t1, int columns, std::vector<Column> &out);

    // The text the value box shows for the time under pixel x of the plot area ("" when none).
    QString valueTextAt(int x) const;
    QRect plotArea() const;
    // Visible time window [t0, t1] of the last layout.
    QPair<double, double> timeWindow() const;

    QSize sizeHint() const override { return QSize(640, 300); }
    QSize minimumSizeHint() const override { return QSize(240, 140); }

signals:
    void pausedChanged(bool paused);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Series
    {
        QString name;
        bool visible = true;
        atb::RingBuffer<double> t, v;
    };
    qsizetype lowerBound(const Series &s, double t) const;
    double valueAt(const Series &s, double t, bool *found) const;
    QString formatValue(double v) const;
    double latestTime() const;
    QList<QPair<QPoint, int>> legendLayout(int *height) const; // (top-left, series) per item
    QString legendText(int series) const;

    std::vector<Series> m_series;
    qsizetype m_capacity = 36000;
    double m_span = 60;
    Unit m_unit = Unit::BytesPerSecond;
    bool m_paused = false;
    double m_pausedAt = 0;
    int m_hoverX = -1;
    std::vector<Column> m_columns; // reused: no allocation per frame
};

template<typename At>
void ThroughputPlot::decimate(qsizetype n, At at, double t0, double t1, int columns, std::vector<Column> &out)
{
    out.assign(size_t(qMax(columns, 0)), Column());
    if (columns <= 0 || n <= 0 || !(t1 > t0))
        return;
    const double scale = double(columns) / (t1 - t0);
    for (qsizetype i = 0; i < n; ++i) {
        const auto [t, v] = at(i);
        if (t < t0 || t >= t1)
            continue;
        int c = int((t - t0) * scale);
        if (c >= columns)
            c = columns - 1;
        Column &col = out[size_t(c)];
        if (col.count == 0) {
            col.min = col.max = v;
        } else {
            if (v < col.min)
                col.min = v;
            if (v > col.max)
                col.max = v;
        }
        ++col.count;
    }
}
