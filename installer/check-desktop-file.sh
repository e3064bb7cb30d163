#!/usr/bin/env bash
# desktop-file-validate exits 0 on hints and warnings; CI wants a clean file: fail on any line it prints.
#   check-desktop-file.sh DESKTOP_FILE_VALIDATE FILE
set -euo pipefail
output="$("$1" "$2" 2>&1)" || { echo "$output"; exit 1; }
if [ -n "$output" ]; then
    echo "$output"
    exit 1
fi
echo "$2: valid"
