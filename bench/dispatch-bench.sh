#!/usr/bin/env bash
# P6: dispatch decision time with 100k volunteers and 10k partners in PostgreSQL.
#
# Starts the packaged hub on a fresh data directory, adds a synthetic district on top of the demo one
# (1,000 grids with a compound each, 100,000 volunteers, 10,000 partners), files reports for volunteer-
# and partner-handled catalog entries at a steady rate, then reads the decision time the dispatcher
# records on every assignment (assignment.decision_us) and prints p50/p95/p99/max by kind; every counted
# decision is kept in decisions.tsv (id, time, kind, microseconds, reason). Rates are whole reports per second.
#
# The first WARMUP reports (default 100) warm the JIT and the caches and are not counted; then the hub gets SETTLE
# seconds (default 30) to finish the warm-up's deliveries and the database's autovacuum before the counted reports.
# The load average and core count at start and end are printed with the results, because the decision time is
# mostly CPU time and the machine may be shared. explain.txt and explain-times.tsv in the results hold EXPLAIN ANALYZE of
# the partner and volunteer candidate queries on the synthetic data (the database's own share of a decision).
#
#   bash bench/dispatch-bench.sh            # defaults: 600 reports at 30/s after 100 warm-up reports
#   REPORTS=2000 RATE=50 WARMUP=200 bash bench/dispatch-bench.sh
#   REPORTS=300 RATE=2 WARMUP=1500 WARMUP_RATE=30 bash bench/dispatch-bench.sh   # decisions one at a time, warm JIT
#
# HUB_JAVA_OPTS adds JVM options to the hub (e.g. -XX:StartFlightRecording=filename=hub.jfr to profile it).
# Needs: target/quarkus-app (mvn -DskipTests package), curl, psql. Uses only 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

REPORTS=${REPORTS:-600}
RATE=${RATE:-30}
WARMUP_RATE=${WARMUP_RATE:-$RATE}
WARMUP=${WARMUP:-100}
SETTLE=${SETTLE:-30}
PORT=${PORT:-8097}
OUT=bench/results/dispatch-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"
DATA=$OUT/data
HUB_PID=

cleanup() {
  if [ -n "$HUB_PID" ] && kill -0 "$HUB_PID" 2>/dev/null; then
    kill "$HUB_PID"; wait "$HUB_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA"
}
trap cleanup EXIT

[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }

