// ProvisioningPage's widgets and their texts (buildUi, retranslate); the behaviour is in
// provisioningpage.cpp.
#include "provisioningpage.h"

#include "pagecommon.h"

#include "simulatorlink.h"
#include "widgets/stationtablemodel.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace atb;

namespace {

constexpr int kMaxSimulated = 16;

// A clipboard with a tick: the page icon, drawn from the palette.
QIcon clipboardIcon(const QPalette &pal)
{
    return paletteIcon([&pal](QPainter &p, qreal s) {
        p.setPen(QPen(pal.color(QPalette::Text), 1.6 * s));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(QRectF(5 * s, 4 * s, 14 * s, 17 * s), 2 * s, 2 * s);
        p.drawRect(QRectF(9 * s, 2.5 * s, 6 * s, 3 * s));
        p.drawPolyline(QPolygonF({ QPointF(8.5 * s, 13 * s), QPointF(11 * s, 15.5 * s), QPointF(15.5 * s, 10 * s) }));
    });
}

} // namespace

void ProvisioningPage::buildUi()
{
    auto *form = new QWidget(this);
    auto *layout = new QVBoxLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;

    m_profileBox = new QGroupBox(form);
    auto *pl = new QGridLayout(m_profileBox);
    m_profileLabel = new QLabel(m_profileBox);
    m_profilePath = new QLineEdit(m_profileBox);
    m_profilePath->setObjectName(QStringLiteral("profilePath"));
    m_profileLabel->setBuddy(m_profilePath);
    m_open = new QPushButton(m_profileBox);
    m_open->setObjectName(QStringLiteral("openProfileButton"));
    m_saveModule = new QPushButton(m_profileBox);
    m_saveModule->setObjectName(QStringLiteral("saveModuleButton"));
    m_summary = makeValueLabel(m_profileBox, "profileSummary", true);
    m_allFields = new QRadioButton(m_profileBox);
    m_allFields->setObjectName(QStringLiteral("allFieldsButton"));
    m_allFields->setChecked(true);
    m_onlyChanges = new QRadioButton(m_profileBox);
    m_onlyChanges->setObjectName(QStringLiteral("onlyChangesButton"));
    pl->addWidget(m_profileLabel, 0, 0);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_profilePath);
    pl->addLayout(withFieldError(pathRow, m_profilePath, "profile"), 0, 1);
    pl->addWidget(m_open, 0, 2);
    pl->addWidget(m_saveModule, 1, 2);
    pl->addWidget(m_summary, 1, 1, 2, 1);
    auto *modes = new QHBoxLayout;
    modes->addWidget(m_allFields);
    modes->addWidget(m_onlyChanges);
    modes->addStretch(1);
    pl->addLayout(modes, 3, 1, 1, 2);
    pl->setColumnStretch(1, 1);
    top->addWidget(m_profileBox, 3);

    m_modulesBox = new QGroupBox(form);
    auto *ml = new QGridLayout(m_modulesBox);
    m_ports = new QListWidget(m_modulesBox);
    m_ports->setObjectName(QStringLiteral("portList"));
    m_ports->setMaximumHeight(80);
    m_bridgesLabel = new QLabel(m_modulesBox);
    m_bridges = new QLineEdit(m_modulesBox);
    m_bridges->setObjectName(QStringLiteral("bridgesEdit"));
    m_bridgesLabel->setBuddy(m_bridges);
    m_simLabel = new QLabel(m_modulesBox);
    m_simCount = new QSpinBox(m_modulesBox);
    m_simCount->setObjectName(QStringLiteral("simulatorCount"));
    m_simCount->setRange(0, kMaxSimulated);
    m_simLabel->setBuddy(m_simCount);
    m_simLabel->setVisible(SimulatorLink::isBuiltIn());
    m_simCount->setVisible(SimulatorLink::isBuiltIn());
    m_stationMode = new QCheckBox(m_modulesBox);
    m_stationMode->setObjectName(QStringLiteral("stationModeCheck"));
    ml->addWidget(withFieldError(m_ports, "ports"), 0, 0, 1, 2);
    ml->addWidget(m_bridgesLabel, 1, 0);
    auto *bridgesRow = new QHBoxLayout;
    bridgesRow->addWidget(m_bridges);
    ml->addLayout(withFieldError(bridgesRow, m_bridges, "bridges"), 1, 1);
    ml->addWidget(m_simLabel, 2, 0);
    ml->addWidget(m_simCount, 2, 1, Qt::AlignLeft);
    ml->addWidget(m_stationMode, 3, 0, 1, 2);
    ml->setColumnStretch(1, 1);
    top->addWidget(m_modulesBox, 3);

    m_reportsBox = new QGroupBox(form);
    auto *rl = new QGridLayout(m_reportsBox);
    m_reportDir = new QLineEdit(m_reportsBox);
    m_reportDir->setObjectName(QStringLiteral("reportDirEdit"));
    m_chooseDir = new QPushButton(m_reportsBox);
    m_chooseDir->setObjectName(QStringLiteral("chooseReportDirButton"));
    m_reportHint = new QLabel(m_reportsBox);
    m_reportHint->setWordWrap(true);
    m_publishLabel = new QLabel(m_reportsBox);
    m_publish = new QLineEdit(m_reportsBox);
    m_publish->setObjectName(QStringLiteral("publishEdit"));
    m_publishLabel->setBuddy(m_publish);
    auto *publishRow = new QHBoxLayout;
    publishRow->addWidget(m_publish);
    rl->addWidget(m_reportDir, 0, 0);
    rl->addWidget(m_chooseDir, 0, 1);
    rl->addWidget(m_reportHint, 1, 0, 1, 2);
    rl->addWidget(m_publishLabel, 2, 0, 1, 2);
    rl->addLayout(withFieldError(publishRow, m_publish, "publish"), 3, 0, 1, 2);
    rl->setRowStretch(4, 1);
    top->addWidget(m_reportsBox, 2);
    layout->addLayout(top);

    m_table = new QTableView(form);
    m_table->setObjectName(QStringLiteral("stationTable"));
    m_table->setModel(m_tableModel);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(StationTableModel::StepColumn, QHeaderView::Stretch);
    m_fields = new QTreeWidget(form);
    m_fields->setObjectName(QStringLiteral("fieldTable"));
    m_fields->setRootIsDecorated(false);
    m_fields->setColumnCount(5);
    m_fields->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_fields->header()->setStretchLastSection(true);
    auto *split = new QSplitter(Qt::Vertical, form);
    split->addWidget(m_table);
    split->addWidget(m_fields);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    auto *rowButtons = new QHBoxLayout;
    m_stop = new QPushButton(form);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_retry = new QPushButton(form);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_log = new QPushButton(form);
    m_log->setObjectName(QStringLiteral("logButton"));
    m_report = new QPushButton(form);
    m_report->setObjectName(QStringLiteral("reportButton"));
    rowButtons->addWidget(m_stop);
    rowButtons->addStretch(1);
    rowButtons->addWidget(m_retry);
    rowButtons->addWidget(m_log);
    rowButtons->addWidget(m_report);
    layout->addLayout(rowButtons);

    setForm(form);
    // While a batch runs the table and its buttons stay usable.
    setBusyWidgets({ m_profileBox, m_modulesBox, m_reportsBox });
    revertButton()->hide();
}

