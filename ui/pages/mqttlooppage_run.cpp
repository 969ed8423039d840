// MqttLoopPage: the run (Start, Stop, the loop's events into the diagram, the feeds and the
// graphs) and the --screenshot flow. Construction, the client, the brokers, the diagram's boxes
// and the texts are in mqttlooppage.cpp.
#include "mqttlooppage.h"

#include "brokerclientform.h"
#include "loopsettingsform.h"

#include "model/devicemodel.h"
#include "widgets/loopdiagram.h"
#include "widgets/mqttmessagefeed.h"
#include "widgets/throughputplot.h"

#include <QPushButton>
#include <QTabWidget>

using atb::BrokerClient;
using atb::LocalBroker;
using atb::LoopEvent;
using atb::LoopStats;

namespace {
constexpr int kScreenshotLimitMs = 14000;
}

// ---- the run ----------------------------------------------------------------------------------------

void MqttLoopPage::apply()
{
    const atb::LoopSettings s = m_loopForm->settings();
    QByteArray field;
    if (const QString why = s.validate(&field); !why.isEmpty()) {
        showFieldError(field, why, LoopSettingsForm::kScope);
        setStatus(tr("Not started: %1").arg(why), true);
        return;
    }
    QString error;
    if (!m_service->loop()->start(s, &error)) {
        setStatus(tr("Not started: %1").arg(error), true);
        return;
    }
    m_loopForm->setVerdict(QString(), true);
    // The feeds, like the counters, start with the run: what they list is what the figures count.
    m_pendingModule.clear();
    m_pendingApp.clear();
    m_moduleFeed->clear();
    m_appFeed->clear();
    m_diagram->clearSamples();
    m_ratePlot->clear();
    m_latencyPlot->clear();
    m_lastUp = m_lastDown = 0;
    m_plotT0 = -1;
    m_sampleTimer.start();
    setStatus(s.count ? tr("Running: %n message(s) each way…", nullptr, s.count) : tr("Running until Stop…"));
}

void MqttLoopPage::stop()
{
    m_service->loop()->stop();
    setStatus(tr("Stopping: waiting for the messages still on their way…"));
}

void MqttLoopPage::onLoopEvent(const LoopEvent &e)
{
    switch (e.kind) {
    case LoopEvent::Kind::Received: m_diagram->pulse(e.moduleToApp, true); break;
    case LoopEvent::Kind::Lost:
    case LoopEvent::Kind::Failed:
    case LoopEvent::Kind::Corrupted: m_diagram->pulse(e.moduleToApp, false); break;
    default: break;
    }
}

void MqttLoopPage::onStats()
{
    const LoopStats s = m_service->loop()->stats();
    auto figures = [](const atb::LoopDirectionStats &d) {
        LoopDiagram::Figures f;
        f.sent = d.sent;
        f.received = d.received;
        f.lost = d.lost;
        f.corrupted = d.corrupted;
        f.duplicated = d.duplicated;
        f.latencyMs = d.latencyMedianMs;
        return f;
    };
    m_diagram->setFigures(true, figures(s.moduleToApp));
    m_diagram->setFigures(false, figures(s.appToModule));
}

void MqttLoopPage::sample()
{
    const LoopStats s = m_service->loop()->stats();
    const double dt = kSampleMs / 1000.0;
    const double upRate = double(s.moduleToApp.received - m_lastUp) / dt;
    const double downRate = double(s.appToModule.received - m_lastDown) / dt;
    m_lastUp = s.moduleToApp.received;
    m_lastDown = s.appToModule.received;
    m_diagram->addSample(upRate, downRate, s.moduleToApp.latencyLastMs, s.appToModule.latencyLastMs);
    if (m_plotT0 < 0)
        m_plotT0 = 0;
    m_plotT0 += dt;
    m_ratePlot->append(0, m_plotT0, upRate);
    m_ratePlot->append(1, m_plotT0, downRate);
    if (s.moduleToApp.latencyLastMs >= 0)
        m_latencyPlot->append(0, m_plotT0, s.moduleToApp.latencyLastMs);
    if (s.appToModule.latencyLastMs >= 0)
        m_latencyPlot->append(1, m_plotT0, s.appToModule.latencyLastMs);
    if (!m_service->loop()->isActive())
        m_sampleTimer.stop();
}

void MqttLoopPage::flushFeeds()
{
    // Hidden feeds wait (bounded): nobody reads them, and a busy broker costs nothing then.
    if (m_tabs->currentIndex() != MessagesTab || !isVisible())
        return;
    if (!m_pendingModule.isEmpty()) {
        m_moduleFeed->appendBatch(m_pendingModule);
        m_pendingModule.clear();
    }
    if (!m_pendingApp.isEmpty()) {
        m_appFeed->appendBatch(m_pendingApp);
        m_pendingApp.clear();
    }
}

void MqttLoopPage::showEvent(QShowEvent *event)
{
    FormPage::showEvent(event);
    flushFeeds();
}

void MqttLoopPage::onFinished(bool passed, const QString &verdict)
{
    onStats();
    sample();
    m_loopForm->setVerdict(verdict, passed);
    setStatus(verdict, !passed);
    updateButtons();
    advanceScreenshot();
}

// ---- --screenshot -----------------------------------------------------------------------------------

void MqttLoopPage::prepareScreenshot()
{
    m_screenshot = true;
    m_screenshotStep = 0;
    QTimer::singleShot(kScreenshotLimitMs, this, [this] { m_screenshot = false; });
    advanceScreenshot();
}

bool MqttLoopPage::isScreenshotPending() const
{
    return m_screenshot;
}

// One step at a time, each tried once: the local broker, AT Bench's client, the module, a short run.
void MqttLoopPage::advanceScreenshot()
{
    if (!m_screenshot)
        return;
    LocalBroker *local = m_service->localBroker();
    BrokerClient *client = m_service->client();
    if (!local->isRunning()) {
        if (m_screenshotStep >= 1 && local->state() != LocalBroker::State::Starting)
            m_screenshot = false; // it did not start: the page shows why
        else if (m_screenshotStep == 0) {
            m_screenshotStep = 1;
            startLocalBroker();
        }
        return;
    }
    if (!client->isConnected()) {
        if (m_screenshotStep >= 2 && client->state() == BrokerClient::State::Disconnected)
            m_screenshot = false;
        else if (m_screenshotStep < 2) {
            m_screenshotStep = 2;
            useLocalBroker();
            connectClient();
        }
        return;
    }
    if (m_model->mqtt().state < 4) {
        if (m_screenshotStep >= 3 && !m_service->moduleSetup()->isBusy())
            m_screenshot = false;
        else if (m_screenshotStep < 3) {
            m_screenshotStep = 3;
            connectModule();
        }
        return;
    }
    if (m_screenshotStep < 4) {
        m_screenshotStep = 4;
        atb::LoopSettings s = m_loopForm->settings();
        s.count = 40;
        s.rate = 20;
        m_loopForm->setSettings(s);
        apply();
        if (!m_service->loop()->isActive())
            m_screenshot = false;
        return;
    }
    if (!m_service->loop()->isActive()) {
        flushFeeds();
        m_screenshot = false;
    }
}

