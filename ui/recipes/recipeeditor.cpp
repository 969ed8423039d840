#include "recipeeditor.h"

#include "jshighlighter.h"
#include "recipes/recipeapinames.h"
#include "theme.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>

class RecipeEditor::LineNumbers : public QWidget
{
public:
    explicit LineNumbers(RecipeEditor *editor) : QWidget(editor), m_editor(editor) { }
    QSize sizeHint() const override { return QSize(m_editor->lineNumberWidth(), 0); }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }

private:
    RecipeEditor *m_editor;
};

RecipeEditor::RecipeEditor(QWidget *parent)
    : QPlainTextEdit(parent), m_lineNumbers(new LineNumbers(this)), m_highlighter(new JsHighlighter(document())),
      m_completer(new QCompleter(this)), m_completions(new QStringListModel(this))
{
    setObjectName(QStringLiteral("recipeEditor"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    m_highlighter->setPalette(palette());

    m_completer->setObjectName(QStringLiteral("recipeCompleter"));
    m_completer->setModel(m_completions);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseSensitive);
    m_completer->setMaxVisibleItems(12);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &RecipeEditor::insertCompletion);
    connect(m_completer, qOverload<const QString &>(&QCompleter::highlighted), this, [this](const QString &name) {
        m_completer->popup()->setToolTip(atb::recipeapi::signature(name));
    });

    connect(this, &QPlainTextEdit::blockCountChanged, this, &RecipeEditor::updateMargins);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_lineNumbers->scroll(0, dy);
        else
            m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
    });
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (m_errorLine > 0) {
            m_errorLine = 0;
            updateSelections();
        }
    });
    updateMargins();
}

QStringList RecipeEditor::completionsFor(const QString &prefix)
{
    QStringList out;
    if (prefix.isEmpty())
        return out;
    QStringList all = atb::recipeapi::members();
    if (!prefix.contains(QLatin1Char('.')))
        all = atb::recipeapi::globalFunctions() + atb::recipeapi::namespaces() + atb::recipeapi::javaScriptKeywords();
    for (const QString &name : std::as_const(all))
        if (name.startsWith(prefix) && name != prefix && !out.contains(name))
            out << name;
    return out;
}

QString RecipeEditor::wordBeforeCursor() const
{
    const QTextCursor c = textCursor();
    const QString line = c.block().text().left(c.positionInBlock());
    int start = int(line.size());
    while (start > 0 && (line.at(start - 1).isLetterOrNumber() || line.at(start - 1) == QLatin1Char('_')
                         || line.at(start - 1) == QLatin1Char('.')))
        --start;
    return line.mid(start);
}

bool RecipeEditor::complete(bool force)
{
    const QString word = wordBeforeCursor();
    const bool afterDot = word.endsWith(QLatin1Char('.'));
    if (!force && !afterDot && word.size() < 2) {
        m_completer->popup()->hide();
        return false;
    }
    const QStringList list = completionsFor(word);
    if (list.isEmpty()) {
        m_completer->popup()->hide();
        return false;
    }
    m_completions->setStringList(list);
    m_completer->setCompletionPrefix(word);
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    QRect r = cursorRect();
    r.setWidth(m_completer->popup()->sizeHintForColumn(0) + m_completer->popup()->verticalScrollBar()->sizeHint().width());
    m_completer->complete(r);
    return true;
}

void RecipeEditor::insertCompletion(const QString &completion)
{
    QTextCursor c = textCursor();
    const QString word = wordBeforeCursor();
    c.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(word.size()));
    c.insertText(completion);
    setTextCursor(c);
}

void RecipeEditor::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Tab:
        case Qt::Key_Escape:
        case Qt::Key_Backtab:
            event->ignore(); // the popup takes them
            return;
        default:
            break;
        }
    }
    if (event->key() == Qt::Key_Space && (event->modifiers() & Qt::ControlModifier)) {
        complete(true);
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
    const QString typed = event->text();
    if (!typed.isEmpty() && (typed.at(0).isLetterOrNumber() || typed == QLatin1String(".") || typed == QLatin1String("_")))
        complete(false);
    else if (m_completer->popup()->isVisible() && event->key() != Qt::Key_Backspace)
        m_completer->popup()->hide();
}

void RecipeEditor::markErrorLine(int line)
{
    m_errorLine = line;
    if (line > 0) {
        const QTextBlock b = document()->findBlockByNumber(line - 1);
        if (b.isValid()) {
            QTextCursor c(b);
            setTextCursor(c);
            centerCursor();
        }
    }
    updateSelections();
}

void RecipeEditor::updateSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (m_errorLine > 0) {
        QTextEdit::ExtraSelection s;
        QColor c = ThemeColours::fromPalette(palette()).error;
        c.setAlpha(60);
        s.format.setBackground(c);
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        s.cursor = QTextCursor(document()->findBlockByNumber(m_errorLine - 1));
        selections << s;
    }
    setExtraSelections(selections);
}

int RecipeEditor::lineNumberWidth() const
{
    int digits = 1;
    for (int max = std::max(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return 8 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(3, digits);
}

void RecipeEditor::updateMargins()
{
    setViewportMargins(lineNumberWidth(), 0, 0, 0);
}

void RecipeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_lineNumbers->setGeometry(QRect(cr.left(), cr.top(), lineNumberWidth(), cr.height()));
}

void RecipeEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(palette());
        updateSelections();
    }
    QPlainTextEdit::changeEvent(event);
}

void RecipeEditor::paintLineNumbers(QPaintEvent *event)
{
    QPainter p(m_lineNumbers);
    const QPalette pal = palette();
    p.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const ThemeColours colours = ThemeColours::fromPalette(pal);
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int number = block.blockNumber() + 1;
            p.setPen(number == m_errorLine ? colours.error : pal.color(QPalette::Disabled, QPalette::Text));
            p.drawText(0, top, m_lineNumbers->width() - 4, fontMetrics().height(), Qt::AlignRight, QString::number(number));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}
