#!/usr/bin/env bash
# Fills a migrated Hotline Hub database with years of generated tickets (issue 23; bench/GenerateTickets.java says
# what it writes and how).
#
#   bench/generate-tickets.sh --jdbc-url URL --count N [--years 5] [--compounds-per-grid 40] [--seed S]
#                             [--user U --password P] [--keep-indexes]
#
# The database must have been migrated by the hub. A running hub's embedded one works: start the hub with a fixed port,
#   java -Dhub.embedded.postgres-port=15432 -jar target/quarkus-app/quarkus-run.jar
# then
#   bench/generate-tickets.sh --jdbc-url jdbc:postgresql://127.0.0.1:15432/postgres --count 10000000
# Needs only the JDK and Maven: the PostgreSQL JDBC driver comes from the packaged hub or the Maven registry.
set -euo pipefail
cd "$(dirname "$0")/.."

driver=$(ls target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar 2>/dev/null | head -1 || true)
if [ -z "$driver" ]; then
    version=$(mvn -q -o help:evaluate -Dexpression=postgresql.version -DforceStdout 2>/dev/null || true)
    case "$version" in [0-9]*) ;; *) version=42.7.7 ;; esac
    mkdir -p bench/.cache
    driver=bench/.cache/postgresql-$version.jar
    [ -f "$driver" ] || mvn -q dependency:copy -Dartifact="org.postgresql:postgresql:$version" \
        -DoutputDirectory=bench/.cache >/dev/null
fi
exec java -Xmx1g -cp "$driver" bench/GenerateTickets.java "$@"
