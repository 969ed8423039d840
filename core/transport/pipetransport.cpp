#include "pipetransport.h"

#include <QMetaObject>

namespace atb {

std::pair<PipeTransport *, PipeTransport *> PipeTransport::createPair(const QString &name,
                                                                      QObject *parent)
{
    auto *a = new PipeTransport(name, parent);
    auto *b = new PipeTransport(name + QStringLiteral(" (device side)"), parent);
    a->m_peer = b;
    b->m_peer = a;
    return { a, b };
}

void PipeTransport::open()
{
    setState(State::Open);
}

void PipeTransport::close()
{
    setState(State::Closed);
}

void PipeTransport::write(const QByteArray &bytes)
{
    if (!isOpen()) {
        emit errorOccurred(tr("Write on a closed pipe"), false);
        return;
    }
    if (m_peer)
        QMetaObject::invokeMethod(m_peer, "deliver", Qt::QueuedConnection, Q_ARG(QByteArray, bytes));
    const qint64 n = bytes.size();
    QMetaObject::invokeMethod(this, [this, n] { emit bytesWritten(n); }, Qt::QueuedConnection);
}

void PipeTransport::deliver(const QByteArray &bytes)
{
    if (isOpen())
        emit received(bytes);
}

void PipeTransport::breakLink()
{
    if (!isOpen())
        return;
    setState(State::Closed);
    emit errorOccurred(tr("%1: link lost").arg(m_name), true);
}

} // namespace atb
