#pragma once

// Where a UI test writes the PNGs it renders to look at: $ATB_SCREENSHOT_DIR when set (the
// files stay there), else a temporary directory removed with the test. Never a fixed name in
// the system's temporary folder, where parallel runs and other users would collide.

#include <QDir>
#include <QString>
#include <QTemporaryDir>

class ScreenshotDir
{
public:
    ScreenshotDir() : m_kept(qEnvironmentVariable("ATB_SCREENSHOT_DIR")) { }

    bool isValid() const { return m_kept.isEmpty() ? m_temporary.isValid() : QDir().mkpath(m_kept); }
    QString filePath(const QString &name) const
    {
        return m_kept.isEmpty() ? m_temporary.filePath(name) : QDir(m_kept).filePath(name);
    }

private:
    QString m_kept;
    QTemporaryDir m_temporary;
};
