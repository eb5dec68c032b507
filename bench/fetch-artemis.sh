#!/usr/bin/env bash
# Prints the home of a standalone Artemis distribution, fetching it once from the Maven registry into a cache directory
# (mvn dependency:copy of org.apache.artemis:apache-artemis:<version>:tar.gz:bin, falling back to
# org.apache.activemq:apache-artemis:2.44.0). Shared by bench/run-intake.sh and faults/run.sh.
#
#   bench/fetch-artemis.sh [cache-dir=bench/.cache] [version=2.56.0]   # progress and errors on stderr
set -uo pipefail
CACHE=${1:-"$(cd "$(dirname "$0")" && pwd)/.cache"}
VERSION=${2:-2.56.0}
mkdir -p "$CACHE" || exit 1
CACHE=$(cd "$CACHE" && pwd)

home_of() { [ -x "$CACHE/apache-artemis-$1/bin/artemis" ] && echo "$CACHE/apache-artemis-$1"; }

home_of "$VERSION" && exit 0
for coords in "org.apache.artemis:apache-artemis:$VERSION" "org.apache.activemq:apache-artemis:2.44.0"; do
    v=${coords##*:}
    home_of "$v" && exit 0
    echo "fetching $coords:tar.gz:bin into $CACHE" >&2
    # run outside any project so Maven resolves just this artifact
    (cd "$CACHE" && mvn -B -q dependency:copy -Dartifact="$coords:tar.gz:bin" -DoutputDirectory="$CACHE") >&2 \
        || { echo "could not fetch $coords" >&2; continue; }
    tgz="$CACHE/apache-artemis-$v-bin.tar.gz"
    [ -f "$tgz" ] && tar -xzf "$tgz" -C "$CACHE" && rm -f "$tgz"
    home_of "$v" && exit 0
done
exit 1
