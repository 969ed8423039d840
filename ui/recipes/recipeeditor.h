#pragma once

#include <QPlainTextEdit>

class JsHighlighter;
class QCompleter;
class QStringListModel;

// The recipe editor: a fixed-width text editor with line numbers, JavaScript and recipe-API
// highlighting, completion of the API's names (as you type two letters, or Ctrl+Space; a
// member list after "wifi." and the like) with each name's signature as its tooltip, and a
// marked line for a script error.
class RecipeEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit RecipeEditor(QWidget *parent = nullptr);

    // Marks `line` (1-based) as the one an error points at and moves the cursor there; 0 clears.
    void markErrorLine(int line);
    int errorLine() const { return m_errorLine; }
    QCompleter *completer() const { return m_completer; }
    // What completion offers for `prefix` ("wi" -> wifi, while; "wifi.j" -> wifi.join).
    static QStringList completionsFor(const QString &prefix);
    // The word (with dots) left of the cursor.
    QString wordBeforeCursor() const;
    // Shows the completion popup for the word before the cursor; false when nothing matches.
    bool complete(bool force = false);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    class LineNumbers;
    int lineNumberWidth() const;
    void paintLineNumbers(QPaintEvent *event);
    void updateMargins();
    void insertCompletion(const QString &completion);
    void updateSelections();

    LineNumbers *m_lineNumbers;
    JsHighlighter *m_highlighter;
    QCompleter *m_completer;
    QStringListModel *m_completions;
    int m_errorLine = 0;
};
