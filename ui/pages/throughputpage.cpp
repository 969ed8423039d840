#include "throughputpage.h"

#include "pagecommon.h"

#include "dialogs/messages.h"
#include "model/devicemodel.h"
#include "stats/throughputmeter.h"
#include "widgets/throughputplot.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIntValidator>
#include <QLabel>
#include <QNetworkInterface>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

using atb::LabSettings;
using atb::ThroughputMeter;
using atb::ThroughputPath;
using Mode = LabSettings::Mode;

namespace {
// The plotted paths, in legend order.
constexpr ThroughputPath kPlotted[4] = { ThroughputPath::UartTx, ThroughputPath::UartRx, ThroughputPath::PeerTx,
                                         ThroughputPath::PeerRx };
const qint64 kBauds[] = { 9600, 115200, 230400, 460800, 921600, 2000000, 3000000, 5000000 };

// The page's icon for the main window's page list: a small rate graph drawn in the palette's
// colours (no hard-coded colours).
QIcon graphIcon(const QPalette &pal)
{
    return paletteIcon([&pal](QPainter &p, qreal s) {
        const double u = s * 24.0 / 16.0; // drawn on a 16-unit grid
        p.setPen(QPen(pal.color(QPalette::WindowText), qMax(1.0, u)));
        p.drawLine(QPointF(1.5 * u, 1 * u), QPointF(1.5 * u, 14.5 * u));
        p.drawLine(QPointF(1.5 * u, 14.5 * u), QPointF(15 * u, 14.5 * u));
        p.setPen(QPen(pal.color(QPalette::Highlight), 1.6 * u, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        const QPointF pts[] = { { 3 * u, 12 * u }, { 6 * u, 7 * u }, { 9 * u, 9.5 * u }, { 12 * u, 4 * u }, { 14.5 * u, 5 * u } };
        p.drawPolyline(pts, 5);
    });
}

} // namespace

ThroughputPage::ThroughputPage(atb::DeviceModel *model, atb::ThroughputLab *lab, Messages *messages, QWidget *parent)
    : FormPage(parent), m_model(model), m_lab(lab), m_messages(messages)
{
    setObjectName(QStringLiteral("throughputPage"));
    auto *right = new QSplitter(Qt::Vertical, this);
    right->setObjectName(QStringLiteral("throughputSplitter"));
    right->addWidget(buildLiveBox());
    right->addWidget(buildResultsBox());
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 1);
    right->setChildrenCollapsible(false);
    auto *form = new QWidget(this);
    auto *lay = new QHBoxLayout(form);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(buildRunBox());
    lay->addWidget(right, 1);
    setForm(form);
    // While a run is under way only the run's settings are locked; Stop, the graph and the
    // results stay usable.
    setBusyWidgets({ m_mode, m_protocol, m_address, m_port, m_chunk, m_duration, m_baud });

    // Footer: Read (F5) ... busy, Show AT, Stop, Start (Ctrl+Return). Nothing to revert.
    readButton()->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    applyButton()->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    revertButton()->hide();
    m_stop = new QPushButton(this);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stop->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    m_stop->setEnabled(false);
    footerButtons()->insertWidget(footerButtons()->indexOf(applyButton()), m_stop);

    retranslate();
    fillAddresses();
    load();

    // Every input re-validates and refreshes the AT preview.
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ThroughputPage::validate);
    connect(m_protocol, &QComboBox::currentIndexChanged, this, &ThroughputPage::validate);
    connect(m_address, &QComboBox::currentTextChanged, this, &ThroughputPage::validate);
    connect(m_port, &QSpinBox::valueChanged, this, &ThroughputPage::validate);
    connect(m_chunk, &QSpinBox::valueChanged, this, &ThroughputPage::validate);
    connect(m_duration, &QDoubleSpinBox::valueChanged, this, &ThroughputPage::validate);
    connect(m_baud, &QComboBox::currentTextChanged, this, &ThroughputPage::validate);

