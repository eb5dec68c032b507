#!/usr/bin/env bash
# Intake benchmark of the Hotline Hub, with the raw ceilings measured in the same run (docs: targets.md P1/P2/P4/P7).
#
#   mvn -B -q -o -DskipTests -Dformatter.skip -Dimpsort.skip package   # once; this script builds nothing
#   bench/run-intake.sh
#
# What it does, in this order (everything on 127.0.0.1, everything it starts is stopped on exit):
#   1. machine facts -> machine.txt
#   2. ceiling (a): pgbench, one-row INSERT, 8 clients, against a throwaway PostgreSQL (Debian's initdb/pg_ctl, fsync
#      and synchronous_commit on); without those binaries, against the hub's embedded PostgreSQL on a scratch table
#   3. ceiling (b): `artemis perf client`, persistent 1 KiB messages, 16 blocking producers, send+receive, against a
#      throwaway standalone Artemis broker (distribution fetched once into bench/.cache with mvn dependency:copy)
#   4. the hub (target/quarkus-app) with a fresh data dir, embedded PostgreSQL and Artemis (durable), and
#      bench/PartnerSink.java as the partners' webhook endpoint; pgbench once more against the embedded PostgreSQL
#   5. IntakeBench phases (default: fixed 50/s, 200/s, 500/s, closed loop 32 clients); after each one a recovery probe
#      (a probe report every 200 ms from the end of the load window until one is answered 202 in < 1 s), then the
#      wait for the pipeline; after the last one end to end: waits (bounded) until every accepted contact is a ticket
#      that is dispatched (or in triage) with its webhook delivered
#   6. summary.md (printed), chart.svg (rate and latency over time) and raw files in bench/results/<timestamp>/
#
# The reviewer's overload scenario (issue 16): a 30 s form load from 64 connections, then a 20 s surge from 512:
#   BENCH_PHASES="closed:64 surge:512" bench/run-intake.sh
# summary.md then states acknowledged/s per phase, what was carried to a delivered webhook per second, every status
# the surge got (only 2xx, 429 and 503 pass) and how long after the surge a probe report was acknowledged in < 1 s.
#
# Settings (environment):
#   BENCH_OUT=dir                  results directory [bench/results/<UTC timestamp>]
#   BENCH_DURATION=30              measured seconds of each load phase and each ceiling
#   BENCH_PHASES="fixed:50 fixed:200 fixed:500 closed:32"   load phases in order (fixed:<rate>, closed:<clients>,
#                                  step:<a,b,c>, surge:<clients>); the last one is followed by the end-to-end wait
#   BENCH_SURGE_S=20               a surge:<N> phase is a closed loop of N clients for this many seconds, no warm-up
#   BENCH_PREWARM_S=20             JIT warm-up of the fresh hub first: closed loop, 2 clients (not a result; 0 = none)
#   BENCH_WARMUP=5                 warm-up seconds before each phase (closed phases use 2x)
#   BENCH_PHASE_DRAIN_MAX=30       seconds to wait between phases for the pipeline to catch up
#   BENCH_E2E_MAX=90               seconds to wait after the last phase for end-to-end completion
#   BENCH_RECOVERY_MAX=60          seconds the recovery probe after each phase goes on without a fast 202 (0 = none)
#   BENCH_CHART_TO=path            also copy chart.svg there (relative to the project root), e.g. bench/intake-chart.svg
#   BENCH_HTTP_PORT=18080 BENCH_SINK_PORT=18089 BENCH_PG_PORT=15432 BENCH_ARTEMIS_PORT=61626
#   BENCH_SKIP_CEILINGS=1          skip steps 2 and 3
#   BENCH_PGBENCH_EMBEDDED_S=10    seconds of pgbench against the hub's embedded PostgreSQL (0 = skip)
#   BENCH_ARTEMIS_VERSION=2.56.0   (falls back to org.apache.activemq:apache-artemis:2.44.0)
#   BENCH_ARTEMIS_PERF_ARGS="--producers 16 --consumers 4 --threads 2"
#   BENCH_HUB_JAVA_OPTS="-Xmx384m -XX:TieredStopAtLevel=1"   JVM options for the hub, the README's by default (GC
#                                  logging is always on)
#   BENCH_REPORTS_PER_MINUTE=1000000000   the hub's per-client form limit (all load comes from one address)
#   BENCH_WAIT_IDLE=30             wait up to this many seconds for the 1-min load average to drop below 1 first
#   BENCH_JSTACK=1                 take 5 thread dumps of the hub while it works off the backlog after the last phase
#   BENCH_JFR=0                    1: record a JDK Flight Recorder profile of the hub during the last phase (hub.jfr);
#                                  drain: during the end-to-end wait after it instead (the pipeline alone, no HTTP load)
#                                  (CPU: bench/jfr-summary.py hub.jfr intake; waits on the database: bench/jfr-waits.py)
#   BENCH_ASPROF=0                 1: profile the hub's CPU with async-profiler during the last phase (hub-cpu.collapsed,
#                                  every thread, 1 ms; its launcher jar fetched once from the Maven registry by
#                                  bench/fetch-asprof.sh). Read it with bench/asprof-summary.py hub-cpu.collapsed [thread]
#   BENCH_KEEP_DATA=0              keep the hub's database and journal after the run
#   BENCH_CLOSED_CLIENT=socket     the closed-loop phases' client (IntakeBench --closed-client): socket, or jdk (the JDK
#                                  HttpClient, the bench's client before round 17, about three times its CPU per request)
#   BENCH_PG_STATEMENTS=0          1: load pg_stat_statements into the hub's embedded PostgreSQL (a little overhead),
#                                  count from the first measured phase on, and write the statements by total time to
#                                  db-statements.tsv (the summary lists the top ones per ticket)
#   BENCH_PG_SETTINGS=             more settings of the embedded PostgreSQL (hub.embedded.postgres-settings), e.g.
#                                  "session_preload_libraries=auto_explain;auto_explain.log_min_duration=40" (the plans
#                                  of statements over 40 ms go to hub.log)
#   BENCH_INCIDENTS=false          incident detection (issue 21, hub.incident.enabled): off, because the load's twelve
#                                  sentences, repeated in every compound, are near-duplicates; with it on, most reports
#                                  of the needs the catalog marks `incidents: true` would join incidents or wait in
#                                  triage (round 10 in BENCHMARKS.md), and the run would no longer measure the pipeline
#                                  of distinct problems. true: the hub's default, for the surge scenario
#   BENCH_INCIDENT_REPORTS=0       the surge scenario of issue 21: this many reports of one incident (a burst water main
#                                  in one compound, each resident in words of their own) mixed into each phase's load,
#                                  a request being one of them with probability BENCH_INCIDENT_SHARE=0.3; the rest of
#                                  the load (pre-warm too) then describes distinct problems (IntakeBench's header).
#                                  db-incidents.tsv and summary.md say how the reports were decided. E.g.:
#     BENCH_INCIDENTS=true BENCH_INCIDENT_REPORTS=2000 BENCH_PHASES="fixed:200" bench/run-intake.sh
#     BENCH_INCIDENTS=false BENCH_INCIDENT_REPORTS=2000 BENCH_PHASES="fixed:200" bench/run-intake.sh  # the same load,
#                                  detection off: what detection costs is the difference
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1
ROOT=$(pwd)
BENCH="$ROOT/bench"
TS=$(date -u +%Y%m%dT%H%M%SZ)
OUT=${BENCH_OUT:-$BENCH/results/$TS}
DUR=${BENCH_DURATION:-30}
PHASES=${BENCH_PHASES:-"fixed:50 fixed:200 fixed:500 closed:32"}
WARMUP=${BENCH_WARMUP:-5}
PHASE_DRAIN_MAX=${BENCH_PHASE_DRAIN_MAX:-30}
E2E_MAX=${BENCH_E2E_MAX:-90}
SURGE_S=${BENCH_SURGE_S:-20}
RECOVERY_MAX=${BENCH_RECOVERY_MAX:-60}
CHART_TO=${BENCH_CHART_TO:-}
HTTP_PORT=${BENCH_HTTP_PORT:-18080}
SINK_PORT=${BENCH_SINK_PORT:-18089}
PG_PORT=${BENCH_PG_PORT:-15432}
ART_PORT=${BENCH_ARTEMIS_PORT:-61626}
SKIP_CEILINGS=${BENCH_SKIP_CEILINGS:-0}
PGBENCH_EMBEDDED_S=${BENCH_PGBENCH_EMBEDDED_S:-10}
ART_VERSION=${BENCH_ARTEMIS_VERSION:-2.56.0}
ART_PERF_ARGS=${BENCH_ARTEMIS_PERF_ARGS:-"--producers 16 --consumers 4 --threads 2"}
HUB_JAVA_OPTS=${BENCH_HUB_JAVA_OPTS-"-Xmx384m -XX:TieredStopAtLevel=1"}
WAIT_IDLE=${BENCH_WAIT_IDLE:-30}
JSTACK=${BENCH_JSTACK:-1}
JFR=${BENCH_JFR:-0}
ASPROF=${BENCH_ASPROF:-0}
PREWARM_S=${BENCH_PREWARM_S:-20}
REPORTS_PER_MINUTE=${BENCH_REPORTS_PER_MINUTE:-1000000000}
KEEP_DATA=${BENCH_KEEP_DATA:-0}
CLOSED_CLIENT=${BENCH_CLOSED_CLIENT:-socket}
PG_STATEMENTS=${BENCH_PG_STATEMENTS:-0}
HUB_PG_SETTINGS=${BENCH_PG_SETTINGS:-}
[ "$PG_STATEMENTS" = 1 ] && HUB_PG_SETTINGS="shared_preload_libraries=pg_stat_statements;pg_stat_statements.max=2000;$HUB_PG_SETTINGS"
INCIDENTS=${BENCH_INCIDENTS:-false}
INCIDENT_REPORTS=${BENCH_INCIDENT_REPORTS:-0}
INCIDENT_SHARE=${BENCH_INCIDENT_SHARE:-0.3}
LOAD_ARGS=()
[ "$INCIDENT_REPORTS" -gt 0 ] 2>/dev/null && LOAD_ARGS=(--distinct-texts)
CACHE="$BENCH/.cache"

