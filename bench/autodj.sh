#!/usr/bin/env bash
# Benchmark: AutoDJ stations (one liquidsoap each, 128 kbit/s MP3, 2 s crossfade) feeding their own
# Icecast services, playing a library the panel chooses from. Measured: CPU (share of one core) and
# resident memory per station — liquidsoap itself, and the panel's share — to set against
# AzuraCast's ~10-30 % of a core and ~160 MB per station; and the latency of the next-track
# callback (the panel's choice with repeat protection over the whole library) against /health on
# the same panel, the trivial request. Everything is removed afterwards.
#
#   bench/autodj.sh [stations, default 10] [library tracks, default 200] [seconds measured, default 30]
set -euo pipefail
STATIONS="${1:-10}"
TRACKS="${2:-200}"
SECONDS_MEASURED="${3:-30}"
. "$(dirname "$0")/lib.sh"
command -v liquidsoap >/dev/null || { echo "liquidsoap is needed (apt-get install liquidsoap)" >&2; exit 1; }
STORAGE=$(mktemp -d /tmp/castpanel-bench-storage-XXXX); chmod 755 "$STORAGE"
for kv in "storageRoot $STORAGE" "portRangeStart 33000" "portRangeEnd 33999" "publicHostname 127.0.0.1"; do
  set_cfg "$HOME_DIR/etc/org.castpanel.platform.cfg" $kv
