#include "throughputplot.h"

#include "stats/throughputmeter.h"

#include <QEvent>
#include <QFile>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QTextStream>
#include <cmath>
#include <map>

namespace {
constexpr int kLeftMargin = 76; // y labels
constexpr int kRightMargin = 12;
constexpr int kTopMargin = 26;    // legend
constexpr int kBottomMargin = 22; // time labels

// 1, 2, 5 x 10^n at or above v.
double niceCeil(double v)
{
    if (v <= 0)
        return 1;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : { 1.0, 2.0, 2.5, 5.0, 10.0 })
        if (m * p >= v * 0.999)
            return m * p;
    return 10 * p;
}

double niceStep(double range, int maxTicks)
{
    const double raw = range / qMax(1, maxTicks);
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : { 1.0, 2.0, 5.0, 10.0 })
        if (m * p >= raw)
            return m * p;
    return 10 * p;
}
} // namespace

ThroughputPlot::ThroughputPlot(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("throughputPlot"));
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

int ThroughputPlot::addSeries(const QString &name)
{
    Series s;
    s.name = name;
    s.t.setCapacity(m_capacity);
    s.v.setCapacity(m_capacity);
    m_series.push_back(std::move(s));
    update();
    return int(m_series.size()) - 1;
}

void ThroughputPlot::setSeriesName(int series, const QString &name)
{
    if (series >= 0 && series < seriesCount()) {
        m_series[size_t(series)].name = name;
        update();
    }
}

QString ThroughputPlot::seriesName(int series) const
{
    return series >= 0 && series < seriesCount() ? m_series[size_t(series)].name : QString();
}

void ThroughputPlot::setSeriesVisible(int series, bool visible)
{
    if (series >= 0 && series < seriesCount()) {
        m_series[size_t(series)].visible = visible;
        update();
    }
}

bool ThroughputPlot::isSeriesVisible(int series) const
{
    return series >= 0 && series < seriesCount() && m_series[size_t(series)].visible;
}

QColor ThroughputPlot::seriesColour(int series) const
{
    // Hues spread from the palette's highlight; brightness chosen against the base colour so
    // the lines read on light and dark themes alike.
    const QColor hl = palette().color(QPalette::Highlight);
    const bool darkBase = palette().color(QPalette::Base).lightness() < 128;
    const int hue = ((hl.hsvHue() < 0 ? 210 : hl.hsvHue()) + series * 137) % 360;
    return QColor::fromHsv(hue, qMax(160, hl.hsvSaturation()), darkBase ? 235 : 185);
}

void ThroughputPlot::setCapacity(qsizetype points)
{
    m_capacity = qMax<qsizetype>(2, points);
    for (Series &s : m_series) {
        s.t.setCapacity(m_capacity);
        s.v.setCapacity(m_capacity);
    }
    update();
}

void ThroughputPlot::append(int series, double tSeconds, double value)
{
    if (series < 0 || series >= seriesCount())
        return;
    Series &s = m_series[size_t(series)];
    s.t.push(tSeconds);
    s.v.push(value);
    if (!m_paused)
        update();
}

void ThroughputPlot::clear()
{
    for (Series &s : m_series) {
        s.t.clear();
        s.v.clear();
    }
    update();
}

qsizetype ThroughputPlot::pointCount(int series) const
{
    return series >= 0 && series < seriesCount() ? m_series[size_t(series)].t.size() : 0;
}

void ThroughputPlot::setTimeSpan(double seconds)
{
    m_span = qMax(0.0, seconds);
    update();
}

void ThroughputPlot::setUnit(Unit unit)
{
    m_unit = unit;
    update();
}

void ThroughputPlot::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    m_pausedAt = latestTime();
    update();
    emit pausedChanged(paused);
}

double ThroughputPlot::latestTime() const
{
    double t = 0;
    bool any = false;
    for (const Series &s : m_series)
        if (!s.t.isEmpty() && (!any || s.t.last() > t)) {
            t = s.t.last();
            any = true;
        }
    return t;
}

