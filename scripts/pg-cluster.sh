#!/usr/bin/env bash
# A private PostgreSQL + PostGIS cluster for tests and benchmarks: initdb in a folder of our own,
# listening only on a Unix socket in it (listen_addresses=''), trust auth for the local socket only.
#   pg-cluster.sh start DIR [DBNAME]   creates (once) and starts it; prints the PG: address on stdout
#   pg-cluster.sh stop DIR             stops it (the folder stays for the next start)
#   pg-cluster.sh destroy DIR          stops it and removes the folder
# As root, the server runs as the `postgres` user (PostgreSQL refuses to run as root).
set -euo pipefail
action=${1:?usage: pg-cluster.sh start|stop|destroy DIR [DBNAME]}
dir=${2:?usage: pg-cluster.sh start|stop|destroy DIR [DBNAME]}
db=${3:-briefmap}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[[ -x "$bindir/initdb" ]] || { echo "pg-cluster: PostgreSQL server not installed (make deps installs postgresql)" >&2; exit 1; }

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

data="$dir/data"
sock="$dir/socket"
case "$action" in
start)
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir"; chmod 700 "$dir"; fi
  if [[ ! -f "$data/PG_VERSION" ]]; then
    as_owner mkdir -p "$sock"
    as_owner "$bindir/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    cat >>"$data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$sock'
unix_socket_permissions = 0777
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 256MB
max_wal_size = 4GB
CONF
  fi
  if ! as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_owner "$bindir/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
      { tail -20 "$dir/server.log" >&2; exit 1; }
  fi
  psql=( "$bindir/psql" -X -q -h "$sock" -U postgres -v ON_ERROR_STOP=1 )
  if [[ -z $("${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'") ]]; then
    "${psql[@]}" -d postgres -c "CREATE DATABASE \"$db\""
    "${psql[@]}" -d "$db" -c "CREATE EXTENSION postgis"
  fi
  echo "PG:host=$sock dbname=$db user=postgres"
  ;;
stop)
  [[ -f "$data/PG_VERSION" ]] && as_owner "$bindir/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  ;;
destroy)
  [[ -f "$data/PG_VERSION" ]] && as_owner "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*) echo "pg-cluster: unknown action '$action'" >&2; exit 2 ;;
esac
