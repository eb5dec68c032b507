#!/usr/bin/env bash
# A city's hub on one machine (issue 19): an Artemis live/backup pair on a shared store, one PostgreSQL, two hub nodes
# from the packaged jar and HAProxy in front, every one of them on 127.0.0.1 only.
#
#   mvn -B -DskipTests package          # once; this script builds nothing
#   deploy/local/cluster.sh up          # start what is not running yet, wait until the load balancer answers
#   deploy/local/cluster.sh status      # each part: running or not, the nodes' readiness, HAProxy's view, the live broker
#   deploy/local/cluster.sh down        # stop everything this script started; data stays for the next up
#   deploy/local/cluster.sh down --wipe # ... and delete the data (database, broker journal, logs)
#
#   127.0.0.1:8080   HAProxy, round robin over the ready nodes (health check GET /q/health/ready every second)
#   127.0.0.1:8404   HAProxy's statistics (/stats, ;csv for scripts)
#   127.0.0.1:8081   hub node 1          127.0.0.1:8082   hub node 2
#   127.0.0.1:61616  Artemis live        127.0.0.1:61617  Artemis backup (takes over when the live one dies)
#   127.0.0.1:15432  PostgreSQL (database hub, user postgres)
#
# Everything lives in deploy/local/run/ (git-ignored): pids, logs (logs/*.log), data, the generated configuration and
# the keys the nodes share (secrets.env, made once). The demo district (config/demo) and the demo accounts
# (config/demo-access, passwords in the README) are loaded once: the nodes take turns on a database lock at start, and
# a later start finds the files unchanged.
#
# Settings (environment): CLUSTER_PG_PORT=15432 CLUSTER_JAVA_OPTS="-Xmx384m -XX:TieredStopAtLevel=1"
#   CLUSTER_DIR=deploy/local/run
#   CLUSTER_ARTEMIS_URL_OPTIONS (the hub's broker URL options, below)
#   CLUSTER_HUB_ENV="KEY=value ..." extra settings for both nodes (e.g. short accept-by windows for a fault run)
#
# Needs: Java 17+, curl, PostgreSQL's server binaries (Debian's postgresql, installed here with apt-get when missing
# and root) and HAProxy (likewise); the Artemis distribution is fetched once by bench/fetch-artemis.sh.
set -uo pipefail

cd "$(dirname "$0")/../.." || exit 1
ROOT=$(pwd)
RUN=${CLUSTER_DIR:-$ROOT/deploy/local/run}
PG_PORT=${CLUSTER_PG_PORT:-15432}
JAVA_OPTS=${CLUSTER_JAVA_OPTS:-"-Xmx384m -XX:TieredStopAtLevel=1"}
LB_PORT=8080
STATS_PORT=8404
NODES=(1 2)
node_port() { echo $((8080 + $1)); }
BROKERS=(live backup)
broker_port() { [ "$1" = live ] && echo 61616 || echo 61617; }
# The hub's broker URL: both brokers, so a node that starts while the live one is down still connects; ha=true takes the
# pair's topology from the broker and fails over to the backup; reconnectAttempts=-1 never gives up; a send during the
# failover fails after callFailoverTimeout and the hub retries it (intake answers 503, the stages redeliver).
URL_OPTIONS=${CLUSTER_ARTEMIS_URL_OPTIONS:-"ha=true&reconnectAttempts=-1&retryInterval=500&retryIntervalMultiplier=1.5&maxRetryInterval=5000&callTimeout=5000&callFailoverTimeout=500"}
BROKER_USER=hub
BROKER_PASSWORD=hub-local-broker   # a local demo's own credentials, bound to 127.0.0.1 only
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
LOGS="$RUN/logs"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "FATAL: $*"; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pid_of() { [ -f "$RUN/$1.pid" ] && cat "$RUN/$1.pid"; }
alive() { local pid; pid=$(pid_of "$1") && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
find_pg_bin() {
    local d
    for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ] && { echo "$d"; return 0; }; done
    return 1
}

