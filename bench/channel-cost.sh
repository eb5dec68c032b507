#!/usr/bin/env bash
# CPU per contact, by channel, at a steady rate: the hub against a standalone Artemis and an external PostgreSQL (the
# fault suite's set-up, faults/run.sh R6 with no fault before its SIGTERM), one channel at a time, and the CPU time of
# each process (hub JVM, broker, PostgreSQL, load driver, partner sink) over the last 60 s before the SIGTERM, when
# the JIT is warm. Answers the question the mixed load of targets.md P1 raises: what one contact of each channel
# costs, and where (the edge's answer, the pipeline, the database, the broker).
#
#   mvn -B -DskipTests package      # once; this script builds nothing
#   bench/channel-cost.sh            # form sms wechat open311 idle, 50 new contacts/s, ~4 min each
#
# Settings (environment): COST_CHANNELS="form sms wechat open311 idle" (idle: 1 form/s, the hub's own background)
#   COST_RATE=50  COST_LOAD_S=150 (load before the SIGTERM; the last 60 s are measured)  COST_OUT=dir
#   COST_PG_STATEMENTS=1 (pg_stat_statements on: statements and commits per contact, the costliest statements)
#   Anything faults/run.sh reads passes through (e.g. FAULTS_HUB_JAVA_OPTS, HUB_* settings of the hub).
# Results: COST_OUT/summary.md (the table, then per channel the database's statements per acknowledged contact over the
# whole run), per channel the fault suite's results (<channel>/R6/db/statements.tsv) and the CPU samples.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
ROOT=$(pwd)
CHANNELS=${COST_CHANNELS:-"form sms wechat open311 idle"}
RATE=${COST_RATE:-50}
LOAD_S=${COST_LOAD_S:-150}
OUT=${COST_OUT:-$ROOT/bench/results/cost-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT" && OUT=$(cd "$OUT" && pwd)

sample() { # every 5 s: epoch and cumulative CPU seconds of hub, broker, postgres, driver, sink (one ps per sample)
    while true; do
        ps -eo times=,args= | awk -v t="$(date +%s)" '
            /hub\.args/ {h += $1} /artemis|activemq/ && !/awk/ {b += $1} $2 ~ /^postgres/ {p += $1}
            /FaultLoad/ && !/awk/ {d += $1} /PartnerSink/ && !/awk/ {s += $1}
            END {print t "\t" h + 0 "\t" b + 0 "\t" p + 0 "\t" d + 0 "\t" s + 0}'
        sleep 5
    done
}

for ch in $CHANNELS; do
    mix=$ch rate=$RATE
    [ "$ch" = idle ] && mix=form rate=1
    sample >"$OUT/$ch.cpu.tsv" &
    sp=$!
    FAULTS_PG_STATEMENTS=${COST_PG_STATEMENTS:-1} FAULTS_OUT="$OUT/$ch" FAULTS_MIX="$mix:100" FAULTS_RATE=$rate FAULTS_R6_AFTER_S=$LOAD_S FAULTS_LEAD_S=0 \
        "$ROOT/faults/run.sh" R6 >"$OUT/$ch.log" 2>&1
    kill "$sp" 2>/dev/null; wait "$sp" 2>/dev/null
done

python3 - "$OUT" $CHANNELS <<'PY'
import sys
out, chans = sys.argv[1], sys.argv[2:]
names = ["hub", "broker", "PostgreSQL", "driver", "sink"]
rows = []
for ch in chans:
    d = f"{out}/{ch}/R6"
    try:
        ev = [l.rstrip("\n").split("\t") for l in open(d + "/events.tsv")]
        down = next(int(e[0]) for e in ev if e[1] == "hub-down") // 1000
        s = [list(map(int, l.split())) for l in open(f"{out}/{ch}.cpu.tsv") if l[:1].isdigit()]
    except (OSError, StopIteration, ValueError):
        rows.append(f"| {ch} | (no result: see {ch}.log) |"); continue
    w = [r for r in s if down - 65 <= r[0] <= down - 2]
    if len(w) < 2:
        rows.append(f"| {ch} | (too few samples) |"); continue
    a, b = w[0], w[-1]; dt = b[0] - a[0]
    acks = new = 0
    for l in open(d + "/ledger.tsv"):
        f = l.rstrip("\n").split("\t")
        if len(f) < 10 or not f[0].isdigit():
            continue
        if a[0] <= int(f[6]) // 1000 < b[0] and f[9].startswith("ack"):
            acks += 1; new += f[2] == "new"
    cpu = [b[i + 1] - a[i + 1] for i in range(5)]
    per = lambda c: f"{1000 * c / acks:.1f}" if acks else "-"
    rows.append(f"| {ch} | {dt} | {acks / dt:.1f} ({new / dt:.1f} new) | " + " | ".join(
        f"{100 * c / dt:.0f} % / {per(c)}" for c in cpu) + " |")
stmts = []
for ch in chans:
    d = f"{out}/{ch}/R6"
    try:
        rows_s = [l.rstrip("\n").split("\t") for l in open(d + "/db/statements.tsv") if l.strip()]
        acked = sum(1 for l in open(d + "/ledger.tsv")
                    if len(l.split("\t")) >= 10 and l.split("\t")[9].startswith("ack"))
    except OSError:
        continue
    if not acked or not rows_s:
        continue
    calls = sum(int(r[0]) for r in rows_s)
    commits = sum(int(r[0]) for r in rows_s if r[3].strip().upper() == "COMMIT")
    stmts.append(f"\n**{ch}**: {calls / acked:.1f} statements and {commits / acked:.2f} commits per acknowledged"
                 f" contact ({acked} acknowledged over the whole run); the costliest:\n")
    stmts.append("| calls per contact | ms per contact | statement |\n|---|---|---|")
    for r in rows_s[:8]:
        stmts.append(f"| {int(r[0]) / acked:.2f} | {float(r[1]) / acked:.3f} | `{r[3][:150].replace('|', '/')}` |")
head = "| channel | window s | acknowledged/s | " + " | ".join(f"{n}: CPU / ms per ack" for n in names) + " |"
table = "\n".join([head, "|" + "---|" * (3 + len(names))] + rows)
table += "\n" + "\n".join(stmts)
open(f"{out}/summary.md", "w").write(table + "\n")
print(table)
PY
