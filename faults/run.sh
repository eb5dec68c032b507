#!/usr/bin/env bash
# The fault suite of the Hotline Hub (targets.md R1-R7, issue 17): the packaged hub against a standalone Artemis broker
# and an external PostgreSQL, under a steady mixed load (form, Open311, Twilio-signed SMS with follow-ups, WeChat-signed
# messages), with a ledger of every contact checked against the database afterwards.
#
#   mvn -B -DskipTests package      # once; this script builds nothing
#   faults/run.sh [R1 R2 R3 R4 R5 R6 R7]      # default: all seven, one after the other
#   faults/run.sh C1                          # the local cluster of deploy/local/cluster.sh (issue 19), run on its own
#
# Every scenario gets a fresh database and a fresh broker; everything runs on 127.0.0.1; every process started here is
# stopped on exit, Ctrl-C included. Results: faults/results/<UTC timestamp>/ (git-ignored): per scenario the ledger,
# the database export, the logs, result.txt; summary.md for all. Exit status 0 only when every scenario passed.
#
# Pass rule per scenario: 0 acknowledged contacts lost, 0 duplicate tickets, 0 different answers to one contact, 0
# duplicate partner effects, no acknowledged contact lost from a fault window, plus the scenario's own recovery check.
#
# Settings (environment; the defaults are targets.md's, the CI subset compresses them):
#   FAULTS_RATE=100            new contacts per second (follow-ups come on top)
#   FAULTS_MIX=form:30,open311:20,sms:30,wechat:20
#   FAULTS_LEAD_S=15           seconds of load before the first fault
#   FAULTS_TAIL_S=15           seconds of load after the last fault
#   FAULTS_SETTLE_MAX=180      seconds to wait after the load for every contact to become a ticket
#   FAULTS_R1_KILLS=3  FAULTS_R1_DOWN_S=30  FAULTS_R1_GAP_S=30          broker kill -9, back after DOWN_S
#   FAULTS_R1_RECOVERY_MAX=60  steady again after the broker returns (targets.md)
#   FAULTS_R1_LEAD_S=180       R1's load before the first kill: a hub warm from its first minutes, as R3's
#   FAULTS_R1_SLOW_MAX=0       contacts sent during an outage and not answered within 1 s that R1 tolerates
#                              (targets.md: a 503 within 1 s)
#   FAULTS_R2_KILLS=10 FAULTS_R2_EVERY_S=60                              hub kill -9 and restart, then EVERY_S of load
#   FAULTS_R3_DOWN_S=1800 FAULTS_R3_MAX_BACKOFF=60s FAULTS_R3_DELIVERED_MAX=600   partner endpoint down
#   FAULTS_R3_LEAD_S=180       R3's load before the partner goes down (its last 30 s: the latency baseline)
#   FAULTS_R4_DOWN_S=30  FAULTS_R4_RECOVERY_MAX=30                        PostgreSQL stopped
#   FAULTS_R5_REPLAYS=1000     contacts per channel, each replayed as its sender retries
#   FAULTS_R6_AFTER_S=30 FAULTS_R6_STOP_MAX=30 FAULTS_R6_TAIL_S=60       SIGTERM under load, then a restart and
#                                                                         TAIL_S of load (a restarted hub is cold
#                                                                         for its first seconds: R2's 60 s, as there)
#   FAULTS_R7_AFTER_S=60 FAULTS_R7_ACCEPT_WITHIN=PT1M                    two hubs, one killed -9; short accept-by
#                                                                         windows so the deadline sweeps run
#   FAULTS_C1_LEAD_S=60 FAULTS_C1_GAP_S=60 FAULTS_C1_TAIL_S=60 FAULTS_C1_ACCEPT_WITHIN=PT1M FAULTS_C1_RATE=30
#                              C1: a steady load this machine's cluster carries (two nodes, two brokers, HAProxy, the
#                              database and the load share two cores; at 100/s it refuses most with 503, and "every
#                              contact acknowledged again" would measure the saturation, not the fault);
#                              deploy/local/cluster.sh up (Artemis live/backup on a shared store, PostgreSQL, two
#                              hub nodes, HAProxy on 127.0.0.1:8080) with short accept-by windows and a sweep every 2 s
#                              on both nodes; the load goes through HAProxy. LEAD_S of load, kill -9 of node 1 (HAProxy
#                              must stop sending to it within FAULTS_C1_LB_MAX_S=5 s), node 1 restarted, GAP_S of load,
#                              kill -9 of the live broker (the backup takes over; every contact acknowledged again
#                              within FAULTS_C1_BROKER_MAX_S=30 s of the kill), TAIL_S of load. Uses the cluster's fixed
#                              ports (8080-8082, 8404, 61616-61617) and FAULTS_C1_PG_PORT=15443 for its PostgreSQL; its
#                              files go to <results>/C1/cluster (CLUSTER_DIR) and are wiped after the exports
#   FAULTS_HTTP_PORT=18180 (second hub: +1) FAULTS_SINK_PORT=18189 FAULTS_PG_PORT=15442 FAULTS_BROKER_PORT=61646
#   FAULTS_ARTEMIS_URL_OPTIONS="ha=true&reconnectAttempts=-1&retryInterval=500&retryIntervalMultiplier=1.5&maxRetryInterval=5000&callTimeout=5000&callFailoverTimeout=500"
#   FAULTS_HUB_JAVA_OPTS="-Xmx512m -XX:TieredStopAtLevel=1"
#   FAULTS_INCIDENTS=true      incident detection (issue 21), on as in the hub's default: the load repeats a few
#                              problems per compound, so reports join incidents; the ledger finds each by its contact
#                              or reference (a MERGED ticket) and the sink counts one effect per added report
#                              (tickets_joined_to_incidents in result.txt); false: every report is a ticket of its own
#   FAULTS_PG_STATEMENTS=0     1: load pg_stat_statements and export each scenario's statements (db/statements.tsv:
#                              calls, total ms, rows, query), for bench/channel-cost.sh
#   FAULTS_OUT=dir             results directory
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1
ROOT=$(pwd)
FAULTS="$ROOT/faults"
TS=$(date -u +%Y%m%dT%H%M%SZ)
OUT=${FAULTS_OUT:-$FAULTS/results/$TS}
RATE=${FAULTS_RATE:-100}
MIX=${FAULTS_MIX:-form:30,open311:20,sms:30,wechat:20}
LEAD_S=${FAULTS_LEAD_S:-15}
TAIL_S=${FAULTS_TAIL_S:-15}
SETTLE_MAX=${FAULTS_SETTLE_MAX:-180}
HTTP_PORT=${FAULTS_HTTP_PORT:-18180}
HTTP_PORT_B=$((HTTP_PORT + 1))
SINK_PORT=${FAULTS_SINK_PORT:-18189}
PG_PORT=${FAULTS_PG_PORT:-15442}
BROKER_PORT=${FAULTS_BROKER_PORT:-61646}
URL_OPTIONS=${FAULTS_ARTEMIS_URL_OPTIONS:-"ha=true&reconnectAttempts=-1&retryInterval=500&retryIntervalMultiplier=1.5&maxRetryInterval=5000&callTimeout=5000&callFailoverTimeout=500"}
HUB_JAVA_OPTS=${FAULTS_HUB_JAVA_OPTS:-"-Xmx512m -XX:TieredStopAtLevel=1"}
PG_STATEMENTS=${FAULTS_PG_STATEMENTS:-0}
PG_EXTRA=""
[ "$PG_STATEMENTS" = 1 ] && PG_EXTRA="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.max=1000"
TWILIO_TOKEN=faults-twilio-token   # test secrets of this suite only
WECHAT_TOKEN=faults-wechat-token
SCENARIOS=("$@")
[ ${#SCENARIOS[@]} -eq 0 ] && SCENARIOS=(R1 R2 R3 R4 R5 R6 R7)

mkdir -p "$OUT" || exit 1
OUT=$(cd "$OUT" && pwd)
LOG="$OUT/run.log"
: >"$LOG"
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$LOG" >&2; }
die() { log "FATAL: $*"; exit 2; }
now_ms() { date +%s%3N; }

# ------------------------------------------------------------------ cleanup: stop what this script started

PIDS=()          # long-lived helpers (sink, driver), stopped in reverse order
CLUSTER_RUN=""   # C1: the cluster's directory (CLUSTER_DIR) while it may run
declare -A HUB   # hub name -> pid
BROKER_PID=""
PG_DATA=""       # data dir of our PostgreSQL while it may run
PG_BIN=""

stop_pid() { # pid [seconds]: TERM, then KILL
    local pid=$1 wait_s=${2:-20} i
    [ -n "$pid" ] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < wait_s * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null; return 0; }
        sleep 0.1
    done
    log "pid $pid did not stop in ${wait_s}s, killing"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    return 0
}

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
    local rc=$? i name
    trap - EXIT INT TERM
    for name in "${!HUB[@]}"; do stop_pid "${HUB[$name]}" 35; done
    [ -n "$CLUSTER_RUN" ] && cluster_down
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${PIDS[$i]}" 10; done
    stop_pid "$BROKER_PID" 30
    if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >>"$LOG" 2>&1
    fi
    [ -n "$PG_DATA" ] && rm -rf "$(dirname "$PG_DATA")"
    exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ------------------------------------------------------------------ preflight: jar, JDK, PostgreSQL server, Artemis

JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
[ -f "$JAR" ] || die "$JAR missing: build first (mvn -B -DskipTests package)"
for cmd in java javac; do command -v "$cmd" >/dev/null || die "$cmd not found"; done
C1_PG_PORT=${FAULTS_C1_PG_PORT:-$((PG_PORT + 1))}
C1_PORTS=()
[[ " ${SCENARIOS[*]} " == *" C1 "* ]] && C1_PORTS=(8080 8081 8082 8404 61616 61617 "$C1_PG_PORT")
for p in "$HTTP_PORT" "$HTTP_PORT_B" "$SINK_PORT" "$PG_PORT" "$BROKER_PORT" "${C1_PORTS[@]}"; do
    port_free "$p" || die "port $p on 127.0.0.1 is in use; set FAULTS_*_PORT (C1: the cluster's ports are fixed)"
done

find_pg_bin() {
    local d
    for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ] && { echo "$d"; return 0; }; done
    return 1
}
PG_BIN=$(find_pg_bin)
MISSING=()
{ [ -z "$PG_BIN" ] || ! command -v psql >/dev/null; } && MISSING+=(postgresql)   # Debian's server (15 on bookworm)
command -v curl >/dev/null || MISSING+=(curl)
if [ ${#MISSING[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || die "missing ${MISSING[*]} and not root: apt-get install -y ${MISSING[*]}"
    log "installing ${MISSING[*]} with apt-get"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${MISSING[@]}"; } >>"$LOG" 2>&1 \
        || die "apt-get install ${MISSING[*]} failed (see run.log)"
    PG_BIN=$(find_pg_bin) || die "no pg_ctl after installing postgresql"
fi
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home postgres >>"$LOG" 2>&1 || die "no user to run PostgreSQL as"
fi

ART_HOME=$("$ROOT/bench/fetch-artemis.sh" "$ROOT/bench/.cache" 2>>"$LOG") || die "no Artemis distribution (see run.log)"

{
    echo "date_utc: $(date -u +%FT%TZ)"
    echo "host_nproc: $(nproc); loadavg: $(cat /proc/loadavg)"
    echo "java: $(java -version 2>&1 | sed -n 1p)"
    echo "postgresql: $("$PG_BIN/postgres" --version)"
    echo "artemis: $(basename "$ART_HOME")"
    echo "hub_commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "scenarios: ${SCENARIOS[*]}; rate ${RATE}/s (C1: ${FAULTS_C1_RATE:-30}/s); mix $MIX"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt" >>"$LOG"
log "results in $OUT"

mkdir -p "$OUT/classes"
javac -d "$OUT/classes" "$FAULTS/FaultLoad.java" "$ROOT/bench/PartnerSink.java" 2>>"$LOG" || die "javac failed"

# ------------------------------------------------------------------ PostgreSQL (one server, a database per scenario)

PG_TMP=$(mktemp -d /tmp/hub-faults-pg.XXXXXX) || die "mktemp"
PG_DATA="$PG_TMP/data"
[ "$(id -u)" = 0 ] && chown postgres "$PG_TMP"
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --no-instructions >>"$LOG" 2>&1 || die "initdb failed"
pg_start() {
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_TMP/server.log" -w -t 60 start -o \
        "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_TMP -c fsync=on -c synchronous_commit=on -c max_connections=200 $PG_EXTRA" \
        >>"$LOG" 2>&1
}
pg_stop() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >>"$LOG" 2>&1; }
pg_start || { cat "$PG_TMP/server.log" >>"$LOG"; die "PostgreSQL did not start"; }
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (fsync and synchronous_commit on)"
DB_PORT=$PG_PORT # the scenario's database server: ours, or the cluster's own in C1
psqlc() { psql -X -q -A -t -F $'\t' -h 127.0.0.1 -p "$DB_PORT" -U postgres "$@"; }

# ------------------------------------------------------------------ broker (a fresh instance per scenario)

broker_create() { # dir
    "$ART_HOME/bin/artemis" create "$1" --silent --force --no-web --user faults --password faults --require-login \
        --host 127.0.0.1 --default-port "$BROKER_PORT" --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor \
        --no-hornetq-acceptor --nio >>"$LOG" 2>&1 || return 1
    "$ROOT/bench/artemis-hub-settings.sh" "$1/etc/broker.xml" >>"$LOG" 2>&1 || { log "broker.xml not as expected"; return 1; }
}

broker_start() { # -> BROKER_PID
    local inst="$SC/broker" i
    : >>"$SC/broker.log"
    "$inst/bin/artemis" run >>"$SC/broker.log" 2>&1 &
    BROKER_PID=$!
    for ((i = 0; i < 240; i++)); do
        port_free "$BROKER_PORT" || return 0
        kill -0 "$BROKER_PID" 2>/dev/null || { log "broker exited"; return 1; }
        sleep 0.25
    done
    log "broker not listening after 60 s"
    return 1
}

broker_kill() { kill -KILL "$BROKER_PID" 2>/dev/null; wait "$BROKER_PID" 2>/dev/null; BROKER_PID=""; }

BROKER_USER=faults
BROKER_PASSWORD=faults
broker_url() { # the broker the hubs use now; C1: whichever of the pair is active (the backup once it took over)
    if [ -n "${CLUSTER_RUN:-}" ] && port_free 61616; then echo "tcp://127.0.0.1:61617"
    elif [ -n "${CLUSTER_RUN:-}" ]; then echo "tcp://127.0.0.1:61616"
    else echo "tcp://127.0.0.1:$BROKER_PORT"; fi
}

broker_queued() { # messages waiting on the hub's own queues (intake, event subscriptions, replies); "?" if unknown
    local out
    out=$("$ART_HOME/bin/artemis" queue stat --url "$(broker_url)" --user "$BROKER_USER" --password "$BROKER_PASSWORD" \
        --maxRows 200 2>/dev/null) || { echo "?"; return; }
    # hub.partner.<CODE> queues belong to the partners that take their offers over JMS: nobody here consumes them
    awk -F'|' 'NR > 3 && $10 !~ /true/ && $2 !~ /^ *(DLQ|ExpiryQueue|hub\.partner\.[A-Z0-9-]+) *$/ {gsub(/ /, "", $5); n += $5}
        END {print n + 0}' <<<"$out"
}

broker_dlq() { # messages on the broker's DLQ address
    "$ART_HOME/bin/artemis" queue stat --url "$(broker_url)" --user "$BROKER_USER" --password "$BROKER_PASSWORD" \
        --queueName DLQ 2>/dev/null | awk -F'|' '$2 ~ /^ *DLQ *$/ {gsub(/ /, "", $5); print $5; exit}'
}

# ------------------------------------------------------------------ the hub(s)

hub_start() { # name port -> HUB[name]; waits until ready; prints the seconds it took
    local name=$1 port=$2 t0 i pid n
    n=$(ls "$SC"/hub-"$name"-*.log 2>/dev/null | wc -l)
    {
        for opt in $HUB_JAVA_OPTS; do echo "\"$opt\""; done
        echo "-jar"
        echo "\"$JAR\""
    } >"$SC/hub.args"
    t0=$(now_ms)
    # The JVM arguments go through an @argfile so the command line does not name quarkus-run.jar (broad clean-ups
    # elsewhere on a shared machine leave this hub alone).
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" QUARKUS_DATASOURCE_USERNAME=postgres \
        QUARKUS_DATASOURCE_PASSWORD=faults \
        QUARKUS_ARTEMIS_URL="tcp://127.0.0.1:$BROKER_PORT?$URL_OPTIONS" QUARKUS_ARTEMIS_USERNAME=faults \
        QUARKUS_ARTEMIS_PASSWORD=faults \
        QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 HUB_DATA_DIR="$SC/hub-data-$name" \
        HUB_EMBEDDED_BROKER_PORT=0 HUB_REFERENCE_DATA_FILES="$SC/refdata" \
        HUB_REFERENCE_DATA_DEMO_FILES="$ROOT/config/demo-access" HUB_PUBLIC_BASE_URL="http://127.0.0.1:$HTTP_PORT" \
        HUB_WEB_REPORTS_PER_MINUTE=1000000000 HUB_RATE_LIMITS_OPEN311_PER_MINUTE=1000000000 \
        HUB_RATE_LIMITS_STATUS_PER_MINUTE=1000000000 HUB_RATE_LIMITS_API_PER_MINUTE=1000000000 \
        HUB_WEB_FORM_SECRET=faults-form-secret HUB_INCIDENT_ENABLED="${FAULTS_INCIDENTS:-true}" \
        QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY=faults-session-key-0123456789abcdef \
        HUB_TWILIO_AUTH_TOKEN="$TWILIO_TOKEN" HUB_WECHAT_TOKEN="$WECHAT_TOKEN" \
        HUB_DELIVERY_INITIAL_BACKOFF=1s HUB_DELIVERY_MAX_BACKOFF="${HUB_MAX_BACKOFF:-10s}" \
        HUB_DISPATCH_EXPIRY_SWEEP_INTERVAL="${HUB_SWEEP:-10s}" \
        java "@$SC/hub.args" >"$SC/hub-$name-$((n + 1)).log" 2>&1 &
    pid=$!
    HUB[$name]=$pid
    # a busy hub (a backlog after a crash, a loaded machine) can take seconds to answer the probe: generous timeouts
    local ready=1 deadline=$(($(date +%s) + ${FAULTS_HUB_START_MAX:-300}))
    while [ "$(date +%s)" -lt "$deadline" ]; do
        curl -sf -m 10 "http://127.0.0.1:$port/q/health/ready" >/dev/null && { ready=0; break; }
        kill -0 "$pid" 2>/dev/null || { log "hub $name exited during start-up (see hub-$name-$((n + 1)).log)"; return 1; }
        sleep 0.2
    done
    [ "$ready" = 0 ] || { log "hub $name not ready in ${FAULTS_HUB_START_MAX:-300} s"; return 1; }
    echo -e "$(now_ms)\thub-$name-ready\t$(($(now_ms) - t0)) ms" >>"$SC/events.tsv"
    log "hub $name ready in $(awk -v d=$(($(now_ms) - t0)) 'BEGIN{printf "%.1f", d/1000}') s (pid $pid, port $port)"
    echo $(($(now_ms) - t0)) >>"$SC/hub-start-ms.txt"
}

hub_kill() { # name
    local pid=${HUB[$1]}
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    unset "HUB[$1]"
}

TERM_MS=""
hub_term() { # name max_s -> TERM_MS: milliseconds until it exited (killed -9 after max_s + 30)
    local pid=${HUB[$1]} t0 i
    t0=$(now_ms)
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < ($2 + 30) * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "hub $1 still running $(($2 + 30)) s after SIGTERM: kill -9"
        kill -KILL "$pid" 2>/dev/null
    fi
    wait "$pid" 2>/dev/null
    TERM_MS=$(($(now_ms) - t0))
    unset "HUB[$1]"
}

jstack_hub() { # name label: a thread dump of a hub in the middle of a fault (evidence for slow or missing answers)
    local pid=${HUB[$1]:-}
    [ -n "$pid" ] && command -v jstack >/dev/null && timeout 30 jstack "$pid" >"$SC/jstack-$2.txt" 2>&1
}

event() { echo -e "$(now_ms)\t$1\t${2:-}" >>"$SC/events.tsv"; log "event: $1 ${2:-}"; }

# ------------------------------------------------------------------ one scenario

SC=""
DB=""
DRIVER_PID=""
SINK_PID=""

scenario_begin() { # name
    SC="$OUT/$1"
    DB="faults_$(echo "$1" | tr 'A-Z' 'a-z')"
    mkdir -p "$SC/refdata" "$SC/db"
    : >"$SC/events.tsv"
    # the demo district, with its webhooks pointed at the sink
    for f in "$ROOT"/config/demo/*.yaml; do
        sed "s#http://127.0.0.1:8089/#http://127.0.0.1:$SINK_PORT/#g" "$f" >"$SC/refdata/$(basename "$f")"
    done
    if [ "$1" = C1 ]; then # the cluster brings its own PostgreSQL (database hub) and broker pair: see run_C1
        DB=hub
        sink_start
        log "== $1: the local cluster in $SC/cluster, sink pid $SINK_PID"
        return 0
    fi
    psqlc -d postgres -c "DROP DATABASE IF EXISTS $DB" >>"$LOG" 2>&1
    psqlc -d postgres -c "CREATE DATABASE $DB" >>"$LOG" 2>&1 || return 1
    if [ "$PG_STATEMENTS" = 1 ]; then
        psqlc -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >>"$LOG" 2>&1
        psqlc -d "$DB" -c "select pg_stat_statements_reset()" >>"$LOG" 2>&1
    fi
    broker_create "$SC/broker" || return 1
    broker_start || return 1
    sink_start
    log "== $1: database $DB, broker pid $BROKER_PID, sink pid $SINK_PID"
}

sink_start() {
    java -Xmx128m -XX:+UseSerialGC -cp "$OUT/classes" PartnerSink "$SINK_PORT" 4 >"$SC/sink.log" 2>&1 &
    SINK_PID=$!
    PIDS+=("$SINK_PID")
}

driver_start() { # mode duration|replays [urls [public base url]]
    local mode=$1 arg=$2 urls=${3:-"http://127.0.0.1:$HTTP_PORT"} public=${4:-"http://127.0.0.1:$HTTP_PORT"} extra=()
    # load runs until driver_wait ends it (the faults' own timing decides), --duration is only an upper bound
    rm -f "$SC/stop"
    if [ "$mode" = load ]; then extra=(--duration "$arg" --stop-file "$SC/stop"); else extra=(--replays "$arg"); fi
    java -Xmx512m -cp "$OUT/classes" FaultLoad "$mode" --urls "$urls" --public-base-url "$public" \
        --rate "$RATE" --mix "$MIX" --twilio-token "$TWILIO_TOKEN" --wechat-token "$WECHAT_TOKEN" \
        --ledger "$SC/ledger.tsv" "${extra[@]}" >"$SC/driver.log" 2>&1 &
    DRIVER_PID=$!
    PIDS+=("$DRIVER_PID")
    event "load-start" "$mode $arg at ${RATE}/s"
}

driver_wait() {
    touch "$SC/stop"
    wait "$DRIVER_PID" 2>/dev/null
    event "load-end"
    grep '^# done' "$SC/driver.log" | tee -a "$LOG" >&2
}

SETTLED=""
settle() { # waits (bounded) until the broker's queues are worked off, no ticket waits for dispatch and no delivery is
    # pending, the same for three polls; SETTLED says how it ended
    local t0 row last="" same=0 queued
    t0=$(date +%s)
    while [ $(($(date +%s) - t0)) -lt "$SETTLE_MAX" ]; do
        row=$(psqlc -d "$DB" -c "select (select count(*) from ticket), (select count(*) from inbound_contact),
                (select count(*) from ticket where status = 'RECEIVED'),
                (select count(*) from partner_delivery where status = 'PENDING')" 2>/dev/null)
        read -r tickets contacts received pending <<<"$row"
        queued=$(broker_queued)
        # tickets left RECEIVED with nothing queued are stuck (reported in db/ticket-status.tsv), not in progress
        if [ "$row" = "$last" ] && [ "$queued" = 0 ] && [ "${pending:-1}" = 0 ]; then
            same=$((same + 1))
            if [ "$same" -ge 2 ]; then
                SETTLED="yes, after $(($(date +%s) - t0)) s ($received tickets left RECEIVED)"
                log "settled: $tickets tickets, $contacts contacts in $(($(date +%s) - t0)) s"
                return 0
            fi
        else
            [ "$same" -gt 0 ] || [ -z "$last" ] || [ $(( $(date +%s) - t0 )) -lt $((SETTLE_MAX - 30)) ] ||
                log "settling: tickets, contacts, RECEIVED, pending partner deliveries $(tr '\t' ' ' <<<"$row"); queued $queued"
            same=0
        fi
        last=$row
        sleep 1
    done
    SETTLED="NO: after $SETTLE_MAX s $queued messages still on the broker, $received tickets RECEIVED, $pending deliveries pending (what is still queued is counted as lost below)"
    log "NOT settled after $SETTLE_MAX s: tickets $tickets, contacts $contacts, queued $queued, RECEIVED $received, pending deliveries $pending"
    return 1
}

scenario_end() { # name [extra pass condition 0/1] [extra note]
    local name=$1 extra_ok=${2:-0} note=${3:-} dlq rc
    # a scenario that ended early leaves the load running
    if [ -n "$DRIVER_PID" ] && kill -0 "$DRIVER_PID" 2>/dev/null; then driver_wait; fi
    settle || extra_ok=1
    curl -sf "http://127.0.0.1:$SINK_PORT/stats" >"$SC/sink-stats.json"
    curl -sf "http://127.0.0.1:$SINK_PORT/keys" >"$SC/sink-keys.tsv"
    dlq=$(broker_dlq)
    echo "${dlq:-?}" >"$SC/broker-dlq.txt"
    psqlc -d "$DB" -c "select t.id, t.reference, t.channel, t.status, coalesce(substring(t.description from '\[[FOSW][a-z0-9]+-[0-9]+\]'), ''),
            (select count(*) from assignment a where a.ticket_id = t.id) from ticket t order by t.id" >"$SC/db/tickets.tsv"
    psqlc -d "$DB" -c "select reference, ticket_id from ticket_alias" >"$SC/db/aliases.tsv"
    # the edge reserves references in memory since V69 (no intake_reference rows): nothing to export
    : >"$SC/db/references.tsv"
    psqlc -d "$DB" -c "select channel, external_id, coalesce(ticket_id::text, '') from inbound_contact" >"$SC/db/contacts.tsv"
    psqlc -d "$DB" -c "select id, source, (extract(epoch from created_at) * 1000)::bigint,
            coalesce(substring(body from '\"reference\":\"([0-9]+)\"'), ''),
            coalesce(substring(body from '\"externalId\":\"([^\"]+)\"'), ''),
            replace(replace(left(reason, 200), E'\t', ' '), E'\n', ' ') from dead_letter order by id" >"$SC/db/deadletters.tsv"
    psqlc -d "$DB" -c "select ticket_id, kind || ':' || coalesce(detail, ''), count(*) from timeline_event
            where kind in ('EXPIRED', 'DEADLINE_WARNING', 'OVERDUE', 'ESCALATED') group by 1, 2" >"$SC/db/sweeps.tsv"
    # offers a sweep made twice: one party offered one ticket twice (dispatch skips whoever had it), or two live offers
    # of one ticket at once (an emergency's parallel offers aside)
    psqlc -d "$DB" -c "select ticket_id, 'party ' || coalesce('P' || partner_id, 'V' || volunteer_id), count(*) from assignment
            group by 1, 2 having count(*) > 1
            union all
            select a.ticket_id, 'live offers', count(*) from assignment a where a.state = 'OFFERED'
               and not exists (select 1 from emergency e where e.ticket_id = a.ticket_id)
            group by 1 having count(*) > 1" >"$SC/db/offers.tsv"
    psqlc -d "$DB" -c "select status, count(*) from ticket group by 1 order by 1" >"$SC/db/ticket-status.tsv"
    psqlc -d "$DB" -c "select status, count(*) from partner_delivery group by 1 order by 1" >"$SC/db/deliveries.tsv"
    [ "$PG_STATEMENTS" = 1 ] && psqlc -d "$DB" -c "select calls, round(total_exec_time::numeric, 1), rows,
            regexp_replace(query, '\s+', ' ', 'g') from pg_stat_statements
            where dbid = (select oid from pg_database where datname = current_database())
            order by total_exec_time desc" >"$SC/db/statements.tsv"
    java -cp "$OUT/classes" FaultLoad check --label "$name" --ledger "$SC/ledger.tsv" --db "$SC/db" \
        --sink-stats "$SC/sink-stats.json" --events "$SC/events.tsv" --out "$SC/result.txt" >"$SC/check.txt" 2>&1
    rc=$?
    {
        echo "settled=$SETTLED"
        echo "broker_dlq_messages=${dlq:-?}"
        echo "hub_start_ms=$(tr '\n' ' ' <"$SC/hub-start-ms.txt" 2>/dev/null)"
        echo "scenario_check=$([ "$extra_ok" = 0 ] && echo ok || echo FAILED) $note"
    } >>"$SC/result.txt"
    # the broker's DLQ must be empty too ("?": could not be read, reported as such)
    if [ "$rc" != 0 ] || [ "$extra_ok" != 0 ] || { [ -n "$dlq" ] && [ "$dlq" != "?" ] && [ "$dlq" != 0 ]; }; then
        sed -i 's/^pass=true$/pass=false/' "$SC/result.txt"
    fi
    # evidence for every loss: what the hubs logged about its reference and its sender's message id
    local ref key
    : >"$SC/lost-evidence.txt"
    while IFS=$'\t' read -r _ _ _ key _ ref _; do
        echo "== reference $ref, key $key" >>"$SC/lost-evidence.txt"
        grep -h -F -e "$ref" -e "$key" "$SC"/hub-*.log 2>/dev/null | cut -c1-400 | head -20 >>"$SC/lost-evidence.txt"
    done <"$SC/result.txt.lost.tsv"
    head -c 300000 "$SC/check.txt" | grep -v '^  ' | tee -a "$LOG" >&2
    grep '^  ' "$SC/check.txt" | head -20 | tee -a "$LOG" >&2
    log "$name: $(grep -E '^(pass|scenario_check)=' "$SC/result.txt" | tr '\n' ' ')"
    # stop this scenario's processes; the database and the broker data stay for inspection until the run ends
    local h
    for h in "${!HUB[@]}"; do stop_pid "${HUB[$h]}" 35; unset "HUB[$h]"; done
    [ -n "$CLUSTER_RUN" ] && cluster_down
    stop_pid "$SINK_PID" 5
    stop_pid "$BROKER_PID" 30
    BROKER_PID=""
    gzip -f "$SC"/hub-*.log 2>/dev/null
    rm -rf "$SC/broker/data" "$SC"/hub-data-*
}

# ------------------------------------------------------------------ the faults

run_R1() { # broker kill -9, back after DOWN_S, KILLS times
    local kills=${FAULTS_R1_KILLS:-3} down=${FAULTS_R1_DOWN_S:-30} gap=${FAULTS_R1_GAP_S:-30} i bad=0 note=""
    local max=${FAULTS_R1_RECOVERY_MAX:-60}
    local slowmax=${FAULTS_R1_SLOW_MAX:-0}
    hub_start a "$HTTP_PORT" || return 1
    driver_start load 86400
    # a longer lead than the default, as R3's: at 100/s a fresh hub answers with a p50 of seconds for its first
    # minute or two (its JIT takes a core; RELIABILITY.md round 12), and an outage in that backlog measures the cold
    # start, not the refusal within 1 s that R1 checks
    sleep "${FAULTS_R1_LEAD_S:-180}"
    for ((i = 1; i <= kills; i++)); do
        event "broker-down" "kill -9 #$i"
        broker_kill
        sleep $((down / 2))
        jstack_hub a "broker-down-$i" &
        sleep $((down - down / 2))
        wait $! 2>/dev/null
        broker_start || { log "broker did not come back"; bad=1; }
        event "broker-back" "#$i"
        sleep "$gap"
    done
    driver_wait
    scenario_end R1 "$bad" "$note"
    awk -F= -v m="$max" '$1 == "worst_recovery_s" && ($2 == "-" || $2 + 0 > m) {print "recovery over " m " s"}' \
        "$SC/result.txt" | grep -q . && { sed -i 's/^pass=true$/pass=false/' "$SC/result.txt"; log "R1: recovery over ${max}s"; }
    awk -F= -v m="$slowmax" '$1 == "refusals_slower_than_1s_during_outage" && $2 + 0 > m {print}' "$SC/result.txt" \
        | grep -q . && { sed -i 's/^pass=true$/pass=false/' "$SC/result.txt"; log "R1: answers slower than 1 s during an outage"; }
    return 0
}

run_R2() { # hub kill -9 every EVERY_S, KILLS times, restarted at once
    local kills=${FAULTS_R2_KILLS:-10} every=${FAULTS_R2_EVERY_S:-60} i
    hub_start a "$HTTP_PORT" || return 1
    driver_start load 86400
    sleep "$LEAD_S"
    for ((i = 1; i <= kills; i++)); do
        event "hub-down" "kill -9 #$i"
        hub_kill a
        hub_start a "$HTTP_PORT" || { scenario_end R2 1 "the hub did not restart"; return 0; }
        event "hub-back" "#$i"
        sleep "$every"
    done
    # the last restart gets the same $every s of load as the others (not just the tail): each restart is checked
    # for "steady again", and a hub restarted into 100/s needs 10-25 s for that (RELIABILITY.md, round 12)
    [ "$TAIL_S" -gt "$every" ] && sleep $((TAIL_S - every))
    driver_wait
    scenario_end R2 0
}

run_R3() { # the partner endpoint answers 503 for DOWN_S
    local down=${FAULTS_R3_DOWN_S:-1800} maxdel=${FAULTS_R3_DELIVERED_MAX:-600} t0 pending bad=0 note
    HUB_MAX_BACKOFF=${FAULTS_R3_MAX_BACKOFF:-60s} hub_start a "$HTTP_PORT" || return 1
    driver_start load 86400
    # a longer lead than the others: at 100/s a fresh hub works off its first minutes' backlog for about two of them,
    # and the last 30 s before the fault are the baseline of "intake latency unchanged ±20 %"
    sleep "${FAULTS_R3_LEAD_S:-180}"
    curl -sf -X POST "http://127.0.0.1:$SINK_PORT/admin/down" && event "partner-down" "503 to every webhook"
    sleep $((down / 2))
    jstack_hub a partner-down
    sleep $((down - down / 2))
    curl -sf -X POST "http://127.0.0.1:$SINK_PORT/admin/up" && event "partner-back"
    t0=$(date +%s)
    sleep "$TAIL_S"
    driver_wait
    # the backlog: every delivery made while the partner was down must arrive within maxdel seconds of its return
    while :; do
        pending=$(psqlc -d "$DB" -c "select count(*) from partner_delivery where status <> 'DELIVERED' and channel = 'WEBHOOK'")
        [ "$pending" = 0 ] && break
        [ $(($(date +%s) - t0)) -ge "$maxdel" ] && break
        sleep 2
    done
    note="backlog delivered $(($(date +%s) - t0)) s after the partner returned (limit $maxdel s, pending $pending); refused while down: $(curl -sf "http://127.0.0.1:$SINK_PORT/stats" | grep -o '"refused":[0-9]*')"
    [ "$pending" = 0 ] || bad=1
    scenario_end R3 "$bad" "$note"
}

run_R4() { # PostgreSQL stopped for DOWN_S
    local down=${FAULTS_R4_DOWN_S:-30} max=${FAULTS_R4_RECOVERY_MAX:-30}
    hub_start a "$HTTP_PORT" || return 1
    driver_start load 86400
    sleep "$LEAD_S"
    event "postgres-down" "pg_ctl stop -m fast"
    pg_stop
    sleep $((down / 2))
    jstack_hub a postgres-down
    sleep $((down - down / 2))
    pg_start || log "PostgreSQL did not come back"
    event "postgres-back"
    sleep $((TAIL_S > max + 5 ? TAIL_S : max + 5))
    driver_wait
    scenario_end R4 0
    awk -F= -v m="$max" '$1 == "worst_recovery_s" && ($2 == "-" || $2 + 0 > m) {print}' "$SC/result.txt" | grep -q . \
        && { sed -i 's/^pass=true$/pass=false/' "$SC/result.txt"; log "R4: recovery over ${max}s"; }
    return 0
}

run_R5() { # sender retries: REPLAYS contacts per channel, each replayed
    hub_start a "$HTTP_PORT" || return 1
    driver_start replay "${FAULTS_R5_REPLAYS:-1000}"
    driver_wait
    scenario_end R5 0
}

run_R6() { # SIGTERM under load, then a restart
    local after=${FAULTS_R6_AFTER_S:-30} stopmax=${FAULTS_R6_STOP_MAX:-30} tail=${FAULTS_R6_TAIL_S:-60} took bad=0
    hub_start a "$HTTP_PORT" || return 1
    driver_start load 86400
    sleep "$after"
    event "hub-down" "SIGTERM"
    hub_term a "$stopmax"
    took=$TERM_MS
    log "hub stopped $took ms after SIGTERM"
    [ "$took" -le $((stopmax * 1000)) ] || bad=1
    hub_start a "$HTTP_PORT" || bad=1
    event "hub-back"
    sleep "$tail"
    driver_wait
    scenario_end R6 "$bad" "stopped ${took} ms after SIGTERM (limit ${stopmax} s)"
}

run_R7() { # two hubs on one broker and database; one killed -9
    local after=${FAULTS_R7_AFTER_S:-60}
    sed -i -E "s/accept-within: *PT[0-9]+[MH]/accept-within: ${FAULTS_R7_ACCEPT_WITHIN:-PT1M}/" "$SC"/refdata/*.yaml
    HUB_SWEEP=2s hub_start a "$HTTP_PORT" || return 1
    HUB_SWEEP=2s hub_start b "$HTTP_PORT_B" || return 1
    driver_start load 86400 "http://127.0.0.1:$HTTP_PORT,http://127.0.0.1:$HTTP_PORT_B"
    sleep "$after"
    event "hub-a-killed" "kill -9; hub b carries on"
    hub_kill a
    sleep "$after"
    driver_wait
    scenario_end R7 0 "accept-by ${FAULTS_R7_ACCEPT_WITHIN:-PT1M}, sweep every 2s on both hubs"
}

# The local cluster (issue 19): deploy/local/cluster.sh as a user runs it, with this scenario's reference data (webhooks
# to the sink, short accept-by windows), the suite's channel secrets and a sweep every 2 s on both nodes.
cluster() { CLUSTER_DIR="$CLUSTER_RUN" CLUSTER_PG_PORT="$C1_PG_PORT" CLUSTER_HUB_ENV="$C1_HUB_ENV" \
    "$ROOT/deploy/local/cluster.sh" "$@" >>"$SC/cluster.log" 2>&1; }
cluster_down() { # keeps the logs, wipes the data
    cluster down
    mkdir -p "$SC/cluster-logs" && cp "$CLUSTER_RUN"/logs/*.log "$SC/cluster-logs/" 2>/dev/null
    gzip -f "$SC"/cluster-logs/node*.log "$SC"/cluster-logs/artemis-*.log 2>/dev/null
    cluster down --wipe
    CLUSTER_RUN=""
}
cluster_why() { # a start that failed: the script's last words and each part's last lines, where CI shows them
    local f
    for f in "$SC/cluster.log" "$CLUSTER_RUN"/logs/node*.log "$CLUSTER_RUN"/logs/artemis-*.log; do
        [ -f "$f" ] || continue
        log "--- the end of $(basename "$f")"
        tail -n 25 "$f" | cut -c1-300 | tee -a "$LOG" >&2
    done
}
lb_state() { # node -> UP, DOWN, ... as HAProxy sees it
    curl -s -m 2 "http://127.0.0.1:8404/stats;csv" | awk -F, -v n="$1" '$1 == "nodes" && $2 == n {print $18}'
}

run_C1() { # the local cluster: kill -9 of hub node 1, later of the live broker, under load through HAProxy
    local lead=${FAULTS_C1_LEAD_S:-60} gap=${FAULTS_C1_GAP_S:-60} tail=${FAULTS_C1_TAIL_S:-60}
    local lb_max=${FAULTS_C1_LB_MAX_S:-5} broker_max=${FAULTS_C1_BROKER_MAX_S:-30} t lb_ms backup_ms bad=0 note
    sed -i -E "s/accept-within: *PT[0-9]+[MH]/accept-within: ${FAULTS_C1_ACCEPT_WITHIN:-PT1M}/" "$SC"/refdata/*.yaml
    CLUSTER_RUN="$SC/cluster"
    C1_HUB_ENV="HUB_REFERENCE_DATA_FILES=$SC/refdata HUB_TWILIO_AUTH_TOKEN=$TWILIO_TOKEN HUB_WECHAT_TOKEN=$WECHAT_TOKEN
        HUB_WEB_REPORTS_PER_MINUTE=1000000000 HUB_RATE_LIMITS_OPEN311_PER_MINUTE=1000000000
        HUB_RATE_LIMITS_STATUS_PER_MINUTE=1000000000 HUB_RATE_LIMITS_API_PER_MINUTE=1000000000
        HUB_INCIDENT_ENABLED=${FAULTS_INCIDENTS:-true} HUB_DELIVERY_INITIAL_BACKOFF=1s HUB_DELIVERY_MAX_BACKOFF=10s
        HUB_DISPATCH_EXPIRY_SWEEP_INTERVAL=2s"
    BROKER_USER=hub
    BROKER_PASSWORD=hub-local-broker # cluster.sh's local demo credentials
    DB_PORT=$C1_PG_PORT
    t=$(now_ms)
    # A start that fails is shown (CI prints this log) and tried once more, as an operator would: "up" starts only what
    # is not running. The scenario's note says so; a second failure ends it. C1 is about failover, not a cold start.
    local started="started at the first try"
    if ! cluster up; then
        log "the cluster did not come up (see cluster.log)"
        cluster_why
        started="STARTED AT THE SECOND TRY (the first: see the log above)"
        cluster up || { log "the cluster did not come up twice"; cluster_why; return 1; }
    fi
    echo "$(($(now_ms) - t))" >>"$SC/hub-start-ms.txt"
    event "cluster-up" "$(($(now_ms) - t)) ms: $(lb_state node1 | tr -d ' ') / $(lb_state node2 | tr -d ' ')"
    RATE=${FAULTS_C1_RATE:-30} driver_start load 86400 "http://127.0.0.1:8080" "http://127.0.0.1:8080"
    sleep "$lead"
    # a node dies: HAProxy must take it out of the rotation within seconds; the window ends when it has
    event "node-down" "kill -9 of hub node1"
    t=$(now_ms)
    kill -KILL "$(cat "$CLUSTER_RUN/node1.pid")"
    until [ "$(lb_state node1)" = DOWN ] || [ $(($(now_ms) - t)) -gt 60000 ]; do sleep 0.1; done
    lb_ms=$(($(now_ms) - t))
    event "node-back" "HAProxy sends nothing more to node1, ${lb_ms} ms after the kill"
    [ "$lb_ms" -le $((lb_max * 1000)) ] || { bad=1; log "C1: HAProxy took ${lb_ms} ms to drop node1 (limit ${lb_max} s)"; }
    sleep 20
    cluster up || { log "node1 did not come back"; cluster_why; bad=1; }
    until [ "$(lb_state node1)" = UP ] || [ $(($(now_ms) - t)) -gt 300000 ]; do sleep 0.5; done
    event "node1-restarted" "HAProxy: node1 $(lb_state node1)"
    sleep "$gap"
    # the live broker dies: the backup takes the shared store over; the window ends when it serves clients
    event "broker-down" "kill -9 of the live Artemis"
    t=$(now_ms)
    kill -KILL "$(cat "$CLUSTER_RUN/artemis-live.pid")"
    until (exec 3<>/dev/tcp/127.0.0.1/61617) 2>/dev/null || [ $(($(now_ms) - t)) -gt 120000 ]; do sleep 0.1; done
    backup_ms=$(($(now_ms) - t))
    event "broker-back" "the backup is active on 61617, ${backup_ms} ms after the kill"
    sleep "$tail"
    driver_wait
    note="the cluster ${started}; HAProxy dropped the killed node after ${lb_ms} ms (limit ${lb_max} s); the backup broker was active ${backup_ms} ms after the live one's kill"
    scenario_end C1 "$bad" "$note"
    # the hub continues within broker_max s of the broker's kill: the backup's take-over plus the time until every contact
    # is acknowledged again (the worst window's steady time, FaultLoad's check)
    awk -F= -v b="$backup_ms" -v m="$broker_max" '$1 == "worst_recovery_s" && ($2 == "-" || b / 1000 + $2 > m) {print}' \
        "$SC/result.txt" | grep -q . && { sed -i 's/^pass=true$/pass=false/' "$SC/result.txt"; log "C1: not steady within ${broker_max} s of the broker's kill"; }
    echo "broker_kill_to_steady_s=$(awk -F= -v b="$backup_ms" '$1 == "worst_recovery_s" && $2 != "-" {printf "%.1f", b / 1000 + $2}' "$SC/result.txt")" >>"$SC/result.txt"
    echo "lb_dropped_node_ms=$lb_ms" >>"$SC/result.txt"
    DB_PORT=$PG_PORT BROKER_USER=faults BROKER_PASSWORD=faults
    return 0
}

# ------------------------------------------------------------------ run

FAILED=0
for s in "${SCENARIOS[@]}"; do
    case "$s" in R1 | R2 | R3 | R4 | R5 | R6 | R7 | C1) ;; *) die "unknown scenario $s (R1..R7, C1)" ;; esac
    scenario_begin "$s" || { log "$s: could not set up"; FAILED=1; continue; }
    "run_$s" || { log "$s: did not run to the end"; FAILED=1; scenario_end "$s" 1 "did not run to the end"; }
    grep -q '^pass=true$' "$SC/result.txt" 2>/dev/null || FAILED=1
    [ "$s" = C1 ] || psqlc -d postgres -c "DROP DATABASE IF EXISTS $DB" >>"$LOG" 2>&1
done

{
    echo "# Fault suite $TS"
    echo
    sed 's/^/    /' "$OUT/machine.txt"
    echo
    echo "| scenario | pass | sent | acked | lost | dup tickets | diff answers | dup partner effects | dead letters (hub/broker) | tickets | dispatched | joined to incidents | worst recovery s | hub start ms | settled | notes |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    for s in "${SCENARIOS[@]}"; do
        f="$OUT/$s/result.txt"
        [ -f "$f" ] || { echo "| $s | not run |"; continue; }
        g() { grep -m1 "^$1=" "$f" | cut -d= -f2-; }
        echo "| $s | $(g pass) | $(g sent) | $(g acknowledged) | $(g lost) | $(g duplicate_tickets) | $(g different_answers_to_one_contact) | $(g duplicate_partner_effects) | $(g dead_letters)/$(g broker_dlq_messages) | $(g tickets) | $(g tickets_dispatched) | $(g tickets_joined_to_incidents) | $(g worst_recovery_s) | $(g hub_start_ms) | $(g settled) | $(g faults) $(g scenario_check) |"
    done
} >"$OUT/summary.md"
cat "$OUT/summary.md" | tee -a "$LOG"
log "results in $OUT"
exit "$FAILED"
