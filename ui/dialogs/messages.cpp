#include "messages.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

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

QString Messages::existingDirectory(const QString &title, const QString &directory)
{
    if (m_scripted) {
        m_recorded << title;
        return m_fileName;
    }
    return QFileDialog::getExistingDirectory(m_parent, title, directory);
}

void Messages::showText(const QString &title, const QString &text)
{
    if (m_scripted) {
        m_recorded << title + QStringLiteral(": ") + text;
        return;
    }
    QDialog dialog(m_parent);
    dialog.setWindowTitle(title);
    auto *layout = new QVBoxLayout(&dialog);
    auto *view = new QPlainTextEdit(text, &dialog);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(view);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(900, 600);
    dialog.exec();
}

void Messages::openUrl(const QUrl &url)
{
    if (m_scripted) {
        m_recorded << url.toString();
        return;
    }
    QDesktopServices::openUrl(url);
}

QHash<QString, QString> Messages::askSecrets(const QString &title, const QString &text, const QStringList &names,
                                             bool canRemember, bool *remember)
{
    if (m_scripted) {
        m_recorded << title + QStringLiteral(": ") + names.join(QLatin1String(", "));
        if (remember)
            *remember = m_rememberSecrets && canRemember;
        QHash<QString, QString> out;
        for (const QString &n : names)
            if (m_secrets.contains(n))
                out.insert(n, m_secrets.value(n));
        return out;
    }
    QDialog dialog(m_parent);
    dialog.setWindowTitle(title);
    auto *layout = new QVBoxLayout(&dialog);
    auto *intro = new QLabel(text, &dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    QList<QLineEdit *> edits;
    for (const QString &n : names) {
        auto *edit = new QLineEdit(&dialog);
        edit->setEchoMode(QLineEdit::Password);
        edit->setObjectName(n);
        form->addRow(n, edit);
        edits << edit;
    }
    layout->addLayout(form);
    auto *keep = new QCheckBox(tr("Remember in the system keychain"), &dialog);
    keep->setVisible(canRemember);
    layout->addWidget(keep);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    QHash<QString, QString> out;
    if (dialog.exec() != QDialog::Accepted)
        return out;
    for (QLineEdit *e : std::as_const(edits))
        if (!e->text().isEmpty())
            out.insert(e->objectName(), e->text());
    if (remember)
        *remember = canRemember && keep->isChecked();
    return out;
}
