#!/usr/bin/env bash
# A throw-away PostgreSQL 15 + PostGIS 3 cluster for the PostGIS test suite.
#   bash scripts/pg-cluster.sh start DIR   creates DIR/data (initdb), starts the
#                                          server and writes DIR/env (the libpq
#                                          variables the tests read: source it)
#   bash scripts/pg-cluster.sh stop DIR    stops it and removes DIR
# The server runs as an unprivileged user (the `postgres` account of the
# Debian package when started as root, else the caller), listens on a socket
# in DIR and on 127.0.0.1 at a free port, and keeps its data in DIR only.
# Local socket: trust for the cluster's owner (the test administrator).
# 127.0.0.1: scram-sha-256 passwords, so that the tests can check that a
# partner role authenticates from PGPASSFILE (.pgpass) and never from a
# password written in a catalogue address.
set -euo pipefail

BIN=/usr/lib/postgresql/15/bin
cmd=${1:?usage: pg-cluster.sh start|stop DIR}
dir=${2:?usage: pg-cluster.sh start|stop DIR}

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
start)
  [[ -x $BIN/initdb ]] || { echo "pg-cluster: $BIN/initdb missing (package postgresql-15)" >&2; exit 1; }
  mkdir -p "$dir"
  [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
  owner=$(as_owner id -un)
  # A free TCP port: the first of 54320.. that no server listens on.
  port=54320
  while (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
  as_owner "$BIN/initdb" -D "$dir/data" -U "$owner" -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
  cat >"$dir/data/pg_hba.conf" <<EOF
local all $owner trust
local all all scram-sha-256
host all all 127.0.0.1/32 scram-sha-256
EOF
  as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60" start >/dev/null
  cat >"$dir/env" <<EOF
export PGHOST=$dir
export PGPORT=$port
export PGUSER=$owner
export PGDATABASE=postgres
export TERRITOIRE_PG_TEST_DIR=$dir
EOF
  chmod a+r "$dir/env"
  echo "pg-cluster: PostgreSQL $("$BIN/postgres" -V | awk '{print $3}') on $dir (socket) and 127.0.0.1:$port, owner $owner"
  ;;
stop)
  if [[ -d $dir/data ]]; then as_owner "$BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true; fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: pg-cluster.sh start|stop DIR" >&2
  exit 2
  ;;
esac
