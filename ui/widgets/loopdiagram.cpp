#include "loopdiagram.h"

#include "theme.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace {

constexpr qreal kMargin = 6;
constexpr qreal kTextRow = 20;

// Point at fraction t (0..1) of the polyline a -> b -> c -> d, by length.
QPointF along(const QPointF pts[4], qreal t)
{
    qreal len[3], total = 0;
    for (int i = 0; i < 3; ++i) {
        len[i] = std::hypot(pts[i + 1].x() - pts[i].x(), pts[i + 1].y() - pts[i].y());
        total += len[i];
    }
    qreal d = qBound<qreal>(0, t, 1) * total;
    for (int i = 0; i < 3; ++i) {
        if (d <= len[i] || i == 2) {
            const qreal f = len[i] > 0 ? qMin<qreal>(1, d / len[i]) : 1;
            return pts[i] + (pts[i + 1] - pts[i]) * f;
        }
        d -= len[i];
    }
    return pts[3];
}

void arrowHead(QPainter &p, const QPointF &tip, qreal dir, qreal size)
{
    const QPointF a(tip.x() - dir * size, tip.y() - size * 0.55);
    const QPointF b(tip.x() - dir * size, tip.y() + size * 0.55);
    QPainterPath path;
    path.moveTo(tip);
    path.lineTo(a);
    path.lineTo(b);
    path.closeSubpath();
    p.fillPath(path, p.pen().color());
}

} // namespace

LoopDiagram::LoopDiagram(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("loopDiagram"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_clock.start();
    m_frame.setInterval(33);
    connect(&m_frame, &QTimer::timeout, this, &LoopDiagram::animate);
}

void LoopDiagram::setBox(Box box, const QString &title, const QString &detail, Health health)
{
    BoxState &b = m_boxes[int(box)];
    if (b.title == title && b.detail == detail && b.health == health)
        return;
    b.title = title;
    b.detail = detail;
    b.health = health;
    update();
}

void LoopDiagram::setFigures(bool up, const Figures &f)
{
    (up ? m_up : m_down).figures = f;
    update();
}

void LoopDiagram::setDirectionNames(const QString &up, const QString &down)
{
    m_up.name = up;
    m_down.name = down;
    update();
}

void LoopDiagram::addSample(double upRate, double downRate, double upLatencyMs, double downLatencyMs)
{
    auto push = [](std::deque<double> &d, double v) {
        d.push_back(v);
        while (d.size() > size_t(kSparkPoints))
            d.pop_front();
    };
    push(m_up.rates, upRate);
    push(m_down.rates, downRate);
    push(m_up.latencies, upLatencyMs);
    push(m_down.latencies, downLatencyMs);
    update();
}

void LoopDiagram::clearSamples()
{
    for (Lane *l : { &m_up, &m_down }) {
        l->rates.clear();
        l->latencies.clear();
        l->dots.clear();
    }
    update();
}

void LoopDiagram::pulse(bool up, bool arrived)
{
    Lane &l = up ? m_up : m_down;
    l.dots.push_back(Dot { m_clock.elapsed(), arrived });
    while (l.dots.size() > size_t(kMaxDots))
        l.dots.pop_front();
    if (!m_frame.isActive())
        m_frame.start();
}

void LoopDiagram::animate()
{
    const qint64 now = m_clock.elapsed();
    for (Lane *l : { &m_up, &m_down })
        while (!l->dots.empty() && now - l->dots.front().startMs > kTravelMs)
            l->dots.pop_front();
    if (m_up.dots.empty() && m_down.dots.empty())
        m_frame.stop();
    update();
}

QString LoopDiagram::figuresText(bool up) const
{
    const Lane &l = up ? m_up : m_down;
    const Figures &f = l.figures;
    QString s = tr("%1: %2 sent · %3 arrived · %4 lost").arg(l.name).arg(f.sent).arg(f.received).arg(f.lost);
    if (f.corrupted)
        s += tr(" · %1 corrupted").arg(f.corrupted);
    if (f.duplicated)
        s += tr(" · %1 duplicated").arg(f.duplicated);
    if (f.latencyMs >= 0)
        s += tr(" · %1 ms").arg(f.latencyMs, 0, 'f', f.latencyMs < 10 ? 1 : 0);
    return s;
}

void LoopDiagram::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        update();
    QWidget::changeEvent(event);
}