    connect(m_stop, &QPushButton::clicked, m_lab, &atb::ThroughputLab::stop);
    connect(m_pause, &QPushButton::toggled, m_plot, &ThroughputPlot::setPaused);
    connect(m_exportPng, &QPushButton::clicked, this, &ThroughputPage::exportPng);
    connect(m_exportCsv, &QPushButton::clicked, this, &ThroughputPage::exportCsv);
    connect(m_clearResults, &QPushButton::clicked, this, [this] { m_table->setRowCount(0); });

    connect(m_lab, &atb::ThroughputLab::busyChanged, this, &ThroughputPage::onBusyChanged);
    connect(m_lab, &atb::ThroughputLab::progress, this, &ThroughputPage::onProgress);
    connect(m_lab, &atb::ThroughputLab::finished, this, &ThroughputPage::onFinished);
    connect(m_lab, &atb::ThroughputLab::statusRead, this, [this](const atb::OperationResult &r) {
        setStatus(r.ok ? tr("Connection settings read.") : r.message, !r.ok);
    });
    connect(m_lab->meter(), &ThroughputMeter::sampled, this, &ThroughputPage::onSample);

    connect(m_model, &atb::DeviceModel::cipMuxChanged, this, &ThroughputPage::load);
    connect(m_model, &atb::DeviceModel::cipModeChanged, this, &ThroughputPage::load);
    connect(m_model, &atb::DeviceModel::linksChanged, this, &ThroughputPage::load);
    connect(m_model, &atb::DeviceModel::dialectChanged, this, &ThroughputPage::load);
    connect(m_model, &atb::DeviceModel::wifiChanged, this, &ThroughputPage::load);
    validate();
}

QGroupBox *ThroughputPage::buildRunBox()
{
    m_runBox = new QGroupBox(this);
    m_mode = new QComboBox(m_runBox);
    m_mode->setObjectName(QStringLiteral("modeCombo"));
    m_protocol = new QComboBox(m_runBox);
    m_protocol->setObjectName(QStringLiteral("protocolCombo"));
    m_address = new QComboBox(m_runBox);
    m_address->setObjectName(QStringLiteral("addressCombo"));
    m_address->setEditable(true);
    m_port = new QSpinBox(m_runBox);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(0, 65535);
    m_chunk = new QSpinBox(m_runBox);
    m_chunk->setObjectName(QStringLiteral("chunkSpin"));
    m_chunk->setRange(1, 65535); // the catalog's limit is checked by the encoder, with a reason
    m_chunk->setValue(2048);
    m_duration = new QDoubleSpinBox(m_runBox);
    m_duration->setObjectName(QStringLiteral("durationSpin"));
    m_duration->setRange(0.1, 3600);
    m_duration->setDecimals(1);
    m_duration->setValue(10);
    m_baud = new QComboBox(m_runBox);
    m_baud->setObjectName(QStringLiteral("baudCombo"));
    m_baud->setEditable(true);
    for (qint64 b : kBauds)
        m_baud->addItem(QString::number(b));
    m_baud->setValidator(new QIntValidator(1, 50000000, m_baud));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto field = [&](QLabel *&label, QWidget *w, const QByteArray &param) {
        label = new QLabel(m_runBox);
        label->setBuddy(w);
        form->addRow(label, param.isEmpty() ? w : withFieldError(w, param));
    };
    field(m_modeLabel, m_mode, "mode");
    field(m_protocolLabel, m_protocol, QByteArray());
    field(m_addressLabel, m_address, "remote_host");
    field(m_portLabel, m_port, "remote_port");
    field(m_chunkLabel, m_chunk, "length");
    field(m_durationLabel, m_duration, "duration");
    field(m_baudLabel, m_baud, "baud");
    setFallbackField("mode");

    m_moduleInfo = new QLabel(m_runBox);
    m_moduleInfo->setObjectName(QStringLiteral("moduleInfo"));
    m_moduleInfo->setWordWrap(true);
    m_phase = new QLabel(m_runBox);
    m_phase->setObjectName(QStringLiteral("phaseLabel"));

    auto *runLay = new QVBoxLayout(m_runBox);
    runLay->addLayout(form);
    runLay->addWidget(m_moduleInfo);
    runLay->addWidget(m_phase);
    runLay->addStretch(1);
    m_runBox->setMinimumWidth(350);
    m_runBox->setMaximumWidth(400);
    return m_runBox;
}

