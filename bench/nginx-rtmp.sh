#!/usr/bin/env bash
# Benchmark: the Nginx-RTMP engine's callbacks. 20 encoders publish at once to 20 services of a
# throw-away panel (H2), timed until every stream is live, against the same 20 publishes to a bare
# nginx-rtmp with a static config and no callbacks (ratio); then the publish callback alone, called
# directly: latency p50/p95 and panel CPU per callback. Everything is removed afterwards.
#
#   bench/nginx-rtmp.sh [services, default 20] [direct callbacks, default 2000]
set -euo pipefail
SERVICES="${1:-20}"
CALLS="${2:-2000}"
command -v nginx >/dev/null && [ -f /usr/lib/nginx/modules/ngx_rtmp_module.so ] \
  || { echo "nginx and libnginx-mod-rtmp are needed (apt-get install nginx libnginx-mod-rtmp ffmpeg)" >&2; exit 1; }
. "$(dirname "$0")/lib.sh"
export CASTPANEL_RTMP_PORT=$(free_port) CASTPANEL_HLS_PORT=$(free_port)
STORAGE=$(mktemp -d /tmp/castpanel-bench-storage-XXXX); chmod 755 "$STORAGE"
BARE=$(mktemp -d /tmp/castpanel-bench-bare-XXXX)
# the shipped platform settings stay (callbackBaseUrl: nginx's hooks reach this panel's port)
set_cfg "$HOME_DIR/etc/org.castpanel.platform.cfg" storageRoot "$STORAGE"
set_cfg "$HOME_DIR/etc/org.castpanel.platform.cfg" publicHostname 127.0.0.1
ENCODERS=()
cleanup() {
  for pid in "${ENCODERS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$BARE/nginx.pid" ] && kill "$(cat "$BARE/nginx.pid")" 2>/dev/null || true
  pkill -f "$STORAGE" 2>/dev/null || true
  bench_cleanup
  rm -rf "$STORAGE" "$BARE"
}
trap cleanup EXIT
live_streams() { # stat url → number of streams publishing in application live (or sink)
  curl -sf "$1" | python3 -c 'import sys,re; x=sys.stdin.read(); print(len(re.findall(r"<stream>\s*<name>[^<]+</name>", x.split("<name>'"$2"'</name>",1)[1] if "<name>'"$2"'</name>" in x else "")))'
}

echo "== a 20 s test broadcast, encoded once (the encoders then only copy it)" >&2
ffmpeg -nostdin -loglevel error -f lavfi -i testsrc=size=640x360:rate=25 -f lavfi -i sine=frequency=440 \
  -c:v libx264 -preset veryfast -g 50 -b:v 800k -c:a aac -t 20 -f flv "$BARE/broadcast.flv"
