#!/usr/bin/env bash
# Benchmark: the media library. Upload throughput over tus against a plain PUT of the same bytes
# to a trivial endpoint that stores them (the physical limit of loopback + disk here); indexing
# time per track against the same ffprobe + ffmpeg (loudness) commands run by hand; listing and
# searching a folder of 50,000 tracks with wrk. On a throw-away copy of the built distribution.
#
#   bench/media.sh [seconds per listing endpoint, default 15]
set -euo pipefail

DURATION="${1:-15}"
TRACKS=50000
INDEXED=20
UPLOAD_MIB=256
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
command -v ffmpeg >/dev/null || { echo "ffmpeg is needed (apt-get install ffmpeg)" >&2; exit 1; }
. "$(dirname "$0")/lib.sh"

echo "== starting a throw-away panel on port $CASTPANEL_HTTP_PORT ($BENCH_DB)" >&2
bench_start_panel
ADMIN=$(admin_token)
CUSTOMER_ID=$(post /accounts "$ADMIN" '{"username":"bench-dj","password":"bench-pw","name":"Bench DJ"}' | json '["id"]')
DJ=$(login bench-dj bench-pw)
for _ in $(seq 1 120); do curl -sf "$BASE/accounts/$CUSTOMER_ID/media/usage" -H "Authorization: Bearer $DJ" >/dev/null && break; sleep 0.25; done
LIBRARY="$HOME_DIR/data/castpanel/content/user_$CUSTOMER_ID"
mkdir -p "$LIBRARY"

if [ -z "${BENCH_ONLY_LIST:-}" ]; then
# ---- upload throughput
BLOB="$HOME_DIR/blob.bin"
head -c "${UPLOAD_MIB}M" /dev/urandom > "$BLOB"
SIZE=$(stat -c %s "$BLOB")
TRIVIAL_PORT=$(free_port)
# the trivial endpoint: nginx's WebDAV PUT, which stores the body in a file and nothing else
mkdir -p "$HOME_DIR/trivial/dav" "$HOME_DIR/trivial/body"
cat > "$HOME_DIR/trivial/nginx.conf" <<NGINX
daemon off; worker_processes 1; pid $HOME_DIR/trivial/nginx.pid; error_log $HOME_DIR/trivial/error.log;
$( [ "$(id -u)" = 0 ] && echo 'user root;' )
events {}
http { access_log off; client_body_temp_path $HOME_DIR/trivial/body;
  server { listen 127.0.0.1:$TRIVIAL_PORT; root $HOME_DIR/trivial/dav; client_max_body_size 0;
    location / { dav_methods PUT; } } }
NGINX
nginx -c "$HOME_DIR/trivial/nginx.conf" &
TRIVIAL_PID=$!
trap 'kill $TRIVIAL_PID 2>/dev/null || true; bench_cleanup' EXIT
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$TRIVIAL_PORT/" && break; sleep 0.1; done

best() { sort -n | head -1; }
trivial_ms() {
  local start end; sync; start=$(now_ms)
  curl -sf -T "$BLOB" "http://127.0.0.1:$TRIVIAL_PORT/blob" -o /dev/null
  end=$(now_ms); echo $((end - start))
}
tus_ms() { # one upload of the blob in a single PATCH; declared one byte longer so it never completes (no probe)
  local meta location start end
  meta="accountId $(printf %s "$CUSTOMER_ID" | base64),filename $(printf 'blob-%s.bin' "$1" | base64)"
  location=$(curl -sf -D - -o /dev/null -X POST "$BASE/uploads" -H "Authorization: Bearer $DJ" \
    -H 'Tus-Resumable: 1.0.0' -H "Upload-Length: $((SIZE + 1))" -H "Upload-Metadata: $meta" \
    | tr -d '\r' | awk -F': ' 'tolower($1)=="location"{print $2}')
  sync; start=$(now_ms)
  curl -sf -X PATCH "$location" -H "Authorization: Bearer $DJ" -H 'Tus-Resumable: 1.0.0' -H 'Upload-Offset: 0' \
    -H 'Content-Type: application/offset+octet-stream' -T "$BLOB" -o /dev/null
  end=$(now_ms)
  curl -sf -X DELETE "$location" -H "Authorization: Bearer $DJ" -H 'Tus-Resumable: 1.0.0' -o /dev/null
  echo $((end - start))
}
echo "== uploading $UPLOAD_MIB MiB three times each way" >&2
trivial_ms >/dev/null; tus_ms warm >/dev/null # warm-up (JIT, page cache)
TRIVIAL=$(for i in 1 2 3; do trivial_ms; done | best)
TUS=$(for i in 1 2 3; do tus_ms "$i"; done | best)