QGroupBox *ThroughputPage::buildLiveBox()
{
    m_liveBox = new QGroupBox(this);
    auto *grid = new QGridLayout;
    for (int i = 0; i < 4; ++i) {
        m_rateCaption[i] = new QLabel(m_liveBox);
        m_rateValue[i] = new QLabel(QStringLiteral("-"), m_liveBox);
        m_rateValue[i]->setObjectName(QStringLiteral("rate%1").arg(i));
        m_rateValue[i]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(m_rateCaption[i], i / 2, (i % 2) * 2);
        grid->addWidget(m_rateValue[i], i / 2, (i % 2) * 2 + 1);
    }
    m_effCaption = new QLabel(m_liveBox);
    m_effValue = new QLabel(QStringLiteral("-"), m_liveBox);
    m_effValue->setObjectName(QStringLiteral("efficiencyValue"));
    m_countCaption = new QLabel(m_liveBox);
    m_countValue = new QLabel(QStringLiteral("-"), m_liveBox);
    m_countValue->setObjectName(QStringLiteral("countValue"));
    grid->addWidget(m_effCaption, 2, 0);
    grid->addWidget(m_effValue, 2, 1);
    grid->addWidget(m_countCaption, 2, 2);
    grid->addWidget(m_countValue, 2, 3);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);

    m_plot = new ThroughputPlot(m_liveBox);
    for (ThroughputPath p : kPlotted)
        m_plot->addSeries(ThroughputMeter::pathName(p));
    m_plot->setTimeSpan(0); // the whole run (cleared when a run starts; bounded to 1 h of samples)
    m_plot->setMinimumHeight(200);

    m_pause = new QPushButton(m_liveBox);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setCheckable(true);
    m_pause->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    m_exportPng = new QPushButton(m_liveBox);
    m_exportPng->setObjectName(QStringLiteral("exportPngButton"));
    m_exportCsv = new QPushButton(m_liveBox);
    m_exportCsv->setObjectName(QStringLiteral("exportCsvButton"));
    auto *plotButtons = new QHBoxLayout;
    plotButtons->addWidget(m_pause);
    plotButtons->addStretch(1);
    plotButtons->addWidget(m_exportPng);
    plotButtons->addWidget(m_exportCsv);

    auto *liveLay = new QVBoxLayout(m_liveBox);
    liveLay->addLayout(grid);
    liveLay->addWidget(m_plot, 1);
    liveLay->addLayout(plotButtons);
    return m_liveBox;
}

