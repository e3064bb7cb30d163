#!/usr/bin/env bash
# Installs a build tree into a scratch folder (DESTDIR) and checks that everything the Debian package must carry
# is there: both programs, the launcher, AppStream metadata, the MIME type, the icons (SVG and PNG sizes), the
# sample and the documentation the Help menu opens. Run by ctest (installer_layout); cpack installs the same way.
#   check-install-layout.sh BUILD_DIR
set -euo pipefail
build="$1"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
DESTDIR="$scratch" cmake --install "$build" --prefix /usr >"$scratch.log" 2>&1 || { cat "$scratch.log"; rm -f "$scratch.log"; exit 1; }
rm -f "$scratch.log"
id=org.handoffstudio.HandoffStudio
missing=0
for f in \
    usr/bin/handoff usr/bin/handoff-studio \
    usr/share/applications/$id.desktop \
    usr/share/metainfo/$id.metainfo.xml \
    usr/share/mime/packages/$id.xml \
    usr/share/icons/hicolor/scalable/apps/$id.svg \
    usr/share/icons/hicolor/scalable/mimetypes/application-x-handoff-project.svg \
    usr/share/icons/hicolor/16x16/apps/$id.png usr/share/icons/hicolor/48x48/apps/$id.png \
    usr/share/icons/hicolor/256x256/apps/$id.png usr/share/icons/hicolor/512x512/apps/$id.png \
    usr/share/handoff-studio/samples/sample.handoff \
    usr/share/doc/handoff-studio/training.md usr/share/doc/handoff-studio/diagnostics.md; do
    if [ ! -e "$scratch/$f" ]; then
        echo "missing: /$f"
        missing=1
    fi
done
# the PNGs are real images of their size (the PNG header's width and height)
for size in 16 48 256; do
    png="$scratch/usr/share/icons/hicolor/${size}x${size}/apps/$id.png"
    [ -e "$png" ] || continue
    dims="$(od -An -tu1 -j16 -N8 "$png" | awk '{print $3*256+$4 "x" $7*256+$8}')"
    if [ "$dims" != "${size}x${size}" ]; then
        echo "wrong size: $png is $dims"
        missing=1
    fi
done
# the launcher names the MIME type the package declares, and the icon it installs
grep -q '^MimeType=application/x-handoff-project;' "$scratch/usr/share/applications/$id.desktop" || { echo "desktop file: no MimeType"; missing=1; }
grep -q '<glob pattern="\*.handoff"/>' "$scratch/usr/share/mime/packages/$id.xml" || { echo "mime: no *.handoff glob"; missing=1; }
[ "$missing" -eq 0 ] && echo "install layout: complete"
exit "$missing"