# ---- indexing time per track
echo "== indexing $INDEXED four-minute MP3s" >&2
TRACK="$HOME_DIR/track.mp3"
ffmpeg -v error -y -f lavfi -i "sine=frequency=220:duration=240" -metadata title="Bench Track" -metadata artist="Bench" \
  -c:a libmp3lame -b:a 128k "$TRACK"
mkdir -p "$LIBRARY/Indexed"
for i in $(seq 1 "$INDEXED"); do cp "$TRACK" "$LIBRARY/Indexed/track-$i.mp3"; done
start=$(now_ms)
curl -sf -X POST "$BASE/accounts/$CUSTOMER_ID/media/rescan" -H "Authorization: Bearer $DJ" -H 'Content-Type: application/json' -d '{}' >/dev/null
INDEX_MS=$(( $(now_ms) - start ))
start=$(now_ms)
for i in $(seq 1 "$INDEXED"); do
  f="$LIBRARY/Indexed/track-$i.mp3"
  ffprobe -v error -print_format json -show_format -show_streams -- "$f" >/dev/null
  ffmpeg -nostats -hide_banner -nostdin -i "$f" -map 0:a:0 -af ebur128=framelog=verbose -f null - 2>/dev/null
done
BY_HAND_MS=$(( $(now_ms) - start ))
fi

# ---- listing and search at 50,000 tracks
echo "== loading $TRACKS tracks into one folder ($BENCH_DB, panel stopped)" >&2
mkdir -p "$LIBRARY/Big"
bench_stop_panel
if [ "$BENCH_DB" = mariadb ]; then
  bench_sql <<SQL
INSERT INTO cp_media_file ($MEDIA_FILE_COLUMNS)
SELECT 5000000 + seq, $CUSTOMER_ID, 'Big', CONCAT('track-', seq, '.mp3'), 'audio', 3840000, 0, 'mp3', 'mp3', 240000,
  128, 44100, 2, CONCAT('Title ', seq), CONCAT('Artist ', seq MOD 500), CONCAT('Album ', seq MOD 2000), FALSE, FALSE,
  LOWER(CONCAT('Title ', seq, '\nArtist ', seq MOD 500, '\nAlbum ', seq MOD 2000, '\ntrack-', seq, '.mp3')), 0, 0
FROM seq_1_to_$TRACKS;
INSERT IGNORE INTO cp_media_word (account_id, word, file_id)
SELECT $CUSTOMER_ID, w.word, 5000000 + s.seq FROM seq_1_to_$TRACKS s
JOIN (SELECT 'title' AS word UNION ALL SELECT 'artist' UNION ALL SELECT 'album' UNION ALL SELECT 'track' UNION ALL SELECT 'mp3') w;
INSERT IGNORE INTO cp_media_word (account_id, word, file_id)
SELECT $CUSTOMER_ID, CAST(seq AS CHAR), 5000000 + seq FROM seq_1_to_$TRACKS
UNION SELECT $CUSTOMER_ID, CAST(seq MOD 500 AS CHAR), 5000000 + seq FROM seq_1_to_$TRACKS
UNION SELECT $CUSTOMER_ID, CAST(seq MOD 2000 AS CHAR), 5000000 + seq FROM seq_1_to_$TRACKS;
SQL
else
  bench_sql <<SQL
INSERT INTO cp_media_file ($MEDIA_FILE_COLUMNS)
SELECT 5000000 + X, $CUSTOMER_ID, 'Big', 'track-' || X || '.mp3', 'audio', 3840000, 0, 'mp3', 'mp3', 240000,
  128, 44100, 2, 'Title ' || X, 'Artist ' || MOD(X, 500), 'Album ' || MOD(X, 2000), FALSE, FALSE,
  LOWER('Title ' || X || CHAR(10) || 'Artist ' || MOD(X, 500) || CHAR(10) || 'Album ' || MOD(X, 2000) || CHAR(10) || 'track-' || X || '.mp3'), 0, 0