QPair<double, double> ThroughputPlot::timeWindow() const
{
    const double t1 = m_paused ? m_pausedAt : latestTime();
    if (m_span > 0)
        return { t1 - m_span, t1 };
    double t0 = t1;
    for (const Series &s : m_series)
        if (!s.t.isEmpty())
            t0 = qMin(t0, s.t.first());
    if (t1 - t0 < 1)
        t0 = t1 - 1;
    return { t0, t1 };
}

QList<QPair<QPoint, int>> ThroughputPlot::legendLayout(int *height) const
{
    // Items flow left to right and wrap, so long (translated) names never clip.
    const QFontMetrics fm(font());
    const int left = kLeftMargin, right = width() - kRightMargin;
    const int rowH = fm.height() + 4;
    int x = left, y = 6;
    QList<QPair<QPoint, int>> items;
    for (size_t si = 0; si < m_series.size(); ++si) {
        const Series &s = m_series[si];
        if (!s.visible)
            continue;
        const QString label = legendText(int(si));
        const int w = 14 + fm.horizontalAdvance(label);
        if (x > left && x + w > right) {
            x = left;
            y += rowH;
        }
        items << qMakePair(QPoint(x, y), int(si));
        x += w + 16;
    }
    if (height)
        *height = y + rowH + 4;
    return items;
}

QString ThroughputPlot::legendText(int series) const
{
    const Series &s = m_series[size_t(series)];
    return s.name + QStringLiteral(": ") + (s.v.isEmpty() ? QStringLiteral("-") : formatValue(s.v.last()));
}

QRect ThroughputPlot::plotArea() const
{
    int legendHeight = kTopMargin;
    legendLayout(&legendHeight);
    return rect().adjusted(kLeftMargin, qMax(kTopMargin, legendHeight), -kRightMargin, -kBottomMargin);
}

