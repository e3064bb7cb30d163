#!/usr/bin/env bash
# Proves that the README's two commands work on a brand-new Debian 12 machine, which a CI machine set up before
# cannot prove: a package installed there by hand hides a missing line in scripts/install-deps.sh.
#
#   scripts/fresh-root-check.sh [--keep] [--only-install] [--keep-going] [--deb FILE] [DIR]
#
# What it does, as root (debootstrap and chroot need root):
#   1. installs debootstrap with apt-get if it is missing. debootstrap is a tool of this check only, so it is not in
#      scripts/install-deps.sh;
#   2. debootstraps Debian 12 (bookworm, minbase: less than any real installation has) into DIR, default a new
#      folder under /var/tmp, never inside the repository, from the same Debian mirror this machine's apt sources
#      name, and gives the root the same bookworm, -updates and -security suites from there (no other host);
#   3. copies the current checkout (the files of HEAD plus uncommitted and untracked, not ignored, changes) to
#      /root/handoff-studio in the root;
#   4. mounts /proc, /sys, /dev (and the host's ccache at /root/.cache/ccache, read-write, so that reruns are fast)
#      and unmounts them on any exit;
#   5. runs the README's two commands exactly as written there (read from README.md, section "Two commands"), under
#      `nice -n 19` and a timeout each: the first with QT_QPA_PLATFORM=offscreen; once the app has run for
#      FRESH_ROOT_APP_SECONDS (8) seconds it is killed and counts as started; an app that exits before then, or a
#      step of the chain that fails, is a FAIL. The second runs in full (configure, build, every test);
#   6. prints a PASS/FAIL summary with the end of the failing step's log, keeps the logs beside DIR
#      (DIR.logs/), and deletes DIR unless --keep.
#
# Options: --keep keeps the root (rerun in it with the same DIR: debootstrap is skipped, the checkout re-copied);
# --only-install stops after scripts/install-deps.sh (a quick check of the package list, see below);
# --keep-going builds the second command with `ninja -k 0` semantics (CMAKE_BUILD_PARALLEL_LEVEL unchanged,
# `--build ... -- -k 0`) and then runs ctest on what built, listing what did not build, instead of the workflow.
# --deb FILE: instead of the README's commands, installs the Debian package FILE with apt into the fresh root (apt
# resolves its dependencies from the archive: the proof that shlibdeps named them all), then runs `handoff
# --version`, `handoff preflight` of the installed sample (or `handoff flow validate` of it while there is no
# preflight command; the step says which), then with a key the installed `handoff keys generate` made, `handoff
# preflight --emulator` of it, which must say ready (exit 0), and the app on QT_QPA_PLATFORM=offscreen for FRESH_ROOT_APP_SECONDS
# (killed then, which counts as started). scripts/deb-fresh-root-check.sh builds the package and calls this mode.
# Timeouts (seconds): FRESH_ROOT_TIMEOUT_BOOTSTRAP (1800), FRESH_ROOT_TIMEOUT_FIRST (10800),
# FRESH_ROOT_TIMEOUT_SECOND (14400).
#
# What it proves: scripts/install-deps.sh alone brings every package the README's commands need onto a minimal
# Debian 12, and with them the app starts and the whole test suite builds and passes. What it does not prove:
# anything about other distributions, or about a machine whose user is not root (sudo is then needed).
#
# How long (measured on this 2-core machine shared by several builds, load 15-20): debootstrap 1-2 minutes,
# scripts/install-deps.sh 4-10 minutes (364 packages), deleting the root about 3 minutes, so --only-install takes
# about 8-15 minutes in all; a cold build of each preset (dev, then ci) makes about 3 compile steps a minute here,
# so some 2 hours each and 4-5 hours in all. The host's ccache is shared, so a rerun
# (or a machine with idle cores) is much faster; set the timeouts above to match. Exit code: 0 PASS, 1 FAIL, 2 usage.
set -euo pipefail
# The whole script is one group, read before it runs: editing this file during a run cannot change the run.
{

keep=0
only_install=0
keep_going=0
deb=""
dir=""
usage() { sed -n '5p' "$0" | sed 's/^# *//' >&2; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --keep) keep=1 ;;
        --only-install) only_install=1 ;;
        --keep-going) keep_going=1 ;;
        --deb) [ $# -ge 2 ] || usage; deb="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift ;;
        -h | --help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
        -*) echo "fresh-root-check: unknown option $1" >&2; usage ;;
        *) [ -z "$dir" ] || usage; dir="$1" ;;
    esac
    shift