FROM SYSTEM_RANGE(1, $TRACKS);
INSERT INTO cp_media_word (account_id, word, file_id)
SELECT $CUSTOMER_ID, W.WORD, 5000000 + R.X FROM SYSTEM_RANGE(1, $TRACKS) R
CROSS JOIN (VALUES ('title'), ('artist'), ('album'), ('track'), ('mp3')) W(WORD);
INSERT INTO cp_media_word (account_id, word, file_id)
SELECT DISTINCT $CUSTOMER_ID, V, F FROM (
  SELECT CAST(X AS VARCHAR) V, 5000000 + X F FROM SYSTEM_RANGE(1, $TRACKS)
  UNION SELECT CAST(MOD(X, 500) AS VARCHAR), 5000000 + X FROM SYSTEM_RANGE(1, $TRACKS)
  UNION SELECT CAST(MOD(X, 2000) AS VARCHAR), 5000000 + X FROM SYSTEM_RANGE(1, $TRACKS));
SQL
fi
bench_start_panel
DJ=$(login bench-dj bench-pw)
for _ in $(seq 1 120); do # /health answers before every resource is routed
  LISTED=$(curl -sf "$BASE/accounts/$CUSTOMER_ID/media?folder=Big&size=1" -H "Authorization: Bearer $DJ" || true)
  [ -n "$LISTED" ] && break; sleep 0.25
done
TOTAL=$(printf %s "$LISTED" | json '["files"]["total"]')

cat > "$HOME_DIR/report.lua" <<'LUA'
local odd = {}
response = function(status, headers, body)
  if status ~= 200 then odd[status] = (odd[status] or 0) + 1 end
end
done = function(summary, latency, requests)
  for status, n in pairs(odd) do io.stderr:write(string.format("status %d: %d times\n", status, n)) end
  io.write(string.format("RESULT %.1f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.errors.status + summary.errors.connect + summary.errors.timeout))
end
LUA
measure() { # label path
  wrk -t1 -c8 -d10s -H "Authorization: Bearer $DJ" "$BASE$2" >/dev/null # warm-up (JIT, and the database cache, cold after the restart)
  local line
  line=$(wrk -t1 -c8 -d"${DURATION}s" -s "$HOME_DIR/report.lua" -H "Authorization: Bearer $DJ" "$BASE$2" | grep '^RESULT')
  read -r _ rps p50 p95 errors <<<"$line"
  printf '| %-52s | %8s | %7s | %7s | %6s |\n' "$1" "$rps" "$p50" "$p95" "$errors"
}

echo
echo "| media library ($TOTAL tracks in one folder, $BENCH_DB; wrk 1 thread, 8 connections, ${DURATION}s) | req/s | p50 ms | p95 ms | errors |"
echo "|---|---:|---:|---:|---:|"
measure "folder, first page of 50 by name" "/accounts/$CUSTOMER_ID/media?folder=Big&size=50"
measure "folder, page 500 of 50 by name" "/accounts/$CUSTOMER_ID/media?folder=Big&size=50&page=500"
measure "folder by title, descending" "/accounts/$CUSTOMER_ID/media?folder=Big&size=50&sort=title&desc=true"
measure "search 'artist 42' in the library" "/accounts/$CUSTOMER_ID/media?q=artist%2042&size=50"
echo
[ -n "${BENCH_ONLY_LIST:-}" ] && exit 0 # no upload or indexing figures to print
python3 - "$SIZE" "$TRIVIAL" "$TUS" "$INDEX_MS" "$BY_HAND_MS" "$INDEXED" <<'PY'
import sys
size, trivial, tus, index, by_hand, n = map(float, sys.argv[1:])
mb = size / 1e6
print(f"upload of {size / 2**20:.0f} MiB: tus PATCH {mb / (tus / 1000):.0f} MB/s ({tus:.0f} ms), "
      f"plain PUT to nginx's WebDAV (stores the body, nothing else) {mb / (trivial / 1000):.0f} MB/s ({trivial:.0f} ms): "
      f"ratio {trivial / tus:.2f} (target >= 0.8)")
print(f"indexing a 4-minute MP3 (ffprobe + EBU R128 loudness): {index / n:.0f} ms per track through the panel, "
      f"{by_hand / n:.0f} ms by hand: ratio {index / by_hand:.2f}")
PY
