#pragma once

#include "provisioning/modulereport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace atb {

// The reports of a provisioning batch (a station run, one `atbench-cli provision`):
//   - per module, a JSON file (ModuleReport::toJson), named moduleFileName();
//   - per batch, a CSV (one row per module), a JUnit XML (one test case per module, one
//     <failure> per failing field, check or refusal, so a CI server shows which field of
//     which module) and a readable HTML summary.
// Secrets never appear: the module reports mask them, and write() refuses to write a file that
// would hold one of the values it is given (a last guard, secrets() below).
struct BatchReport
{
    Q_DECLARE_TR_FUNCTIONS(atb::BatchReport)
public:
    QString profileName;
    QString profileHash;
    QString mode;
    QDateTime started;
    QDateTime finished;
    QList<ModuleReport> modules;

    int passedCount() const;

    static QString moduleFileName(const ModuleReport &r); // "03-ttyUSB2-a4cf12b3c4d5.json"
    QByteArray toCsv() const;
    QByteArray toJUnit() const;
    QByteArray toHtml() const;

    // Writes the module JSON files, report.csv, junit.xml and report.html into `dir` (created
    // when missing); `junitFile`, when given, is written too (CI paths). Every file is checked
    // against `secrets` (values) before it is written. False with *error on the first failure.
    bool write(const QString &dir, const QString &junitFile, const QStringList &secrets, QString *error) const;
    // One module's JSON report into `dir` (as soon as the module finishes); returns the path.
    static QString writeModule(const QString &dir, const ModuleReport &r, const QStringList &secrets, QString *error);
};

} // namespace atb
