#pragma once

#include <QFrame>
#include <QStringList>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;

// A recipe's ask() question, answered in place (the run goes on waiting; nothing modal): the
// question, then a button per choice, or a line to type the answer into.
class RecipeAskPanel : public QFrame
{
    Q_OBJECT
public:
    explicit RecipeAskPanel(QWidget *parent = nullptr);

    void ask(quint64 id, const QString &question, const QStringList &choices);
    // The question `id` needs no answer any more (the run ended or gave up waiting).
    void close(quint64 id);
    quint64 pendingId() const { return m_id; }
    QLabel *questionLabel() const { return m_question; }
    QLineEdit *answerEdit() const { return m_answer; }
    QPushButton *answerButton() const { return m_send; }
    QList<QPushButton *> choiceButtons() const { return m_choices; }
    void retranslate();

signals:
    void answered(quint64 id, const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void give(const QString &text);

    quint64 m_id = 0;
    QLabel *m_title;
    QLabel *m_question;
    QLineEdit *m_answer;
    QPushButton *m_send;
    QHBoxLayout *m_choiceRow;
    QList<QPushButton *> m_choices;
};
