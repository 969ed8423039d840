#pragma once

#include <QLineEdit>
#include <QStringList>

// A line edit that recalls earlier entries with Up/Down (newest first), like a shell.
class HistoryLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    static constexpr int kMaxHistory = 200;

    explicit HistoryLineEdit(QWidget *parent = nullptr);

    QStringList history() const { return m_history; } // oldest first
    void setHistory(const QStringList &history);
    // Appends (dropping an identical last entry and the oldest beyond kMaxHistory) and resets
    // the recall position.
    void addToHistory(const QString &entry);

signals:
    void historyChanged();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void recall(int step);

    QStringList m_history;
    int m_pos = 0;       // == m_history.size(): editing a new line
    QString m_draft;     // what was typed before recalling
};
