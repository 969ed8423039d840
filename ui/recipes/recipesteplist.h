#pragma once

#include "recipes/reciperesult.h"

#include <QTreeWidget>

// The live step list of a recipe run: each check as it is decided (PASS/FAIL, its time, what was
// seen), grouped under the step() it belongs to, a step's own verdict and duration when it ends,
// and the run's end (a script error with its line, a time limit, a stop) as a last row.
class RecipeStepList : public QTreeWidget
{
    Q_OBJECT
public:
    enum Column { VerdictColumn, NameColumn, TimeColumn, DetailColumn };

    explicit RecipeStepList(QWidget *parent = nullptr);

    void clearRun();
    void apply(const atb::RecipeEvent &event);
    void finish(const atb::RecipeResult &result);
    // "PASS Module answers AT", "  FAIL Round 3: ..." (children indented): what a test compares.
    QStringList rowTexts() const;
    void retranslate();

protected:
    void changeEvent(QEvent *event) override;

private:
    QTreeWidgetItem *addRow(QTreeWidgetItem *parent, const QString &verdict, bool passed, const QString &name,
                            qint64 ms, const QString &detail);
    void setVerdict(QTreeWidgetItem *item, const QString &verdict, int state); // state: 1 pass, 0 fail, -1 neutral
    void recolour();

    QList<QTreeWidgetItem *> m_openSteps;
};
