#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>

class QUrl;
class QWidget;

// The only place that opens message boxes and file dialogs, so tests can script them:
// in scripted mode messages are recorded instead of shown and file dialogs return a preset name.
class Messages : public QObject
{
    Q_OBJECT
public:
    explicit Messages(QWidget *parentWidget);

    void setScripted(bool on) { m_scripted = on; }
    bool isScripted() const { return m_scripted; }
    QStringList recorded() const { return m_recorded; }
    // The answer confirm() gives in scripted mode (default: yes).
    void setScriptedAnswer(bool yes) { m_answer = yes; }
    void setScriptedFileName(const QString &path, const QString &filter = QString())
    {
        m_fileName = path;
        m_filter = filter;
    }

    void warning(const QString &title, const QString &text);
    void about(const QString &title, const QString &text);
    // Asks before something that cannot be undone; true when the user chose `action` (the
    // default button is Cancel). In scripted mode: recorded, and the scripted answer.
    bool confirm(const QString &title, const QString &text, const QString &action);
    // Empty when cancelled.
    QString saveFileName(const QString &title, const QString &suggested, const QString &filters,
                         QString *selectedFilter);

    // Empty when cancelled. In scripted mode: the preset name (setScriptedFileName).
    QString openFileName(const QString &title, const QString &directory, const QString &filters);
    // A folder; empty when cancelled. In scripted mode: the preset name (setScriptedFileName).
    QString existingDirectory(const QString &title, const QString &directory);
    // A long text to read (a module's log) in a dialog with a read-only view. Scripted: recorded.
    void showText(const QString &title, const QString &text);
    // Opens a file or folder with the desktop's program for it. Scripted: recorded.
    void openUrl(const QUrl &url);
    // Asks for secret values (hidden input, one field per name); names left empty are not in the
    // answer, a cancel answers nothing. *remember: the user asked to keep them in the system
    // keychain (offered only when `canRemember`). Scripted: the preset values (setScriptedSecrets).
    QHash<QString, QString> askSecrets(const QString &title, const QString &text, const QStringList &names,
                                       bool canRemember, bool *remember);
    void setScriptedSecrets(const QHash<QString, QString> &values, bool remember = false)
    {
        m_secrets = values;
        m_rememberSecrets = remember;
    }

private:
    QWidget *m_parent;
    bool m_scripted = false;
    bool m_answer = true;
    QStringList m_recorded;
    QString m_fileName;
    QString m_filter;
    QHash<QString, QString> m_secrets;
    bool m_rememberSecrets = false;
};
