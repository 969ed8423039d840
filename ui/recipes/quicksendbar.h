#pragma once

#include "quicksenditem.h"

#include <QDialog>
#include <QToolBar>

#include <functional>

namespace atb {
class CommandRunner;
class DeviceSession;
}
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

// The quick-send bar: a row of user-defined buttons under the port bar, on every page. A button
// sends one AT command, a sequence (one after the other through the command queue, stopping at
// the first failure) or runs a recipe. "+" adds one; a button's menu edits, moves or removes it;
// dragging console lines (the ones sent) or AT text onto the bar makes a button of them. Kept in
// the settings ("quickSend/items").
class QuickSendBar : public QToolBar
{
    Q_OBJECT
public:
    explicit QuickSendBar(atb::DeviceSession *session, QWidget *parent = nullptr);

    QList<QuickSendItem> items() const { return m_items; }
    void setItems(const QList<QuickSendItem> &items);
    void addItem(const QuickSendItem &item);
    void replaceItem(int index, const QuickSendItem &item);
    void removeItem(int index);
    void moveItem(int index, int delta);
    // What the button does; false when it could not start (a sequence still running, a recipe
    // that could not start, a problem with the item).
    bool run(int index);
    bool isSequenceRunning() const;

    void setRecipeStarter(std::function<bool(const QString &)> starter) { m_startRecipe = std::move(starter); }
    // How "+" and "Edit…" ask for an item (a dialog; tests script it). Returns false when cancelled.
    using Editor = std::function<bool(QWidget *parent, QuickSendItem *item)>;
    void setEditor(Editor editor) { m_editor = std::move(editor); }
    void setPersist(bool on) { m_persist = on; }

    QList<QToolButton *> itemButtons() const { return m_buttons; }
    QAction *newItemAction() const { return m_newAction; }
    // Opens the editor for a new button (what "+" does).
    void newItem();
    void editItem(int index);

signals:
    void itemsChanged();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void save();
    void retranslate();
    void note(const QString &text, bool problem);

    atb::DeviceSession *m_session;
    atb::CommandRunner *m_runner;
    QList<QuickSendItem> m_items;
    QList<QToolButton *> m_buttons;
    QAction *m_newAction = nullptr;
    QLabel *m_hint = nullptr;
    QAction *m_hintAction = nullptr;
    std::function<bool(const QString &)> m_startRecipe;
    Editor m_editor;
    bool m_persist = true;
};

// The editor of one quick-send button: label, what it does, the command(s) or the recipe.
class QuickSendDialog : public QDialog
{
    Q_OBJECT
public:
    explicit QuickSendDialog(QWidget *parent = nullptr);

    void setItem(const QuickSendItem &item);
    QuickSendItem item() const;
    QLineEdit *labelEdit() const { return m_label; }
    QComboBox *kindCombo() const { return m_kind; }
    QPlainTextEdit *textEdit() const { return m_text; }
    QComboBox *recipeCombo() const { return m_recipe; }
    QLabel *problemLabel() const { return m_problem; }

    void accept() override; // only with a usable item; else the problem is shown

    // The default Editor: the dialog, modal.
    static bool edit(QWidget *parent, QuickSendItem *item);

private:
    void updateKind();

    QLineEdit *m_label;
    QComboBox *m_kind;
    QPlainTextEdit *m_text;
    QComboBox *m_recipe;
    QLabel *m_textLabel;
    QLabel *m_problem;
};
