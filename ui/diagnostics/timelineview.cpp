#include "timelineview.h"

#include "theme.h"

#include <QCheckBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QSpinBox>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QWheelEvent>

using atb::TimelineEvent;
using Lane = atb::TimelineEvent::Lane;

namespace {
constexpr int kLabelWidth = 78;
constexpr int kAxisHeight = 16;
constexpr int kPickPx = 5;
constexpr qint64 kMinSpanMs = 200;
} // namespace

TimelineView::TimelineView(atb::Timeline *timeline, QWidget *parent) : QWidget(parent), m_timeline(timeline)
{
    setObjectName(QStringLiteral("timelineView"));
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(timeline, &atb::Timeline::appended, this, &TimelineView::onAppended);
    connect(timeline, &atb::Timeline::cleared, this, [this] {
        m_start = m_end = 0;
        update();
    });
}

QString TimelineView::laneName(Lane lane)
{
    switch (lane) {
    case Lane::Wifi: return tr("Wi-Fi");
    case Lane::Rssi: return tr("RSSI");
    case Lane::Ip: return tr("IP");
    case Lane::Links: return tr("Links");
    case Lane::Mqtt: return tr("MQTT");
    case Lane::Errors: return tr("Errors/busy");
    case Lane::Resets: return tr("Resets");
    }
    return QString();
}

QRect TimelineView::plotRect() const
{
    return QRect(kLabelWidth, 0, qMax(10, width() - kLabelWidth - 4), qMax(10, height() - kAxisHeight));
}

QRect TimelineView::laneRect(Lane lane) const
{
    const QRect p = plotRect();
    const int h = p.height() / TimelineEvent::kLaneCount;
    return QRect(p.left(), p.top() + int(lane) * h, p.width(), h);
}

int TimelineView::xOf(qint64 t) const
{
    const QRect p = plotRect();
    if (m_end <= m_start)
        return p.left();
    return p.left() + int(double(t - m_start) * p.width() / double(m_end - m_start));
}

qint64 TimelineView::timeAt(int x) const
{
    const QRect p = plotRect();
    return m_start + qint64(double(x - p.left()) * double(m_end - m_start) / qMax(1, p.width()));
}

void TimelineView::setView(qint64 startMs, qint64 endMs)
{
    if (endMs - startMs < kMinSpanMs)
        endMs = startMs + kMinSpanMs;
    m_start = startMs;
    m_end = endMs;
    m_span = endMs - startMs;
    update();
}

void TimelineView::setFollow(bool on)
{
    if (on == m_follow)
        return;
    m_follow = on;
    if (on && !m_timeline->events().empty()) {
        const qint64 last = m_timeline->events().back().timeMs;
        setView(last - m_span * 9 / 10, last + m_span / 10);
    }
    emit followChanged(on);
}

void TimelineView::fitAll()
{
    const auto &ev = m_timeline->events();
    if (ev.empty())
        return;
    const qint64 a = ev.front().timeMs, b = ev.back().timeMs;
    const qint64 pad = qMax<qint64>(500, (b - a) / 20);
    setView(a - pad, b + pad);
}

void TimelineView::onAppended(const TimelineEvent &e)
{
    if (m_end <= m_start) {
        setView(e.timeMs - m_span * 9 / 10, e.timeMs + m_span / 10);
        return;
    }
    if (m_follow && e.timeMs > m_end - m_span / 20)
        setView(e.timeMs - m_span * 9 / 10, e.timeMs + m_span / 10);
    else if (e.timeMs >= m_start && e.timeMs <= m_end)
        update();
}

