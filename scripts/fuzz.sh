#!/usr/bin/env bash
# Runs every libFuzzer target of the asan tree (tests/fuzz, docs/hardening.md).
#
#   scripts/fuzz.sh [SECONDS]            fuzz each target for SECONDS (default 30), one after the other
#   scripts/fuzz.sh --only NAME [SECONDS] fuzz one target
#   scripts/fuzz.sh --replay NAME BINARY  replay NAME's seeds and tests/data/fuzz/NAME/ once (the ctest check)
#
# The corpus each target grows is kept in $HANDOFF_FUZZ_CORPUS/NAME (default ~/.cache/handoff-studio/fuzz), so that
# later runs resume where earlier ones stopped; the seeds (tests/fuzz/seeds/NAME.txt) are read, never written. A
# finding is written to $HANDOFF_FUZZ_ARTIFACTS (default build/asan/fuzz-artifacts) and makes the script fail.
# A summary line per target (executions, coverage, corpus size) goes to stdout and to build/asan/fuzz-summary.txt.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${HANDOFF_FUZZ_BUILD:-$root/build/asan}"
corpus_root="${HANDOFF_FUZZ_CORPUS:-${XDG_CACHE_HOME:-$HOME/.cache}/handoff-studio/fuzz}"
artifacts="${HANDOFF_FUZZ_ARTIFACTS:-$build/fuzz-artifacts}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8

# seed_args NAME: the seed files of NAME (globs in tests/fuzz/seeds/NAME.txt) and its regression inputs.
seed_files() {
    local name="$1" line
    [[ -f "$root/tests/fuzz/seeds/$name.txt" ]] || return 0
    while IFS= read -r line; do
        [[ -z "$line" || "$line" == \#* || "$line" == dict:* ]] && continue
        compgen -G "$root/$line" || true
    done <"$root/tests/fuzz/seeds/$name.txt"
    if [[ -d "$root/tests/data/fuzz/$name" ]]; then
        find "$root/tests/data/fuzz/$name" -type f
    fi
}

# dict_file NAME: one dictionary made of the ones NAME's seed list names ("dict: json jwt").
dict_file() {
    local name="$1" out="$build/fuzz-dicts/$1.dict" d
    mkdir -p "$build/fuzz-dicts"
    : >"$out"
    for d in $(sed -n 's/^dict://p' "$root/tests/fuzz/seeds/$name.txt" 2>/dev/null); do
        cat "$root/tests/fuzz/dict/$d.dict" >>"$out"
    done
    echo "$out"
}

if [[ "${1:-}" == "--replay" ]]; then
    name="$2" binary="$3"
    mapfile -t files < <(seed_files "$name")
    if [[ ${#files[@]} -eq 0 ]]; then
        echo "no seeds for $name" >&2
        exit 1
    fi
    exec "$binary" -runs=1 -rss_limit_mb=2048 "${files[@]}"
fi

only=""
if [[ "${1:-}" == "--only" ]]; then
    only="$2"
    shift 2
fi
seconds="${1:-30}"

if [[ ! -f "$build/fuzz-targets.txt" ]]; then
    cmake --preset asan >/dev/null
fi
mapfile -t targets <"$build/fuzz-targets.txt"
[[ -n "$only" ]] && targets=("$only")
cmake --build "$build" --target $(printf 'fuzz_%s ' "${targets[@]}")

mkdir -p "$artifacts"
summary="$build/fuzz-summary.txt"
: >"$summary"
status=0
for name in "${targets[@]}"; do
    corpus="$corpus_root/$name"
    seeds="$build/fuzz-seeds/$name"
    mkdir -p "$corpus" "$seeds"
    rm -f "$seeds"/*
    while IFS= read -r file; do
        cp "$file" "$seeds/$(basename "$file")"
    done < <(seed_files "$name")
    log="$build/fuzz-$name.log"
    echo "== fuzz_$name for ${seconds}s (corpus $corpus)"
    set +e
    "$build/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -print_final_stats=1 -dict="$(dict_file "$name")" -artifact_prefix="$artifacts/$name-" \
        "$corpus" "$seeds" >"$log" 2>&1
    rc=$?
    set -e
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
    files=$(find "$corpus" -type f | wc -l)
    line="$name: rc=$rc executions=${execs:-?} ${cov:-cov: ?} corpus=$files"
    echo "$line" | tee -a "$summary"
    if [[ $rc -ne 0 ]]; then
        status=1
        grep -E 'ERROR|SUMMARY|Test unit written|==[0-9]+==' "$log" | head -20 >&2 || true
    fi
done
exit $status