echo "machine: $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/machine.txt"
echo "starting the hub (data in $DATA, log $OUT/hub.log)"
# the per-address rate limits (form, Open311, APIs) would refuse a benchmark that files from one address
HUB_DATA_DIR=$DATA HUB_EMBEDDED_BROKER_PORT=0 QUARKUS_HTTP_PORT=$PORT HUB_WEB_REPORTS_PER_MINUTE=1000000 \
  HUB_RATE_LIMITS_OPEN311_PER_MINUTE=1000000 HUB_RATE_LIMITS_API_PER_MINUTE=1000000 \
  HUB_RATE_LIMITS_PARTNER_API_PER_MINUTE=1000000 HUB_RATE_LIMITS_STATUS_PER_MINUTE=1000000 \
  java -Xmx768m ${HUB_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar >"$OUT/hub.log" 2>&1 &
HUB_PID=$!
READY=
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && { READY=1; break; }
  kill -0 "$HUB_PID" || { echo "hub exited, see $OUT/hub.log" >&2; exit 1; }
  sleep 1
done
[ -n "$READY" ] || { echo "hub not ready after 600 s, see $OUT/hub.log" >&2; exit 1; }
PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
PSQL=(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)

echo "adding 1,000 grids, 1,000 compounds, 100,000 volunteers, 10,000 partners"
"${PSQL[@]}" <<'SQL'
-- 250 synthetic grids under each demo community, one compound in each
INSERT INTO place (code, type, parent_id, name_zh)
SELECT 'BG-' || c.code || '-' || g, 'grid', c.id, '压测网格' || g
FROM place c, generate_series(1, 250) g WHERE c.type = 'community';
INSERT INTO place (code, type, parent_id, name_zh, address)
SELECT 'BC-' || substr(g.code, 4), 'compound', g.id, '压测小区' || g.id, '压测路' || g.id || '号'
FROM place g WHERE g.code LIKE 'BG-%';
-- 100 volunteers per grid, each with 2-3 of ten skills; a fifth keep weekday hours only
INSERT INTO volunteer (code, name, phone, grid_id, skills, on_duty)
SELECT 'BV-' || g.id || '-' || n, '压测志愿者', '+86137' || lpad((g.id * 100 + n)::text, 8, '0'), g.id,
       ARRAY[(ARRAY['shopping','companionship','meal-delivery','cleaning','minor-repair','escort','first-aid',
                    'tutoring','legal','patrol'])[1 + (g.id + n) % 10],
             (ARRAY['shopping','companionship','meal-delivery','cleaning','minor-repair','escort','first-aid',
                    'tutoring','legal','patrol'])[1 + (g.id * 7 + n * 3) % 10],
             (ARRAY['first-aid','escort','shopping'])[1 + n % 3]],
       CASE WHEN n % 5 = 0 THEN ARRAY['mon-fri 08:00-18:00'] ELSE '{}'::text[] END
FROM place g, generate_series(1, 100) n WHERE g.code LIKE 'BG-%';
-- 10,000 partners of the ten organization types, each serving one synthetic grid or a community
INSERT INTO partner (code, type, name_zh, delivery_channel)
SELECT 'BP-' || n, (ARRAY['residents-committee','owners-committee','property-firm','police-desk','service-provider',
       'volunteer-team','grid-team','mediation','health-station','legal-aid'])[1 + n % 10], '压测单位' || n, 'portal'
FROM generate_series(1, 10000) n;
INSERT INTO partner_area (partner_id, place_id)
SELECT p.id, CASE WHEN p.id % 50 = 0
                  THEN (SELECT id FROM place WHERE type = 'community' ORDER BY id OFFSET (p.id % 4) LIMIT 1)
                  ELSE (SELECT id FROM place WHERE code = 'BG-' || (SELECT code FROM place WHERE type = 'community'
                        ORDER BY id OFFSET (p.id % 4) LIMIT 1) || '-' || (1 + p.id % 250)) END
FROM partner p WHERE p.code LIKE 'BP-%';
ANALYZE;
SQL
echo "volunteers: $("${PSQL[@]}" -c "select count(*) from volunteer")," \
     "partners: $("${PSQL[@]}" -c "select count(*) from partner")"

mapfile -t COMPOUNDS < <("${PSQL[@]}" -c "select code from place where code like 'BC-%' order by random() limit 200")
CATEGORIES=(shopping-help meal-delivery companionship urgent-help property-repair sanitation public-order
            neighbour-dispute home-services opinions)

# file_reports FIRST COUNT RATE: COUNT reports at RATE/s, then wait until every ticket filed so far is past dispatch.
# One curl process files them all from a config file, paced by curl's own --rate (one request at a time; the form
# answers in milliseconds), so the load generator does not fork a process per report on the hub's two cores.
file_reports() {
  local first=$1 count=$2 rate=$3 i c p requests=$OUT/requests-$1.curl
  : >"$requests"
  for i in $(seq "$first" $((first + count - 1))); do
    c=${CATEGORIES[$((i % ${#CATEGORIES[@]}))]}
    p=${COMPOUNDS[$((i % ${#COMPOUNDS[@]}))]}
    [ "$i" -gt "$first" ] && echo next >>"$requests"
    printf '%s\n' "url = \"http://127.0.0.1:$PORT/report\"" 'header = "Accept: application/json"' \
      'output = "/dev/null"' 'write-out = "%{http_code}\n"' "data-urlencode = \"category=$c\"" \
      "data-urlencode = \"compound=$p\"" "data-urlencode = \"phone=1360000$(printf %04d "$i")\"" \
      "data-urlencode = \"description=压测工单 $i $c\"" >>"$requests"
  done
  curl -s --rate "$rate/s" -K "$requests" >>"$OUT/status-codes.txt"
  rm -f "$requests"
  for _ in $(seq 1 300); do
    done_count=$("${PSQL[@]}" -c "select count(*) from ticket where status <> 'RECEIVED'")
    [ "$done_count" -ge $((first + count - 1)) ] && break
    sleep 1
  done
}

if [ "$WARMUP" -gt 0 ]; then
  echo "warming up with $WARMUP reports at $WARMUP_RATE/s (not counted)"
  file_reports 1 "$WARMUP" "$WARMUP_RATE"
  # the warm-up leaves deliveries, texts and autovacuum work behind it; let them finish before counting
  echo "settling for $SETTLE s"
  sleep "$SETTLE"
fi
MARK=$("${PSQL[@]}" -c "select coalesce(max(id), 0) from assignment")
echo "filing $REPORTS reports at $RATE/s"
START=$(date +%s.%N)
file_reports $((WARMUP + 1)) "$REPORTS" "$RATE"
echo "answers: $(sort "$OUT/status-codes.txt" | uniq -c | tr '\n' ' ')"
ELAPSED=$(awk -v s="$START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"

# The database's share: the candidate queries the selectors run (as the hub sends them, with the place chain
# as literal ids), on one synthetic compound; each shape 7 times, the full plan of the last run in explain.txt
# and every run's execution time in explain-times.tsv. "before" is the shape of an earlier round (5b5f933..899b07f),
# kept for comparison under the same load; "after" is what the hub sends now. The place chain is no longer read
# per decision (the hierarchy is held in memory); chain-after is the query used when the cache cannot answer.
SAMPLE=BC-SN-01-03-7
CHAIN=$("${PSQL[@]}" -c "with recursive chain (id, parent_id) as (select id, parent_id from place where code = '$SAMPLE'
  union all select p.id, p.parent_id from place p join chain c on p.id = c.parent_id) select string_agg(id::text, ',') from chain")
GRID=$("${PSQL[@]}" -c "select parent_id from place where code = '$SAMPLE'")
SAMPLE_ID=$("${PSQL[@]}" -c "select id from place where code = '$SAMPLE'")
PARTNER_SELECT="SELECT DISTINCT p.*, pl.*, s.catalog_code FROM partner p LEFT JOIN partner_area a ON a.partner_id = p.id
  LEFT JOIN place pl ON pl.id = a.place_id LEFT JOIN partner_service s ON s.partner_id = p.id
  WHERE p.type = 'property-firm' AND p.active"
# the statement dispatch_nearest_partner (V68) runs for each party type in order until one answers; here the first
partner_of_type() {
  echo "SELECT p.id, pa.place_id, p.code, p.type FROM partner_area pa JOIN partner p ON p.id = pa.partner_id
    WHERE pa.place_id = ANY('{$CHAIN}'::bigint[]) AND pa.partner_type = '$1' AND p.active
    AND p.id <> ALL('{}'::bigint[]) AND (NOT EXISTS (SELECT 1 FROM partner_service s WHERE s.partner_id = p.id)
         OR EXISTS (SELECT 1 FROM partner_service s WHERE s.partner_id = p.id AND s.catalog_code = 'property-repair'))
    ORDER BY array_position('{$CHAIN}'::bigint[], pa.place_id), p.code LIMIT 1"
}
PARTNER_OF_TYPE=$(partner_of_type property-firm)
declare -A SHAPES=(
  [chain-before]="WITH RECURSIVE chain (id, depth) AS (SELECT CAST($SAMPLE_ID AS bigint), 0 UNION ALL
    SELECT p.parent_id, c.depth + 1 FROM place p JOIN chain c ON p.id = c.id WHERE p.parent_id IS NOT NULL
    AND c.depth < 16) SELECT pl.* FROM chain c JOIN place pl ON pl.id = c.id ORDER BY c.depth"
  [chain-after]="WITH RECURSIVE chain AS (SELECT pl.*, 0 AS depth FROM place pl WHERE pl.id = $SAMPLE_ID UNION ALL
    SELECT p.*, c.depth + 1 FROM place p JOIN chain c ON p.id = c.parent_id WHERE c.depth < 16)
    SELECT * FROM chain ORDER BY depth"
  [partner-before]="$PARTNER_SELECT AND p.id IN (SELECT q.id FROM partner q JOIN partner_area qa ON qa.partner_id = q.id
    WHERE qa.place_id IN ($CHAIN))"
  [partner-after]="$PARTNER_OF_TYPE"
)
VOLUNTEER_REST="v LEFT JOIN place g ON g.id = v.grid_id LEFT JOIN place c ON c.id = g.parent_id
  WHERE v.skills @> ARRAY['first-aid', 'escort']
  AND NOT EXISTS (SELECT 1 FROM volunteer_unavailability u WHERE u.volunteer_id = v.id AND u.starts_at <= now()
                  AND u.ends_at > now())
  ORDER BY tier, load, v.last_offered_at NULLS FIRST, v.code LIMIT 50"
VOLUNTEER_SELECT="SELECT v.id, CASE WHEN v.grid_id = $GRID THEN 0 ELSE 3 END AS tier,
  (SELECT count(*) FROM assignment a WHERE a.volunteer_id = v.id
    AND a.state IN ('OFFERED', 'ACCEPTED', 'IN_PROGRESS', 'RETURNED')) AS load"
SHAPES[volunteer-grid-before]="$VOLUNTEER_SELECT FROM (SELECT * FROM volunteer WHERE active AND grid_id IN ($GRID)
  OFFSET 0) $VOLUNTEER_REST"
SHAPES[volunteer-grid-after]="$VOLUNTEER_SELECT, v.on_duty, v.code FROM (SELECT id, grid_id, skills, on_duty, last_offered_at, code
  FROM volunteer WHERE active AND grid_id = ANY('{$GRID}'::bigint[]) OFFSET 0) $VOLUNTEER_REST"
: >"$OUT/explain.txt"
printf 'query\trun\texecution_ms\n' >"$OUT/explain-times.tsv"
for name in chain-before chain-after partner-before partner-after volunteer-grid-before volunteer-grid-after; do
  for run in 1 2 3 4 5 6 7; do
    plan=$("${PSQL[@]}" -c "EXPLAIN (ANALYZE, BUFFERS) ${SHAPES[$name]}")
    printf '%s\t%s\t%s\n' "$name" "$run" "$(sed -n 's/^Execution Time: \([0-9.]*\) ms/\1/p' <<<"$plan")" \
      >>"$OUT/explain-times.tsv"
  done
  printf '== %s\n%s\n\n' "$name" "$plan" >>"$OUT/explain.txt"
done
echo
echo "database execution time of the candidate queries (7 runs each, ms):"
awk -F'\t' 'NR > 1 { t[$1] = t[$1] " " $3 } END { for (q in t) print "  " q ":" t[q] }' "$OUT/explain-times.tsv" | sort

echo
echo "| decision | n | p50 ms | p95 ms | p99 ms | max ms |"
echo "|---|---|---|---|---|---|"
"${PSQL[@]}" -F ' | ' -c "
  select case when volunteer_id is null then 'partner' else 'volunteer' end, count(*),
         round((percentile_cont(0.50) within group (order by decision_us) / 1000.0)::numeric, 2),
         round((percentile_cont(0.95) within group (order by decision_us) / 1000.0)::numeric, 2),
         round((percentile_cont(0.99) within group (order by decision_us) / 1000.0)::numeric, 2),
         round((max(decision_us) / 1000.0)::numeric, 2)
  from assignment where decision_us is not null and id > $MARK group by 1 order by 1" | sed 's/^/| /; s/$/ |/' | tee "$OUT/p6.md"
# every counted decision, for other cuts (by catalog entry, by fallback depth, over time)
"${PSQL[@]}" -c "\\copy (select a.id, a.offered_at, case when a.volunteer_id is null then 'partner' else 'volunteer' end, a.decision_us, a.reason from assignment a where a.decision_us is not null and a.id > $MARK order by a.id) to '$OUT/decisions.tsv'"
echo
echo "tickets past dispatch: $done_count of $((WARMUP + REPORTS)) (the last $REPORTS counted, filed in ${ELAPSED}s) (escalated: $("${PSQL[@]}" -c \
  "select count(*) from ticket where status = 'TRIAGE'")); raw results in $OUT"