void ProvisioningPage::retranslate()
{
    FormPage::retranslate();
    setWindowTitle(tr("Provisioning"));
    setToolTip(tr("One profile onto many modules at once, every field read back and verified"));
    setWindowIcon(clipboardIcon(palette()));
    readButton()->setText(tr("&Refresh"));
    readButton()->setToolTip(tr("Scan the ports again and reload the profile file (F5)"));
    applyButton()->setText(tr("&Start"));
    applyButton()->setToolTip(tr("Provision every module chosen (Ctrl+Return)"));
    showAtButton()->setToolTip(tr("Show the exact AT lines a fresh module receives"));
    m_profileBox->setTitle(tr("Profile"));
    m_profileLabel->setText(tr("&File:"));
    m_profilePath->setPlaceholderText(tr("a profile (.json); Enter loads it"));
    m_open->setText(tr("&Open…"));
    m_saveModule->setText(tr("Save &module as profile…"));
    m_saveModule->setToolTip(tr("Read everything the connected module reports and save it as a profile"));
    m_allFields->setText(tr("Every field"));
    m_allFields->setToolTip(tr("Send every value the profile names, even those a module already has"));
    m_onlyChanges->setText(tr("Only what differs"));
    m_onlyChanges->setToolTip(tr("Read each module first and send only the values that differ"));
    m_modulesBox->setTitle(tr("Modules"));
    m_ports->setToolTip(tr("Serial ports: tick the modules to provision"));
    m_bridgesLabel->setText(tr("TCP &bridges:"));
    m_bridges->setPlaceholderText(tr("tcp:HOST:PORT, separated by commas"));
    m_simLabel->setText(tr("Built-in &simulated modules:"));
    m_stationMode->setText(tr("S&tation mode: provision every adapter plugged in"));
    m_stationMode->setToolTip(tr("While it runs, each serial adapter that appears is provisioned at once; one "
                                 "that disappears is reported"));
    m_reportsBox->setTitle(tr("Reports"));
    m_reportDir->setPlaceholderText(tr("folder (optional)"));
    m_chooseDir->setText(tr("C&hoose…"));
    m_reportHint->setText(tr("Per module a JSON report and its log; per batch report.csv, junit.xml and report.html."));
    m_publishLabel->setText(tr("Also &publish each report to:"));
    m_publish->setPlaceholderText(tr("mqtt://HOST:PORT/TOPIC (optional)"));
    m_publish->setToolTip(tr("An MQTT broker and topic for each module's JSON report; the topic may use ${MAC}, "
                             "${INDEX}, ..."));
    m_stop->setText(tr("Sto&p"));
    m_stop->setToolTip(tr("Stop every module after the command in flight (and station mode)"));
    m_retry->setText(tr("Re&try"));
    m_retry->setToolTip(tr("Run the selected module again"));
    m_log->setText(tr("Open &log"));
    m_log->setToolTip(tr("The selected module's conversation (passwords masked)"));
    m_report->setText(tr("Open re&port"));
    m_report->setToolTip(tr("The selected module's report: every field desired, actual and verdict"));
    m_tableModel->retranslate();
    m_fields->setHeaderLabels({ tr("Field"), tr("Desired"), tr("Actual"), tr("Verdict"), tr("Note") });
    updateSummary();
    showFields();
}
