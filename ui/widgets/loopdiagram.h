#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <deque>

// The MQTT loop at a glance, for a demo audience: three boxes (module, broker, PC) and the two
// directions between them as arrows: module -> broker -> PC above, PC -> broker -> module below.
// Each message travels as a dot along its arrow (green when it arrived intact, red when it was
// lost or corrupted); each direction shows its live counters and two sparklines (messages per
// second and latency over the last minute). Painted with QPainter from the palette and the
// theme's colours; animates only while dots are moving.
class LoopDiagram : public QWidget
{
    Q_OBJECT
public:
    enum class Box { Module, Broker, Pc };
    enum class Health { Unknown, Good, Problem };

    struct Figures
    {
        qint64 sent = 0, received = 0, lost = 0, corrupted = 0, duplicated = 0;
        double latencyMs = -1; // median, -1 while none
    };

    static constexpr int kSparkPoints = 120; // 60 s at two samples per second
    static constexpr int kMaxDots = 48;      // per direction; more messages in flight draw as a stream
    static constexpr int kTravelMs = 900;

    explicit LoopDiagram(QWidget *parent = nullptr);

    // A box's name, one line of detail (state, address) and whether it is well.
    void setBox(Box box, const QString &title, const QString &detail, Health health);
    // The counters of one direction (`up`: module -> PC).
    void setFigures(bool up, const Figures &figures);
    // One sparkline sample per direction: messages/s and median latency (ms, < 0 = none).
    void addSample(double upRate, double downRate, double upLatencyMs, double downLatencyMs);
    void clearSamples();
    // A message set off (`up`: from the module); `arrived` false draws it red.
    void pulse(bool up, bool arrived = true);
    // The direction labels ("module → app"), for translations.
    void setDirectionNames(const QString &up, const QString &down);

    QString boxTitle(Box box) const { return m_boxes[int(box)].title; }
    QString boxDetail(Box box) const { return m_boxes[int(box)].detail; }
    Health boxHealth(Box box) const { return m_boxes[int(box)].health; }
    Figures figures(bool up) const { return up ? m_up.figures : m_down.figures; }
    int dotsInFlight() const { return int(m_up.dots.size() + m_down.dots.size()); }
    // The text under a direction's arrow ("20 sent · 20 arrived · 0 lost · 3.1 ms").
    QString figuresText(bool up) const;

    QSize sizeHint() const override { return QSize(900, 170); }
    QSize minimumSizeHint() const override { return QSize(520, 150); }

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct BoxState
    {
        QString title, detail;
        Health health = Health::Unknown;
    };
    struct Dot
    {
        qint64 startMs = 0;
        bool ok = true;
    };
    struct Lane
    {
        Figures figures;
        std::deque<Dot> dots;
        std::deque<double> rates, latencies;
        QString name;
    };
    void drawBox(QPainter &p, const QRectF &r, const BoxState &b, const QString &icon);
    void drawLane(QPainter &p, const Lane &lane, const QPointF &from, const QPointF &via, const QPointF &to,
                  const QRectF &textArea, qint64 now);
    void drawSparkline(QPainter &p, const QRectF &r, const std::deque<double> &values, const QString &label,
                       const QString &last, const QColor &colour);
    void animate();

    BoxState m_boxes[3];
    Lane m_up, m_down;
    QElapsedTimer m_clock;
    QTimer m_frame;
};