void LoopDiagram::drawBox(QPainter &p, const QRectF &r, const BoxState &b, const QString &icon)
{
    const ThemeColours theme = ThemeColours::fromPalette(palette());
    const QColor border = b.health == Health::Good    ? theme.ok
                        : b.health == Health::Problem ? theme.error
                                                      : palette().color(QPalette::Mid);
    p.setPen(QPen(border, 2));
    p.setBrush(palette().color(QPalette::Base));
    p.drawRoundedRect(r.adjusted(1, 1, -1, -1), 8, 8);
    QFont title = font();
    title.setBold(true);
    title.setPointSizeF(font().pointSizeF() * 1.15);
    p.setFont(title);
    p.setPen(palette().color(QPalette::Text));
    const QFontMetricsF tm(title);
    const QRectF titleRect(r.left() + 6, r.top() + 8, r.width() - 12, tm.height());
    p.drawText(titleRect, Qt::AlignHCenter | Qt::AlignTop, icon + QLatin1Char(' ') + b.title);
    p.setFont(font());
    p.setPen(b.health == Health::Problem ? theme.error : palette().color(QPalette::Text));
    const QRectF detailRect(r.left() + 8, titleRect.bottom() + 6, r.width() - 16, r.bottom() - titleRect.bottom() - 12);
    p.drawText(detailRect, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, b.detail);
}

