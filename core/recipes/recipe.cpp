#include "recipe.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>

namespace atb {

namespace {

const char kShippedPrefix[] = ":/recipes";
const char kFirstShipped[] = "module-health";

QString readText(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("atb::Recipe", "Cannot read %1: %2").arg(path, f.errorString());
        return QString();
    }
    return QString::fromUtf8(f.readAll());
}

QList<Recipe> loadFolder(const QString &dir, bool shipped)
{
    QList<Recipe> out;
    const QFileInfoList files = QDir(dir).entryInfoList({ QStringLiteral("*.js") }, QDir::Files, QDir::Name);
    for (const QFileInfo &fi : files) {
        if (std::optional<Recipe> r = Recipe::load(fi.filePath())) {
            r->shipped = shipped;
            out << *r;
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Recipe &a, const Recipe &b) {
        const bool af = a.id == QLatin1String(kFirstShipped), bf = b.id == QLatin1String(kFirstShipped);
        if (af != bf)
            return af;
        return a.title.localeAwareCompare(b.title) < 0;
    });
    return out;
}

} // namespace

Recipe Recipe::fromSource(const QString &source, const QString &filePath)
{
    Recipe r;
    r.source = source;
    r.filePath = filePath;
    r.id = QFileInfo(filePath).completeBaseName();
    static const QRegularExpression tag(QStringLiteral("^//\\s*@(\\w+)\\s*(.*)$"));
    static const QRegularExpression param(QStringLiteral("^([A-Za-z_]\\w*)(?:=(\\S*))?(?:\\s+(secret)\\b)?\\s*(.*)$"));
    const QStringList lines = source.split(QLatin1Char('\n'));
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        if (!line.startsWith(QLatin1String("//")))
            break; // the header ends at the first line of code
        const QRegularExpressionMatch m = tag.match(line);
        if (!m.hasMatch())
            continue;
        const QString name = m.captured(1);
        const QString value = m.captured(2).trimmed();
        if (name == QLatin1String("recipe")) {
            r.title = value;
        } else if (name == QLatin1String("summary")) {
            r.summary = r.summary.isEmpty() ? value : r.summary + QLatin1Char(' ') + value;
        } else if (name == QLatin1String("timeout")) {
            bool ok = false;
            const int s = value.toInt(&ok);
            if (ok && s > 0)
                r.timeoutS = std::min(s, kMaxTimeoutS);
        } else if (name == QLatin1String("param")) {
            const QRegularExpressionMatch pm = param.match(value);
            if (!pm.hasMatch() || r.param(pm.captured(1)))
                continue;
            RecipeParam p;
            p.name = pm.captured(1);
            p.defaultValue = pm.captured(2);
            p.secret = !pm.captured(3).isEmpty();
            p.description = pm.captured(4);
            r.params << p;
        }
    }
    if (r.title.isEmpty())
        r.title = r.id;
    return r;
}

std::optional<Recipe> Recipe::load(const QString &path, QString *error)
{
    QString why;
    const QString text = readText(path, &why);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    Recipe r = fromSource(text, path);
    r.shipped = path.startsWith(QLatin1String(kShippedPrefix));
    return r;
}

const RecipeParam *Recipe::param(const QString &name) const
{
    for (const RecipeParam &p : params)
        if (p.name == name)
            return &p;
    return nullptr;
}

QString RecipeLibrary::userDir()
{
    const QString chosen = qEnvironmentVariable("ATBENCH_RECIPES_DIR");
    if (!chosen.isEmpty())
        return chosen;
    QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (base.isEmpty())
        base = QDir::home().filePath(QStringLiteral(".atbench"));
    return QDir(base).filePath(QStringLiteral("recipes"));
}

QList<Recipe> RecipeLibrary::shipped()
{
    return loadFolder(QLatin1String(kShippedPrefix), true);
}

QList<Recipe> RecipeLibrary::user()
{
    return loadFolder(userDir(), false);
}

QString RecipeLibrary::installedDir()
{
    const QDir dir(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/atbench/recipes"));
    return dir.exists() ? dir.canonicalPath() : QString();
}

std::optional<Recipe> RecipeLibrary::resolve(const QString &nameOrPath, QString *error)
{
    if (QFileInfo(nameOrPath).isFile())
        return Recipe::load(nameOrPath, error);
    QString id = nameOrPath;
    if (id.endsWith(QLatin1String(".js")))
        id.chop(3);
    const bool plainName = !id.isEmpty() && !id.contains(QLatin1Char('/')) && !id.contains(QLatin1Char('\\'));
    if (plainName) {
        for (const QString &dir : { QString::fromLatin1(kShippedPrefix), userDir() }) {
            const QString path = QDir(dir).filePath(id + QStringLiteral(".js"));
            if (QFileInfo(path).isFile())
                return Recipe::load(path, error);
        }
    }
    if (error) {
        QStringList names;
        for (const Recipe &r : shipped())
            names << r.id;
        *error = QCoreApplication::translate("atb::Recipe", "No recipe \"%1\": not a file, nor a shipped recipe (%2) "
                                                            "nor one in %3")
                     .arg(nameOrPath, names.join(QLatin1String(", ")), QDir::toNativeSeparators(userDir()));
    }
    return std::nullopt;
}

} // namespace atb
