#!/usr/bin/env bash
# Scaling figure of the local cluster (issue 19 item 5): what the hub carries with two nodes and with one, on the same
# Artemis pair and PostgreSQL, behind the same HAProxy, measured in one run with the project's load generator.
#
#   mvn -B -q -o -DskipTests -Dformatter.skip -Dimpsort.skip package   # once; this script builds nothing
#   bench/cluster-scaling.sh
#
# What it does (everything on 127.0.0.1; everything it starts is stopped on exit):
#   1. deploy/local/cluster.sh up in a directory of its own (CLUSTER_DIR=<results>/cluster): the Artemis live/backup
#      pair on a shared store, PostgreSQL, hub nodes 1 and 2, HAProxy on 127.0.0.1:8080; the demo district with its
#      webhooks pointed at bench/PartnerSink.java, the per-client limits lifted (all load comes from one address) and
#      incident detection off (as bench/run-intake.sh: the generator's texts are near-duplicates)
#   2. raw ceilings of the same machine and run: pgbench one-row INSERT (8 clients) against the cluster's PostgreSQL,
#      `artemis perf client` (persistent 1 KiB messages) against the live broker
#   3. pre-warm: a closed loop of 2 clients through HAProxy, so both nodes have compiled their hot code
#   4. phase "2 nodes": IntakeBench, closed loop of BENCH_CLIENTS clients through HAProxy for BENCH_DURATION s; then the
#      wait until every contact of the phase is a ticket, dispatched or in triage, with its webhooks delivered
#   5. node 2 stopped (SIGTERM; HAProxy takes it out), phase "1 node" the same way
#   6. summary.md: per phase acknowledged/s and answer latency, carried to a delivered webhook/s (the tickets of the
#      phase with every webhook delivered, over first receipt to last delivery: bench/run-intake.sh's definition), and
#      the CPU seconds each process used per 1,000 contacts carried
#
# On one machine the nodes share its cores with the broker, the database, HAProxy and the load, so the figure shows
# what a second node costs, not what it gains (BENCHMARKS.md "Cluster scaling").
#
# Settings (environment): BENCH_OUT=dir [bench/results/cluster-<UTC timestamp>]  BENCH_DURATION=30  BENCH_CLIENTS=64
#   BENCH_PREWARM_S=30  BENCH_E2E_MAX=180  BENCH_SINK_PORT=18089  BENCH_PG_PORT=15452  BENCH_CEILING_S=15 (0 = none)
#   BENCH_NODE_JAVA_OPTS (CLUSTER_JAVA_OPTS of cluster.sh, its default when unset)
#   BENCH_CLOSED_CLIENT=socket (IntakeBench --closed-client; jdk: the JDK HttpClient of the runs before 2026-12-07's
#   round 17, as bench/run-intake.sh)
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1
ROOT=$(pwd)
BENCH="$ROOT/bench"
TS=$(date -u +%Y%m%dT%H%M%SZ)
OUT=${BENCH_OUT:-$BENCH/results/cluster-$TS}
DUR=${BENCH_DURATION:-30}
CLIENTS=${BENCH_CLIENTS:-64}
CLOSED_CLIENT=${BENCH_CLOSED_CLIENT:-socket}
PREWARM_S=${BENCH_PREWARM_S:-30}
E2E_MAX=${BENCH_E2E_MAX:-180}
SINK_PORT=${BENCH_SINK_PORT:-18089}
PG_PORT=${BENCH_PG_PORT:-15452}
CEILING_S=${BENCH_CEILING_S:-15}
LB=http://127.0.0.1:8080
LIFTED=1000000000

mkdir -p "$OUT/refdata" "$OUT/classes" || exit 1
OUT=$(cd "$OUT" && pwd)
LOG="$OUT/run.log"
: >"$LOG"
RUN="$OUT/cluster"
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$LOG" >&2; }
die() { log "FATAL: $*"; exit 1; }

