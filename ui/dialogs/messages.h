#pragma once

#include <QObject>
#include <QStringList>

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

private:
    QWidget *m_parent;
    bool m_scripted = false;
    bool m_answer = true;
    QStringList m_recorded;
    QString m_fileName;
    QString m_filter;
};
