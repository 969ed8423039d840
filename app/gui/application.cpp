#include "application.h"

#include "engine/devicesession.h"
#include "mainwindow.h"
#include "model/devicemodel.h"

using namespace atb;

Application::Application()
{
    m_ioThread.setObjectName(QStringLiteral("atbench-io"));
    m_session = new DeviceSession;
    m_session->moveToThread(&m_ioThread);
    connect(&m_ioThread, &QThread::finished, m_session, &QObject::deleteLater);
    m_ioThread.start();

    m_model = new DeviceModel(this);
    connect(m_session, &DeviceSession::commandFinished, m_model, &DeviceModel::applyResult);
    connect(m_session, &DeviceSession::urcReceived, m_model, &DeviceModel::applyUrc);
    connect(m_session, &DeviceSession::stateChanged, m_model, [this](DeviceSession::State s) {
        m_model->setPassthrough(s == DeviceSession::State::Passthrough);
        if (s == DeviceSession::State::Disconnected)
            m_model->reset();
    });
    connect(m_model, &DeviceModel::dialectChanged, m_session, &DeviceSession::setDialect);

    m_window = std::make_unique<MainWindow>(m_session, m_model);
}

Application::~Application()
{
    m_window.reset();
    m_session->close();
    m_ioThread.quit();
    m_ioThread.wait();
}
