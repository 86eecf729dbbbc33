# Sourced by .ci/run: a throwaway PostgreSQL server for the tests, stopped when the run ends.
# Exports IPOCTO_TEST_POSTGRES (an Npgsql connection string); tests create their own databases in it.

pg_bin=/usr/lib/postgresql/15/bin
if [ ! -x "$pg_bin/initdb" ]; then
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi

pg_dir=$(mktemp -d)
chown postgres "$pg_dir"
pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

pg_stop() { runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap pg_stop EXIT

runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres >/dev/null
# Durability is not under test here (the bench measures against a durable server separately).
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null

export IPOCTO_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true"
echo "PostgreSQL 15 for the tests on 127.0.0.1:$pg_port"