publish_all() { # url prefix, keys...
  local prefix="$1"; shift
  for key in "$@"; do
    ffmpeg -nostdin -loglevel quiet -re -i "$BARE/broadcast.flv" -c copy -f flv "$prefix$key" >/dev/null 2>&1 &
    ENCODERS+=("$!")
  done
}
stop_encoders() { for pid in "${ENCODERS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; ENCODERS=(); }

echo "== starting a throw-away panel on port $CASTPANEL_HTTP_PORT" >&2
bench_start_panel
ADMIN=$(admin_token)
await_engine "$ADMIN" nginx-rtmp
IDS=()
for i in $(seq 1 "$SERVICES"); do
  IDS+=("$(post /services "$ADMIN" "{\"engineType\":\"nginx-rtmp\",\"name\":\"tv $i\"}" | json '["id"]')")
done
ID_LIST=$(IFS=,; echo "${IDS[*]}")
post /services/actions "$ADMIN" "{\"action\":\"start\",\"serviceIds\":[$ID_LIST]}" >/dev/null
KEYS=()
for id in "${IDS[@]}"; do
  until curl -sf "$BASE/services/$id" -H "Authorization: Bearer $ADMIN" | grep -q '"state":"RUNNING"'; do sleep 0.1; done
  KEYS+=("$(curl -sf "$BASE/services/$id/connection" -H "Authorization: Bearer $ADMIN" | json '["streamKey"]')")
done
STAT="http://127.0.0.1:$CASTPANEL_HLS_PORT/stat"
PANEL_PID=$(cat "$HOME_DIR/karaf.pid")

echo "== $SERVICES encoders publish at once through the panel's callbacks" >&2
c0=$(cpu_ticks "$PANEL_PID"); t0=$(now_ms)
publish_all "rtmp://127.0.0.1:$CASTPANEL_RTMP_PORT/ingest/" "${KEYS[@]}"
until [ "$(live_streams "$STAT" live)" -ge "$SERVICES" ]; do sleep 0.02; done
t1=$(now_ms); c1=$(cpu_ticks "$PANEL_PID")
stop_encoders

echo "== the same $SERVICES publishes to a bare nginx-rtmp with a static config" >&2
BARE_RTMP=$(free_port); BARE_HTTP=$(free_port)
cat > "$BARE/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_rtmp_module.so;
daemon on; worker_processes 1; pid $BARE/nginx.pid; error_log $BARE/error.log;
events { worker_connections 4096; }
rtmp { server { listen 127.0.0.1:$BARE_RTMP; application live { live on; hls on; hls_path $BARE/hls; hls_nested on; } } }
http { access_log off; server { listen 127.0.0.1:$BARE_HTTP; location /stat { rtmp_stat all; } } }
CONF
[ "$(id -u)" = 0 ] && sed -i '1a user root;' "$BARE/nginx.conf"
nginx -p "$BARE" -e "$BARE/error.log" -c "$BARE/nginx.conf"
until curl -sf -o /dev/null "http://127.0.0.1:$BARE_HTTP/stat"; do sleep 0.05; done
t2=$(now_ms)
publish_all "rtmp://127.0.0.1:$BARE_RTMP/live/" $(seq -f 'stream%g' 1 "$SERVICES")
until [ "$(live_streams "http://127.0.0.1:$BARE_HTTP/stat" live)" -ge "$SERVICES" ]; do sleep 0.02; done
t3=$(now_ms)
stop_encoders

echo "== $CALLS publish callbacks called directly (as nginx calls them)" >&2
HOOK=$(grep -o 'on_publish [^;]*' "$STORAGE/engines/nginx-rtmp/nginx.conf" | head -1 | cut -d' ' -f2)
python3 - "$HOOK" "$CALLS" "$PANEL_PID" "${KEYS[@]}" > "$BARE/callbacks.txt" <<'PY'
import sys, time, urllib.request, urllib.parse, http.client
hook, calls, pid, keys = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
u = urllib.parse.urlparse(hook)
def ticks():
    f = open(f"/proc/{pid}/stat").read().split(")")[1].split()
    return int(f[11]) + int(f[12])
conn = http.client.HTTPConnection(u.hostname, u.port)
lat = []
t0 = ticks()
for i in range(calls):
    body = urllib.parse.urlencode({"app": "ingest", "name": keys[i % len(keys)], "addr": "127.0.0.1", "call": "publish"})
    s = time.perf_counter()
    conn.request("POST", u.path, body, {"Content-Type": "application/x-www-form-urlencoded"})
    r = conn.getresponse(); r.read()
    lat.append((time.perf_counter() - s) * 1000)
    assert r.status == 302, r.status
t1 = ticks()
lat.sort()
print(f"{lat[len(lat)//2]:.2f} {lat[int(len(lat)*0.95)]:.2f} {t1 - t0}")
PY
read -r P50 P95 CB_TICKS < "$BARE/callbacks.txt"
python3 - "$SERVICES" "$((t1 - t0))" "$((t3 - t2))" "$((c1 - c0))" "$CALLS" "$P50" "$P95" "$CB_TICKS" "$(getconf CLK_TCK)" <<'PY'
import sys
n, panel_ms, bare_ms, ticks, calls, p50, p95, cb_ticks, hz = sys.argv[1:]
n, panel_ms, bare_ms, ticks, calls, cb_ticks, hz = map(int, (n, panel_ms, bare_ms, ticks, calls, cb_ticks, hz))
print(f"| {n} encoders publishing at once through the panel's callbacks, until all {n} are live | {panel_ms} ms |")
print(f"| the same {n} publishes to a bare nginx-rtmp with a static config | {bare_ms} ms |")
print(f"| ratio | {panel_ms / bare_ms:.2f} |")
print(f"| panel CPU while the {n} came in (callbacks and everything else) | {ticks * 1000 / hz:.0f} ms |")
print(f"| publish callback latency, {calls} direct calls: p50 / p95 | {p50} / {p95} ms |")
print(f"| panel CPU per callback | {cb_ticks * 1000 / hz / calls:.2f} ms |")
PY