SINK_PID=""
CLUSTER_STARTED=""
[ -n "${BENCH_NODE_JAVA_OPTS:-}" ] && export CLUSTER_JAVA_OPTS="$BENCH_NODE_JAVA_OPTS"
cluster() {
    CLUSTER_DIR="$RUN" CLUSTER_PG_PORT="$PG_PORT" CLUSTER_HUB_ENV="$HUB_ENV" \
        "$ROOT/deploy/local/cluster.sh" "$@" >>"$OUT/cluster.log" 2>&1
}
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [ -n "$CLUSTER_STARTED" ]; then
        cluster down
        mkdir -p "$OUT/logs" && cp "$RUN"/logs/*.log "$OUT/logs/" 2>/dev/null && gzip -f "$OUT"/logs/*.log
        cluster down --wipe
    fi
    [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null
    exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
[ -f "$JAR" ] || die "$JAR missing: build first (mvn -B -q -o -DskipTests -Dformatter.skip -Dimpsort.skip package)"
for cmd in java javac curl psql pgbench python3; do command -v "$cmd" >/dev/null || die "$cmd not found"; done
for p in 8080 8081 8082 8404 61616 61617 "$SINK_PORT" "$PG_PORT"; do
    port_free "$p" || die "port $p on 127.0.0.1 is in use (the cluster's ports are fixed; BENCH_SINK_PORT, BENCH_PG_PORT)"
done
log "results in $OUT"
{
    echo "date_utc: $(date -u +%FT%TZ)"
    echo "host_nproc: $(nproc)"
    echo "cpu_model: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "mem_total: $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "hub_commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "loadavg_at_start: $(cat /proc/loadavg)"
    echo "phases: prewarm ${PREWARM_S}s (2 clients), then closed loop of $CLIENTS clients for ${DUR}s with 2 nodes, then with 1"
} >"$OUT/machine.txt"
javac -d "$OUT/classes" "$BENCH/IntakeBench.java" "$BENCH/PartnerSink.java" 2>>"$LOG" || die "javac failed"

# ------------------------------------------------------------------ the cluster and the partner sink

for f in "$ROOT"/config/demo/*.yaml; do
    sed "s#http://127.0.0.1:8089/#http://127.0.0.1:$SINK_PORT/#g" "$f" >"$OUT/refdata/$(basename "$f")"
done
java -Xmx256m -XX:+UseSerialGC -cp "$OUT/classes" PartnerSink "$SINK_PORT" 4 >"$OUT/sink.log" 2>&1 &
SINK_PID=$!
HUB_ENV="HUB_REFERENCE_DATA_FILES=$OUT/refdata HUB_INCIDENT_ENABLED=false HUB_WEB_REPORTS_PER_MINUTE=$LIFTED
    HUB_RATE_LIMITS_OPEN311_PER_MINUTE=$LIFTED HUB_RATE_LIMITS_STATUS_PER_MINUTE=$LIFTED
    HUB_RATE_LIMITS_API_PER_MINUTE=$LIFTED HUB_RATE_LIMITS_PARTNER_API_PER_MINUTE=$LIFTED"
log "deploy/local/cluster.sh up (CLUSTER_DIR=$RUN)"
CLUSTER_STARTED=1
cluster up || die "the cluster did not come up (see cluster.log)"
log "cluster up: $(grep -c 'ready on' "$OUT/cluster.log") nodes ready"
q() { psql -X -A -t -F $'\t' -h 127.0.0.1 -p "$PG_PORT" -U postgres -d hub -c "$1" 2>>"$LOG"; }
echo "postgresql: $(q 'select version()' | cut -d, -f1); fsync $(q 'show fsync'), synchronous_commit $(q 'show synchronous_commit')" >>"$OUT/machine.txt"

# ------------------------------------------------------------------ raw ceilings, same run

ART_HOME=$("$BENCH/fetch-artemis.sh" "$BENCH/.cache" 2>>"$LOG")
if [ "$CEILING_S" -gt 0 ] 2>/dev/null; then
    printf '%s\n' '\set r random(1, 1000000000)' \
        "INSERT INTO bench_insert (r, payload) VALUES (:r, 'one-row insert of about a hundred bytes, like a small ticket row in the hub');" \
        >"$OUT/pgbench-insert.sql"
    psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "create database bench_scratch" >>"$LOG" 2>&1
    psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d bench_scratch -c \
        "create table bench_insert (id bigserial primary key, r bigint, payload text, created_at timestamptz not null default now())" >>"$LOG" 2>&1
    log "ceiling: pgbench one-row insert, 8 clients, ${CEILING_S}s, against the cluster's PostgreSQL"
    pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -c 8 -j 2 -T "$CEILING_S" \
        -f "$OUT/pgbench-insert.sql" bench_scratch >"$OUT/ceiling-pgbench.txt" 2>&1
    psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "drop database bench_scratch" >>"$LOG" 2>&1
    log "ceiling: artemis perf client, persistent 1 KiB, against the live broker, ${CEILING_S}s"
    timeout $((CEILING_S + 120)) "$ART_HOME/bin/artemis" perf client --url tcp://127.0.0.1:61616 --user hub \
        --password hub-local-broker --persistent --message-size 1024 --producers 16 --consumers 4 --threads 2 \
        --duration "$CEILING_S" --warmup 5 --silent --json "$OUT/ceiling-artemis.json" queue://BENCH_SCALING \
        >"$OUT/ceiling-artemis.txt" 2>&1 || log "artemis perf failed (see ceiling-artemis.txt)"
    "$ART_HOME/bin/artemis" queue delete --url tcp://127.0.0.1:61616 --user hub --password hub-local-broker \
        --name BENCH_SCALING >>"$LOG" 2>&1
fi

# ------------------------------------------------------------------ measurement helpers

pid_of() { cat "$RUN/$1.pid" 2>/dev/null; }
ticks() { # pid... -> utime+stime (clock ticks)
    local t=0 p
    for p in "$@"; do
        [ -n "$p" ] && [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat")))
    done
    echo "$t"
}
pg_pids() { local pm; pm=$(head -1 "$RUN/postgres/data/postmaster.pid" 2>/dev/null) && echo "$pm" && ps -o pid= --ppid "$pm"; }
pg_ticks() { # its processes now, and those that have ended (autovacuum workers: the postmaster's cutime and cstime)
    local pm
    pm=$(head -1 "$RUN/postgres/data/postmaster.pid" 2>/dev/null) && [ -r "/proc/$pm/stat" ] || { echo 0; return; }
    # shellcheck disable=SC2046
    echo $(($(ticks $(pg_pids)) + $(awk '{print $16+$17}' "/proc/$pm/stat")))
}
cpu_row() { # -> node1 node2 postgres broker haproxy machine_busy (ticks)
    # shellcheck disable=SC2046
    echo "$(ticks "$(pid_of node1)") $(ticks "$(pid_of node2)") $(pg_ticks) $(ticks $(pgrep -f "$RUN/artemis/live" | tr '\n' ' ')) $(ticks "$(pid_of haproxy)") $(awk '/^cpu /{t=0; for(i=2;i<=NF;i++) t+=$i; print t-$5-$6}' /proc/stat)"
}
lb_up_count() { curl -s -m 2 "http://127.0.0.1:8404/stats;csv" | awk -F, '$1 == "nodes" && $2 ~ /^node/ && $18 == "UP"' | wc -l; }

drain() { # label since_epoch: until every ticket since then is dispatched or in triage with its webhooks delivered
    local label=$1 since=$2 t0 row
    t0=$(date +%s)
    while [ $(($(date +%s) - t0)) -lt "$E2E_MAX" ]; do
        row=$(q "select count(*) filter (where t.status = 'RECEIVED'),
                        (select count(*) from partner_delivery where status = 'PENDING')
                   from ticket t where t.created_at >= to_timestamp($since)")
        [ "$row" = $'0\t0' ] && { log "$label: pipeline done $(($(date +%s) - t0)) s after the load"; return 0; }
        sleep 1
    done
    log "$label: pipeline NOT done ${E2E_MAX}s after the load (RECEIVED, pending deliveries: $row)"
    return 1
}

carried() { # since until -> "tickets delivered span_s per_s" for tickets received in [since, until]
    q "with t as (select t.id, t.created_at from ticket t
                   where t.created_at >= to_timestamp($1) and t.created_at <= to_timestamp($2)
                     and t.description not like 'bench probe%'),
            d as (select a.ticket_id, max(d.delivered_at) at, bool_and(d.status = 'DELIVERED') ok
                    from partner_delivery d join assignment a on a.id = d.assignment_id
                   where a.ticket_id in (select id from t) group by 1)
       select (select count(*) from t), count(d.ticket_id),
              round(extract(epoch from max(d.at) - (select min(created_at) from t))::numeric, 1),
              round(count(d.ticket_id) / nullif(extract(epoch from max(d.at) - (select min(created_at) from t)), 0)::numeric, 1)
         from d where d.ok"
}

echo -e "phase\tnodes\tclients\tseconds\tacknowledged\tack_per_s\tack_p50_ms\tack_p99_ms\tstatuses\ttickets\tdelivered\tspan_s\tcarried_per_s\tcpu_node1_s\tcpu_node2_s\tcpu_postgres_s\tcpu_broker_s\tcpu_haproxy_s\tcpu_machine_s" \
    >"$OUT/phases.tsv"
CLK=$(getconf CLK_TCK)

phase() { # label nodes
    local label=$1 nodes=$2 since until before after line
    log "phase $label: $nodes node(s) behind HAProxy, closed loop of $CLIENTS clients, ${DUR}s"
    since=$(date +%s)
    before=$(cpu_row)
    java -Xms128m -Xmx1g -cp "$OUT/classes" IntakeBench --url "$LB/report" --demo-dir "$OUT/refdata" --mode closed \
        --concurrency "$CLIENTS" --duration "$DUR" --warmup 10 --label "$label" --json "$OUT/intake.jsonl" \
        --closed-client "$CLOSED_CLIENT" \
        --series "$OUT/series-$label.tsv" >"$OUT/intake-$label.txt" 2>&1 || log "IntakeBench $label exited with an error"
    until=$(date +%s)
    grep '^# result' "$OUT/intake-$label.txt" | tee -a "$LOG" >&2
    drain "$label" "$since"
    after=$(cpu_row)
    line=$(python3 - "$OUT/intake.jsonl" "$label" <<'EOF'
import json, sys
r = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
r = next(x for x in reversed(r) if x.get("label") == sys.argv[2])
st = ",".join(f"{k}:{v}" for k, v in sorted(r.get("outcomes", {}).items()))
print("\t".join(str(v) for v in (r["accepted"], r["accepted_per_s"], r["latency_ms"]["p50"], r["latency_ms"]["p99"], st)))
EOF
)
    read -r -a b <<<"$before"
    read -r -a a <<<"$after"
    local cpus="" i
    for i in 0 1 2 3 4 5; do cpus+=$'\t'$(awk -v d=$((a[i] - b[i])) -v c="$CLK" 'BEGIN{printf "%.1f", d / c}'); done
    echo -e "$label\t$nodes\t$CLIENTS\t$DUR\t$line\t$(carried "$since" "$until")$cpus" >>"$OUT/phases.tsv"
    log "phase $label: $(tail -1 "$OUT/phases.tsv" | cut -f5-13 | tr '\t' ' ')"
}

# ------------------------------------------------------------------ the run

if [ "$PREWARM_S" -gt 0 ] 2>/dev/null; then
    log "pre-warm: closed loop of 2 clients through HAProxy, ${PREWARM_S}s (not a result)"
    java -Xms128m -Xmx1g -cp "$OUT/classes" IntakeBench --url "$LB/report" --demo-dir "$OUT/refdata" --mode closed \
        --concurrency 2 --duration "$PREWARM_S" --warmup 0 --label prewarm >"$OUT/intake-prewarm.txt" 2>&1
    drain prewarm "$(($(date +%s) - PREWARM_S - 5))"
fi
[ "$(lb_up_count)" = 2 ] || die "HAProxy does not see both nodes up"
phase two-nodes 2
log "stopping node2 (SIGTERM); HAProxy takes it out"
kill -TERM "$(pid_of node2)"
for ((i = 0; i < 600; i++)); do [ "$(lb_up_count)" = 1 ] && ! kill -0 "$(pid_of node2)" 2>/dev/null && break; sleep 0.1; done
[ "$(lb_up_count)" = 1 ] || die "HAProxy still sends to node2"
sleep 5
phase one-node 1

python3 - "$OUT" "$BENCH" >"$OUT/summary.md" <<'EOF'
import os, sys
out = sys.argv[1]
sys.path.insert(0, sys.argv[2])
from summarize import artemis_rate, fmt, pgbench_tps  # run-intake's readers of the same ceiling files
rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(out, "phases.tsv"))]
rows = [dict(zip(rows[0], r)) for r in rows[1:]]
def f(x):
    try: return float(x)
    except (TypeError, ValueError): return None
print("# Cluster scaling (bench/cluster-scaling.sh)\n")
for l in open(os.path.join(out, "machine.txt")): print("    " + l.rstrip())
tps = pgbench_tps(os.path.join(out, "ceiling-pgbench.txt"))[0]
art = artemis_rate(os.path.join(out, "ceiling-artemis.json"))
print(f"\nRaw ceilings of this run: pgbench one-row INSERT (8 clients) {fmt(tps)} tx/s; artemis perf, persistent 1 KiB,"
      f" send+receive {fmt(art and art['send_receive_per_s'])} msg/s.\n")
print("| nodes | acknowledged/s | ack p50 / p99 ms | statuses | tickets of the phase | carried to a delivered webhook/s "
      "| CPU s per 1,000 carried: hub nodes / PostgreSQL / live broker / HAProxy / whole machine |")
print("|---|---|---|---|---|---|---|")
for r in rows:
    n = f(r["delivered"]) or 0
    per = lambda s: f"{1000 * s / n:.1f}" if n and s is not None else "n/a"
    nodes = (f(r["cpu_node1_s"]) or 0) + (f(r["cpu_node2_s"]) or 0)
    print(f"| {r['nodes']} | {r['ack_per_s']} | {r['ack_p50_ms']} / {r['ack_p99_ms']} | {r['statuses']} | {r['tickets']} "
          f"| {r['carried_per_s']} ({r['delivered']} in {r['span_s']} s) | {per(nodes)} / {per(f(r['cpu_postgres_s']))} / "
          f"{per(f(r['cpu_broker_s']))} / {per(f(r['cpu_haproxy_s']))} / {per(f(r['cpu_machine_s']))} |")
by = {r["nodes"]: r for r in rows}
if "1" in by and "2" in by and f(by["1"]["carried_per_s"]) and f(by["2"]["carried_per_s"]):
    print(f"\nTwo nodes against one: carried {f(by['2']['carried_per_s']) / f(by['1']['carried_per_s']):.2f}x, "
          f"acknowledged {f(by['2']['ack_per_s']) / f(by['1']['ack_per_s']):.2f}x. On one machine the nodes share its "
          "cores with the broker, the database, HAProxy and the load: this is what a second node costs, not a speed-up.")
EOF
cat "$OUT/summary.md"
log "results in $OUT"
