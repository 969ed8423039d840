// atbench-bench-ui [--quick] [--seconds S] [plot] [console] [soak]: widget benchmarks on the
// offscreen platform, one JSON object per scenario (same shape as atbench-bench).
//   plot    (G9): ThroughputPlot 1000x500, 2 series of 100k points each in the visible window,
//                 full repaint per iteration; also the min/max decimator alone in samples/s.
//   console (G8): the console's QListView over ConsoleModel (ring of 100k), 20 000 lines/s
//                 delivered as one batch per 60 Hz frame; frame time = append + repaint.
//   soak    (G12, G10): the app's window under traffic, RSS slope after the warm-up
//                 (scenario_ui_soak.cpp); not in the default set (it runs for minutes).
#include "benchutil.h"
#include "scenario_ui_soak.h"

#include "console/consolemodel.h"
#include "widgets/throughputplot.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QListView>
#include <QRandomGenerator>
#include <QTextStream>
#include <vector>

using namespace atb::bench;

namespace {

QJsonObject plotScenario(bool quick)
{
    ThroughputPlot plot;
    plot.resize(1000, 500);
    plot.setTimeSpan(0);
    plot.setCapacity(100000);
    const int a = plot.addSeries(QStringLiteral("TX"));
    const int b = plot.addSeries(QStringLiteral("RX"));
    QRandomGenerator rng(1);
    for (int i = 0; i < 100000; ++i) {
        plot.append(a, i * 0.036, 250000 + rng.bounded(50000.0));
        plot.append(b, i * 0.036, 280000 + rng.bounded(20000.0));
    }
    plot.show();
    QCoreApplication::processEvents();
    const int iterations = quick ? 60 : 600;
    std::vector<double> ms;
    QElapsedTimer t;
    for (int i = 0; i < iterations; ++i) {
        plot.append(a, (100000 + i) * 0.036, 260000); // new data each frame, like a live view
        plot.append(b, (100000 + i) * 0.036, 290000);
        t.start();
        plot.repaint();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    // The decimator alone: 1 M samples into 1000 columns.
    std::vector<double> tv(1000000), vv(1000000);
    for (size_t i = 0; i < tv.size(); ++i) {
        tv[i] = double(i);
        vv[i] = double(rng.bounded(1000));
    }
    std::vector<ThroughputPlot::Column> cols;
    QElapsedTimer d;
    d.start();
    const int reps = quick ? 3 : 20;
    for (int r = 0; r < reps; ++r)
        ThroughputPlot::decimate(qsizetype(tv.size()), [&](qsizetype i) { return std::pair<double, double>(tv[size_t(i)], vv[size_t(i)]); },
                                 0, double(tv.size()), 1000, cols);
    const double samplesPerS = double(tv.size()) * reps / (double(d.nsecsElapsed()) / 1e9);
    const double median = percentile(ms, 0.5), p95 = percentile(ms, 0.95);
    QJsonObject o = result(QStringLiteral("plot"), median, QStringLiteral("ms per redraw (median)"), 4.0, median / 4.0,
                           QStringLiteral("<= 4 ms per redraw at 2 x 100k points, 1000x500; decimation >= 200 M samples/s"),
                           median <= 4.0 && samplesPerS >= 200e6);
    o.insert(QStringLiteral("p95_ms"), p95);
    o.insert(QStringLiteral("max_ms"), percentile(ms, 1.0));
    o.insert(QStringLiteral("points_per_series"), 100000);
    o.insert(QStringLiteral("decimation_samples_per_s"), samplesPerS);
    return o;
}

QJsonObject consoleScenario(bool quick, double seconds)
{
    const int capacity = 100000;
    ConsoleModel model(capacity);
    QListView view;
    view.setModel(&model);
    view.setUniformItemSizes(true);
    view.setLayoutMode(QListView::SinglePass);
    view.resize(1000, 600);
    view.show();
    // Pre-fill to capacity, as the goal says.
    QList<atb::LogRecord> batch;
    auto record = [](int i) {
        atb::LogRecord r;
        r.timeMs = 1700000000000LL + i;
        r.kind = (i % 3 == 0) ? atb::LogRecord::Kind::Tx : atb::LogRecord::Kind::Rx;
        r.text = "+IPD,0,1460:sensor reading " + QByteArray::number(i);
        return r;
    };
    for (int i = 0; i < capacity; ++i)
        batch << record(i);
    model.appendRecords(batch);
    view.scrollToBottom();
    QCoreApplication::processEvents();
    const int perFrame = 20000 / 60 + 1;
    const int frames = int((seconds > 0 ? seconds : (quick ? 2 : 10)) * 60);
    std::vector<double> ms;
    QElapsedTimer t;
    int n = capacity;
    for (int f = 0; f < frames; ++f) {
        batch.clear();
        for (int i = 0; i < perFrame; ++i)
            batch << record(n++);
        t.start();
        model.appendRecords(batch);
        view.scrollToBottom();
        view.viewport()->repaint();
        QCoreApplication::processEvents();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    const double p95 = percentile(ms, 0.95), p99 = percentile(ms, 0.99), mx = percentile(ms, 1.0);
    QJsonObject o = result(QStringLiteral("console"), p95, QStringLiteral("ms per frame (p95)"), 16.0, p95 / 16.0,
                           QStringLiteral("20000 lines/s: p95 <= 16 ms, p99 <= 33 ms, max <= 100 ms"),
                           p95 <= 16 && p99 <= 33 && mx <= 100);
    o.insert(QStringLiteral("p99_ms"), p99);
    o.insert(QStringLiteral("max_ms"), mx);
    o.insert(QStringLiteral("median_ms"), percentile(ms, 0.5));
    o.insert(QStringLiteral("frames"), frames);
    o.insert(QStringLiteral("lines"), qint64(frames) * perFrame);
    o.insert(QStringLiteral("rows_held"), model.rowCount());
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("AT Bench widget benchmarks: plot (G9), console (G8), soak (G12 with the "
                                               "GUI: the app's window under traffic; not run by default)."));
    p.addHelpOption();
    QCommandLineOption quick(QStringLiteral("quick"), QStringLiteral("Smaller inputs (smoke run)."));
    QCommandLineOption seconds(QStringLiteral("seconds"),
                               QStringLiteral("Console: seconds of 60 Hz frames (default 10). Soak: the whole run, warm-up "
                                              "included (default: until every bounded buffer is full, then 900 s; at most 3600)."),
                               QStringLiteral("S"));
    p.addOption(quick);
    p.addOption(seconds);
    p.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("plot, console, soak (default: plot and console)."));
    p.process(app);
    QStringList names = p.positionalArguments();
    if (names.isEmpty())
        names = { QStringLiteral("plot"), QStringLiteral("console") };
    bool allPass = true;
    QTextStream out(stdout);
    for (const QString &n : names) {
        QJsonObject o;
        if (n == QLatin1String("plot"))
            o = plotScenario(p.isSet(quick));
        else if (n == QLatin1String("console"))
            o = consoleScenario(p.isSet(quick), p.value(seconds).toDouble());
#ifdef ATBENCH_HAVE_SIMULATOR
        else if (n == QLatin1String("soak")) {
            qputenv("ATBENCH_SIM_LOOPBACK_ONLY", "1"); // the built-in module reaches 127.0.0.1 only
            o = guiSoakScenario(p.isSet(quick), p.value(seconds).toDouble());
        }
#endif
        else {
            QTextStream(stderr) << "atbench-bench-ui: unknown scenario '" << n << "'" << Qt::endl;
            return 2;
        }
        allPass = allPass && o.value(QStringLiteral("pass")).toBool();
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    }
    return allPass ? 0 : 1;
}
