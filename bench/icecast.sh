#!/usr/bin/env bash
# Benchmark: 100 Icecast services created and started through the API, timed until every one
# answers, against starting the same 100 icecast2 configs by hand; panel memory with them
# running; panel CPU per statistics pass over them. Throw-away panel (H2), removed afterwards.
#
#   bench/icecast.sh [services, default 100]
set -euo pipefail
SERVICES="${1:-100}"
command -v icecast2 >/dev/null || { echo "icecast2 is needed (apt-get install icecast2)" >&2; exit 1; }
. "$(dirname "$0")/lib.sh"
STORAGE=$(mktemp -d /tmp/castpanel-bench-storage-XXXX); chmod 755 "$STORAGE"
for kv in "storageRoot $STORAGE" "portRangeStart 31000" "portRangeEnd 31999" "publicHostname 127.0.0.1"; do
  set_cfg "$HOME_DIR/etc/org.castpanel.platform.cfg" $kv
done
printf 'statsSeconds = 5\nworkers = %s\n' "${BENCH_WORKERS:-4}" > "$HOME_DIR/etc/org.castpanel.provisioning.cfg"
set_cfg "$HOME_DIR/etc/org.castpanel.engine.icecast.cfg" bindAddress 127.0.0.1
trap 'bench_cleanup; kill_daemons_of "$STORAGE"; rm -rf "$STORAGE"' EXIT  # the panel first: it would restart what is killed before it
answers_all() { # ports...
  for port in "$@"; do curl -sf -o /dev/null "http://127.0.0.1:$port/status-json.xsl" || return 1; done
}

echo "== starting a throw-away panel on port $CASTPANEL_HTTP_PORT" >&2
bench_start_panel
ADMIN=$(admin_token)
await_engine "$ADMIN" icecast
IDS=()
for i in $(seq 1 "$SERVICES"); do
  IDS+=("$(post /services "$ADMIN" "{\"engineType\":\"icecast\",\"name\":\"bench $i\"}" | json '["id"]')")
done

echo "== starting $SERVICES icecast services through the API" >&2
t0=$(now_ms)
ID_LIST=$(IFS=,; echo "${IDS[*]}")
# one bulk request, as the service list's "start selected" sends it
post /services/actions "$ADMIN" "{\"action\":\"start\",\"serviceIds\":[$ID_LIST]}" >/dev/null
PORTS=()
for id in "${IDS[@]}"; do
  until [ -f "$STORAGE/services/service_$id/icecast.xml" ]; do sleep 0.05; done
  PORTS+=("$(grep -o '<port>[0-9]*' "$STORAGE/services/service_$id/icecast.xml" | cut -d'>' -f2)")
done
until answers_all "${PORTS[@]}"; do sleep 0.1; done
t1=$(now_ms)
PANEL_PID=$(cat "$HOME_DIR/karaf.pid")
RSS=$(ps -o rss= -p "$PANEL_PID" | tr -d ' ')
ICECAST_RSS=$(ps -C icecast2 -o rss= | awk '{s += $1} END {print s}')

echo "== one icecast2 killed with SIGKILL: time until it answers again" >&2
VICTIM_DIR="$STORAGE/services/service_${IDS[0]}"
VICTIM_PID=$(head -1 "$VICTIM_DIR/icecast.pid")
k0=$(now_ms)
kill -9 "$VICTIM_PID"
while curl -sf -o /dev/null "http://127.0.0.1:${PORTS[0]}/status-json.xsl"; do sleep 0.01; done
until curl -sf -o /dev/null "http://127.0.0.1:${PORTS[0]}/status-json.xsl"; do sleep 0.05; done
k1=$(now_ms)

echo "== panel CPU over 30 s with $SERVICES services polled every 5 s" >&2
HZ=$(getconf CLK_TCK)
c0=$(cpu_ticks "$PANEL_PID"); sleep 30; c1=$(cpu_ticks "$PANEL_PID")

echo "== stopping them, then starting the same $SERVICES configs by hand" >&2
post /services/actions "$ADMIN" "{\"action\":\"stop\",\"serviceIds\":[$ID_LIST]}" >/dev/null
for port in "${PORTS[@]}"; do while curl -sf -o /dev/null "http://127.0.0.1:$port/status-json.xsl"; do sleep 0.1; done; done
t2=$(now_ms)
for id in "${IDS[@]}"; do
  (cd "$STORAGE/services/service_$id" && setsid icecast2 -c "$STORAGE/services/service_$id/icecast.xml" >/dev/null 2>&1 < /dev/null &)
done
until answers_all "${PORTS[@]}"; do sleep 0.1; done
t3=$(now_ms)
pkill -f "$STORAGE/services" || true

python3 - "$SERVICES" "$((t1 - t0))" "$((t3 - t2))" "$RSS" "$ICECAST_RSS" "$((c1 - c0))" "$HZ" "$((k1 - k0))" <<'PY'
import sys
n, panel_ms, hand_ms, rss, ice_rss, ticks, hz, recovery_ms = map(int, sys.argv[1:])
cpu_ms = ticks * 1000 / hz
print(f"| {n} services started through the API, until all answer | {panel_ms} ms |")
print(f"| the same {n} icecast2 configs started by hand, until all answer | {hand_ms} ms |")
print(f"| ratio (target <= 1.2) | {panel_ms / hand_ms:.2f} |")
print(f"| panel resident memory with {n} icecast services running | {rss / 1024:.0f} MiB |")
print(f"| the {n} icecast2 processes together | {ice_rss / 1024:.0f} MiB |")
print(f"| panel CPU while polling {n} services every 5 s for 30 s (6 passes, all else included) | {cpu_ms:.0f} ms, {cpu_ms / 6:.0f} ms per pass |")
print(f"| one icecast2 killed with SIGKILL, until it answers again (target <= 5 s) | {recovery_ms} ms |")
PY