void LoopDiagram::drawSparkline(QPainter &p, const QRectF &r, const std::deque<double> &values, const QString &label,
                                const QString &last, const QColor &colour)
{
    const QFontMetricsF fm(font());
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(QRectF(r.left(), r.top(), r.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter, label);
    p.setPen(colour);
    p.drawText(QRectF(r.left(), r.top(), r.width(), fm.height()), Qt::AlignRight | Qt::AlignVCenter, last);
    const QRectF g(r.left(), r.top() + fm.height() + 1, r.width(), r.height() - fm.height() - 1);
    p.setPen(QPen(palette().color(QPalette::Midlight), 1));
    p.drawLine(g.bottomLeft(), g.bottomRight());
    if (values.size() < 2 || g.height() < 4)
        return;
    double maxV = 0;
    for (double v : values)
        maxV = qMax(maxV, v);
    if (maxV <= 0)
        maxV = 1;
    QPolygonF poly;
    const qreal step = g.width() / qreal(kSparkPoints - 1);
    qreal x = g.right() - step * qreal(values.size() - 1);
    for (double v : values) {
        if (v >= 0)
            poly << QPointF(x, g.bottom() - v / maxV * (g.height() - 1));
        x += step;
    }
    QPen pen(colour, 1.5);
    pen.setCosmetic(true);
    p.setPen(pen);
    p.drawPolyline(poly);
}

void LoopDiagram::drawLane(QPainter &p, const Lane &lane, const QPointF &from, const QPointF &via, const QPointF &to,
                           const QRectF &textArea, qint64 now)
{
    const ThemeColours theme = ThemeColours::fromPalette(palette());
    const qreal dir = to.x() > from.x() ? 1 : -1;
    QPen line(palette().color(QPalette::Highlight), 2.5);
    line.setCapStyle(Qt::FlatCap);
    p.setPen(line);
    p.drawLine(from, to); // the broker's box is drawn over its middle: the arrow runs through it
    arrowHead(p, to, dir, 11);
    arrowHead(p, via, dir, 11); // into the broker
    // Dots in flight (hidden while they are inside the broker).
    const QPointF path[4] = { from, via, via, to };
    for (const Dot &d : lane.dots) {
        const qreal t = qreal(now - d.startMs) / qreal(kTravelMs);
        if (t < 0 || t > 1)
            continue;
        const QPointF pos = along(path, t);
        p.setPen(Qt::NoPen);
        p.setBrush(d.ok ? theme.ok : theme.error);
        p.drawEllipse(pos, 5.5, 5.5);
    }
    p.setBrush(Qt::NoBrush);
    const bool bad = lane.figures.lost + lane.figures.corrupted > 0;
    p.setPen(bad ? theme.error : palette().color(QPalette::Text));
    p.drawText(textArea, Qt::AlignCenter, figuresText(&lane == &m_up));
}

void LoopDiagram::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().color(QPalette::Window));
    const qint64 now = m_clock.elapsed();
    const qreal w = width(), h = height();
    const qreal bw = qBound<qreal>(130, w * 0.19, 220);
    const qreal top = kMargin + kTextRow, bottom = h - kMargin - kTextRow;
    const QRectF module(kMargin, top, bw, bottom - top);
    const QRectF pc(w - kMargin - bw, top, bw, bottom - top);
    const qreal brokerW = qBound<qreal>(120, w * 0.16, 190);
    const QRectF broker((w - brokerW) / 2, top, brokerW, bottom - top);
    const qreal upY = top + (bottom - top) * 0.16, downY = top + (bottom - top) * 0.84;
    // Up: module -> broker -> PC near the top; down: PC -> broker -> module near the bottom.
    drawLane(p, m_up, QPointF(module.right(), upY), QPointF(broker.left() - 1, upY), QPointF(pc.left() - 2, upY),
             QRectF(0, kMargin, w, kTextRow), now);
    drawLane(p, m_down, QPointF(pc.left(), downY), QPointF(broker.right() + 1, downY), QPointF(module.right() + 2, downY),
             QRectF(0, h - kMargin - kTextRow, w, kTextRow), now);
    drawBox(p, module, m_boxes[int(Box::Module)], QStringLiteral("▣"));
    drawBox(p, broker, m_boxes[int(Box::Broker)], QStringLiteral("⇄"));
    drawBox(p, pc, m_boxes[int(Box::Pc)], QStringLiteral("▭"));

    // Sparklines in the gaps: rates on the left, latencies on the right; up above, down below.
    const ThemeColours theme = ThemeColours::fromPalette(palette());
    const QColor upColour = palette().color(QPalette::Highlight);
    const QColor downColour = theme.pending.isValid() ? theme.pending : upColour;
    const qreal gapTop = upY + 10, gapBottom = downY - 10, gapMid = (gapTop + gapBottom) / 2;
    const QRectF leftGap(module.right() + 10, gapTop, broker.left() - module.right() - 20, gapBottom - gapTop);
    const QRectF rightGap(broker.right() + 10, gapTop, pc.left() - broker.right() - 20, gapBottom - gapTop);
    auto last = [](const std::deque<double> &d, const QString &unit) {
        return d.empty() || d.back() < 0 ? QString() : QStringLiteral("%1 %2").arg(d.back(), 0, 'f', d.back() < 10 ? 1 : 0).arg(unit);
    };
    if (leftGap.width() > 40) {
        drawSparkline(p, QRectF(leftGap.left(), gapTop, leftGap.width(), gapMid - gapTop - 2), m_up.rates,
                      tr("↑ msg/s"), last(m_up.rates, tr("/s")), upColour);
        drawSparkline(p, QRectF(leftGap.left(), gapMid + 2, leftGap.width(), gapBottom - gapMid - 2), m_down.rates,
                      tr("↓ msg/s"), last(m_down.rates, tr("/s")), downColour);
    }
    if (rightGap.width() > 40) {
        drawSparkline(p, QRectF(rightGap.left(), gapTop, rightGap.width(), gapMid - gapTop - 2), m_up.latencies,
                      tr("↑ latency"), last(m_up.latencies, tr("ms")), upColour);
        drawSparkline(p, QRectF(rightGap.left(), gapMid + 2, rightGap.width(), gapBottom - gapMid - 2), m_down.latencies,
                      tr("↓ latency"), last(m_down.latencies, tr("ms")), downColour);
    }
}
