#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace atb {

// One parameter a recipe declares in its header ("// @param NAME[=DEFAULT] [secret] WORDS").
struct RecipeParam
{
    QString name;
    QString defaultValue;
    QString description;
    bool secret = false; // a password or key: masked in the GUI, in logs and in reports
};

// A recipe: a JavaScript file whose leading comment lines describe it:
//   // @recipe Module health
//   // @summary AT, firmware, Wi-Fi, IP, DNS, gateway ping and SNTP time.
//   // @timeout 120
//   // @param ssid Access point to join when the module is not joined
//   // @param password secret Password of that access point
//   // @param dnsName=espressif.com Name the module resolves
// Everything after the header is the script (the header stays in it: it is only comments).
struct Recipe
{
    static constexpr int kDefaultTimeoutS = 300;
    static constexpr int kMaxTimeoutS = 24 * 3600;

    QString id;        // the file's base name: "module-health"
    QString title;     // @recipe, else the id
    QString summary;   // @summary
    int timeoutS = kDefaultTimeoutS; // @timeout: the whole recipe's limit
    QList<RecipeParam> params;
    QString source;
    QString filePath;  // a path, or ":/recipes/<id>.js" for a shipped one
    bool shipped = false;

    // The header of `source` read into a recipe named after `filePath`.
    static Recipe fromSource(const QString &source, const QString &filePath);
    // Reads a file; nullopt with *error set when it cannot be read.
    static std::optional<Recipe> load(const QString &path, QString *error = nullptr);

    const RecipeParam *param(const QString &name) const;
};

// Where recipes are found: the shipped ones (built into the program, also installed as files
// under share/atbench/recipes for reading and copying) and the user's folder.
class RecipeLibrary
{
public:
    // The user's folder: $ATBENCH_RECIPES_DIR when set (a station's shared folder), else
    // <AppDataLocation>/recipes (~/.local/share/atbench/recipes).
    static QString userDir();
    // The shipped recipes, module-health first, then by title.
    static QList<Recipe> shipped();
    // The user's recipes (*.js in userDir()), by title.
    static QList<Recipe> user();
    // A path to a file, or the id of a shipped recipe ("module-health" or "module-health.js"),
    // else of one in userDir(). nullopt with *error when there is no such recipe.
    static std::optional<Recipe> resolve(const QString &nameOrPath, QString *error = nullptr);
    // The folder the shipped recipes are installed to, when this is an installed program
    // (<prefix>/share/atbench/recipes beside the binary's bin/); empty otherwise.
    static QString installedDir();
};

} // namespace atb