QGroupBox *ThroughputPage::buildResultsBox()
{
    m_resultsBox = new QGroupBox(this);
    m_table = new QTableWidget(0, 10, m_resultsBox);
    m_table->setObjectName(QStringLiteral("resultsTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_clearResults = new QPushButton(m_resultsBox);
    m_clearResults->setObjectName(QStringLiteral("clearResultsButton"));
    auto *resLay = new QVBoxLayout(m_resultsBox);
    resLay->addWidget(m_table, 1);
    auto *resButtons = new QHBoxLayout;
    resButtons->addStretch(1);
    resButtons->addWidget(m_clearResults);
    resLay->addLayout(resButtons);
    return m_resultsBox;
}

void ThroughputPage::retranslate()
{
    FormPage::retranslate();
    setWindowTitle(tr("Throughput"));
    setWindowIcon(graphIcon(palette()));
    m_runBox->setTitle(tr("Run"));
    m_liveBox->setTitle(tr("Live rates"));
    m_resultsBox->setTitle(tr("Results"));
    m_modeLabel->setText(tr("&Test:"));
    m_protocolLabel->setText(tr("Pro&tocol:"));
    m_addressLabel->setText(tr("PC &address:"));
    m_portLabel->setText(tr("PC p&ort:"));
    m_chunkLabel->setText(tr("&Chunk size:"));
    m_durationLabel->setText(tr("&Duration:"));
    m_baudLabel->setText(tr("&Line rate:"));
    m_port->setSpecialValueText(tr("any free port"));
    m_chunk->setSuffix(tr(" bytes"));
    m_duration->setSuffix(tr(" s"));
    m_baud->setToolTip(tr("Baud rate of the serial link (8N1: baud / 10 bytes per second), for the efficiency figures"));
    m_address->setToolTip(tr("The address of this computer the module connects to (127.0.0.1 for the simulator)"));
    m_chunk->setToolTip(tr("AT+CIPSEND length in normal mode; write size in passthrough and for the PC-side source"));

    const int mode = m_mode->currentIndex();
    const QSignalBlocker b1(m_mode), b2(m_protocol);
    m_mode->clear();
    for (Mode m : { Mode::SendNormal, Mode::SendPassthrough, Mode::Receive, Mode::ReceivePassthrough, Mode::Echo })
        m_mode->addItem(LabSettings::modeName(m), int(m));
    m_mode->setCurrentIndex(qMax(0, mode));
    const int proto = m_protocol->currentIndex();
    m_protocol->clear();
    m_protocol->addItem(tr("TCP"), int(LabSettings::Protocol::Tcp));
    m_protocol->addItem(tr("UDP"), int(LabSettings::Protocol::Udp));
    m_protocol->setCurrentIndex(qMax(0, proto));

    applyButton()->setText(tr("&Start"));
    applyButton()->setToolTip(tr("Start the run (Ctrl+Return)"));
    m_stop->setText(tr("Sto&p"));
    readButton()->setToolTip(tr("Read the module's connection settings (F5)"));
    showAtButton()->setToolTip(tr("Show the exact AT lines a run sends"));
    m_pause->setText(tr("Pause"));
    m_exportPng->setText(tr("Export PNG…"));
    m_exportCsv->setText(tr("Export CSV…"));
    m_clearResults->setText(tr("Clear results"));

    for (int i = 0; i < 4; ++i) {
        m_rateCaption[i]->setText(tr("%1:").arg(ThroughputMeter::pathName(kPlotted[i])));
        m_plot->setSeriesName(i, ThroughputMeter::pathName(kPlotted[i]));
    }
    m_effCaption->setText(tr("Efficiency:"));
    m_countCaption->setText(tr("Sent / delivered:"));
    m_table->setHorizontalHeaderLabels({ tr("Test"), tr("Chunk"), tr("Time"), tr("Goodput"), tr("% of line"),
                                         tr("% of model"), tr("Sent"), tr("Lost"), tr("Errors"), tr("RTT median") });
    if (statusText().isEmpty())
        setStatus(tr("Ready."));
    load();
    validate();
}

void ThroughputPage::updateColours()
{
    FormPage::updateColours();
    setWindowIcon(graphIcon(palette()));
}

void ThroughputPage::fillAddresses()
{
    const QSignalBlocker b(m_address);
    m_address->clear();
    m_address->addItem(QStringLiteral("127.0.0.1"));
    for (const QHostAddress &a : QNetworkInterface::allAddresses())
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback())
            m_address->addItem(a.toString());
    m_address->setCurrentIndex(0);
}

void ThroughputPage::load()
{
    if (!m_model)
        return;
    const auto mux = m_model->cipMux(), mode = m_model->cipMode();
    auto known = [this](int v) { return v < 0 ? tr("unknown") : QString::number(v); };
    m_moduleInfo->setText(tr("Module: %1, CIPMUX %2, CIPMODE %3, %n open link(s)", "", int(m_model->links().size()))
                              .arg(m_model->dialect() == atb::Dialect::Esp ? tr("ESP-AT") : tr("Beken"), known(mux),
                                   known(mode)));
    m_chunk->setToolTip(m_model->dialect() == atb::Dialect::Esp ? tr("1 to 8192 bytes per AT+CIPSEND")
                                                                : tr("1 to 2048 bytes per AT+CIPSEND (1024 recommended)"));
}

void ThroughputPage::setLineBaud(qint64 baud)
{
    if (baud <= 0)
        return;
    m_lineBaud = baud;
    m_baud->setCurrentText(QString::number(baud));
}

LabSettings ThroughputPage::settings() const
{
    LabSettings s;
    s.mode = Mode(m_mode->currentData().toInt());
    s.protocol = LabSettings::Protocol(m_protocol->currentData().toInt());
    s.peerAddress = m_address->currentText().trimmed();
    s.peerPort = quint16(m_port->value());
    s.chunkSize = m_chunk->value();
    s.durationMs = int(qRound(m_duration->value() * 1000.0));
    bool ok = false;
    s.baud = m_baud->currentText().toLongLong(&ok);
    if (!ok)
        s.baud = 0;
    return s;
}

void ThroughputPage::setSettings(const LabSettings &s)
{
    m_mode->setCurrentIndex(qMax(0, m_mode->findData(int(s.mode))));
    m_protocol->setCurrentIndex(qMax(0, m_protocol->findData(int(s.protocol))));
    m_address->setCurrentText(s.peerAddress);
    m_port->setValue(s.peerPort);
    m_chunk->setValue(s.chunkSize);
    m_duration->setValue(s.durationMs / 1000.0);
    m_baud->setCurrentText(QString::number(s.baud));
    validate();
}

bool ThroughputPage::canApply() const
{
    return m_lab->planRun(settings()).ok();
}

bool ThroughputPage::validate()
{
    const atb::OperationPlan pv = m_lab->planRun(settings());
    if (showPlanError(pv) && !pv.warning.isEmpty())
        showFieldError("length", pv.warning);
    updatePreview();
    updateButtons();
    return pv.ok();
}

void ThroughputPage::updatePreview()
{
    const atb::OperationPlan pv = m_lab->planRun(settings());
    if (!pv.ok()) {
        setPreviewText(tr("# nothing is sent: %1").arg(pv.error));
        return;
    }
    QStringList text;
    for (const QByteArray &l : pv.lines())
        text << QString::fromUtf8(l);
    const Mode mode = settings().mode;
    if (mode == Mode::SendNormal || mode == Mode::Echo)
        text.insert(qMax<qsizetype>(0, text.size() - 1), tr("… (one per chunk: %n byte(s))", "",
                                                              settings().chunkSize));
    else if (settings().passthrough())
        text.insert(qMax<qsizetype>(0, text.size() - (atb::Dialect::Esp == m_lab->dialect() ? 2 : 1)),
                    tr("… raw bytes, then +++"));
    setPreviewText(text.join(QLatin1Char('\n')));
}

void ThroughputPage::apply()
{
    if (isBusy())
        return;
    if (!validate()) {
        setStatus(tr("Not started: correct the marked field first."), true);
        return;
    }
    m_plot->clear();
    started(m_lab->start(settings()));
}

void ThroughputPage::read()
{
    if (isBusy())
        return;
    started(m_lab->readStatus());
}

void ThroughputPage::onBusyChanged(bool busy)
{
    setBusy(busy);
    m_stop->setEnabled(busy);
    if (busy)
        setStatus(tr("Running…"));
    else
        m_phase->clear();
    validate();
}

void ThroughputPage::onSample(const atb::ThroughputSample &s)
{
    const ThroughputMeter *m = m_lab->meter();
    const double t = double(s.tMs) / 1000.0;
    for (int i = 0; i < 4; ++i) {
        const double oneS = m->average(kPlotted[i], 1000);
        m_plot->append(i, t, oneS);
        m_rateValue[i]->setText(tr("%1 (10 s: %2)").arg(ThroughputMeter::formatRate(oneS),
                                                         ThroughputMeter::formatRate(m->average(kPlotted[i], 10000))));
    }
    const LabSettings st = settings();
    const double line = double(st.baud) / 10.0;
    if (line > 0) {
        const double payload = st.sendsFromModule() ? m->average(ThroughputPath::PeerRx, 1000)
                                                    : m->average(ThroughputPath::PeerTx, 1000);
        m_effValue->setText(tr("%1 % of %2 line rate").arg(payload / line * 100.0, 0, 'f', 1)
                                .arg(ThroughputMeter::formatRate(line)));
    }
}

void ThroughputPage::onProgress(const atb::LabProgress &p)
{
    m_phase->setText(p.phase);
    m_countValue->setText(tr("%1 / %2, %n integrity error(s)", "", int(p.integrityErrors))
                              .arg(ThroughputMeter::formatBytes(p.sentBytes), ThroughputMeter::formatBytes(p.deliveredBytes)));
}

void ThroughputPage::onFinished(const atb::LabResult &r)
{
    setStatus(r.message, !r.ok);
    if (!r.ok && r.sentBytes == 0)
        return;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto set = [&](int col, const QString &text) {
        auto *item = new QTableWidgetItem(text);
        if (col > 0)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, col, item);
    };
    set(0, LabSettings::modeName(r.settings.mode) + (r.settings.protocol == LabSettings::Protocol::Udp ? tr(" UDP") : QString()));
    set(1, QString::number(r.settings.chunkSize));
    set(2, tr("%1 s").arg(double(r.elapsedMs) / 1000.0, 0, 'f', 1));
    set(3, ThroughputMeter::formatRate(r.goodputBps));
    set(4, QString::number(r.efficiency * 100.0, 'f', 1));
    set(5, r.settings.mode == Mode::SendNormal && r.modelEfficiency > 0
               ? QString::number(r.efficiency / r.modelEfficiency * 100.0, 'f', 1)
               : QStringLiteral("-"));
    set(6, ThroughputMeter::formatBytes(r.sentBytes));
    set(7, ThroughputMeter::formatBytes(r.lostBytes));
    set(8, QString::number(r.integrityErrors));
    set(9, r.rttMedianMs >= 0 ? tr("%1 ms").arg(r.rttMedianMs, 0, 'f', 2) : QStringLiteral("-"));
    m_table->scrollToBottom();
}

void ThroughputPage::exportPlot(const QString &title, const QString &suggested, const QString &filters,
                                const std::function<bool(const QString &, QString *)> &write, const QString &saved)
{
    if (!m_messages)
        return;
    const QString path = m_messages->saveFileName(title, suggested, filters, nullptr);
    if (path.isEmpty())
        return;
    QString error;
    if (!write(path, &error))
        m_messages->warning(title, error);
    else
        setStatus(saved.arg(path));
}

void ThroughputPage::exportPng()
{
    exportPlot(tr("Export graph"), QStringLiteral("throughput.png"), tr("PNG images (*.png)"),
               [this](const QString &path, QString *error) { return m_plot->exportPng(path, error); },
               tr("Graph saved to %1."));
}

void ThroughputPage::exportCsv()
{
    exportPlot(tr("Export rates"), QStringLiteral("throughput.csv"), tr("CSV files (*.csv)"),
               [this](const QString &path, QString *error) { return m_plot->exportCsv(path, error); },
               tr("Rates saved to %1."));
}

void ThroughputPage::prepareScreenshot()
{
    atb::LabSettings s = settings();
    s.mode = atb::LabSettings::Mode::Echo;
    s.durationMs = 3000;
    setSettings(s);
    apply();
}
