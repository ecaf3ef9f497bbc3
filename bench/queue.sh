#!/usr/bin/env bash
# Benchmark: the action queue on the test engine, and how fast a plugin installed at runtime is
# listed. Throw-away panel (embedded H2), removed afterwards.
#
#   bench/queue.sh [services, default 100] [actions per service, default 10]
set -euo pipefail
SERVICES="${1:-100}"
PER_SERVICE="${2:-10}"
. "$(dirname "$0")/lib.sh"

# a console user for feature:install, for this throw-away copy only
CONSOLE_PW=$(head -c 12 /dev/urandom | base64 | tr -d '/+=')
printf 'bench = %s,_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n' "$CONSOLE_PW" > "$HOME_DIR/etc/users.properties"

echo "== starting a throw-away panel on port $CASTPANEL_HTTP_PORT" >&2
bench_start_panel
ADMIN=$(admin_token)
listed() { curl -sf "$BASE/engines/test-audio" -H "Authorization: Bearer $ADMIN" 2>/dev/null | grep -q '"available":true'; }

echo "== feature:install castpanel-engine-test" >&2
t0=$(now_ms)
printf 'feature:install castpanel-engine-test\n' | "$HOME_DIR/bin/client" -a "$CASTPANEL_SSH_PORT" -u bench -p "$CONSOLE_PW" -b >/dev/null 2>&1
t1=$(now_ms)
for _ in $(seq 1 600); do listed && break; sleep 0.05; done
listed || { echo "the test engine was not listed; see $HOME_DIR/data/log/karaf.log" >&2; exit 1; }
t2=$(now_ms)

echo "== creating $SERVICES services and starting them (each start spawns a real daemon)" >&2
IDS=()
for i in $(seq 1 "$SERVICES"); do
  IDS+=("$(post /services "$ADMIN" "{\"engineType\":\"test-audio\",\"name\":\"bench $i\"}" | json '["id"]')")
done
wait_all_done() { # expected number of finished actions across all services
  python3 - "$BASE" "$ADMIN" "$1" "${IDS[@]}" <<'PY'
import json, sys, time, urllib.request
base, token, expected, ids = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
def actions(sid):
    req = urllib.request.Request(f"{base}/services/{sid}/actions?size=200", headers={"Authorization": "Bearer " + token})
    return json.load(urllib.request.urlopen(req))["items"]
deadline = time.time() + 600
while True:
    rows = [a for sid in ids for a in actions(sid)]
    done = [a for a in rows if a["status"] in ("SUCCEEDED", "FAILED")]
    if len(done) >= expected:
        break
    if time.time() > deadline:
        sys.exit("timed out")
    time.sleep(0.2)
print(json.dumps(rows))
PY
}
start_cold=$(now_ms)
for id in "${IDS[@]}"; do post "/services/$id/actions" "$ADMIN" '{"action":"start"}' >/dev/null; done
wait_all_done "$SERVICES" > "$HOME_DIR/cold.json"
end_cold=$(now_ms)

TOTAL=$((SERVICES * PER_SERVICE))
echo "== queueing $TOTAL start actions on running services (engine work is a no-op: measures the panel)" >&2
enqueue_start=$(now_ms)
# one client, one request after another: the workers are never starved of CPU by the load itself
for round in $(seq 1 "$PER_SERVICE"); do
  for id in "${IDS[@]}"; do post "/services/$id/actions" "$ADMIN" '{"action":"start"}' >/dev/null; done
done
enqueue_end=$(now_ms)
wait_all_done "$((TOTAL + SERVICES))" > "$HOME_DIR/warm.json"
PID=$(cat "$HOME_DIR/karaf.pid")
RSS=$(ps -o rss= -p "$PID" | tr -d ' ')

python3 - "$HOME_DIR/cold.json" "$HOME_DIR/warm.json" "$SERVICES" "$TOTAL" "$((t1 - t0))" "$((t2 - t1))" \
  "$((end_cold - start_cold))" "$((enqueue_end - enqueue_start))" "$RSS" <<'PY'
import json, sys
from datetime import datetime
def ms(t): return datetime.fromisoformat(t.replace("Z", "+00:00")).timestamp() * 1000
cold = json.load(open(sys.argv[1])); warm = json.load(open(sys.argv[2]))
services, total = int(sys.argv[3]), int(sys.argv[4])
install_cmd, install_listed, cold_wall, enqueue_wall, rss = map(int, sys.argv[5:10])
rows = sorted(warm, key=lambda a: a["id"])
batch = [a for a in rows if a["id"] > max(c["id"] for c in cold)]
failed = [a for a in batch if a["status"] != "SUCCEEDED"]
first_queued = min(ms(a["createdAt"]) for a in batch)
last_done = max(ms(a["finishedAt"]) for a in batch)
run = sorted(ms(a["finishedAt"]) - ms(a["startedAt"]) for a in batch)
wait = sorted(ms(a["finishedAt"]) - ms(a["createdAt"]) for a in batch)
p = lambda xs, q: xs[min(len(xs) - 1, int(q * len(xs)))]
print(f"| feature:install castpanel-engine-test (console client, incl. its JVM start) | {install_cmd} ms |")
print(f"| engine listed by GET /engines after feature:install returned | {install_listed} ms |")
print(f"| {services} cold starts (each spawns a daemon), enqueue to all done | {cold_wall} ms |")
print(f"| {total} actions enqueued over HTTP by one client | {enqueue_wall} ms ({enqueue_wall / total:.2f} ms each) |")
print(f"| {total} queued actions: first queued to last done | {last_done - first_queued:.0f} ms ({total / ((last_done - first_queued) / 1000):.0f} actions/s) |")
print(f"| panel time per action (claimed to done, engine no-op): mean / p95 | {sum(run) / len(run):.2f} / {p(run, .95):.2f} ms |")
print(f"| failed actions | {len(failed)} |")
print(f"| panel resident memory with {services} services | {rss / 1024:.0f} MiB |")
PY
