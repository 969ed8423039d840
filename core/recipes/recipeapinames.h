#pragma once

#include <QStringList>

// The names of the recipe API (README "Recipes"), for the editor's highlighting and completion:
// the global functions and every "namespace.member".
namespace atb::recipeapi {

QStringList globalFunctions();    // at, send, expect, ...
QStringList namespaces();         // device, wifi, net, link, mqtt, throughput, pc, recipe
QStringList members();            // "wifi.join", "device.wifi", ...
QStringList javaScriptKeywords(); // const, let, function, ...
// A one-line signature for completion's tooltip: "at(line, {timeout, expect, data})".
QString signature(const QString &name);

} // namespace atb::recipeapi
