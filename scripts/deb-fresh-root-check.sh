#!/usr/bin/env bash
# Builds the Debian package from the release preset and proves it on a brand-new Debian 12 root: installed with
# apt (which must find every dependency dpkg-shlibdeps named), then `handoff --version`, a check of the installed
# sample and the app on the offscreen platform. Run it before resolving a packaging change; it is not part of
# .ci/run (a release build plus debootstrap takes long: see scripts/fresh-root-check.sh for the times measured).
#
#   scripts/deb-fresh-root-check.sh [--skip-build] [fresh-root-check options: --keep, DIR]
#
# --skip-build packages what build/release holds (cpack only). Exit code: 0 PASS, 1 FAIL, 2 usage.
# As root (debootstrap and chroot need it).
set -euo pipefail
cd "$(dirname "$0")/.."
build=1
if [ "${1:-}" = "--skip-build" ]; then
    build=0
    shift
fi
if [ "$build" -eq 1 ]; then
    echo "== cmake --workflow --preset package (release build, then cpack -G DEB)"
    nice -n 19 cmake --workflow --preset package
else
    echo "== cpack -G DEB in build/release"
    (cd build/release && cpack -G DEB)
fi
deb="$(ls -t build/release/handoff-studio_*.deb 2>/dev/null | head -1)"
if [ -z "$deb" ]; then
    echo "deb-fresh-root-check: no build/release/handoff-studio_*.deb was made" >&2
    exit 1
fi
echo "== $deb"
dpkg-deb --info "$deb" | sed -n '/Package:/p;/Version:/p;/Depends:/p;/Recommends:/p;/Installed-Size:/p'
dpkg-deb --contents "$deb" | awk '{print $6}' | grep -E '(bin/|\.desktop|metainfo|mime/packages|hicolor/.*(scalable|48x48)|samples/|doc/handoff-studio/training)' || true
exec scripts/fresh-root-check.sh --deb "$deb" "$@"
