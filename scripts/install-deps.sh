#!/usr/bin/env bash
# Installs every system package Handoff Studio needs to build, test and run, from Debian 12's archive.
# Idempotent: packages already present are left alone and nothing is downloaded when all are there.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build ccache pkg-config clang-format git
    # Qt 6 (Qt Charts' CMake package needs Qt6OpenGL's, which is in libqt6opengl6-dev)
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-svg-dev qt6-charts-dev libqt6opengl6-dev qt6-translations-l10n qt6-qpa-plugins libgl-dev
    # libraries
    libssl-dev openssl libqscintilla2-qt6-dev qtkeychain-qt6-dev libphonenumber-dev libyaml-cpp-dev
    libexpected-dev libbenchmark-dev libzip-dev
    # independent implementations used by tests, and the tools to look at the GUI
    # (python3-jwt's RS256 needs python3-cryptography, only a Recommends of it)
    python3 python3-jwt python3-cryptography python3-yaml python3-jsonschema curl nodejs xvfb xauth imagemagick fonts-dejavu-core
    # sanitizer and fuzzing toolchain, SIP, packaging checks
    clang-14 libclang-rt-14-dev libsofia-sip-ua-dev sip-tester appstream desktop-file-utils
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

# node may come from outside Debian's archive (it does on the CI image); any working node >= 18 will do.
if command -v node >/dev/null 2>&1; then
    filtered=()
    for p in "${missing[@]}"; do [ "$p" = nodejs ] || filtered+=("$p"); done
    missing=("${filtered[@]}")
fi

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages are present"
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    # a fresh Debian 12 installed with a root password has no sudo
    if ! command -v sudo >/dev/null 2>&1; then
        echo "install-deps: sudo is not installed; run this script as root to install: ${missing[*]}" >&2
        exit 1
    fi
    sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