const TimelineEvent *TimelineView::eventAt(const QPoint &pos) const
{
    const TimelineEvent *best = nullptr;
    int bestDist = kPickPx + 1;
    for (const TimelineEvent &e : m_timeline->events()) {
        if (e.timeMs < m_start || e.timeMs > m_end)
            continue;
        if (!laneRect(e.lane).contains(QPoint(laneRect(e.lane).left() + 1, pos.y())))
            continue;
        const int d = qAbs(xOf(e.timeMs) - pos.x());
        if (d < bestDist) {
            bestDist = d;
            best = &e;
        }
    }
    return best;
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    const ThemeColours colours = ThemeColours::fromPalette(pal);
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QRect plot = plotRect();
    const auto &events = m_timeline->events();

    // Lane labels and separators.
    p.setPen(pal.color(QPalette::Mid));
    for (int i = 0; i < TimelineEvent::kLaneCount; ++i) {
        const QRect r = laneRect(Lane(i));
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(4, r.top(), kLabelWidth - 8, r.height()), Qt::AlignVCenter | Qt::AlignLeft, laneName(Lane(i)));
        p.setPen(pal.color(QPalette::Midlight));
        p.drawLine(plot.left(), r.bottom(), plot.right(), r.bottom());
    }

    // Time axis: about one tick per 100 px.
    if (m_end > m_start) {
        static const qint64 steps[] = { 100, 250, 500, 1000, 2000, 5000, 10000, 15000, 30000, 60000, 120000, 300000,
                                        600000, 900000, 1800000, 3600000, 7200000, 21600000, 86400000 };
        qint64 step = steps[std::size(steps) - 1];
        for (qint64 s : steps)
            if (double(s) * plot.width() / double(m_end - m_start) >= 90) {
                step = s;
                break;
            }
        p.setPen(pal.color(QPalette::Mid));
        for (qint64 t = (m_start / step + 1) * step; t < m_end; t += step) {
            const int x = xOf(t);
            p.drawLine(x, plot.top(), x, plot.bottom());
            const QString label = QDateTime::fromMSecsSinceEpoch(t).toString(step < 1000 ? QStringLiteral("HH:mm:ss.zzz") : QStringLiteral("HH:mm:ss"));
            p.setPen(pal.color(QPalette::Text));
            p.drawText(QRect(x - 50, plot.bottom() + 1, 100, kAxisHeight), Qt::AlignCenter, label);
            p.setPen(pal.color(QPalette::Mid));
        }
    }
    p.setClipRect(plot);

    // Bands: Wi-Fi and MQTT state from each event to the next of the same lane.
    auto band = [&](Lane lane, const std::function<QColor(int)> &colour) {
        const QRect r = laneRect(lane).adjusted(0, 3, 0, -3);
        const TimelineEvent *prev = nullptr;
        for (const TimelineEvent &e : events) {
            if (e.lane != lane)
                continue;
            if (prev)
                p.fillRect(QRect(QPoint(xOf(prev->timeMs), r.top()), QPoint(xOf(e.timeMs), r.bottom())), colour(prev->value));
            prev = &e;
        }
        if (prev)
            p.fillRect(QRect(QPoint(xOf(prev->timeMs), r.top()), QPoint(plot.right(), r.bottom())), colour(prev->value));
    };
    // Green: joined with an IP / MQTT connected; amber: on the way; grey: not.
    const QColor none = pal.color(QPalette::Mid);
    band(Lane::Wifi, [&](int level) { return level == 2 ? colours.ok : level == 1 ? colours.pending : none; });
    band(Lane::Mqtt, [&](int state) { return state >= 4 ? colours.ok : state >= 1 ? colours.pending : none; });

    // RSSI: a step line between -100 and -30 dBm.
    {
        const QRect r = laneRect(Lane::Rssi).adjusted(0, 3, 0, -3);
        auto y = [&r](int dbm) { return r.bottom() - int(double(qBound(-100, dbm, -30) + 100) * r.height() / 70.0); };
        QPainterPath path;
        bool started = false;
        int lastY = 0;
        for (const TimelineEvent &e : events) {
            if (e.lane != Lane::Rssi)
                continue;
            const int x = xOf(e.timeMs);
            if (!started) {
                path.moveTo(x, y(e.value));
                started = true;
            } else {
                path.lineTo(x, lastY);
                path.lineTo(x, y(e.value));
            }
            lastY = y(e.value);
        }
        if (started) {
            path.lineTo(plot.right(), lastY);
            p.setPen(QPen(pal.color(QPalette::Highlight), 1.6));
            p.drawPath(path);
        }
        // The value at each change, where there is room.
        p.setPen(pal.color(QPalette::Text));
        int right = -100000;
        for (const TimelineEvent &e : events) {
            if (e.lane != Lane::Rssi || e.timeMs < m_start || e.timeMs > m_end)
                continue;
            const QString text = tr("%1 dBm").arg(e.value);
            const int x = xOf(e.timeMs) + 3;
            const int w = QFontMetrics(font()).horizontalAdvance(text);
            if (x > right + 6 && x + w < plot.right()) {
                p.drawText(QRect(x, r.top() - 3, w + 2, r.height() + 6), Qt::AlignVCenter, text);
                right = x + w;
            }
        }
    }

    // Marks: every event of the mark lanes, and a tick at each band change.
    QFontMetrics fm(font());
    int lastLabelRight[TimelineEvent::kLaneCount];
    std::fill(std::begin(lastLabelRight), std::end(lastLabelRight), -100000);
    for (const TimelineEvent &e : events) {
        if (e.timeMs < m_start || e.timeMs > m_end || e.lane == Lane::Rssi)
            continue;
        const QRect r = laneRect(e.lane);
        const int x = xOf(e.timeMs);
        const QColor c = e.problem ? colours.error : pal.color(QPalette::Text);
        p.setPen(QPen(c, e.problem ? 2 : 1));
        p.drawLine(x, r.top() + 2, x, r.bottom() - 2);
        if (e.lane == Lane::Ip || e.lane == Lane::Links || e.lane == Lane::Errors || e.lane == Lane::Resets) {
            // The text beside the mark when there is room.
            const QString text = fm.elidedText(e.text, Qt::ElideRight, 180);
            const int w = fm.horizontalAdvance(text);
            if (x + 3 > lastLabelRight[int(e.lane)] + 6 && x + 3 + w < plot.right()) {
                p.drawText(QRect(x + 3, r.top(), w + 2, r.height()), Qt::AlignVCenter, text);
                lastLabelRight[int(e.lane)] = x + 3 + w;
            }
        }
    }
    if (events.empty()) {
        p.setClipping(false);
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(plot, Qt::AlignCenter, tr("Nothing yet: the timeline fills as the module reports."));
    }
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    if (m_end <= m_start)
        return;
    const qint64 at = timeAt(int(event->position().x()));
    const double factor = event->angleDelta().y() > 0 ? 0.8 : 1.25;
    const qint64 a = at - qint64(double(at - m_start) * factor);
    const qint64 b = at + qint64(double(m_end - at) * factor);
    setFollow(false);
    setView(a, b);
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->pos();
    m_pressStart = m_start;
    m_pressEnd = m_end;
    m_dragging = false;
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    const int dx = event->pos().x() - m_pressPos.x();
    if (!m_dragging && qAbs(dx) < 4)
        return;
    m_dragging = true;
    setFollow(false);
    const qint64 shift = qint64(double(dx) * double(m_pressEnd - m_pressStart) / qMax(1, plotRect().width()));
    setView(m_pressStart - shift, m_pressEnd - shift);
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragging) {
        m_dragging = false;
        return;
    }
    if (const TimelineEvent *e = eventAt(event->pos()))
        emit eventClicked(*e);
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *)
{
    setFollow(false);
    fitAll();
}

