#!/usr/bin/env bash
# Benchmark: AutoDJ stations (one liquidsoap each, 128 kbit/s MP3, 2 s crossfade) feeding their own
# Icecast services, playing a library the panel chooses from. Measured: CPU (share of one core) and
# resident memory per station — liquidsoap itself, and the panel's share — to set against
# AzuraCast's ~10-30 % of a core and ~160 MB per station; and the latency of the next-track
# callback (the panel's choice with repeat protection over the whole library) against /health on
# the same panel, the trivial request. Everything is removed afterwards.
#
# Then the library grows by [big, default 50000] tracks (rows loaded with the panel stopped, each a
# hard link of one of the tones, so every one is playable) and the callback is measured again.
#
#   bench/autodj.sh [stations, default 10] [library tracks, default 200] [seconds measured, default 30] [big, default 50000]
set -euo pipefail
STATIONS="${1:-10}"
TRACKS="${2:-200}"
SECONDS_MEASURED="${3:-30}"
BIG="${4:-50000}"
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

BIG_P50=0; BIG_P95=0
if [ "$BIG" -gt 0 ]; then
  echo "== $BIG more tracks in music/big ($BENCH_DB, panel stopped; the stations play on meanwhile)" >&2
  mkdir -p "$LIBRARY/big"
  python3 - "$LIBRARY" "$TRACKS" "$BIG" <<'PY'
import os, sys
library, tones, big = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(1, big + 1):
    os.link(f"{library}/tone-{i % tones + 1}.mp3", f"{library}/big/t-{i}.mp3")
PY
  bench_stop_panel
  # each its own title; artists and albums shared by ten and five tracks, as a real library's are
  if [ "$BENCH_DB" = mariadb ]; then
    bench_sql <<SQL
INSERT INTO cp_media_file ($MEDIA_FILE_COLUMNS)
SELECT 6000000 + seq, $CUSTOMER_ID, 'music/big', CONCAT('t-', seq, '.mp3'), 'audio', 960000, 0, 'mp3', 'mp3', 60000,
  128, 44100, 2, CONCAT('Big ', seq), CONCAT('Big Artist ', seq MOD ($BIG DIV 10)), CONCAT('Big Album ', seq MOD ($BIG DIV 5)),
  FALSE, FALSE, CONCAT('big ', seq), 0, 0
FROM seq_1_to_$BIG;
SQL
  else
    bench_sql <<SQL
INSERT INTO cp_media_file ($MEDIA_FILE_COLUMNS)
SELECT 6000000 + X, $CUSTOMER_ID, 'music/big', 't-' || X || '.mp3', 'audio', 960000, 0, 'mp3', 'mp3', 60000,
  128, 44100, 2, 'Big ' || X, 'Big Artist ' || MOD(X, $BIG / 10), 'Big Album ' || MOD(X, $BIG / 5), FALSE, FALSE,
  'big ' || X, 0, 0
FROM SYSTEM_RANGE(1, $BIG);
SQL
  fi
  bench_start_panel
  for _ in $(seq 1 120); do curl -sf -o /dev/null "$NEXT_URL" && break; sleep 0.25; done # routed after /health
  latency "$NEXT_URL" 100 >/dev/null # after the restart: the first call reads the grown library, the rest warm up
  read -r BIG_P50 BIG_P95 < <(latency "$NEXT_URL" 300)
fi

python3 - "$STATIONS" "$TRACKS" "$((liq1 - liq0))" "$((panel1 - panel0))" "$((t1 - t0))" "$(getconf CLK_TCK)" \
  "$LIQ_RSS" "$LIQ_PSS" "$PANEL_RSS_BEFORE" "$PANEL_RSS" "$PLAYED" "$NEXT_P50" "$NEXT_P95" "$HEALTH_P50" "$HEALTH_P95" \
  "$BIG" "$BIG_P50" "$BIG_P95" <<'PY'
import sys
n, tracks, liq_ticks, panel_ticks, ms, hz, liq_rss, liq_pss, panel_before, panel_after, played = map(int, sys.argv[1:12])
next50, next95, health50, health95 = map(float, sys.argv[12:16])
big = int(sys.argv[16])
big50, big95 = map(float, sys.argv[17:19])
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
if big:
    print(f"| next-track callback with {big + tracks} candidates, p50 / p95 (300 calls) | {big50:.2f} / {big95:.2f} ms |")
PY
