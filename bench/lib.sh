# Shared by the benchmarks: a throw-away copy of the built distribution on free ports, removed on exit.
# Source it, then call bench_start_panel; BASE, HOME_DIR and admin_token are then set up.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ASSEMBLY="$ROOT/karaf-assembly/target/assembly"
[ -d "$ASSEMBLY/system" ] || { echo "build first: ./castpanel build" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system CPU of a pid, in clock ticks
json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }
# set_cfg FILE KEY VALUE: one setting of an etc/*.cfg replaced (or added); the file's other settings stay
set_cfg() { sed -i "/^$2[[:space:]]*=/d" "$1"; printf '%s = %s\n' "$2" "$3" >> "$1"; }

HOME_DIR=$(mktemp -d /tmp/castpanel-bench-XXXX)
export CASTPANEL_HTTP_PORT=$(free_port) CASTPANEL_SSH_PORT=$(free_port) CASTPANEL_SFTP_PORT=$(free_port) CASTPANEL_ADMIN_PASSWORD=bench-admin-pw
BASE="http://127.0.0.1:$CASTPANEL_HTTP_PORT/api/v1"
cp -a "$ASSEMBLY/." "$HOME_DIR/"
chmod +x "$HOME_DIR"/bin/*

# BENCH_DB=mariadb (./castpanel bench --db mariadb): the panel on a throw-away database of the
# MariaDB at 127.0.0.1:3306 (root, empty password) instead of the embedded H2, dropped on exit
BENCH_DB="${BENCH_DB:-h2}"
if [ "$BENCH_DB" = mariadb ]; then
  BENCH_DB_NAME="castpanel_bench_$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  mariadb -uroot -h127.0.0.1 -e "CREATE DATABASE $BENCH_DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  cat > "$HOME_DIR/etc/org.ops4j.datasource-castpanel.cfg" <<CFG
dataSourceName = castpanel
osgi.jdbc.driver.class = org.mariadb.jdbc.Driver
url = jdbc:mariadb://127.0.0.1:3306/$BENCH_DB_NAME?useMysqlMetadata=true
user = root
password =
pool = hikari
xa = false
hikari.maximumPoolSize = 10
hikari.minimumIdle = 2
hikari.connectionTimeout = 3000
hikari.transactionIsolation = TRANSACTION_READ_COMMITTED
CFG
  echo "== on MariaDB (database $BENCH_DB_NAME)" >&2
fi

bench_cleanup() {
  "$HOME_DIR/bin/stop" >/dev/null 2>&1 || true
  local pid; pid=$(cat "$HOME_DIR/karaf.pid" 2>/dev/null || true)
  for _ in $(seq 1 60); do [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  # engine daemons the panel started run in its directory
  for proc in /proc/[0-9]*; do
    case "$(readlink "$proc/cwd" 2>/dev/null)" in "$HOME_DIR"/*) kill -9 "${proc#/proc/}" 2>/dev/null || true ;; esac
  done
  [ -n "${BENCH_KEEP:-}" ] || rm -rf "$HOME_DIR"
  if [ "$BENCH_DB" = mariadb ]; then mariadb -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $BENCH_DB_NAME" || true; fi
}
# Every process whose command line names $1 (the daemons of a benchmark's storage): asked to stop,
# then killed if one is still there after 10 s (liquidsoap sometimes ignores SIGTERM while starting).
kill_daemons_of() {
  pkill -f "$1" 2>/dev/null || true
  for _ in $(seq 1 20); do pgrep -f "$1" >/dev/null || return 0; sleep 0.5; done
  pkill -9 -f "$1" 2>/dev/null || true
}
trap bench_cleanup EXIT

# The columns of a library file's row, for benchmarks that load many rows with the panel stopped.
MEDIA_FILE_COLUMNS="id, account_id, folder, name, kind, size_bytes, modified_at, format, codec, duration_ms,
  bitrate_kbps, sample_rate, channels, title, artist, album, has_cover, tags_edited, search_text, created_at, updated_at"

bench_sql() { # runs the SQL on standard input against the panel's database (H2: the panel stopped)
  if [ "$BENCH_DB" = mariadb ]; then
    mariadb -uroot -h127.0.0.1 "$BENCH_DB_NAME"
  else
    local h2_jar; h2_jar=$(find "$HOME_DIR/system/com/h2database" -name 'h2-*.jar' | head -1)
    cat > "$HOME_DIR/seed.sql"
    java -cp "$h2_jar" org.h2.tools.RunScript -url "jdbc:h2:$HOME_DIR/data/castpanel/castpanel" -user castpanel \
      -password castpanel -script "$HOME_DIR/seed.sql"
  fi
}

bench_start_panel() {
  "$HOME_DIR/bin/start"
  for _ in $(seq 1 240); do curl -sf "$BASE/health" >/dev/null && return 0; sleep 0.5; done
  echo "panel did not start; see $HOME_DIR/data/log/karaf.log" >&2; exit 1
}

bench_stop_panel() {
  local pid; pid=$(cat "$HOME_DIR/karaf.pid")
  "$HOME_DIR/bin/stop" >/dev/null
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
}

login() { # username password; /health answers before the accounts service has registered, so a few tries
  local reply
  for _ in $(seq 1 60); do
    if reply=$(curl -sf -X POST "$BASE/auth/login" -H 'Content-Type: application/json' \
      -d "{\"username\":\"$1\",\"password\":\"$2\"}"); then
      echo "$reply" | json '["token"]'
      return 0
    fi
    sleep 0.5
  done
  echo "login of $1 failed for 30 s" >&2
  return 1
}

admin_token() { login admin "$CASTPANEL_ADMIN_PASSWORD"; }

# /health answers before every plugin has registered: wait until the engine type is offered
await_engine() { # admin token, engine type
  for _ in $(seq 1 120); do
    curl -sf "$BASE/engines/$2" -H "Authorization: Bearer $1" | grep -q '"available":true' && return 0
    sleep 0.25
  done
  echo "engine $2 did not become available" >&2; exit 1
}

post() { curl -sf -X POST "$BASE$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d "$3"; }
