#!/usr/bin/env bash
# Regenerates the committed PNG/ICO icons from the scalable SVG.
# The build never runs this: the generated files are committed.
# Needs: rsvg-convert (librsvg2-bin); for the .ico ImageMagick's convert
# (imagemagick), for the .icns png2icns (icnsutils).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
id=io.github.atbench.AtBench
svg="$root/resources/icons/hicolor/scalable/apps/$id.svg"
for size in 16 22 24 32 48 64 128 256; do
    dir="$root/resources/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    rsvg-convert -w "$size" -h "$size" "$svg" -o "$dir/$id.png"
    echo "wrote $dir/$id.png"
done
# Windows icon (NSIS installer, optional .rc of the GUI): 16, 24, 32, 48, 64, 256.
if [ -x /usr/bin/convert ]; then
    h="$root/resources/icons/hicolor"
    /usr/bin/convert "$h/16x16/apps/$id.png" "$h/24x24/apps/$id.png" "$h/32x32/apps/$id.png" \
        "$h/48x48/apps/$id.png" "$h/64x64/apps/$id.png" "$h/256x256/apps/$id.png" \
        "$root/resources/icons/atbench.ico"
    echo "wrote $root/resources/icons/atbench.ico"
else
    echo "ImageMagick (/usr/bin/convert) not found: atbench.ico not regenerated" >&2
fi
# macOS icon (app bundle): 16, 32, 48, 128, 256.
if command -v png2icns >/dev/null; then
    h="$root/resources/icons/hicolor"
    png2icns "$root/resources/icons/atbench.icns" "$h/16x16/apps/$id.png" "$h/32x32/apps/$id.png" \
        "$h/48x48/apps/$id.png" "$h/128x128/apps/$id.png" "$h/256x256/apps/$id.png" >/dev/null
    echo "wrote $root/resources/icons/atbench.icns"
else
    echo "png2icns (icnsutils) not found: atbench.icns not regenerated" >&2
fi
