#!/usr/bin/env bash
# Benchmark: 50 SHOUTcast services started through the API (one bulk request + the queue) until
# every sc_serv answers, against the same 50 configs started by hand. sc_serv is proprietary, so
# both sides run the DNAS simulator (simulators/shoutcast-dnas): the ratio measures the panel's
# share, not the DNAS's. Everything is removed afterwards.
#
#   bench/shoutcast.sh [services, default 50]
set -euo pipefail
SERVICES="${1:-50}"
ROOT_DIR="$(cd "$(dirname "$0")/.." && pwd)"
CLASSES="$ROOT_DIR/simulators/shoutcast-dnas/target/classes"
[ -d "$CLASSES" ] || { echo "build first (./castpanel build): $CLASSES is missing" >&2; exit 1; }
. "$(dirname "$0")/lib.sh"
STORAGE=$(mktemp -d /tmp/castpanel-bench-storage-XXXX); chmod 755 "$STORAGE"
SIM=$(mktemp -d /tmp/castpanel-bench-dnas-XXXX)
LAUNCHER=$(java -cp "$CLASSES" org.castpanel.simulator.dnas.DnasSimulator --install "$SIM")
for kv in "storageRoot $STORAGE" "portRangeStart 32000" "portRangeEnd 32999" "publicHostname 127.0.0.1"; do
  set_cfg "$HOME_DIR/etc/org.castpanel.platform.cfg" $kv
done
printf 'statsSeconds = 5\nworkers = %s\n' "${BENCH_WORKERS:-4}" > "$HOME_DIR/etc/org.castpanel.provisioning.cfg"
printf 'binary = %s\nuser = nobody\n' "$LAUNCHER" > "$HOME_DIR/etc/org.castpanel.engine.shoutcast.cfg"
trap 'bench_cleanup; kill_daemons_of "$STORAGE"; rm -rf "$STORAGE" "$SIM"' EXIT  # the panel first: it would restart what is killed before it
answers_all() { # ports...
  for port in "$@"; do curl -sf -o /dev/null "http://127.0.0.1:$port/statistics?json=1" || return 1; done
}

echo "== starting a throw-away panel on port $CASTPANEL_HTTP_PORT" >&2
bench_start_panel
ADMIN=$(admin_token)
await_engine "$ADMIN" shoutcast2
IDS=()
for i in $(seq 1 "$SERVICES"); do
  IDS+=("$(post /services "$ADMIN" "{\"engineType\":\"shoutcast2\",\"name\":\"bench $i\"}" | json '["id"]')")
done

echo "== starting $SERVICES SHOUTcast services through the API" >&2
t0=$(now_ms)
ID_LIST=$(IFS=,; echo "${IDS[*]}")
post /services/actions "$ADMIN" "{\"action\":\"start\",\"serviceIds\":[$ID_LIST]}" >/dev/null
PORTS=()
for id in "${IDS[@]}"; do
  until [ -f "$STORAGE/services/service_$id/sc_serv.conf" ]; do sleep 0.05; done
  PORTS+=("$(grep -o '^portbase=[0-9]*' "$STORAGE/services/service_$id/sc_serv.conf" | cut -d= -f2)")
done
until answers_all "${PORTS[@]}"; do sleep 0.1; done
t1=$(now_ms)
PANEL_PID=$(cat "$HOME_DIR/karaf.pid")
RSS=$(ps -o rss= -p "$PANEL_PID" | tr -d ' ')

echo "== stopping them, then starting the same $SERVICES configs by hand" >&2
post /services/actions "$ADMIN" "{\"action\":\"stop\",\"serviceIds\":[$ID_LIST]}" >/dev/null
for port in "${PORTS[@]}"; do while curl -sf -o /dev/null "http://127.0.0.1:$port/statistics?json=1"; do sleep 0.1; done; done
t2=$(now_ms)
for id in "${IDS[@]}"; do
  (cd "$STORAGE/services/service_$id" && setsid "$LAUNCHER" "$STORAGE/services/service_$id/sc_serv.conf" >/dev/null 2>&1 < /dev/null &)
done
until answers_all "${PORTS[@]}"; do sleep 0.1; done
t3=$(now_ms)
pkill -f "$STORAGE/services" || true

python3 - "$SERVICES" "$((t1 - t0))" "$((t3 - t2))" "$RSS" <<'PY'
import sys
n, panel_ms, hand_ms, rss = map(int, sys.argv[1:])
print(f"| {n} SHOUTcast services started through the API, until all answer (DNAS simulator) | {panel_ms} ms |")
print(f"| the same {n} configs started by hand (DNAS simulator), until all answer | {hand_ms} ms |")
print(f"| ratio | {panel_ms / hand_ms:.2f} |")
print(f"| panel resident memory with {n} SHOUTcast services running | {rss / 1024:.0f} MiB |")
PY
