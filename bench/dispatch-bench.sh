#!/usr/bin/env bash
# P6: dispatch decision time with 100k volunteers and 10k partners in PostgreSQL.
#
# Starts the packaged hub on a fresh data directory, adds a synthetic district on top of the demo one
# (1,000 grids with a compound each, 100,000 volunteers, 10,000 partners), files reports for volunteer-
# and partner-handled catalog entries at a steady rate, then reads the decision time the dispatcher
# records on every assignment (assignment.decision_us) and prints p50/p95/p99/max by kind.
#
#   bash bench/dispatch-bench.sh            # defaults: 600 reports at 30/s
#   REPORTS=2000 RATE=50 bash bench/dispatch-bench.sh
#
# Needs: target/quarkus-app (mvn -DskipTests package), curl, psql. Uses only 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

REPORTS=${REPORTS:-600}
RATE=${RATE:-30}
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

echo "starting the hub (data in $DATA, log $OUT/hub.log)"
HUB_DATA_DIR=$DATA HUB_EMBEDDED_BROKER_PORT=0 QUARKUS_HTTP_PORT=$PORT \
  java -Xmx768m -jar target/quarkus-app/quarkus-run.jar >"$OUT/hub.log" 2>&1 &
HUB_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break
  kill -0 "$HUB_PID" || { echo "hub exited, see $OUT/hub.log" >&2; exit 1; }
  sleep 1
done
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
echo "filing $REPORTS reports at $RATE/s"
START=$(date +%s.%N)
CURLS=()
for i in $(seq 1 "$REPORTS"); do
  c=${CATEGORIES[$((i % ${#CATEGORIES[@]}))]}
  p=${COMPOUNDS[$((i % ${#COMPOUNDS[@]}))]}
  curl -s -o /dev/null -w '%{http_code}\n' -X POST "http://127.0.0.1:$PORT/report" -H 'Accept: application/json' \
    --data-urlencode "category=$c" --data-urlencode "compound=$p" \
    --data-urlencode "phone=1360000$(printf %04d "$i")" \
    --data-urlencode "description=压测工单 $i $c" >>"$OUT/status-codes.txt" &
  CURLS+=($!)
  sleep "$(awk -v r="$RATE" 'BEGIN { printf "%.4f", 1 / r }')"
done
wait "${CURLS[@]}"
echo "answers: $(sort "$OUT/status-codes.txt" | uniq -c | tr '\n' ' ')"

for _ in $(seq 1 120); do
  done_count=$("${PSQL[@]}" -c "select count(*) from ticket where status <> 'RECEIVED'")
  [ "$done_count" -ge "$REPORTS" ] && break
  sleep 1
done
ELAPSED=$(awk -v s="$START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')

echo
echo "| decision | n | p50 ms | p95 ms | p99 ms | max ms |"
echo "|---|---|---|---|---|---|"
"${PSQL[@]}" -F ' | ' -c "
  select case when volunteer_id is null then 'partner' else 'volunteer' end, count(*),
         round((percentile_cont(0.50) within group (order by decision_us) / 1000.0)::numeric, 2),
         round((percentile_cont(0.95) within group (order by decision_us) / 1000.0)::numeric, 2),
         round((percentile_cont(0.99) within group (order by decision_us) / 1000.0)::numeric, 2),
         round((max(decision_us) / 1000.0)::numeric, 2)
  from assignment where decision_us is not null group by 1 order by 1" | sed 's/^/| /; s/$/ |/' | tee "$OUT/p6.md"
echo
echo "tickets past dispatch: $done_count of $REPORTS in ${ELAPSED}s (escalated: $("${PSQL[@]}" -c \
  "select count(*) from ticket where status = 'TRIAGE'")); raw results in $OUT"