stop_pid() { # name [seconds]: TERM, then KILL; removes the pid file
    local name=$1 wait_s=${2:-30} pid i
    pid=$(pid_of "$name") || return 0
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null
        for ((i = 0; i < wait_s * 10; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        if kill -0 "$pid" 2>/dev/null; then
            log "$name (pid $pid) did not stop in ${wait_s}s, killing it"
            kill -KILL "$pid" 2>/dev/null
        fi
    fi
    rm -f "$RUN/$name.pid"
}

# ------------------------------------------------------------------ preflight

preflight() {
    [ -f "$JAR" ] || die "$JAR missing: build first (mvn -B -DskipTests package)"
    command -v java >/dev/null || die "java not found"
    local missing=()
    command -v curl >/dev/null || missing+=(curl)
    PG_BIN=$(find_pg_bin) || missing+=(postgresql)
    command -v haproxy >/dev/null || missing+=(haproxy)
    if [ ${#missing[@]} -gt 0 ]; then
        [ "$(id -u)" = 0 ] || die "missing ${missing[*]} and not root: sudo apt-get install -y ${missing[*]}"
        log "installing ${missing[*]} with apt-get"
        { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; } \
            >>"$LOGS/apt-get.log" 2>&1 || die "apt-get install ${missing[*]} failed (see $LOGS/apt-get.log)"
        PG_BIN=$(find_pg_bin) || die "no pg_ctl after installing postgresql"
    fi
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --no-create-home postgres || die "no user to run PostgreSQL as"
    fi
    ART_HOME=$("$ROOT/bench/fetch-artemis.sh" "$ROOT/bench/.cache" 2>>"$LOGS/fetch-artemis.log") \
        || die "no Artemis distribution (see $LOGS/fetch-artemis.log)"
}

# ------------------------------------------------------------------ PostgreSQL

pg_up() {
    local data="$RUN/postgres/data"
    if [ -f "$data/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        log "PostgreSQL already running on 127.0.0.1:$PG_PORT"
        return 0
    fi
    port_open "$PG_PORT" && die "port $PG_PORT is taken by something else; set CLUSTER_PG_PORT"
    if [ ! -f "$data/PG_VERSION" ]; then
        mkdir -p "$RUN/postgres" && [ "$(id -u)" = 0 ] && chown postgres "$RUN/postgres"
        as_pg "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-instructions \
            >>"$LOGS/postgres-init.log" 2>&1 || die "initdb failed (see $LOGS/postgres-init.log)"
    fi
    # fsync and synchronous_commit on: the hub acknowledges only what is durable
    as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$RUN/postgres/server.log" -w -t 60 start -o \
        "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $RUN/postgres -c fsync=on -c synchronous_commit=on -c max_connections=200" \
        >>"$LOGS/postgres.log" 2>&1 || die "PostgreSQL did not start (see $RUN/postgres/server.log)"
    psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "select 1 from pg_database where datname = 'hub'" \
        | grep -q 1 || psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "create database hub" \
        || die "could not create the database hub"
    log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT, database hub"
}

pg_down() {
    local bin data="$RUN/postgres/data"
    bin=$(find_pg_bin) || return 0
    [ -f "$data/postmaster.pid" ] || return 0
    as_pg "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >>"$LOGS/postgres.log" 2>&1 && log "PostgreSQL stopped"
}

# ------------------------------------------------------------------ Artemis: a live/backup pair on a shared store

broker_create() { # live|backup
    local role=$1 inst="$RUN/artemis/$1" port other
    port=$(broker_port "$role")
    [ "$role" = live ] && other=$(broker_port backup) || other=$(broker_port live)
    [ -x "$inst/bin/artemis" ] && return 0
    mkdir -p "$RUN/artemis/shared"
    # Both instances point at one data directory: the live broker holds its file lock, the backup waits on it and
    # takes over the journal (with its duplicate-id cache) when the lock is released, by a crash or a stop
    # (failover-on-shutdown). The cluster connection announces the backup to the clients (ha=true).
    "$ART_HOME/bin/artemis" create "$inst" --silent --force --no-web --name "$role" \
        --user "$BROKER_USER" --password "$BROKER_PASSWORD" --require-login \
        --cluster-user "$BROKER_USER" --cluster-password "$BROKER_PASSWORD" \
        --host 127.0.0.1 --default-port "$port" --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor \
        --no-hornetq-acceptor --nio --shared-store --failover-on-shutdown --clustered \
        --static-cluster "tcp://127.0.0.1:$other" --data "$RUN/artemis/shared" \
        $([ "$role" = backup ] && echo --backup) >>"$LOGS/artemis-create.log" 2>&1 \
        || die "artemis create $role failed (see $LOGS/artemis-create.log)"
    "$ROOT/bench/artemis-hub-settings.sh" "$inst/etc/broker.xml" >>"$LOGS/artemis-create.log" 2>&1 \
        || die "the hub's settings did not go into $inst/etc/broker.xml (see $LOGS/artemis-create.log)"
    grep -q '<shared-store>' "$inst/etc/broker.xml" || die "$inst/etc/broker.xml has no shared-store policy"
    # artemis create leaves the JVM unbounded; a small one per broker on a shared machine
    sed -i 's/-Xms[0-9]*[mMgG] -Xmx[0-9]*[mMgG]/-Xms128m -Xmx512m/' "$inst/etc/artemis.profile"
}

broker_up() { # live|backup
    local role=$1 i
    if alive "artemis-$role"; then
        log "Artemis $role already running (pid $(pid_of "artemis-$role"))"
        return 0
    fi
    broker_create "$role"
    local from
    from=$(($(stat -c %s "$LOGS/artemis-$role.log" 2>/dev/null || echo 0) + 1)) # what this start writes
    setsid "$RUN/artemis/$role/bin/artemis" run >>"$LOGS/artemis-$role.log" 2>&1 </dev/null &
    echo $! >"$RUN/artemis-$role.pid"
    if [ "$role" = backup ]; then
        # a backup listens only once it becomes live; it is up when it has announced itself to the live one
        for ((i = 0; i < 240; i++)); do
            tail -c +"$from" "$LOGS/artemis-backup.log" 2>/dev/null | grep -q "AMQ221031\|AMQ221109" && break
            alive artemis-backup || die "Artemis backup exited (see $LOGS/artemis-backup.log)"
            sleep 0.25
        done
        log "Artemis backup waiting on the shared store (pid $(pid_of artemis-backup)), takes over on 127.0.0.1:$(broker_port backup)"
        return 0
    fi
    for ((i = 0; i < 240; i++)); do
        port_open "$(broker_port "$role")" && break
        alive "artemis-$role" || die "Artemis $role exited (see $LOGS/artemis-$role.log)"
        sleep 0.25
    done
    port_open "$(broker_port "$role")" || die "Artemis $role not listening after 60 s"
    log "Artemis $role on 127.0.0.1:$(broker_port "$role") (pid $(pid_of "artemis-$role"))"
}

# ------------------------------------------------------------------ hub nodes

secrets() { # the keys every node must share (docs/operations.md, Several instances): made once, before any node starts
    local f="$RUN/secrets.env"
    [ -f "$f" ] && return 0
    (umask 077 && {
        echo "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
        echo "HUB_WEB_FORM_SECRET=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
        echo "HUB_DEAD_LETTERS_KEY=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
    } >"$f.tmp" && mv "$f.tmp" "$f") || die "could not write $f"
}

node_up() { # n
    local n=$1 port name="node$1"
    port=$(node_port "$n")
    if alive "$name"; then
        log "hub $name already running on 127.0.0.1:$port (pid $(pid_of "$name"))"
        return 0
    fi
    port_open "$port" && die "port $port is taken by something else"
    mkdir -p "$RUN/$name"
    {
        for opt in $JAVA_OPTS; do echo "\"$opt\""; done
        echo "-jar"
        echo "\"$JAR\""
    } >"$RUN/$name/java.args"
    # The JVM arguments go through an @argfile so the command line does not name quarkus-run.jar (broad clean-ups
    # elsewhere on a shared machine leave these nodes alone). The working directory is the project root, so the
    # default reference data (config/demo) is what the nodes load.
    (
        set -a
        # shellcheck disable=SC1090
        . "$RUN/secrets.env"
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/hub"
        QUARKUS_DATASOURCE_USERNAME=postgres
        QUARKUS_DATASOURCE_PASSWORD=unused-trust-auth
        QUARKUS_ARTEMIS_URL="(tcp://127.0.0.1:$(broker_port live),tcp://127.0.0.1:$(broker_port backup))?$URL_OPTIONS"
        QUARKUS_ARTEMIS_USERNAME=$BROKER_USER
        QUARKUS_ARTEMIS_PASSWORD=$BROKER_PASSWORD
        QUARKUS_HTTP_HOST=127.0.0.1
        QUARKUS_HTTP_PORT=$port
        QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true
        QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true
        QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.1
        HUB_DATA_DIR="$RUN/$name/data"
        HUB_EMBEDDED_BROKER_PORT=0
        HUB_PUBLIC_BASE_URL="http://127.0.0.1:$LB_PORT"
        HUB_REFERENCE_DATA_DEMO_FILES="$ROOT/config/demo-access"
        HOSTNAME=$name
        for kv in ${CLUSTER_HUB_ENV:-}; do export "${kv?}"; done
        set +a
        exec setsid java @"$RUN/$name/java.args" >>"$LOGS/$name.log" 2>&1 </dev/null
    ) &
    echo $! >"$RUN/$name.pid"
    log "hub $name starting on 127.0.0.1:$port (pid $(pid_of "$name"), log $LOGS/$name.log)"
}

node_ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' -m 3 "http://127.0.0.1:$(node_port "$1")/q/health/ready")" = 200 ]; }

await_nodes() {
    local n t0 deadline
    t0=$(date +%s)
    deadline=$((t0 + ${CLUSTER_START_MAX:-300}))
    for n in "${NODES[@]}"; do
        until node_ready "$n"; do
            alive "node$n" || die "hub node$n exited (see $LOGS/node$n.log)"
            [ "$(date +%s)" -lt "$deadline" ] || die "hub node$n not ready in ${CLUSTER_START_MAX:-300} s"
            sleep 1
        done
        log "hub node$n ready on 127.0.0.1:$(node_port "$n") after $(($(date +%s) - t0)) s"
    done
}

# ------------------------------------------------------------------ HAProxy

lb_up() {
    if alive haproxy; then
        log "HAProxy already running (pid $(pid_of haproxy))"
        return 0
    fi
    port_open "$LB_PORT" && die "port $LB_PORT is taken by something else"
    local cfg="$RUN/haproxy.cfg" n
    {
        cat <<EOF
# made by deploy/local/cluster.sh
global
    pidfile $RUN/haproxy.pid
    maxconn 2000

defaults
    mode http
    option forwardfor
    option redispatch
    retries 2
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    # the console's live streams (server-sent events) stay open
    timeout tunnel 1h

frontend hub
    bind 127.0.0.1:$LB_PORT
    # what a client says of its own address or scheme is dropped; option forwardfor then names the real address
    http-request del-header X-Forwarded-For
    http-request del-header X-Forwarded-Proto
    http-request del-header Forwarded
    default_backend nodes

backend nodes
    balance roundrobin
    # a node takes traffic once ready (database, broker and pipeline up) and loses it after two failed checks. Requests
    # in flight are left to finish: readiness also drops for a few seconds on every node while the broker fails over,
    # and cutting those requests would turn a 503 the sender retries into a 502 it cannot interpret.
    option httpchk GET /q/health/ready
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
EOF
        for n in "${NODES[@]}"; do echo "    server node$n 127.0.0.1:$(node_port "$n") check"; done
        cat <<EOF

listen stats
    bind 127.0.0.1:$STATS_PORT
    stats enable
    stats uri /stats
    stats refresh 2s
EOF
    } >"$cfg"
    haproxy -c -q -f "$cfg" >>"$LOGS/haproxy.log" 2>&1 || die "haproxy.cfg invalid (see $LOGS/haproxy.log)"
    haproxy -D -f "$cfg" >>"$LOGS/haproxy.log" 2>&1 || die "HAProxy did not start (see $LOGS/haproxy.log)"
    sleep 0.5
    alive haproxy || die "HAProxy did not start (see $LOGS/haproxy.log)"
    log "HAProxy on 127.0.0.1:$LB_PORT (statistics on 127.0.0.1:$STATS_PORT/stats), pid $(pid_of haproxy)"
}

lb_servers() { # name,status per node, from HAProxy's statistics
    curl -s -m 3 "http://127.0.0.1:$STATS_PORT/stats;csv" | awk -F, '$1 == "nodes" && $2 ~ /^node/ {print $2 " " $18}'
}

# ------------------------------------------------------------------ commands

up() {
    mkdir -p "$RUN" "$LOGS"
    RUN=$(cd "$RUN" && pwd)
    LOGS="$RUN/logs"
    preflight
    pg_up
    broker_up live
    broker_up backup
    secrets
    local n
    for n in "${NODES[@]}"; do node_up "$n"; done
    await_nodes
    lb_up
    local i
    for ((i = 0; i < 30; i++)); do
        [ "$(lb_servers | grep -c ' UP$')" = "${#NODES[@]}" ] && break
        sleep 0.5
    done
    status
}

down() {
    [ -d "$RUN" ] || { log "nothing to stop ($RUN does not exist)"; return 0; }
    LOGS="$RUN/logs"
    local n
    stop_pid haproxy 10
    for n in "${NODES[@]}"; do stop_pid "node$n" 40; done
    # the backup first, so stopping the live one does not hand the store over to it
    stop_pid artemis-backup 30
    stop_pid artemis-live 30
    pg_down
    log "stopped"
    if [ "${1:-}" = --wipe ]; then
        rm -rf "$RUN"
        log "deleted $RUN"
    fi
}

status() {
    local n pid state rc=0 role
    printf '%-16s %-8s %-22s %s\n' PART PID ADDRESS STATE
    if [ -f "$RUN/postgres/data/postmaster.pid" ] && port_open "$PG_PORT"; then
        pid=$(head -1 "$RUN/postgres/data/postmaster.pid")
        state=running
    else
        pid=-; state=stopped; rc=1
    fi
    printf '%-16s %-8s %-22s %s\n' postgresql "$pid" "127.0.0.1:$PG_PORT" "$state"
    for role in "${BROKERS[@]}"; do
        if alive "artemis-$role"; then
            pid=$(pid_of "artemis-$role")
            if port_open "$(broker_port "$role")"; then state="running, active (serving clients)"; else state="running, passive (backup waiting)"; fi
        else
            pid=-; state=stopped
        fi
        printf '%-16s %-8s %-22s %s\n' "artemis-$role" "$pid" "127.0.0.1:$(broker_port "$role")" "$state"
    done
    for n in "${NODES[@]}"; do
        if alive "node$n"; then
            pid=$(pid_of "node$n")
            if node_ready "$n"; then state="running, ready"; else state="running, not ready"; fi
        else
            pid=-; state=stopped; rc=1
        fi
        printf '%-16s %-8s %-22s %s\n' "hub-node$n" "$pid" "127.0.0.1:$(node_port "$n")" "$state"
    done
    if alive haproxy; then
        state="running; $(lb_servers | tr '\n' ' ' | sed 's/ *$//; s/\(node[0-9]\) /\1=/g')"
        pid=$(pid_of haproxy)
    else
        pid=-; state=stopped; rc=1
    fi
    printf '%-16s %-8s %-22s %s\n' haproxy "$pid" "127.0.0.1:$LB_PORT" "$state"
    return $rc
}

case "${1:-}" in
up) up ;;
down) down "${2:-}" ;;
status) status ;;
*)
    echo "usage: $0 up | down [--wipe] | status" >&2
    exit 2
    ;;
esac