done

if [ "$(id -u)" -ne 0 ]; then
    echo "fresh-root-check: run as root (debootstrap and chroot need it)" >&2
    exit 2
fi

repo="$(cd "$(dirname "$0")/.." && pwd)"
timeout_bootstrap="${FRESH_ROOT_TIMEOUT_BOOTSTRAP:-1800}"
timeout_first="${FRESH_ROOT_TIMEOUT_FIRST:-10800}"
timeout_second="${FRESH_ROOT_TIMEOUT_SECOND:-14400}"
app_seconds="${FRESH_ROOT_APP_SECONDS:-8}"
host_ccache="${CCACHE_DIR:-$HOME/.cache/ccache}"
start_time=$(date +%s)

if [ -n "$deb" ] && [ ! -f "$deb" ]; then
    echo "fresh-root-check: $deb is not a file" >&2
    exit 2
fi

# --- the README's two commands -----------------------------------------------------------------------------------
readme_commands=()
while IFS= read -r line; do readme_commands+=("$line"); done < <(
    awk '/^## Two commands/{s=1; next} /^## /{s=0} s && /^```sh/{c=1; next} s && /^```/{c=0; next} s && c' \
        "$repo/README.md")
if [ ${#readme_commands[@]} -ne 2 ]; then
    echo "fresh-root-check: expected two one-line sh blocks under '## Two commands' in README.md," \
        "found ${#readme_commands[@]}" >&2
    exit 2
fi
first_command="${readme_commands[0]}"
second_command="${readme_commands[1]}"
app_path="${first_command##*&& }"
app_path="${app_path%% *}"

# --- the mirror and suites this machine uses ---------------------------------------------------------------------
# apt-cache policy lists every enabled index whichever file format declares it: "500 URI SUITE/COMPONENT ARCH Packages".
mapfile -t indexes < <(apt-cache policy 2>/dev/null |
    awk '$NF == "Packages" && $3 ~ /^bookworm(-updates|-security)?\// {print $2, $3}' | sort -u)
mirror=""
for entry in "${indexes[@]}"; do
    case "$entry" in *" bookworm/main") mirror="${entry%% *}"; break ;; esac
done
if [ -z "$mirror" ]; then
    echo "fresh-root-check: no bookworm main index in this machine's apt sources (run apt-get update?)" >&2
    exit 2
fi
mirror_host="$(echo "$mirror" | sed -E 's#^[a-z]+://([^/]+)/.*#\1#')"

# --- where ---------------------------------------------------------------------------------------------------------
if [ -z "$dir" ]; then
    dir="$(mktemp -d /var/tmp/handoff-fresh-root.XXXXXX)"
    chmod 755 "$dir" # it becomes /, which every user must be able to enter
fi
mkdir -p "$dir"
dir="$(cd "$dir" && pwd -P)"
case "$dir/" in
    "$repo"/*) echo "fresh-root-check: $dir is inside the repository; choose a folder outside it" >&2; exit 2 ;;
    / | /usr/* | /etc/* | /home/ | /root/) echo "fresh-root-check: refusing $dir" >&2; exit 2 ;;
esac
logs="$dir.logs"
mkdir -p "$logs"
src_in_root=/root/handoff-studio

# --- cleanup ---------------------------------------------------------------------------------------------------------
mounted_in_root() { awk -v d="$dir" '$2 == d || index($2, d "/") == 1 {print $2}' /proc/mounts; }
kill_root_processes() {
    # only the processes this check started in the root: those whose root directory is $dir
    local p pids=()
    for p in /proc/[0-9]*; do
        [ "$(readlink "$p/root" 2>/dev/null)" = "$dir" ] && pids+=("${p#/proc/}")
    done
    [ ${#pids[@]} -eq 0 ] && return 0
    kill -TERM "${pids[@]}" 2>/dev/null || true
    sleep 2
    kill -KILL "${pids[@]}" 2>/dev/null || true
}
cleanup() {
    local rc=$?
    set +e
    kill_root_processes
    local m
    for m in $(mounted_in_root | sort -r); do umount "$m" 2>/dev/null || umount -l "$m"; done
    if [ -n "$(mounted_in_root)" ]; then
        echo "fresh-root-check: still mounted under $dir, not deleting it:" >&2
        mounted_in_root >&2
    elif [ "$keep" -eq 0 ]; then
        rm -rf --one-file-system "$dir"
    else
        echo "fresh-root-check: kept the root in $dir"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- steps and the summary ---------------------------------------------------------------------------------------
results=()
checkout="not copied yet"
failed_logs=()
elapsed() { local s=$(($(date +%s) - $1)); printf '%dm%02ds' $((s / 60)) $((s % 60)); }
summary() {
    echo
    echo "==== fresh-root-check summary (checkout: $checkout, total $(elapsed "$start_time"))"
    local r
    for r in "${results[@]}"; do echo "  $r"; done
    if [ ${#failed_logs[@]} -gt 0 ]; then
        for r in "${failed_logs[@]}"; do
            echo "---- end of $r"
            tail -n 80 "$r"
            echo "----"
        done
        echo "FAIL"
    else
        echo "PASS"
    fi
    echo "logs: $logs"
}
# step NAME LOG -- COMMAND...: runs COMMAND with its output in LOG, records PASS/FAIL; a failure ends the check
step() {
    try_step "$@" || { summary; exit 1; }
}
# try_step: the same, but a failure is recorded and the check goes on (the README's two commands are independent)
try_step() {
    local name="$1" log="$2"
    shift 3
    local t0
    t0=$(date +%s)
    echo "== $name (log: $log)"
    # in the background, so that set -e holds inside the step's functions (an if would switch it off)
    "$@" >"$log" 2>&1 &
    local rc=0
    wait $! || rc=$?
    if [ "$rc" -eq 0 ]; then
        results+=("PASS  $name ($(elapsed "$t0"))")
        return 0
    fi
    results+=("FAIL  $name: exit $rc ($(elapsed "$t0"))")
    failed_logs+=("$log")
    return 1
}
in_root() {
    chroot "$dir" /usr/bin/env -i HOME=/root USER=root LOGNAME=root TERM=dumb LANG=C.UTF-8 \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        CCACHE_DIR=/root/.cache/ccache "$@"
}

# --- 1. debootstrap ------------------------------------------------------------------------------------------------
if ! command -v debootstrap >/dev/null 2>&1; then
    echo "== installing debootstrap on this machine (a tool of this check only)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debootstrap >/dev/null 2>&1
fi

bootstrap() {
    timeout "$timeout_bootstrap" nice -n 19 debootstrap --variant=minbase bookworm "$dir" "$mirror"
    # the same suites from the same host as this machine, nothing else
    : >"$dir/etc/apt/sources.list"
    local entry uri suite comp
    for entry in "${indexes[@]}"; do
        uri="${entry%% *}"
        suite="${entry#* }"
        comp="${suite#*/}"
        suite="${suite%%/*}"
        case "$uri" in *"://$mirror_host"/*) echo "deb $uri $suite $comp" >>"$dir/etc/apt/sources.list" ;; esac
    done
    cat "$dir/etc/apt/sources.list"
    # what the Debian installer writes and debootstrap does not: without /etc/hosts "localhost" does not resolve
    echo handoff-fresh-root >"$dir/etc/hostname"
    printf '127.0.0.1\tlocalhost\n127.0.1.1\thandoff-fresh-root\n::1\tlocalhost ip6-localhost ip6-loopback\n' \
        >"$dir/etc/hosts"
}
if [ -x "$dir/usr/bin/apt-get" ] && [ -f "$dir/.fresh-root-check" ]; then
    results+=("SKIP  debootstrap: reusing the kept root in $dir (not brand-new)")
else
    step "debootstrap bookworm from $mirror into $dir" "$logs/1-debootstrap.log" -- bootstrap
    touch "$dir/.fresh-root-check"
fi

# --- 2. the checkout and the mounts (a package check needs no checkout) ----------------------------------------------------------------------------------
copy_checkout() {
    rm -rf "${dir:?}$src_in_root"
    mkdir -p "$dir$src_in_root"
    # HEAD's files plus uncommitted and untracked changes, without ignored files (build trees); deleted files skipped
    (cd "$repo" && git ls-files -z --cached --others --exclude-standard |
        while IFS= read -r -d '' f; do [ -e "$f" ] || [ -L "$f" ] && printf '%s\0' "$f"; done |
        tar --null -T - -cf -) | tar -xf - -C "$dir$src_in_root"
    # a repository, as a clone has one (README: "from the root of this repository")
    git -C "$dir$src_in_root" init -q
    git -C "$dir$src_in_root" add -A
    git -C "$dir$src_in_root" -c user.name=fresh-root-check -c user.email=check@invalid commit -qm "checkout of $(
        git -C "$repo" rev-parse HEAD)"
    echo "copied $(git -C "$dir$src_in_root" ls-files | wc -l) files"
}
checkout="commit $(git -C "$repo" rev-parse --short HEAD)$(
    [ -z "$(git -C "$repo" status --porcelain)" ] || echo " plus uncommitted changes")"
if [ -z "$deb" ]; then
    step "copy the checkout to $src_in_root" "$logs/2-copy.log" -- copy_checkout
else
    checkout="package $(basename "$deb")"
fi

mount_root() {
    mount -t proc proc "$dir/proc"
    mount -t sysfs sysfs "$dir/sys"
    mount --rbind /dev "$dir/dev"
    mount --make-rslave "$dir/dev"
    cp -L /etc/resolv.conf "$dir/etc/resolv.conf"
    mkdir -p "$host_ccache" "$dir/root/.cache/ccache"
    mount --bind "$host_ccache" "$dir/root/.cache/ccache"
    mounted_in_root
}
step "mount /proc, /sys, /dev and the host's ccache" "$logs/3-mount.log" -- mount_root

# --- 3a. the package mode: install the DEB with apt and run what it installed -----------------------------------
if [ -n "$deb" ]; then
    install_deb() {
        cp "$deb" "$dir/tmp/"
        in_root /usr/bin/env DEBIAN_FRONTEND=noninteractive timeout "$timeout_first" nice -n 19 /bin/bash -c \
            "apt-get update -qq && apt-get install -y --no-install-recommends /tmp/$(basename "$deb") &&
             dpkg -s handoff-studio | sed -n '/^Version/p;/^Depends/p'"
    }
    step "apt-get install $(basename "$deb") into the fresh root" "$logs/4-install-deb.log" -- install_deb
    try_step "handoff --version" "$logs/5-version.log" -- in_root /usr/bin/handoff --version || true
    sample=/usr/share/handoff-studio/samples/sample.handoff
    check_sample() {
        # exit 0 (ready) or 1 (problems found) is a run that worked; 2 or 3 or a crash is not
        local rc=0
        if in_root /usr/bin/handoff preflight --help >/dev/null 2>&1; then
            echo "handoff preflight $sample"
            in_root /usr/bin/handoff preflight "$sample" || rc=$?
        else
            echo "handoff preflight does not exist in this package: handoff flow validate $sample instead"
            in_root /usr/bin/handoff flow validate "$sample" || rc=$?
        fi
        echo "exit $rc"
        [ "$rc" -le 1 ]
    }
    try_step "check the installed sample (preflight, else flow validate)" "$logs/6-sample.log" -- check_sample || true
    ready_with_key() {
        # The installed tools end to end: a key made by the installed `handoff keys generate`, then the go-live
        # check of the installed sample with that key and the credential probe against the built-in emulator. Exit
        # 0 (ready) is required: the sample's only failure without a key is the missing key.
        in_root /bin/sh -c 'rm -rf /tmp/handoff-deb-key && mkdir -m 700 /tmp/handoff-deb-key'
        in_root /usr/bin/handoff keys generate --project "$sample" --out-key /tmp/handoff-deb-key/key.pem \
            --out-cert /tmp/handoff-deb-key/cert.pem
        echo "handoff preflight $sample --key /tmp/handoff-deb-key/key.pem --emulator"
        local rc=0
        in_root /usr/bin/handoff preflight "$sample" --key /tmp/handoff-deb-key/key.pem --emulator || rc=$?
        in_root /bin/rm -rf /tmp/handoff-deb-key
        echo "exit $rc"
        [ "$rc" -eq 0 ]
    }
    if in_root /usr/bin/handoff preflight --help >/dev/null 2>&1; then
        try_step "the installed sample is ready with a generated key (preflight --emulator, exit 0)" \
            "$logs/6b-ready.log" -- ready_with_key || true
    fi
    run_app() {
        local rc=0
        in_root /usr/bin/env QT_QPA_PLATFORM=offscreen timeout -s TERM "$app_seconds" /usr/bin/handoff-studio || rc=$?
        if [ "$rc" -eq 124 ]; then
            echo "the app ran for ${app_seconds}s and was stopped"
            return 0
        fi
        echo "the app exited by itself within ${app_seconds}s (exit $rc)"
        return 1
    }
    try_step "handoff-studio on QT_QPA_PLATFORM=offscreen for ${app_seconds}s" "$logs/7-app.log" -- run_app || true
    list_files() {
        in_root dpkg -L handoff-studio | grep -E '/(bin|applications|metainfo|mime/packages|samples|doc/handoff-studio)/|hicolor/(scalable|48x48)' 
    }
    try_step "files the package installed (excerpt)" "$logs/8-files.log" -- list_files || true
    summary
    for f in "$logs"/5-version.log "$logs"/6-sample.log "$logs"/6b-ready.log "$logs"/7-app.log "$logs"/8-files.log; do
        [ -f "$f" ] && { echo "---- $(basename "$f")"; cat "$f"; }
    done
    [ ${#failed_logs[@]} -eq 0 ]
    exit
fi

# --- 3. the README's first command ---------------------------------------------------------------------------------
if [ "$only_install" -eq 1 ]; then
    # twice: the second run must find every package present
    step "scripts/install-deps.sh (twice)" "$logs/4-install-deps.log" -- \
        in_root timeout "$timeout_first" nice -n 19 /bin/bash -c \
        "cd $src_in_root && scripts/install-deps.sh && scripts/install-deps.sh"
    summary
    exit 0
fi

# Starts the chain in the background, waits for the app's process, and kills it once it has run app_seconds.
first() {
    local app_exe="$src_in_root/${app_path#./}"
    in_root timeout "$timeout_first" nice -n 19 /bin/bash -c \
        "cd $src_in_root && export QT_QPA_PLATFORM=offscreen && $first_command" &
    local chain=$! app="" since=0 p
    while kill -0 "$chain" 2>/dev/null; do
        if [ -z "$app" ]; then
            for p in /proc/[0-9]*; do
                if [ "$(readlink "$p/root" 2>/dev/null)" = "$dir" ] &&
                    case "$(readlink "$p/exe" 2>/dev/null)" in *"$app_exe") true ;; *) false ;; esac then
                    app="${p#/proc/}"
                    since=$(date +%s)
                    echo "fresh-root-check: the app runs (pid $app)"
                    break
                fi
            done
        elif ! kill -0 "$app" 2>/dev/null; then
            break
        elif [ $(($(date +%s) - since)) -ge "$app_seconds" ]; then
            echo "fresh-root-check: the app ran for ${app_seconds}s; stopping it"
            kill -TERM "$app"
            wait "$chain" || true
            return 0
        fi
        sleep 1
    done
    local rc=0
    wait "$chain" || rc=$?
    if [ -z "$app" ]; then
        echo "fresh-root-check: the chain ended (exit $rc) before the app started"
    else
        echo "fresh-root-check: the app exited by itself within ${app_seconds}s (chain exit $rc)"
    fi
    return 1
}
try_step "README command 1 (app on QT_QPA_PLATFORM=offscreen, stopped after ${app_seconds}s): $first_command" \
    "$logs/4-first-command.log" -- first || true

# --- 4. the README's second command --------------------------------------------------------------------------------
second() {
    if [ "$keep_going" -eq 0 ]; then
        in_root timeout "$timeout_second" nice -n 19 /bin/bash -c "cd $src_in_root && $second_command"
        return
    fi
    # -k 0: build what builds, test what built, list what did not build
    in_root timeout "$timeout_second" nice -n 19 /bin/bash -c "cd $src_in_root && set -o pipefail &&
        scripts/install-deps.sh && cmake --preset ci &&
        { cmake --build --preset ci -- -k 0 2>&1 | tee /tmp/build.log; build=\$?; true; } &&
        echo '== did not build:' && { grep -E '^FAILED: ' /tmp/build.log || echo '(nothing)'; } &&
        QT_QPA_PLATFORM=offscreen ctest --preset ci; tests=\$?;
        echo \"build exit \$build, ctest exit \$tests\"; [ \$build -eq 0 ] && [ \$tests -eq 0 ]"
}
try_step "README command 2$([ "$keep_going" -eq 1 ] && echo ' (with -k 0, then ctest on what built)'): $second_command" \
    "$logs/5-second-command.log" -- second || true

# A test that skips for want of a tool (QSKIP "... is not installed") passes in ctest: list every skip, so that a
# fresh root's missing tool shows.
skipped() {
    local f
    for f in "$dir$src_in_root"/build/{dev,ci}/Testing/Temporary/LastTest.log; do
        [ -f "$f" ] && grep -E '^SKIP +:' "$f" | sed 's/^/  /'
    done
    true
}
skips="$(skipped)"
if [ -n "$skips" ]; then
    results+=("INFO  tests skipped in the root (ctest counts them as passed):" "$skips")
fi

summary
[ ${#failed_logs[@]} -eq 0 ]
exit
}
