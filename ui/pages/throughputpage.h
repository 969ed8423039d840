#pragma once

#include "services/throughputlab.h"

#include <QWidget>

namespace atb {
class DeviceModel;
struct ThroughputSample;
}
class Messages;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class ThroughputPlot;

// The throughput lab: a PC-side peer (TCP/UDP sink, source or echo), the module connected to
// it, timed runs (send in normal mode or passthrough, receive, echo round trip), live UART-side
// and network-side rates on a plot, efficiency against the line rate, loss detected from the
// self-checking payload, and a results table. Start = Apply (Ctrl+Return); Read (F5) queries
// the module's connection settings.
class ThroughputPage : public QWidget
{
    Q_OBJECT
public:
    ThroughputPage(atb::DeviceModel *model, atb::ThroughputLab *lab, Messages *messages = nullptr,
                   QWidget *parent = nullptr);

    // The line rate for the efficiency figures (from the connection, when known).
    void setLineBaud(qint64 baud);
    atb::LabSettings settings() const;
    void setSettings(const atb::LabSettings &s);

    // Validates; when valid starts the run (nothing is sent otherwise). Same as the Start button.
    void apply();
    void read();

    ThroughputPlot *plot() const { return m_plot; }
    QTableWidget *resultsTable() const { return m_table; }
    QLabel *statusLabel() const { return m_status; }
    QPlainTextEdit *previewText() const { return m_preview; }
    QCheckBox *showAtToggle() const { return m_showAt; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *readButton() const { return m_read; }
    // The reason shown beside the field for a parameter ("remote_host", "remote_port",
    // "length", "duration", "baud", "mode"); empty when none.
    QString fieldError(const QByteArray &param) const;
    bool isFormBusy() const { return m_busy; }

    // --screenshot: a short echo run so the graph and the results table show real traffic.
    // Sets the dynamic property "screenshotPending" until the run has finished.
    Q_INVOKABLE void prepareScreenshot();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void load();
    void markDirty();
    bool validate(); // updates the error labels and the AT preview
    void clearErrors();
    QLabel *errorLabelFor(const QByteArray &param) const;
    void setBusy(bool busy);
    void onSample(const atb::ThroughputSample &sample);
    void onProgress(const atb::LabProgress &p);
    void onFinished(const atb::LabResult &r);
    void exportPng();
    void exportCsv();
    void fillAddresses();

    atb::DeviceModel *m_model;
    atb::ThroughputLab *m_lab;
    Messages *m_messages;
    qint64 m_lineBaud = 115200;
    bool m_busy = false;

    QComboBox *m_mode, *m_protocol, *m_address, *m_baud;
    QSpinBox *m_port, *m_chunk;
    QDoubleSpinBox *m_duration;
    QLabel *m_modeLabel, *m_protocolLabel, *m_addressLabel, *m_portLabel, *m_chunkLabel, *m_durationLabel,
        *m_baudLabel;
    QLabel *m_modeError, *m_addressError, *m_portError, *m_chunkError, *m_durationError, *m_baudError;
    QLabel *m_moduleInfo;
    QCheckBox *m_showAt;
    QPlainTextEdit *m_preview;
    QPushButton *m_start, *m_stop, *m_read, *m_pause, *m_exportPng, *m_exportCsv, *m_clearResults;
    QProgressBar *m_busyBar;
    QLabel *m_status, *m_phase;
    QLabel *m_rateCaption[4], *m_rateValue[4];
    QLabel *m_effCaption, *m_effValue, *m_countCaption, *m_countValue;
    ThroughputPlot *m_plot;
    QTableWidget *m_table;
    class QGroupBox *m_runBox, *m_liveBox, *m_resultsBox;
};