done
trap 'bench_cleanup; kill_daemons_of "$STORAGE"; rm -rf "$STORAGE"' EXIT  # the panel first: it would restart what is killed before it
get() { curl -sf "$BASE$1" -H "Authorization: Bearer $2"; }
ticks_of() { local sum=0 t; for pid in "$@"; do t=$(cpu_ticks "$pid" 2>/dev/null || echo 0); sum=$((sum + t)); done; echo "$sum"; }
rss_of() { local sum=0 r; for pid in "$@"; do r=$(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ' || true); sum=$((sum + ${r:-0})); done; echo "$sum"; }
pss_of() { local sum=0 r; for pid in "$@"; do r=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || true); sum=$((sum + ${r:-0})); done; echo "$sum"; }
latency() { # url count: p50 and p95 of curl's total time, in ms
  for _ in $(seq 1 "$2"); do curl -s -o /dev/null -w '%{time_total}\n' "$1"; done | sort -n |
    awk '{ v[NR] = $1 * 1000 } END { printf "%.2f %.2f\n", v[int(NR * 0.5)], v[int(NR * 0.95)] }'
}

echo "== starting a throw-away panel on port $CASTPANEL_HTTP_PORT" >&2
bench_start_panel
ADMIN=$(admin_token)
await_engine "$ADMIN" icecast
await_engine "$ADMIN" autodj
CUSTOMER_ID=$(post /accounts "$ADMIN" '{"username":"bench-dj","password":"bench-pw-1","name":"Bench DJ"}' | json '["id"]')
DJ=$(login bench-dj bench-pw-1)

echo "== a library of $TRACKS tracks (60 s tones, each its own artist and album)" >&2
LIBRARY="$STORAGE/content/user_$CUSTOMER_ID/music"
mkdir -p "$LIBRARY"
for i in $(seq 1 "$TRACKS"); do
  ffmpeg -v error -y -f lavfi -i "sine=frequency=$((200 + i % 600)):duration=60" -metadata "title=Tone $i" \
    -metadata "artist=Artist $i" -metadata "album=Album $i" -c:a libmp3lame -b:a 128k "$LIBRARY/tone-$i.mp3"
done
post "/accounts/$CUSTOMER_ID/media/rescan" "$DJ" '{}' >/dev/null

PANEL_PID=$(cat "$HOME_DIR/karaf.pid")
PANEL_RSS_BEFORE=$(rss_of "$PANEL_PID")
SERVERS=(); SOURCES=()
for i in $(seq 1 "$STATIONS"); do
  server=$(post /services "$ADMIN" "{\"ownerId\":$CUSTOMER_ID,\"engineType\":\"icecast\",\"name\":\"bench radio $i\",\"maxListeners\":10}" | json '["id"]')
  source=$(post /services "$ADMIN" "{\"ownerId\":$CUSTOMER_ID,\"engineType\":\"autodj\",\"name\":\"bench autodj $i\",\"attachedTo\":$server,\"config\":{\"bitrate\":128,\"format\":\"MP3\",\"crossfade\":2}}" | json '["id"]')
  post "/services/$source/playlists" "$DJ" '{"name":"Music","entries":[{"folder":"music"}]}' >/dev/null
  SERVERS+=("$server"); SOURCES+=("$source")
done
running_all() { for id in "$@"; do get "/services/$id" "$ADMIN" | grep -q '"state":"RUNNING"' || return 1; done; }
echo "== starting $STATIONS Icecast services, then their $STATIONS AutoDJ stations" >&2
post /services/actions "$ADMIN" "{\"action\":\"start\",\"serviceIds\":[$(IFS=,; echo "${SERVERS[*]}")]}" >/dev/null
until running_all "${SERVERS[@]}"; do sleep 0.5; done
post /services/actions "$ADMIN" "{\"action\":\"start\",\"serviceIds\":[$(IFS=,; echo "${SOURCES[*]}")]}" >/dev/null
until running_all "${SOURCES[@]}"; do sleep 0.5; done
sleep 10 # let every station settle into playing before measuring (start-up is not steady state)
mapfile -t LIQ < <(for id in "${SOURCES[@]}"; do cat "$STORAGE/services/service_$id/liquidsoap.pid"; done)

echo "== measuring for $SECONDS_MEASURED s" >&2
liq0=$(ticks_of "${LIQ[@]}"); panel0=$(cpu_ticks "$PANEL_PID"); t0=$(now_ms)
sleep "$SECONDS_MEASURED"
liq1=$(ticks_of "${LIQ[@]}"); panel1=$(cpu_ticks "$PANEL_PID"); t1=$(now_ms)
LIQ_RSS=$(rss_of "${LIQ[@]}")
LIQ_PSS=$(pss_of "${LIQ[@]}") # shared libraries counted once across the stations
PANEL_RSS=$(rss_of "$PANEL_PID")
PLAYED=$(get "/services/${SOURCES[0]}/playout/history?limit=500" "$DJ" | json '.__len__()')

NEXT_URL=$(grep -o 'http://[^"]*/next' "$STORAGE/services/service_${SOURCES[0]}/station.liq" | head -1)
read -r NEXT_P50 NEXT_P95 < <(latency "$NEXT_URL" 300)
read -r HEALTH_P50 HEALTH_P95 < <(latency "$BASE/health" 300)

python3 - "$STATIONS" "$TRACKS" "$((liq1 - liq0))" "$((panel1 - panel0))" "$((t1 - t0))" "$(getconf CLK_TCK)" \
  "$LIQ_RSS" "$LIQ_PSS" "$PANEL_RSS_BEFORE" "$PANEL_RSS" "$PLAYED" "$NEXT_P50" "$NEXT_P95" "$HEALTH_P50" "$HEALTH_P95" <<'PY'
import sys
n, tracks, liq_ticks, panel_ticks, ms, hz, liq_rss, liq_pss, panel_before, panel_after, played = map(int, sys.argv[1:12])
next50, next95, health50, health95 = map(float, sys.argv[12:16])
seconds = ms / 1000
liq_cpu = liq_ticks / hz / seconds / n * 100
panel_cpu = panel_ticks / hz / seconds / n * 100
print(f"| {n} stations, library of {tracks} tracks, {seconds:.0f} s measured | |")
print(f"| liquidsoap CPU per station (share of one core) | {liq_cpu:.1f} % |")
print(f"| panel CPU per station (its whole process over the same time, divided by {n}) | {panel_cpu:.2f} % |")
print(f"| liquidsoap resident memory per station (RSS; shared libraries counted in each) | {liq_rss / 1024 / n:.0f} MiB |")
print(f"| liquidsoap proportional memory per station (PSS; shared pages split between the stations) | {liq_pss / 1024 / n:.0f} MiB |")
print(f"| panel resident memory: before the stations, with them (per station) | {panel_before / 1024:.0f} MiB, {panel_after / 1024:.0f} MiB ({(panel_after - panel_before) / 1024 / n:+.1f} MiB) |")
print(f"| tracks the first station was given so far | {played} |")
print(f"| next-track callback, p50 / p95 (300 calls, {tracks} candidates, repeat protection) | {next50:.2f} / {next95:.2f} ms |")
print(f"| /health on the same panel (trivial), p50 / p95 | {health50:.2f} / {health95:.2f} ms |")
PY
