#!/usr/bin/env bash
# Benchmark: listing accounts with 10,000 accounts loaded, against a trivial endpoint in the same
# runtime, measured with wrk over loopback. Runs on a throw-away copy of the built distribution
# (embedded H2, the default), on free ports, and removes it afterwards.
#
#   bench/accounts-list.sh [seconds per endpoint, default 20]
set -euo pipefail

DURATION="${1:-20}"
ACCOUNTS=10000
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
. "$(dirname "$0")/lib.sh"

echo "== starting a throw-away panel on port $CASTPANEL_HTTP_PORT" >&2
bench_start_panel
ADMIN=$(admin_token)
PLAN=$(post /reseller-plans "$ADMIN" '{"name":"Bench"}' | json '["id"]')
RESELLER_ID=$(post /accounts "$ADMIN" "{\"username\":\"bench-reseller\",\"password\":\"bench-pw\",\"name\":\"Bench Reseller\",\"resellerPlanId\":$PLAN}" | json '["id"]')

echo "== loading $ACCOUNTS customer accounts under the reseller ($BENCH_DB, panel stopped)" >&2
bench_stop_panel
if [ "$BENCH_DB" = mariadb ]; then
  mariadb -uroot -h127.0.0.1 "$BENCH_DB_NAME" <<SQL
INSERT INTO cp_account (id, username, username_lc, password_hash, name, email, account_type, enabled, api_access,
  accessibility, send_welcome_email, timezone, language, parent_id, path, failed_logins, created_at, updated_at, version)
SELECT 1000000 + seq, CONCAT('customer-', seq), CONCAT('customer-', seq),
  (SELECT password_hash FROM cp_account WHERE id = $RESELLER_ID), CONCAT('Customer ', seq),
  CONCAT('customer', seq, '@example.com'), 'CUSTOMER', TRUE, TRUE, FALSE, FALSE, 'UTC', 'en',
  $RESELLER_ID, CONCAT('/1/$RESELLER_ID/', 1000000 + seq, '/'), 0, 0, 0, 0
FROM seq_1_to_$ACCOUNTS;
SQL
else
  H2_JAR=$(find "$HOME_DIR/system/com/h2database" -name 'h2-*.jar' | head -1)
  cat > "$HOME_DIR/seed.sql" <<SQL
INSERT INTO cp_account (id, username, username_lc, password_hash, name, email, account_type, enabled, api_access,
  accessibility, send_welcome_email, timezone, language, parent_id, path, failed_logins, created_at, updated_at, version)
SELECT 1000000 + X, 'customer-' || X, 'customer-' || X, (SELECT password_hash FROM cp_account WHERE id = $RESELLER_ID),
  'Customer ' || X, 'customer' || X || '@example.com', 'CUSTOMER', TRUE, TRUE, FALSE, FALSE, 'UTC', 'en',
  $RESELLER_ID, '/1/$RESELLER_ID/' || (1000000 + X) || '/', 0, 0, 0, 0
FROM SYSTEM_RANGE(1, $ACCOUNTS);
SQL
  java -cp "$H2_JAR" org.h2.tools.RunScript -url "jdbc:h2:$HOME_DIR/data/castpanel/castpanel" -user castpanel \
    -password castpanel -script "$HOME_DIR/seed.sql"
fi
bench_start_panel
ADMIN=$(admin_token)
RESELLER=$(login bench-reseller bench-pw)
TOTAL=$(curl -sf "$BASE/accounts?size=1" -H "Authorization: Bearer $ADMIN" | json '["total"]')
echo "== accounts in the panel: $TOTAL" >&2

cat > "$HOME_DIR/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.errors.status + summary.errors.connect + summary.errors.timeout))
end
LUA

measure() { # label token path
  wrk -t1 -c8 -d5s -H "Authorization: Bearer $2" "$BASE$3" >/dev/null # warm-up (JIT)
  local line
  line=$(wrk -t1 -c8 -d"${DURATION}s" -s "$HOME_DIR/report.lua" -H "Authorization: Bearer $2" "$BASE$3" | grep '^RESULT')
  read -r _ rps p50 p95 errors <<<"$line"
  printf '| %-44s | %8s | %7s | %7s | %6s |\n' "$1" "$rps" "$p50" "$p95" "$errors" >&3
  echo "$rps"
}

echo
echo "| endpoint ($TOTAL accounts, wrk 1 thread, 8 connections, ${DURATION}s) | req/s | p50 ms | p95 ms | errors |"
echo "|---|---:|---:|---:|---:|"
exec 3>&1
HEALTH=$(measure "GET /health (trivial, no auth, no database)" "$ADMIN" "/health")
ME=$(measure "GET /me (auth + one row)" "$ADMIN" "/me")
LIST=$(measure "GET /accounts?page=0&size=25 (administrator)" "$ADMIN" "/accounts?page=0&size=25")
DEEP=$(measure "GET /accounts?page=300&size=25 (deep page)" "$ADMIN" "/accounts?page=300&size=25")
RES=$(measure "GET /accounts?page=0&size=25 (reseller subtree)" "$RESELLER" "/accounts?page=0&size=25")
SEARCH=$(measure "GET /accounts?q=customer-77 (search)" "$ADMIN" "/accounts?q=customer-77")
exec 3>&-
PID=$(cat "$HOME_DIR/karaf.pid")
RSS=$(ps -o rss= -p "$PID" | tr -d ' ')
echo
python3 - "$HEALTH" "$LIST" "$RES" "$RSS" <<'PY'
import sys
health, lst, res, rss = map(float, sys.argv[1:])
print(f"list / trivial throughput: administrator {lst / health:.2f}x, reseller {res / health:.2f}x (target >= 0.3x)")
print(f"panel resident memory after the run: {rss / 1024:.0f} MiB")
PY
