#!/usr/bin/env bash
# A throw-away PostgreSQL server for the store tests (README, "The store"): Debian's postgresql package, a fresh
# cluster in a temporary directory, listening on 127.0.0.1 only, with a database and user "bulwark".
#   eval "$(bash releng/test-postgres.sh start)"   # installs postgresql if missing, starts, exports BULWARK_TEST_PG_URL
#   ./mvnw verify                                  # store tests run on H2, PostgresStoreTest on this server
#   bash releng/test-postgres.sh stop
# Environment: BULWARK_TEST_PG_DIR (default ${TMPDIR:-/tmp}/bulwark-test-pg), BULWARK_TEST_PG_PORT (default 55432).
set -euo pipefail

dir="${BULWARK_TEST_PG_DIR:-${TMPDIR:-/tmp}/bulwark-test-pg}"
port="${BULWARK_TEST_PG_PORT:-55432}"

bindir() {
  local d
  d="$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n 1 || true)"
  [ -n "$d" ] && [ -x "$d/initdb" ] && { echo "$d"; return; }
  return 1
}

# PostgreSQL refuses to run as root: run its tools as the postgres user then.
as_owner() {
  if [ "$(id -u)" = 0 ]; then (cd / && su postgres -s /bin/bash -c "$*"); else bash -c "$*"; fi
}

case "${1:-}" in
  start)
    if ! bin="$(bindir)"; then
      sudo=""
      [ "$(id -u)" = 0 ] || sudo="sudo"
      $sudo apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >&2
      bin="$(bindir)"
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    # passwords are checked over TCP (as on a real server: PasswordFileTest proves a wrong one is refused); the
    # socket in $dir, which only this script uses, trusts the local superuser
    as_owner "'$bin/initdb' -D '$dir/data' -U postgres --auth-local=trust --auth-host=scram-sha-256 >/dev/null"
    as_owner "'$bin/pg_ctl' -D '$dir/data' -w -l '$dir/log' -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1\" start >/dev/null"
    as_owner "'$bin/psql' -h '$dir' -p $port -U postgres -q -c \"CREATE USER bulwark PASSWORD 'bulwark'\" -c 'CREATE DATABASE bulwark OWNER bulwark'"
    echo "export BULWARK_TEST_PG_URL='jdbc:postgresql://127.0.0.1:$port/bulwark?user=bulwark&password=bulwark'"
    ;;
  stop)
    if bin="$(bindir)" && [ -d "$dir/data" ]; then
      as_owner "'$bin/pg_ctl' -D '$dir/data' -m fast stop >/dev/null" || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