bool TimelineView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const TimelineEvent *e = eventAt(help->pos()))
            QToolTip::showText(help->globalPos(), QStringLiteral("%1  %2").arg(QDateTime::fromMSecsSinceEpoch(e->timeMs).toString(QStringLiteral("HH:mm:ss.zzz")), e->text), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

TimelinePanel::TimelinePanel(atb::Timeline *timeline, QWidget *parent)
    : QWidget(parent), m_timeline(timeline), m_view(new TimelineView(timeline, this))
{
    setObjectName(QStringLiteral("timelinePanel"));
    m_title = new QLabel(this);
    m_rssiLabel = new QLabel(this);
    m_rssi = new QSpinBox(this);
    m_rssi->setObjectName(QStringLiteral("rssiInterval"));
    m_rssi->setRange(0, 3600);
    m_rssi->setValue(timeline->rssiInterval());
    m_rssiLabel->setBuddy(m_rssi);
    m_follow = new QCheckBox(this);
    m_follow->setObjectName(QStringLiteral("timelineFollow"));
    m_follow->setChecked(m_view->follows());
    m_fit = new QToolButton(this);
    m_fit->setObjectName(QStringLiteral("timelineFit"));
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_title);
    bar->addStretch(1);
    bar->addWidget(m_rssiLabel);
    bar->addWidget(m_rssi);
    bar->addWidget(m_follow);
    bar->addWidget(m_fit);
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 2, 0, 0);
    lay->setSpacing(2);
    lay->addLayout(bar);
    lay->addWidget(m_view, 1);
    connect(m_rssi, &QSpinBox::valueChanged, timeline, &atb::Timeline::setRssiInterval);
    connect(m_follow, &QCheckBox::toggled, m_view, &TimelineView::setFollow);
    connect(m_view, &TimelineView::followChanged, m_follow, &QCheckBox::setChecked);
    connect(m_fit, &QToolButton::clicked, this, [this] {
        m_view->setFollow(false);
        m_view->fitAll();
    });
    retranslate();
}

void TimelinePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TimelinePanel::retranslate()
{
    m_title->setText(tr("<b>Timeline</b> (wheel: zoom, drag: pan, double click: all, click a mark: its console line)"));
    m_rssiLabel->setText(tr("Poll RSSI every"));
    m_rssi->setSuffix(tr(" s"));
    m_rssi->setSpecialValueText(tr("never"));
    m_rssi->setToolTip(tr("While joined, AT+CWJAP? is sent at this interval for the RSSI lane"));
    m_follow->setText(tr("Follow"));
    m_fit->setText(tr("Fit"));
}
