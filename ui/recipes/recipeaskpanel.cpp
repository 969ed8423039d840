#include "recipeaskpanel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

RecipeAskPanel::RecipeAskPanel(QWidget *parent)
    : QFrame(parent), m_title(new QLabel(this)), m_question(new QLabel(this)), m_answer(new QLineEdit(this)),
      m_send(new QPushButton(this)), m_choiceRow(new QHBoxLayout)
{
    setObjectName(QStringLiteral("recipeAsk"));
    setFrameShape(QFrame::StyledPanel);
    m_question->setObjectName(QStringLiteral("recipeAskQuestion"));
    m_question->setWordWrap(true);
    m_question->setTextFormat(Qt::PlainText);
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    m_answer->setObjectName(QStringLiteral("recipeAskAnswer"));
    m_send->setObjectName(QStringLiteral("recipeAskSend"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_answer, 1);
    row->addWidget(m_send);
    auto *lay = new QVBoxLayout(this);
    lay->addWidget(m_title);
    lay->addWidget(m_question);
    lay->addLayout(m_choiceRow);
    lay->addLayout(row);
    connect(m_send, &QPushButton::clicked, this, [this] { give(m_answer->text()); });
    connect(m_answer, &QLineEdit::returnPressed, this, [this] { give(m_answer->text()); });
    hide();
    retranslate();
}

void RecipeAskPanel::ask(quint64 id, const QString &question, const QStringList &choices)
{
    m_id = id;
    m_question->setText(question);
    qDeleteAll(m_choices);
    m_choices.clear();
    for (const QString &c : choices) {
        auto *b = new QPushButton(c, this);
        b->setObjectName(QStringLiteral("recipeAskChoice%1").arg(m_choices.size()));
        connect(b, &QPushButton::clicked, this, [this, c] { give(c); });
        m_choiceRow->addWidget(b);
        m_choices << b;
    }
    m_answer->setVisible(choices.isEmpty());
    m_send->setVisible(choices.isEmpty());
    m_answer->clear();
    show();
    if (choices.isEmpty())
        m_answer->setFocus();
    else
        m_choices.first()->setFocus();
}

void RecipeAskPanel::close(quint64 id)
{
    if (id != m_id)
        return;
    m_id = 0;
    hide();
}

void RecipeAskPanel::give(const QString &text)
{
    if (m_id == 0)
        return;
    const quint64 id = m_id;
    m_id = 0;
    hide();
    emit answered(id, text);
}

void RecipeAskPanel::retranslate()
{
    m_title->setText(tr("The recipe asks:"));
    m_send->setText(tr("&Answer"));
    m_answer->setPlaceholderText(tr("Type the answer and press Enter"));
}

void RecipeAskPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}
