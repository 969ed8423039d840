#pragma once

#include "formpage.h"
#include "services/throughputlab.h"

#include <functional>

namespace atb {
class DeviceModel;
struct ThroughputSample;
}
class Messages;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QSpinBox;
class QTableWidget;
class ThroughputPlot;

// The throughput lab: a PC-side peer (TCP/UDP sink, source or echo), the module connected to
// it, timed runs (send in normal mode or passthrough, receive, echo round trip), live UART-side
// and network-side rates on a plot, efficiency against the line rate, loss detected from the
// self-checking payload, and a results table. Start = Apply (Ctrl+Return); Read (F5) queries
// the module's connection settings.
class ThroughputPage : public FormPage
{
    Q_OBJECT
public:
    ThroughputPage(atb::DeviceModel *model, atb::ThroughputLab *lab, Messages *messages = nullptr,
                   QWidget *parent = nullptr);

    // The line rate for the efficiency figures (from the connection, when known).
    void setLineBaud(qint64 baud);
    atb::LabSettings settings() const;
    void setSettings(const atb::LabSettings &s);

    // Validates; when valid starts the run (nothing is sent otherwise). The footer's Start.
    void apply() override;
    void read() override;

    ThroughputPlot *plot() const { return m_plot; }
    QTableWidget *resultsTable() const { return m_table; }
    QPushButton *startButton() const { return applyButton(); }
    QPushButton *stopButton() const { return m_stop; }
    // fieldError(): "remote_host", "remote_port", "length", "duration", "baud", "mode".

    // --screenshot: a short echo run so the graph and the results table show real traffic
    // (isScreenshotPending() while it runs).
    void prepareScreenshot() override;

protected:
    void retranslate() override;
    void updateColours() override;
    void updatePreview() override;
    bool canApply() const override;

private:
    QGroupBox *buildRunBox();
    QGroupBox *buildLiveBox();
    QGroupBox *buildResultsBox();
    void load();
    bool validate(); // updates the error labels and the AT preview
    void onBusyChanged(bool busy);
    void onSample(const atb::ThroughputSample &sample);
    void onProgress(const atb::LabProgress &p);
    void onFinished(const atb::LabResult &r);
    // Asks for a file and writes the graph with `write`; the status line says where.
    void exportPlot(const QString &title, const QString &suggested, const QString &filters,
                    const std::function<bool(const QString &, QString *)> &write, const QString &saved);
    void exportPng();
    void exportCsv();
    void fillAddresses();

    atb::DeviceModel *m_model;
    atb::ThroughputLab *m_lab;
    Messages *m_messages;
    qint64 m_lineBaud = 115200;

    QComboBox *m_mode, *m_protocol, *m_address, *m_baud;
    QSpinBox *m_port, *m_chunk;
    QDoubleSpinBox *m_duration;
    QLabel *m_modeLabel, *m_protocolLabel, *m_addressLabel, *m_portLabel, *m_chunkLabel, *m_durationLabel,
        *m_baudLabel;
    QLabel *m_moduleInfo;
    QPushButton *m_stop, *m_pause, *m_exportPng, *m_exportCsv, *m_clearResults;
    QLabel *m_phase;
    QLabel *m_rateCaption[4], *m_rateValue[4];
    QLabel *m_effCaption, *m_effValue, *m_countCaption, *m_countValue;
    ThroughputPlot *m_plot;
    QTableWidget *m_table;
    QGroupBox *m_runBox, *m_liveBox, *m_resultsBox;
};
