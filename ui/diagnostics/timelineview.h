#pragma once

#include "diagnostics/timeline.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QSpinBox;
class QToolButton;

// Draws a Timeline as lanes over time (issue 13, "A timeline"): Wi-Fi state and MQTT state as
// coloured bands, RSSI as a line, IP, links, errors/busy and resets as marks with their text.
// Wheel zooms around the pointer, dragging pans, double click fits everything; "Follow" keeps
// the newest events in view. A click on a mark emits eventClicked (MainWindow shows that line
// in the console); hovering shows the mark's text.
class TimelineView : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineView(atb::Timeline *timeline, QWidget *parent = nullptr);

    QSize sizeHint() const override { return { 800, 170 }; }
    QSize minimumSizeHint() const override { return { 300, 120 }; }

    // The visible span, ms since the epoch.
    qint64 viewStart() const { return m_start; }
    qint64 viewEnd() const { return m_end; }
    void setView(qint64 startMs, qint64 endMs);
    void fitAll();
    bool follows() const { return m_follow; }
    void setFollow(bool on);
    // The event nearest to `pos` (within a few pixels), or nullptr.
    const atb::TimelineEvent *eventAt(const QPoint &pos) const;
    // The x coordinate of `timeMs` and the lane rectangle (for tests).
    int xOf(qint64 timeMs) const;
    QRect laneRect(atb::TimelineEvent::Lane lane) const;
    static QString laneName(atb::TimelineEvent::Lane lane);

signals:
    void eventClicked(const atb::TimelineEvent &event);
    void followChanged(bool on);

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    void onAppended(const atb::TimelineEvent &event);
    qint64 timeAt(int x) const;
    QRect plotRect() const;

    atb::Timeline *m_timeline;
    qint64 m_start = 0, m_end = 0;
    bool m_follow = true;
    qint64 m_span = 5 * 60 * 1000;
    QPoint m_pressPos;
    qint64 m_pressStart = 0, m_pressEnd = 0;
    bool m_dragging = false;
};

// The view with its controls: RSSI poll interval, Follow, Fit.
class TimelinePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePanel(atb::Timeline *timeline, QWidget *parent = nullptr);
    TimelineView *view() const { return m_view; }
    QSpinBox *rssiInterval() const { return m_rssi; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    atb::Timeline *m_timeline;
    TimelineView *m_view;
    QLabel *m_title;
    QLabel *m_rssiLabel;
    QSpinBox *m_rssi;
    QCheckBox *m_follow;
    QToolButton *m_fit;
};