qsizetype ThroughputPlot::lowerBound(const Series &s, double t) const
{
    qsizetype lo = 0, hi = s.t.size();
    while (lo < hi) {
        const qsizetype mid = (lo + hi) / 2;
        if (s.t.at(mid) < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

double ThroughputPlot::valueAt(const Series &s, double t, bool *found) const
{
    // The latest point at or before t.
    qsizetype i = lowerBound(s, t);
    if (i < s.t.size() && s.t.at(i) == t) {
        *found = true;
        return s.v.at(i);
    }
    if (i == 0) {
        *found = false;
        return 0;
    }
    *found = true;
    return s.v.at(i - 1);
}

QString ThroughputPlot::formatValue(double v) const
{
    switch (m_unit) {
    case Unit::MessagesPerSecond: return tr("%1 msg/s").arg(v, 0, 'f', v < 10 ? 1 : 0);
    case Unit::Milliseconds: return tr("%1 ms").arg(v, 0, 'f', v < 10 ? 2 : 1);
    case Unit::Number: return QString::number(v, 'g', 6);
    case Unit::BytesPerSecond: break;
    }
    return atb::ThroughputMeter::formatRate(v);
}

QString ThroughputPlot::valueTextAt(int x) const
{
    const QRect area = plotArea();
    if (x < area.left() || x > area.right() || area.width() <= 0)
        return QString();
    const auto [t0, t1] = timeWindow();
    const double t = t0 + (t1 - t0) * double(x - area.left()) / double(qMax(1, area.width()));
    QStringList lines;
    lines << tr("t = %1 s").arg(t, 0, 'f', 1);
    for (const Series &s : m_series) {
        if (!s.visible)
            continue;
        bool found = false;
        const double v = valueAt(s, t, &found);
        if (found)
            lines << QStringLiteral("%1: %2").arg(s.name, formatValue(v));
    }
    return lines.size() > 1 ? lines.join(QLatin1Char('\n')) : QString();
}

void ThroughputPlot::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QRect area = plotArea();
    if (area.width() < 10 || area.height() < 10)
        return;
    const auto [t0, t1] = timeWindow();
    const int columns = area.width();

    // Scale: the largest visible value decides the unit and the top of the axis.
    double maxV = 0, minV = 0; // the axis always shows 0
    std::vector<std::vector<Column>> decimated(m_series.size());
    for (size_t si = 0; si < m_series.size(); ++si) {
        const Series &s = m_series[si];
        if (!s.visible || s.t.isEmpty())
            continue;
        const qsizetype lo = qMax<qsizetype>(0, lowerBound(s, t0) - 1);
        const qsizetype hi = s.t.size();
        decimate(hi - lo, [&s, lo](qsizetype i) { return std::pair<double, double>(s.t.at(lo + i), s.v.at(lo + i)); },
                 t0, t1 + 1e-9, columns, m_columns);
        for (const Column &c : m_columns)
            if (c.count) {
                maxV = qMax(maxV, c.max);
                minV = qMin(minV, c.min);
            }
        decimated[si].swap(m_columns);
    }
    double divisor = 1;
    QString unit;
    switch (m_unit) {
    case Unit::BytesPerSecond: {
        const auto sc = atb::ThroughputMeter::scaleFor(maxV);
        divisor = sc.divisor;
        unit = sc.unit;
        break;
    }
    case Unit::MessagesPerSecond: unit = tr("msg/s"); break;
    case Unit::Milliseconds: unit = tr("ms"); break;
    case Unit::Number: break;
    }
    const double top = niceCeil(qMax(maxV / divisor, 1e-9)) * divisor;
    const double yMax = maxV > 0 ? top : (minV < 0 ? 0 : divisor);
    // Negative values (plain numbers only) extend the axis below 0.
    const double yMin = minV < 0 ? -niceCeil(-minV / divisor) * divisor : 0;
    const double ySpan = yMax - yMin;

    // Grid and axes.
    const QColor gridColour = pal.color(QPalette::Mid);
    const QColor text = pal.color(QPalette::Text);
    const QFontMetrics fm(font());
    p.setPen(QPen(gridColour, 0, Qt::DotLine));
    const double yStep = niceStep(ySpan / divisor, 4) * divisor;
    for (double y = yMin; y <= yMax + ySpan * 0.0001; y += yStep) {
        const int py = area.bottom() - int(std::lround((y - yMin) / ySpan * area.height()));
        p.setPen(QPen(gridColour, 0, Qt::DotLine));
        p.drawLine(area.left(), py, area.right(), py);
        p.setPen(text);
        const double shown = std::abs(y) < yStep * 1e-6 ? 0.0 : y / divisor;
        const QString label = unit.isEmpty() ? QString::number(shown, 'g', 4)
                                             : QString::number(shown, 'g', 4) + QLatin1Char(' ') + unit;
        p.drawText(QRect(0, py - fm.height() / 2, kLeftMargin - 6, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   label);
    }
    const double tStep = niceStep(t1 - t0, qMax(2, area.width() / 90));
    for (double t = std::ceil(t0 / tStep) * tStep; t <= t1 + 1e-9; t += tStep) {
        const int px = area.left() + int(std::lround((t - t0) / (t1 - t0) * area.width()));
        p.setPen(QPen(gridColour, 0, Qt::DotLine));
        p.drawLine(px, area.top(), px, area.bottom());
        p.setPen(text);
        p.drawText(QRect(px - 40, area.bottom() + 3, 80, fm.height()), Qt::AlignHCenter | Qt::AlignTop,
                   tr("%1 s").arg(t, 0, 'g', 6));
    }
    p.setPen(QPen(gridColour, 0));
    p.drawRect(area.adjusted(0, 0, -1, -1));

    // Data: one vertical stroke per column (its min..max) joined to the next column.
    p.setClipRect(area);
    QPolygonF poly;
    poly.reserve(columns * 2);
    for (size_t si = 0; si < m_series.size(); ++si) {
        const std::vector<Column> &cols = decimated[si];
        if (cols.empty())
            continue;
        poly.clear();
        for (int c = 0; c < columns; ++c) {
            const Column &col = cols[size_t(c)];
            if (!col.count)
                continue;
            const double x = area.left() + c;
            const double yLo = area.bottom() - (col.min - yMin) / ySpan * area.height();
            const double yHi = area.bottom() - (col.max - yMin) / ySpan * area.height();
            poly << QPointF(x, yLo);
            if (col.max != col.min)
                poly << QPointF(x, yHi);
        }
        // A 1-pixel cosmetic pen takes the raster engine's fast line path; a wider pen goes
        // through the stroker, which costs ~100x more on a dense zigzag.
        QPen pen(seriesColour(int(si)), 1);
        pen.setCosmetic(true);
        p.setPen(pen);
        p.drawPolyline(poly);
    }
    p.setClipping(false);

    // Legend with the latest value.
    for (const auto &[pos, si] : legendLayout(nullptr)) {
        const int box = qMin(10, fm.ascent());
        p.fillRect(QRect(pos.x(), pos.y() + (fm.height() - box) / 2, box, box), seriesColour(si));
        p.setPen(text);
        p.drawText(QPoint(pos.x() + 14, pos.y() + fm.ascent()), legendText(si));
    }
    if (m_paused) {
        const QString paused = tr("Paused");
        p.setPen(pal.color(QPalette::HighlightedText));
        const QRect r(area.right() - fm.horizontalAdvance(paused) - 12, area.top() + 4,
                      fm.horizontalAdvance(paused) + 8, fm.height() + 2);
        p.fillRect(r, pal.color(QPalette::Highlight));
        p.drawText(r, Qt::AlignCenter, paused);
    }

    // Crosshair and values under the mouse.
    if (m_hoverX >= area.left() && m_hoverX <= area.right()) {
        p.setPen(QPen(pal.color(QPalette::Dark), 0, Qt::DashLine));
        p.drawLine(m_hoverX, area.top(), m_hoverX, area.bottom());
        const QString box = valueTextAt(m_hoverX);
        if (!box.isEmpty()) {
            const QRect br = fm.boundingRect(QRect(0, 0, 400, 400), Qt::AlignLeft | Qt::TextDontClip, box)
                                 .adjusted(-6, -4, 6, 4);
            QRect r(m_hoverX + 10, area.top() + 8, br.width(), br.height());
            if (r.right() > area.right())
                r.moveRight(m_hoverX - 10);
            p.fillRect(r, pal.color(QPalette::ToolTipBase));
            p.setPen(pal.color(QPalette::Dark));
            p.drawRect(r.adjusted(0, 0, -1, -1));
            p.setPen(pal.color(QPalette::ToolTipText));
            p.drawText(r.adjusted(6, 4, -6, -4), Qt::AlignLeft | Qt::AlignTop, box);
        }
    }
}

void ThroughputPlot::mouseMoveEvent(QMouseEvent *event)
{
    m_hoverX = int(event->position().x());
    update();
}

void ThroughputPlot::leaveEvent(QEvent *event)
{
    m_hoverX = -1;
    update();
    QWidget::leaveEvent(event);
}

void ThroughputPlot::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        update();
    QWidget::changeEvent(event);
}

QString ThroughputPlot::toCsv() const
{
    QString out;
    QTextStream ts(&out);
    ts << "time_s";
    for (const Series &s : m_series) {
        QString n = s.name;
        n.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        ts << ",\"" << n << '"';
    }
    ts << '\n';
    std::map<double, std::vector<double>> rows;
    std::map<double, std::vector<bool>> has;
    const size_t ns = m_series.size();
    for (size_t si = 0; si < ns; ++si) {
        const Series &s = m_series[si];
        for (qsizetype i = 0; i < s.t.size(); ++i) {
            auto &row = rows[s.t.at(i)];
            auto &h = has[s.t.at(i)];
            if (row.empty()) {
                row.assign(ns, 0);
                h.assign(ns, false);
            }
            row[si] = s.v.at(i);
            h[si] = true;
        }
    }
    for (const auto &[t, row] : rows) {
        ts << QString::number(t, 'f', 3);
        const auto &h = has[t];
        for (size_t si = 0; si < ns; ++si) {
            ts << ',';
            if (h[si])
                ts << QString::number(row[si], 'g', 12);
        }
        ts << '\n';
    }
    ts.flush();
    return out;
}

bool ThroughputPlot::exportCsv(const QString &path, QString *error) const
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        if (error)
            *error = f.errorString();
        return false;
    }
    const QByteArray data = toCsv().toUtf8();
    if (f.write(data) != data.size()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

bool ThroughputPlot::exportPng(const QString &path, QString *error)
{
    const int saved = m_hoverX;
    m_hoverX = -1;
    const QPixmap pm = grab();
    m_hoverX = saved;
    if (!pm.save(path, "PNG")) {
        if (error)
            *error = tr("Cannot write %1").arg(path);
        return false;
    }
    return true;
}