mkdir -p "$OUT" "$CACHE" || exit 1
OUT=$(cd "$OUT" && pwd)
LOG="$OUT/run.log"
: >"$LOG"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$LOG" >&2; }
die() { log "FATAL: $*"; exit 1; }

# ------------------------------------------------------------------ cleanup: stop what this script started

PIDS=()            # processes started here, stopped in reverse order
PG_STANDALONE=""   # data dir of the throwaway PostgreSQL while it runs
PG_TMP=""          # its parent temp dir
HUB_PID=""
SINK_PID=""
HUB_DATA=""
SAMPLER_PID=""

stop_pid() { # pid [seconds]
    local pid=$1 wait_s=${2:-20} i
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < wait_s * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    log "pid $pid did not stop in ${wait_s}s, killing"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    return 0
}

as_pg() { # run a PostgreSQL server binary as a non-root user (initdb/postgres refuse root)
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
    local rc=$? i
    trap - EXIT INT TERM
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
        stop_pid "${PIDS[$i]}" 30
    done
    if [ -n "$PG_STANDALONE" ] && [ -f "$PG_STANDALONE/postmaster.pid" ]; then
        as_pg pg_ctl -D "$PG_STANDALONE" -m fast -w -t 30 stop >>"$LOG" 2>&1
    fi
    [ -n "$PG_TMP" ] && rm -rf "$PG_TMP"
    # the hub stops its embedded PostgreSQL itself; if the hub had to be killed, stop the orphan (ours: same data dir)
    if [ -n "$HUB_DATA" ] && [ -f "$HUB_DATA/postgres/postmaster.pid" ]; then
        local pgpid
        pgpid=$(head -1 "$HUB_DATA/postgres/postmaster.pid" 2>/dev/null)
        if [ -n "$pgpid" ] && kill -0 "$pgpid" 2>/dev/null \
            && tr '\0' ' ' <"/proc/$pgpid/cmdline" 2>/dev/null | grep -q -- "$HUB_DATA/postgres"; then
            stop_pid "$pgpid" 30
        fi
    fi
    if [ "$KEEP_DATA" != 1 ] && [ -n "$HUB_DATA" ]; then rm -rf "$HUB_DATA"; fi
    rm -rf "$OUT/ceilings/artemis-instance" 2>/dev/null
    exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_idle() {
    local i load
    for ((i = 0; i < WAIT_IDLE; i += 5)); do
        load=$(cut -d' ' -f1 /proc/loadavg)
        awk -v l="$load" 'BEGIN{exit !(l < 1.0)}' && return 0
        [ "$i" = 0 ] && log "waiting up to ${WAIT_IDLE}s for the machine to go idle (load $load)"
        sleep 5
    done
    log "machine still busy (load $(cut -d' ' -f1 /proc/loadavg)); measuring anyway, see load.log"
}

load_snapshot() { # label
    { echo "=== $(date -u +%FT%TZ) $1: loadavg $(cat /proc/loadavg)"
      top -b -n1 -w 200 | sed -n '7,14p'; } >>"$OUT/load.log" 2>&1
}

proc_ticks() { # pid... -> utime+stime of these processes (clock ticks)
    local t=0 pid
    for pid in "$@"; do
        [ -r "/proc/$pid/stat" ] && t=$((t + $(awk '{print $14+$15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    echo "$t"
}

pg_pids() { # the hub's embedded postmaster and its children (backends, writers)
    local pm
    pm=$(head -1 "$HUB_DATA/postgres/postmaster.pid" 2>/dev/null) || return 0
    [ -n "$pm" ] || return 0
    echo "$pm"
    ps -o pid= --ppid "$pm" 2>/dev/null
}

pg_ticks() { # the hub's PostgreSQL: its processes now, and those that have ended (autovacuum workers, closed
    # connections: the postmaster's cutime and cstime), which the processes alone missed (BENCHMARKS.md, round 17)
    local pm
    pm=$(head -1 "$HUB_DATA/postgres/postmaster.pid" 2>/dev/null) || { echo 0; return; }
    [ -r "/proc/$pm/stat" ] || { echo 0; return; }
    # shellcheck disable=SC2046
    echo $(($(proc_ticks $(pg_pids)) + $(awk '{print $16+$17}' "/proc/$pm/stat" 2>/dev/null || echo 0)))
}

thread_ticks() { # pid -> "name<TAB>ticks" per thread of the process (its OS thread name, digits folded to N)
    local f
    for f in /proc/"$1"/task/*; do
        [ -r "$f/stat" ] || continue
        # the name is in parentheses and may hold spaces; utime and stime are fields 14 and 15 of the whole line
        sed -E 's/^[0-9]+ \((.*)\) [A-Za-z] (.*)$/\1\t\2/' "$f/stat" 2>/dev/null
    done | awk -F'\t' '{n=$1; gsub(/G1/, "G@", n); gsub(/[0-9]+/, "N", n); gsub(/G@/, "G1", n); sub(/^Thread-N \(acti.*/, "Thread-N (activemq)", n); split($2, a, " "); t[n] += a[11] + a[12]} END {for (n in t) print n "\t" t[n]}'
}

thread_cpu() { # label before-file after-file -> rows "label<TAB>thread group<TAB>CPU-s" of the phase, biggest first
    awk -F'\t' -v label="$1" -v hz="$(getconf CLK_TCK)" 'NR == FNR {b[$1] = $2; next} {d = $2 - b[$1]; if (d > 0) printf "%s\t%s\t%.2f\n", label, $1, d / hz}' "$2" "$3" \
        | sort -t$'\t' -k3,3 -g -r
}

cpu_ticks() { # -> "hub hub_pg sink machine_busy machine_total" (clock ticks)
    echo "$(proc_ticks "$HUB_PID") $(pg_ticks) $(proc_ticks "$SINK_PID") $(awk '/^cpu /{t=0; for(i=2;i<=NF;i++) t+=$i; print t-$5-$6, t}' /proc/stat)"
}

# ------------------------------------------------------------------ preflight

JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
[ -f "$JAR" ] || die "$JAR missing: build first (mvn -B -q -o -DskipTests -Dformatter.skip -Dimpsort.skip package)"
for cmd in java javac curl psql pgbench python3; do
    command -v "$cmd" >/dev/null || die "$cmd not found"
done
for p in "$HTTP_PORT" "$SINK_PORT" "$PG_PORT" "$ART_PORT"; do
    port_free "$p" || die "port $p on 127.0.0.1 is in use; set BENCH_*_PORT"
done
log "results in $OUT"
ASPROF_JAR=""
if [ "$ASPROF" = 1 ]; then
    ASPROF_JAR=$("$BENCH/fetch-asprof.sh" "$CACHE" 2>>"$LOG") || log "async-profiler not available: no hub-cpu.collapsed"
fi

{
    echo "date_utc: $(date -u +%FT%TZ)"
    echo "host_nproc: $(nproc)"
    echo "cpu_model: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "cpu_flags_hypervisor: $(grep -m1 -c hypervisor /proc/cpuinfo)"
    echo "mem_total: $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
    echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
    echo "java: $(java -version 2>&1 | head -2 | tr '\n' ' ')"
    echo "disk: $(df -h "$OUT" | awk 'NR==2{print $1, $2, "fs"}') $(stat -f -c %T "$OUT")"
    echo "pgbench: $(pgbench --version)"
    echo "hub_commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "loadavg_at_start: $(cat /proc/loadavg)"
    echo "phases: $PHASES; duration ${DUR}s; warmup ${WARMUP}s; surge ${SURGE_S}s"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt" >>"$LOG"

mkdir -p "$OUT/classes" "$OUT/ceilings"
javac -d "$OUT/classes" "$BENCH/IntakeBench.java" "$BENCH/PartnerSink.java" 2>>"$LOG" || die "javac failed"

wait_idle
load_snapshot "start"

# ------------------------------------------------------------------ ceiling (a): pgbench one-row insert

cat >"$OUT/ceilings/pgbench-insert.sql" <<'EOF'
\set r random(1, 1000000000)
INSERT INTO bench_insert (r, payload) VALUES (:r, 'one-row insert of about a hundred bytes, like a small ticket row in the hub');
EOF

pgbench_run() { # label port seconds -> writes ceilings/pgbench-<label>.txt
    local label=$1 port=$2 secs=$3 f="$OUT/ceilings/pgbench-$1.txt"
    psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -c \
        "DROP TABLE IF EXISTS bench_insert; CREATE TABLE bench_insert (id BIGSERIAL PRIMARY KEY, r BIGINT, payload TEXT, created_at TIMESTAMPTZ NOT NULL DEFAULT now())" \
        >>"$LOG" 2>&1 || { log "pgbench $label: cannot create the table"; return 1; }
    psql -X -A -t -h 127.0.0.1 -p "$port" -U postgres -d postgres -c \
        "select 'server ' || version() || '; fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', wal_sync_method=' || current_setting('wal_sync_method') || ', shared_buffers=' || current_setting('shared_buffers')" \
        >"$f" 2>>"$LOG"
    psql -X -A -t -F ' = ' -h 127.0.0.1 -p "$port" -U postgres -d postgres -c \
        "select name, setting from pg_settings where source not in ('default', 'override') or name in ('full_page_writes', 'wal_level', 'commit_delay', 'wal_buffers', 'max_wal_size', 'checkpoint_timeout') order by 1" \
        >"$OUT/ceilings/pg-settings-$label.txt" 2>>"$LOG"
    log "pgbench $label: 8 clients, ${secs}s"
    pgbench -h 127.0.0.1 -p "$port" -U postgres -n -M prepared -c 8 -j 2 -T "$secs" -P 5 \
        -f "$OUT/ceilings/pgbench-insert.sql" postgres >>"$f" 2>&1 || log "pgbench $label failed (see $f)"
    grep -E '^tps|latency average' "$f" | tee -a "$LOG" >&2
    psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "DROP TABLE IF EXISTS bench_insert" >>"$LOG" 2>&1
}

ceiling_pgbench() {
    local bindir
    bindir=$(dirname "$(readlink -f "$(command -v initdb 2>/dev/null || echo /nonexistent)")")
    if ! command -v initdb >/dev/null || ! command -v pg_ctl >/dev/null \
        || { [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; }; then
        log "no initdb/pg_ctl (or no 'postgres' user to run them as): pgbench goes to the hub's embedded PostgreSQL"
        PGBENCH_EMBEDDED_S=$DUR
        echo "standalone: none" >"$OUT/ceilings/pgbench-standalone.txt"
        return 0
    fi
    PG_TMP=$(mktemp -d /tmp/hub-bench-pg.XXXXXX) || return 1
    PG_STANDALONE="$PG_TMP/data"
    [ "$(id -u)" = 0 ] && chown postgres "$PG_TMP"
    log "ceiling (a): throwaway PostgreSQL from $bindir on 127.0.0.1:$PG_PORT"
    as_pg initdb -D "$PG_STANDALONE" -U postgres --auth=trust -E UTF8 --no-instructions >>"$LOG" 2>&1 \
        || { log "initdb failed"; return 1; }
    as_pg pg_ctl -D "$PG_STANDALONE" -l "$PG_TMP/server.log" -w -t 60 start -o \
        "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_TMP -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c shared_buffers=128MB -c max_connections=200" \
        >>"$LOG" 2>&1 || { log "pg_ctl start failed"; cat "$PG_TMP/server.log" >>"$LOG"; return 1; }
    pgbench_run standalone "$PG_PORT" "$DUR"
    as_pg pg_ctl -D "$PG_STANDALONE" -m fast -w -t 30 stop >>"$LOG" 2>&1
    cp "$PG_TMP/server.log" "$OUT/ceilings/pgbench-standalone-server.log" 2>/dev/null
    PG_STANDALONE=""
    rm -rf "$PG_TMP"
    PG_TMP=""
}

# ------------------------------------------------------------------ ceiling (b): artemis perf client

fetch_artemis() { # -> the distribution's home (bench/fetch-artemis.sh, shared with faults/run.sh)
    "$BENCH/fetch-artemis.sh" "$CACHE" "$ART_VERSION" 2>>"$LOG"
}

ceiling_artemis() {
    local home inst="$OUT/ceilings/artemis-instance" pid i
    home=$(fetch_artemis) || { log "no Artemis distribution: skipping ceiling (b)"; return 1; }
    log "ceiling (b): standalone $(basename "$home") on 127.0.0.1:$ART_PORT"
    "$home/bin/artemis" create "$inst" --silent --force --no-web --user bench --password bench --allow-anonymous \
        --host 127.0.0.1 --default-port "$ART_PORT" --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor \
        --no-hornetq-acceptor --nio >"$OUT/ceilings/artemis-create.log" 2>&1 || { log "artemis create failed"; return 1; }
    grep -i 'journal-buffer-timeout\|writes per millisecond' "$OUT/ceilings/artemis-create.log" | tee -a "$LOG" >&2
    : >"$OUT/ceilings/artemis-broker.log"
    "$inst/bin/artemis" run >"$OUT/ceilings/artemis-broker.log" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    for ((i = 0; i < 120; i++)); do
        grep -q 'AMQ221007' "$OUT/ceilings/artemis-broker.log" && break
        kill -0 "$pid" 2>/dev/null || { log "broker exited"; return 1; }
        sleep 0.5
    done
    grep -q 'AMQ221007' "$OUT/ceilings/artemis-broker.log" || { log "broker did not start"; stop_pid "$pid"; return 1; }
    log "artemis perf client --persistent --message-size 1024 $ART_PERF_ARGS --duration $DUR --warmup 5"
    # shellcheck disable=SC2086
    timeout $((DUR + 120)) "$home/bin/artemis" perf client --url "tcp://127.0.0.1:$ART_PORT" --persistent \
        --message-size 1024 $ART_PERF_ARGS --duration "$DUR" --warmup 5 --silent \
        --json "$OUT/ceilings/artemis-perf.json" "queue://BENCH" >"$OUT/ceilings/artemis-perf.txt" 2>&1 \
        || log "perf client failed (see ceilings/artemis-perf.txt)"
    stop_pid "$pid" 30
    cp "$inst/etc/broker.xml" "$OUT/ceilings/artemis-broker.xml" 2>/dev/null
    rm -rf "$inst"
}

if [ "$SKIP_CEILINGS" != 1 ]; then
    load_snapshot "before pgbench"
    ceiling_pgbench || log "ceiling (a) failed"
    load_snapshot "before artemis"
    ceiling_artemis || log "ceiling (b) failed"
fi

# ------------------------------------------------------------------ the hub and the partner sink

HUB_DATA="$OUT/hub-data"
mkdir -p "$HUB_DATA" "$OUT/refdata"
# the demo district, with its webhooks pointed at the sink's port
for f in "$ROOT"/config/demo/*.yaml; do
    sed "s#http://127.0.0.1:8089/#http://127.0.0.1:$SINK_PORT/#g" "$f" >"$OUT/refdata/$(basename "$f")"
done

java -Xmx256m -XX:+UseSerialGC -cp "$OUT/classes" PartnerSink "$SINK_PORT" 4 >"$OUT/sink.log" 2>&1 &
SINK_PID=$!
PIDS+=("$SINK_PID")

log "starting the hub (data $HUB_DATA, http 127.0.0.1:$HTTP_PORT)"
# The JVM arguments go through an @argfile: same JVM, same jar, but the process command line reads
# "java @.../hub.args", so broad clean-ups elsewhere on the machine (pkill -f quarkus-run.jar) leave the measured hub
# alone. hub.args is the exact command.
{
    echo "\"-Xlog:gc:file=$OUT/hub-gc.log:uptime,level\""
    for opt in $HUB_JAVA_OPTS; do echo "\"$opt\""; done
    echo "-jar"
    echo "\"$JAR\""
} >"$OUT/hub.args"
# All load comes from 127.0.0.1, while in reality it comes from many residents: the per-client limit of the report
# form (hub.web.reports-per-minute, S5) and of Open311 and the APIs (hub.rate-limits.*) are lifted for the run, or the
# benchmark would measure 429s.
HUB_DATA_DIR="$HUB_DATA" QUARKUS_HTTP_PORT="$HTTP_PORT" QUARKUS_HTTP_HOST=127.0.0.1 HUB_EMBEDDED_BROKER_PORT=0 \
    HUB_REFERENCE_DATA_FILES="$OUT/refdata" HUB_PUBLIC_BASE_URL="http://127.0.0.1:$HTTP_PORT" \
    HUB_WEB_REPORTS_PER_MINUTE="$REPORTS_PER_MINUTE" HUB_RATE_LIMITS_OPEN311_PER_MINUTE="$REPORTS_PER_MINUTE" \
    HUB_RATE_LIMITS_STATUS_PER_MINUTE="$REPORTS_PER_MINUTE" HUB_RATE_LIMITS_API_PER_MINUTE="$REPORTS_PER_MINUTE" \
    HUB_RATE_LIMITS_PARTNER_API_PER_MINUTE="$REPORTS_PER_MINUTE" HUB_INCIDENT_ENABLED="$INCIDENTS" \
    HUB_EMBEDDED_POSTGRES_SETTINGS="$HUB_PG_SETTINGS" java "@$OUT/hub.args" >"$OUT/hub.log" 2>&1 &
HUB_PID=$!
PIDS+=("$HUB_PID")
T0=$(date +%s)
for ((i = 0; i < 180; i++)); do
    curl -sf "http://127.0.0.1:$HTTP_PORT/q/health/ready" >/dev/null && break
    kill -0 "$HUB_PID" 2>/dev/null || die "the hub exited during start-up (see hub.log)"
    sleep 1
done
curl -sf "http://127.0.0.1:$HTTP_PORT/q/health/ready" >/dev/null || die "the hub was not ready in 180 s"
log "hub ready in $(($(date +%s) - T0)) s, pid $HUB_PID"
curl -sf "http://127.0.0.1:$SINK_PORT/stats" >/dev/null || die "partner sink not answering"

# RSS / peak RSS of the hub every second (P7)
(
    echo -e "epoch\trss_kb\thwm_kb\tthreads"
    while [ -r "/proc/$HUB_PID/status" ]; do
        awk -v t="$(date +%s)" '/^VmRSS/{r=$2} /^VmHWM/{h=$2} /^Threads/{n=$2} END{print t "\t" r "\t" h "\t" n}' \
            "/proc/$HUB_PID/status" 2>/dev/null
        sleep 1
    done
) >"$OUT/hub-rss.tsv" &
SAMPLER_PID=$!
PIDS+=("$SAMPLER_PID")

PGPORT_HUB=$(sed -n 4p "$HUB_DATA/postgres/postmaster.pid")
q() { psql -X -A -t -F $'\t' -h 127.0.0.1 -p "$PGPORT_HUB" -U postgres -d postgres -c "$1" 2>>"$LOG"; }
q "select 'hub database: ' || version() || '; fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', wal_sync_method=' || current_setting('wal_sync_method')" \
    | tee -a "$OUT/machine.txt" >&2

if [ "$PGBENCH_EMBEDDED_S" -gt 0 ] 2>/dev/null; then
    load_snapshot "before pgbench embedded"
    pgbench_run embedded "$PGPORT_HUB" "$PGBENCH_EMBEDDED_S"
fi

# ------------------------------------------------------------------ load phases

pipeline_counts() { # -> tickets received_status pending_deliveries dispatched triage delivered
    q "select (select count(*) from ticket), (select count(*) from ticket where status='RECEIVED'),
              (select count(*) from partner_delivery where status='PENDING'),
              (select count(*) from ticket where status='DISPATCHED'), (select count(*) from ticket where status='TRIAGE'),
              (select count(*) from partner_delivery where status='DELIVERED')"
}

accepted_so_far() { # accepted 202s over all phases so far (from the JSON lines)
    python3 -c '
import json,sys
n=0
for line in open(sys.argv[1]):
    d=json.loads(line)
    if d.get("type")=="run": n+=d.get("accepted",0)+d.get("warmup_accepted",0)
print(n)' "$OUT/intake.jsonl" 2>/dev/null || echo 0
}

wait_pipeline() { # label max_seconds -> waits until every accepted contact is done; writes drain-<label>.tsv
    local label=$1 max=$2 start now expect row tickets received pending
    expect=$(accepted_so_far)
    start=$(date +%s.%N)
    echo -e "t_s\ttickets\treceived\tpending_deliveries\tdispatched\ttriage\tdelivered" >"$OUT/drain-$label.tsv"
    while :; do
        hub_alive || return 2
        row=$(pipeline_counts)
        now=$(date +%s.%N)
        echo -e "$(awk -v a="$now" -v b="$start" 'BEGIN{printf "%.1f", a-b}')\t$row" >>"$OUT/drain-$label.tsv"
        read -r tickets received pending _ <<<"$row"
        if [ -n "$tickets" ] && [ "$tickets" -ge "$expect" ] && [ "$received" = 0 ] && [ "$pending" = 0 ]; then
            log "pipeline done after $label: $tickets tickets (expected >= $expect) in $(awk -v a="$now" -v b="$start" 'BEGIN{printf "%.1f", a-b}') s"
            return 0
        fi
        if awk -v a="$now" -v b="$start" -v m="$max" 'BEGIN{exit !(a-b >= m)}'; then
            log "pipeline NOT done ${max}s after $label: tickets $tickets/$expect, RECEIVED $received, pending deliveries $pending"
            return 1
        fi
        sleep 1
    done
}

HUB_EXIT=""
hub_alive() { # false (and the exit status logged once) when the hub has exited
    kill -0 "$HUB_PID" 2>/dev/null && return 0
    if [ -z "$HUB_EXIT" ]; then
        wait "$HUB_PID" 2>/dev/null
        HUB_EXIT=$?
        log "THE HUB HAS EXITED (status $HUB_EXIT; 143 = SIGTERM, 130 = SIGINT, 137 = SIGKILL); see hub.log"
        echo "$HUB_EXIT" >"$OUT/hub-exit-status.txt"
    fi
    return 1
}

probe_report() { # timeout_s [-w format] -> one probe report; "<http code> <seconds>" (code 000: no answer in time)
    local timeout=$1
    shift
    [ $# -gt 0 ] || set -- -w '%{http_code} %{time_total}\n'
    curl -s -o /dev/null -m "$timeout" "$@" -H 'Accept: application/json' \
        --data-urlencode "description=bench probe ${EPOCHREALTIME//[!0-9]/}" -d 'category=opinions&name=probe&phone=13900000000&compound=HY-GARDEN' \
        "http://127.0.0.1:$HTTP_PORT/report"
}

wait_responsive() { # until one probe report is answered 202 within 1 s (bounded), so phases start from a calm hub
    local i code t deadline=$(($(date +%s) + 60))
    for ((i = 0; $(date +%s) < deadline; i++)); do
        hub_alive || return 2
        read -r code t < <(probe_report 15)
        if [ "$code" = 202 ] && awk -v t="$t" 'BEGIN{exit !(t < 1.0)}'; then
            [ "$i" -gt 0 ] && log "hub responsive again after $i probes"
            return 0
        fi
        [ "$i" = 0 ] && log "hub not responsive yet (probe: HTTP $code in ${t}s), waiting"
        sleep 2
    done
    log "hub still not responsive (last probe: HTTP $code in ${t}s); starting the phase anyway"
    return 1
}

# Recovery after a phase: from the end of its load window (IntakeBench's "# window-end" line, printed while its open
# requests may still be pending), one probe report every 200 ms, each on its own (a slow answer does not hold the next
# one back), until one has been answered 202 in < 1 s or RECOVERY_MAX seconds have passed. Every probe goes to
# recovery-<label>.tsv, one row per phase to recovery.tsv. Runs in the background while IntakeBench finishes. The loop
# forks nothing but the probes (bash builtins only), so a busy machine delays the probes as little as possible.
recovery_probe() { # label intakebench_output intakebench_pid step(0|1)
    local label=$1 outf=$2 ibpid=$3 step=$4 pf="$OUT/recovery-$1.tsv" end_ms="" mfd part buf="" nap i t0 next now
    local code t fast="" gone="" sent
    trap 'kill $(jobs -p) 2>/dev/null; exit 143' TERM # stopped by the cleanup: the open probes go too
    exec {nap}<> <(:) # read -t on this never-ready pipe is a sleep without a fork
    exec {mfd}<"$outf"
    while :; do # step runs print one window-end per step: their probe starts from the last one, once IntakeBench exits
        if IFS= read -r part <&"$mfd"; then
            part="$buf$part"
            buf=""
            if [[ $part == "# window-end "*" epoch_ms="* ]]; then
                end_ms=${part##*epoch_ms=}
                [ "$step" = 1 ] || break
            fi
        else
            buf+=$part # a line not written whole yet
            [ -n "$gone" ] && break
            kill -0 "$ibpid" 2>/dev/null || { gone=1; continue; } # read once more what it wrote before it exited
            read -r -t 0.05 -u "$nap"
        fi
    done
    exec {mfd}<&-
    [ -n "$end_ms" ] || { now=${EPOCHREALTIME//[!0-9]/}; end_ms=$((now / 1000)); } # no window-end line: from now
    echo -e "sent_epoch\tstatus\tseconds" >"$pf"
    t0=${EPOCHREALTIME//[!0-9]/} # microseconds
    for ((i = 0; ; i++)); do
        kill -0 "$HUB_PID" 2>/dev/null || break
        sent=${EPOCHREALTIME//[!0-9]/}
        probe_report 10 -w "${sent:0:-6}.${sent: -6}\t%{http_code}\t%{time_total}\n" >>"$pf" &
        next=$((t0 + (i + 1) * 200000))
        now=${EPOCHREALTIME//[!0-9]/}
        if [ "$next" -gt "$now" ]; then
            printf -v t '0.%06d' $((next - now))
            read -r -t "$t" -u "$nap"
        fi
        while IFS=$'\t' read -r _ code t; do # curl prints seconds as 0.123456: a fast answer starts with "0."
            [ "$code" = 202 ] && [[ $t == 0.* ]] && fast=1
        done <"$pf"
        [ -n "$fast" ] && break
        [ $((next / 1000 - end_ms)) -ge $((RECOVERY_MAX * 1000)) ] && break
    done
    wait # the probes still open (at most 10 s each)
    exec {nap}<&-
    # the first fast 202 by the time it was answered; its seconds after the end of the load window
    awk -F'\t' -v label="$label" -v end="$end_ms" '
        NR > 1 { seen[$2]++; n++
                 if ($2 == 202 && $3 < 1.0 && (first == "" || $1 + $3 < first)) first = $1 + $3 }
        END { st = ""; for (c in seen) st = st (st == "" ? "" : ",") (c == "000" ? "no-answer" : c) ":" seen[c]
              if (first == "") printf "%s\t\t%d\t%s\t%.3f\t\n", label, n + 0, st, end / 1000
              else printf "%s\t%.1f\t%d\t%s\t%.3f\t%.3f\n", label, first - end / 1000, n, st, end / 1000, first }' \
        "$pf" >>"$OUT/recovery.tsv"
}

recovery_line() { # label -> what the probe found, for the log
    awk -F'\t' -v l="$1" -v max="$RECOVERY_MAX" '$1 == l {
        if ($2 == "") printf "recovery after %s: no probe answered 202 in < 1 s within %s s (%d probes: %s)\n", l, max, $3, $4
        else printf "recovery after %s: a probe answered 202 in < 1 s %s s after the load ended (%d probes: %s)\n", l, $2, $3, $4
    }' "$OUT/recovery.tsv"
}

jstack_samples() { # delay
    sleep "$1"
    mkdir -p "$OUT/jstack"
    for i in 1 2 3 4 5; do
        kill -0 "$HUB_PID" 2>/dev/null || return
        jstack "$HUB_PID" >"$OUT/jstack/hub-$i.txt" 2>&1
        sleep 2
    done
}

db_counters() { # database-wide counters (commits, row work) and the WAL position, for per-ticket ratios
    q "select extract(epoch from now()), xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted, tup_fetched,
              (select sum(seq_scan) from pg_stat_user_tables), (select sum(idx_scan) from pg_stat_user_tables),
              pg_current_wal_lsn() - '0/0'::pg_lsn, (select count(*) from ticket)
       from pg_stat_database where datname = current_database()"
}
echo -e "epoch\txact_commit\txact_rollback\ttup_inserted\ttup_updated\ttup_deleted\ttup_fetched\tseq_scan\tidx_scan\twal_bytes\ttickets" \
    >"$OUT/db-counters.tsv"
db_counters >>"$OUT/db-counters.tsv"

: >"$OUT/intake.jsonl"
: >"$OUT/phases.tsv"
echo -e "label\trecovered_s\tprobes\tstatuses\tload_end_epoch\trecovered_epoch" >"$OUT/recovery.tsv"
echo -e "label\tstart_epoch\tend_epoch\thub_cpu_s\thub_pg_cpu_s\tmachine_busy_cpu_s" >"$OUT/drain-cpu.tsv"
echo -e "label\tstart_epoch\tend_epoch\thub_cpu_s\tmachine_busy_pct\tdrained_s\thub_pg_cpu_s\tsink_cpu_s\tmachine_busy_cpu_s" >"$OUT/phases.tsv"
echo -e "label\tthread_group\tcpu_s" >"$OUT/hub-threads.tsv"
CLK=$(getconf CLK_TCK)
secs() { awk -v d="$1" -v c="$CLK" 'BEGIN{printf "%.1f", d / c}'; }

# JIT warm-up of the fresh hub with bounded concurrency (2 clients cannot pile requests up); not a measurement
if [ "$PREWARM_S" -gt 0 ] 2>/dev/null; then
    log "pre-warm: closed loop, 2 clients, ${PREWARM_S}s (recorded as 'prewarm', not a result)"
    java -Xms128m -Xmx1g -cp "$OUT/classes" IntakeBench --url "http://127.0.0.1:$HTTP_PORT/report" \
        --demo-dir "$OUT/refdata" --mode closed --concurrency 2 --duration "$PREWARM_S" --warmup 0 --label prewarm \
        --json "$OUT/intake.jsonl" --series "$OUT/series-prewarm.tsv" >"$OUT/intake-prewarm.txt" 2>&1 \
        || log "pre-warm exited with an error"
    grep '^# result' "$OUT/intake-prewarm.txt" | tee -a "$LOG" >&2
    wait_pipeline "after-prewarm" "$PHASE_DRAIN_MAX"
    db_counters >>"$OUT/db-counters.tsv"
fi
if [ "$PG_STATEMENTS" = 1 ]; then # counted from here: the measured phases, not start-up, pgbench or the pre-warm
    q "create extension if not exists pg_stat_statements" >/dev/null
    q "select pg_stat_statements_reset()" >/dev/null
fi
nphases=$(wc -w <<<"$PHASES")
n=0
for phase in $PHASES; do
    n=$((n + 1))
    kind=${phase%%:*}
    arg=${phase#*:}
    phase_s=$DUR
    case "$kind" in
        fixed) args=(--mode fixed --rate "$arg" --warmup "$WARMUP" --label "fixed@$arg") ;;
        closed) args=(--mode closed --concurrency "$arg" --warmup $((WARMUP * 2)) --label "closed@$arg") ;;
        step) args=(--mode step --rates "$arg" --warmup "$WARMUP" --label "step") ;;
        surge) phase_s=$SURGE_S; args=(--mode closed --concurrency "$arg" --warmup 0 --label "surge@$arg") ;;
        *) log "unknown phase $phase"; continue ;;
    esac
    [ "$INCIDENT_REPORTS" -gt 0 ] 2>/dev/null \
        && args+=(--incident-reports "$INCIDENT_REPORTS" --incident-share "$INCIDENT_SHARE")
    hub_alive || break
    wait_responsive
    load_snapshot "before $phase"
    log "phase $n/$nphases: $phase, ${phase_s}s"
    if [ "$JFR" = 1 ] && [ "$n" = "$nphases" ]; then
        jcmd "$HUB_PID" JFR.start name=bench settings=profile filename="$OUT/hub.jfr" >>"$LOG" 2>&1
    fi
    if [ "$ASPROF" = 1 ] && [ "$n" = "$nphases" ] && [ -n "$ASPROF_JAR" ]; then
        java -jar "$ASPROF_JAR" profiler -d "$phase_s" -e cpu -i 1ms -t -o collapsed -f "$OUT/hub-cpu.collapsed" \
            "$HUB_PID" >>"$LOG" 2>&1 &
        PIDS+=("$!")
    fi
    thread_ticks "$HUB_PID" >"$OUT/.threads-before"
    before=$(cpu_ticks)
    t_start=$(date +%s.%N)
    java -Xms128m -Xmx1g -cp "$OUT/classes" IntakeBench --url "http://127.0.0.1:$HTTP_PORT/report" \
        --demo-dir "$OUT/refdata" --duration "$phase_s" --json "$OUT/intake.jsonl" --series "$OUT/series-$kind-$arg.tsv" \
        --closed-client "$CLOSED_CLIENT" "${args[@]}" >"$OUT/intake-$kind-$arg.txt" 2>&1 &
    ib_pid=$!
    PIDS+=("$ib_pid")
    probe_pid=""
    if [ "$RECOVERY_MAX" -gt 0 ] 2>/dev/null; then
        recovery_probe "$kind@$arg" "$OUT/intake-$kind-$arg.txt" "$ib_pid" "$([ "$kind" = step ] && echo 1 || echo 0)" &
        probe_pid=$!
        PIDS+=("$probe_pid")
    fi
    wait "$ib_pid" || log "IntakeBench $phase exited with an error"
    t_end=$(date +%s.%N)
    after=$(cpu_ticks)
    thread_ticks "$HUB_PID" >"$OUT/.threads-after"
    thread_cpu "$kind@$arg" "$OUT/.threads-before" "$OUT/.threads-after" >>"$OUT/hub-threads.tsv"
    grep '^# result\|^# max' "$OUT/intake-$kind-$arg.txt" | tee -a "$LOG" >&2
    hub_alive || { log "the hub exited during $phase: its numbers are not valid"; break; }
    load_snapshot "after $phase"
    if [ "$n" = "$nphases" ]; then
        [ "$JFR" = 1 ] && jcmd "$HUB_PID" JFR.stop name=bench >>"$LOG" 2>&1
        [ "$JFR" = drain ] && jcmd "$HUB_PID" JFR.start name=bench settings=profile filename="$OUT/hub.jfr" >>"$LOG" 2>&1
        drain_max=$E2E_MAX
        dlabel="e2e"
    else
        drain_max=$PHASE_DRAIN_MAX
        dlabel="after-$kind-$arg"
    fi
    drain_before=$(cpu_ticks)
    if [ -n "$probe_pid" ]; then
        wait "$probe_pid"
        recovery_line "$kind@$arg" | tee -a "$LOG" >&2
    fi
    if [ "$kind" = surge ]; then
        # every status the surge got: only 2xx, 429 and 503 pass (anything else, timeouts included, fails the rule)
        python3 -c '
import json, sys
runs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
r = next((x for x in reversed(runs) if x.get("label") == sys.argv[2]), None)
if r:
    o = r.get("outcomes", {})
    bad = {k: v for k, v in o.items() if not (k.startswith("2") or k in ("429", "503"))}
    if r.get("unfinished"):
        bad["unfinished"] = r["unfinished"]
    print(f"surge {sys.argv[2]}: " + ", ".join(f"{k}: {v}" for k, v in sorted({**o, **bad}.items()))
          + ("; only 2xx/429/503: yes" if not bad else f"; NOT only 2xx/429/503 ({sum(bad.values())} others)"))
' "$OUT/intake.jsonl" "surge@$arg" | tee -a "$LOG" >&2
    fi
    # thread dumps while the pipeline works off the backlog after the last phase (not during the measured window or
    # the recovery probe: they pause the JVM)
    if [ "$n" = "$nphases" ] && [ "$JSTACK" = 1 ]; then
        jstack_samples 2 &
        PIDS+=("$!")
    fi
    wait_pipeline "$dlabel" "$drain_max"
    [ "$JFR" = drain ] && [ "$n" = "$nphases" ] && jcmd "$HUB_PID" JFR.stop name=bench >>"$LOG" 2>&1
    t_drained=$(date +%s.%N)
    drain_after=$(cpu_ticks)
    read -r h0 g0 k0 b0 a0 <<<"$drain_before"
    read -r h1 g1 k1 b1 a1 <<<"$drain_after"
    echo -e "$dlabel\t$t_end\t$t_drained\t$(secs $((h1 - h0)))\t$(secs $((g1 - g0)))\t$(secs $((b1 - b0)))" >>"$OUT/drain-cpu.tsv"
    read -r h0 g0 k0 b0 a0 <<<"$before"
    read -r h1 g1 k1 b1 a1 <<<"$after"
    echo -e "$kind@$arg\t$t_start\t$t_end\t$(secs $((h1 - h0)))\t$(awk -v b=$((b1 - b0)) -v a=$((a1 - a0)) 'BEGIN{printf "%.0f", (a > 0 ? 100 * b / a : 0)}')\t$(awk -v a="$t_drained" -v b="$t_end" 'BEGIN{printf "%.1f", a-b}')\t$(secs $((g1 - g0)))\t$(secs $((k1 - k0)))\t$(secs $((b1 - b0)))" >>"$OUT/phases.tsv"
done

# ------------------------------------------------------------------ end-to-end facts from the database

if hub_alive; then
    log "collecting end-to-end facts"
    db_counters >>"$OUT/db-counters.tsv"
    q "select status, count(*) from ticket group by 1 order by 1" >"$OUT/db-ticket-status.tsv"
    q "select channel, status, count(*), max(attempts) from partner_delivery group by 1,2 order by 1,2" >"$OUT/db-deliveries.tsv"
    q "select count(*) from dead_letter" >"$OUT/db-dead-letters.tsv"
    q "select count(*) from inbound_contact" >"$OUT/db-inbound-contacts.tsv"
    # which tables the rows written went to (the whole run, pre-warm included), for the per-ticket work above
    q "select relname, n_tup_ins, n_tup_upd, n_tup_del, (select count(*) from ticket) from pg_stat_user_tables
       where n_tup_ins + n_tup_upd + n_tup_del > 0 order by n_tup_ins + n_tup_upd + n_tup_del desc" >"$OUT/db-tables.tsv"
    # rows read by sequential scans, by table (whole run): a statement planned for a table far smaller than it now is
    q "select relname, seq_scan, seq_tup_read, idx_scan, (select count(*) from ticket) from pg_stat_user_tables
       where seq_tup_read > 0 order by seq_tup_read desc limit 12" >"$OUT/db-scans.tsv"
    # the statements by total time since the first measured phase (BENCH_PG_STATEMENTS=1): calls, rows, total ms,
    # the tickets created in that time (for per-ticket figures), the statement on one line
    [ "$PG_STATEMENTS" = 1 ] && q "select calls, rows, round(total_exec_time::numeric, 1),
       (select count(*) from ticket where created_at >= (select stats_reset from pg_stat_statements_info)),
       regexp_replace(query, '\s+', ' ', 'g') from pg_stat_statements
       where dbid = (select oid from pg_database where datname = current_database())
       order by total_exec_time desc limit 40" >"$OUT/db-statements.tsv"
    # per-second stage throughput: intake commits (RECEIVED), dispatch commits (DISPATCHED), deliveries (DELIVERED)
    q "select kind, floor(extract(epoch from at))::bigint as s, count(*) from timeline_event
       where kind in ('RECEIVED','DISPATCHED','DELIVERED','TRIAGE','ESCALATED') group by 1,2 order by 2,1" \
        >"$OUT/db-stage-per-second.tsv"
    # per ticket: received at the edge (created_at), ticket committed, dispatched, delivered (epoch seconds)
    q "with r as (select ticket_id, min(at) t from timeline_event where kind = 'RECEIVED' group by 1),
            a as (select ticket_id, min(offered_at) t from assignment group by 1),
            d as (select a.ticket_id, max(d.delivered_at) t, string_agg(d.status, ',') s
                  from partner_delivery d join assignment a on a.id = d.assignment_id group by 1)
       select t.id, extract(epoch from t.created_at), t.status, extract(epoch from r.t), extract(epoch from a.t),
              extract(epoch from d.t), d.s
       from ticket t left join r on r.ticket_id = t.id left join a on a.ticket_id = t.id left join d on d.ticket_id = t.id
       order by t.id" >"$OUT/db-tickets.tsv"
    curl -sf "http://127.0.0.1:$SINK_PORT/stats" >"$OUT/sink-stats.json"
    {
        echo "ps: $(ps -o pid=,rss=,vsz=,nlwp=,etime=,time= -p "$HUB_PID")"
        grep -E 'VmRSS|VmHWM|Threads' "/proc/$HUB_PID/status"
    } >"$OUT/hub-rss-end.txt" 2>&1
    grep -cE ' WARN ' "$OUT/hub.log" >"$OUT/hub-warn-count.txt"
    grep -E ' (WARN|ERROR) ' "$OUT/hub.log" | sed -E 's/^[0-9:.]+ //; s/(thread[- ]#?)[0-9]+/\1N/g; s/[0-9a-fA-F-]{36}/UUID/g; s/ExchangeId: [0-9A-F-]+/ExchangeId: X/g' \
        | cut -c1-240 | sort | uniq -c | sort -rn | head -40 >"$OUT/hub-warnings.txt"
    q "select source, left(reason, 160), count(*) from dead_letter group by 1, 2 order by 3 desc" >"$OUT/db-dead-letter-reasons.tsv"
    if [ "$INCIDENT_REPORTS" -gt 0 ] 2>/dev/null; then
        # how detection decided: the surge's reports (their words name the water outage; the distinct problems never
        # do) and the rest of the marked needs; "incidents" are tickets with more than one reporter
        q "with t as (select t.id, t.status, t.reporter_count,
                             case when t.description ~ '(停水|没水|Water is off)' then 'surge' else 'other' end as grp,
                             c.incidents as marked
                        from ticket t join catalog_entry c on c.id = t.category_id
                       where t.description not like 'bench probe%')
           select grp, count(*), count(*) filter (where marked), count(*) filter (where status = 'MERGED'),
                  count(*) filter (where status = 'TRIAGE'),
                  count(*) filter (where marked and status not in ('MERGED', 'TRIAGE')),
                  count(*) filter (where reporter_count > 1), coalesce(max(reporter_count), 0),
                  (select count(*) from assignment a join t t2 on t2.id = a.ticket_id where t2.grp = t.grp)
             from t group by grp order by grp" >"$OUT/db-incidents.tsv"
    fi
    load_snapshot "end"
    # stop the hub now so its data can be dropped; the trap stops the rest
    stop_pid "$HUB_PID" 60
else
    log "the hub is gone: no end-to-end facts from its database"
fi
python3 "$BENCH/summarize.py" "$OUT" >"$OUT/summary.md"
if [ -s "$OUT/db-incidents.tsv" ]; then
    {
        echo
        echo "## Incident detection (BENCH_INCIDENTS=$INCIDENTS, $INCIDENT_REPORTS reports of one incident a phase)"
        echo
        echo "| reports | tickets | of a marked need | joined an incident (MERGED) | in triage | marked, on their own | incidents (> 1 reporter) | most reporters | offers |"
        echo "|---|---|---|---|---|---|---|---|---|"
        awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9}' \
            "$OUT/db-incidents.tsv"
    } >>"$OUT/summary.md"
fi
cat "$OUT/summary.md"
if [ -n "$CHART_TO" ] && [ -f "$OUT/chart.svg" ]; then
    case "$CHART_TO" in /*) ;; *) CHART_TO="$ROOT/$CHART_TO" ;; esac
    cp "$OUT/chart.svg" "$CHART_TO" && log "chart copied to $CHART_TO"
fi
gzip -f "$OUT/hub.log" 2>/dev/null
log "results in $OUT"
