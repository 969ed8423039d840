#include "messages.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>

Messages::Messages(QWidget *parentWidget) : QObject(parentWidget), m_parent(parentWidget) { }

void Messages::warning(const QString &title, const QString &text)
{
    if (m_scripted) {
        m_recorded << title + QStringLiteral(": ") + text;
        return;
    }
    QMessageBox::warning(m_parent, title, text);
}

void Messages::about(const QString &title, const QString &text)
{
    if (m_scripted) {
        m_recorded << title + QStringLiteral(": ") + text;
        return;
    }
    QMessageBox::about(m_parent, title, text);
}

bool Messages::confirm(const QString &title, const QString &text, const QString &action)
{
    if (m_scripted) {
        m_recorded << title + QStringLiteral(": ") + text;
        return m_answer;
    }
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Cancel, m_parent);
    QPushButton *yes = box.addButton(action, QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == yes;
}

QString Messages::saveFileName(const QString &title, const QString &suggested, const QString &filters,
                               QString *selectedFilter)
{
    if (m_scripted) {
        if (selectedFilter && !m_filter.isEmpty())
            *selectedFilter = m_filter;
        return m_fileName;
    }
    return QFileDialog::getSaveFileName(m_parent, title, suggested, filters, selectedFilter);
}

QString Messages::openFileName(const QString &title, const QString &directory, const QString &filters)
{
    if (m_scripted) {
        m_recorded << title;
        return m_fileName;
    }
    return QFileDialog::getOpenFileName(m_parent, title, directory, filters);
}
