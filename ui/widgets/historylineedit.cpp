#include "historylineedit.h"

#include <QKeyEvent>

HistoryLineEdit::HistoryLineEdit(QWidget *parent) : QLineEdit(parent) { }

void HistoryLineEdit::setHistory(const QStringList &history)
{
    m_history = history.mid(qMax(0, int(history.size()) - kMaxHistory));
    m_pos = int(m_history.size());
    m_draft.clear();
}

void HistoryLineEdit::addToHistory(const QString &entry)
{
    if (!entry.isEmpty() && (m_history.isEmpty() || m_history.constLast() != entry)) {
        m_history.append(entry);
        while (m_history.size() > kMaxHistory)
            m_history.removeFirst();
        emit historyChanged();
    }
    m_pos = int(m_history.size());
    m_draft.clear();
}

void HistoryLineEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Up && event->modifiers() == Qt::NoModifier) {
        recall(-1);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Down && event->modifiers() == Qt::NoModifier) {
        recall(+1);
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void HistoryLineEdit::recall(int step)
{
    const int n = int(m_history.size());
    const int next = qBound(0, m_pos + step, n);
    if (next == m_pos)
        return;
    if (m_pos == n)
        m_draft = text();
    m_pos = next;
    setText(m_pos == n ? m_draft : m_history.at(m_pos));
}
