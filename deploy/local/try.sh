#!/usr/bin/env bash
# Tries the local cluster end to end (README, "Run a cluster"): with deploy/local/cluster.sh up, posts reports through
# the load balancer at a small steady rate, kills -9 hub node1 and then the live broker while it does, and checks every
# acknowledged report against the database. Prints what it measured; exit status 0 when nothing acknowledged was lost
# or filed twice.
#
#   CLUSTER_HUB_ENV="HUB_WEB_REPORTS_PER_MINUTE=1000" deploy/local/cluster.sh up
#   deploy/local/try.sh [reports=60] [seconds between reports=0.5]
#
# (All reports come from 127.0.0.1, and the form takes 10 a minute from one address on each node by default, hence the
# setting.) The ledger (report, milliseconds since the start, answer time, HTTP code, reference) is kept in
# deploy/local/run/try-<run id>.txt.
#
# The kills are kill -9 of deploy/local/run/node1.pid at 10 s and of artemis-live.pid about 10 s later; afterwards
# restart them with `deploy/local/cluster.sh up` (it starts only what is not running). The reports carry this run's id
# in their description, so runs do not match each other's reports (the form files an identical report once).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
RUN=${CLUSTER_DIR:-deploy/local/run}
PG_PORT=${CLUSTER_PG_PORT:-15432}
COUNT=${1:-60}
GAP=${2:-0.5}
ID=$(date -u +%H%M%S)
LEDGER="$RUN/try-$ID.txt"
: >"$LEDGER" || exit 2
START=$(date +%s%3N)
ms() { date +%s%3N; }
servers() { curl -s -m 2 "http://127.0.0.1:8404/stats;csv" | awk -F, '$1 == "nodes" && $2 ~ /^node/ {printf "%s=%s ", $2, $18}'; }
psqlc() { psql -X -q -A -t -h 127.0.0.1 -p "$PG_PORT" -U postgres hub -c "$1"; }
say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }

send() { # n: one form report through the load balancer; the ledger gets "n ms http-code reference"
    local t body code
    t=$(ms)
    body=$(curl -s -m 15 -w '\n%{http_code}' -X POST http://127.0.0.1:8080/report -H 'Accept: application/json' \
        --data-urlencode 'category=property-repair' --data-urlencode "description=try $ID-$1: 3号楼电梯坏了" \
        --data-urlencode "phone=1390000$(printf %04d "$1")" --data-urlencode 'compound=HY-GARDEN')
    code=${body##*$'\n'}
    echo "$1 $((t - START)) $(($(ms) - t)) $code $(sed -n 's/.*"reference":"\([0-9]*\)".*/\1/p' <<<"${body%$'\n'*}")" >>"$LEDGER"
}

[ "$(curl -s -o /dev/null -w '%{http_code}' -m 3 http://127.0.0.1:8080/q/health/ready)" = 200 ] \
    || { echo "the cluster is not up: deploy/local/cluster.sh up" >&2; exit 2; }
say "run $ID: $COUNT reports, one every $GAP s; servers: $(servers)"
(for ((i = 1; i <= COUNT; i++)); do send "$i"; sleep "$GAP"; done) &
LOAD=$!
sleep 10
t=$(ms)
kill -9 "$(cat "$RUN/node1.pid")" && say "node1 killed -9 at $((t - START)) ms"
until servers | grep -q "node1=DOWN"; do sleep 0.1; done
say "HAProxy marked node1 DOWN after $(($(ms) - t)) ms"
sleep 8
t=$(ms)
kill -9 "$(cat "$RUN/artemis-live.pid")" && say "Artemis live killed -9 at $((t - START)) ms"
until (exec 3<>/dev/tcp/127.0.0.1/61617) 2>/dev/null; do sleep 0.1; done
say "the backup is active on 61617 after $(($(ms) - t)) ms"
wait "$LOAD"
say "answers: $(awk '{print $4}' "$LEDGER" | sort | uniq -c | awk '{printf "%s x %s, ", $1, $2}')slowest $(sort -k3 -n "$LEDGER" | tail -1 | awk '{print $3}') ms"
awk '$4 != 202 {printf "  report %s sent at %s ms: %s after %s ms\n", $1, $2, $4, $3}' "$LEDGER"
awk '$4 == 429 {f = 1} END {exit !f}' "$LEDGER" && say "429: the form's limit per address; start the nodes with CLUSTER_HUB_ENV (above)"
sleep 15 # let intake and dispatch finish
acked=$(awk '$4 == 202 {printf "%s'\''%s'\''", (n++ ? "," : ""), $5}' "$LEDGER")
n_acked=$(awk '$4 == 202' "$LEDGER" | wc -l)
found=$(psqlc "select count(*) from (select reference from ticket where reference in ($acked) union
    select reference from ticket_alias where reference in ($acked)) r")
tickets=$(psqlc "select count(*) from ticket where description like 'try $ID-%'")
twice=$(psqlc "select count(*) from (select description from ticket where description like 'try $ID-%'
    group by description having count(*) > 1) d")
offered=$(psqlc "select count(distinct t.id) from ticket t join assignment a on a.ticket_id = t.id
    where t.description like 'try $ID-%'")
refused_stored=$(awk '$4 != 202 {print $1}' "$LEDGER" | while read -r n; do
    psqlc "select count(*) from ticket where description = 'try $ID-$n: 3号楼电梯坏了'"; done | awk '{s += $1} END {print s + 0}')
say "acknowledged $n_acked, found in the database $found; tickets of this run $tickets, filed twice $twice, offered to a partner $offered; refused but stored anyway ${refused_stored:-0}"
say "servers: $(servers)"
[ "$found" = "$n_acked" ] && [ "$twice" = 0 ]
