# PostgreSQL for the store tests (sourced by scripts/test.sh, which provides apt_install).
# Installs Debian's server, starts a throwaway cluster (a temporary folder, a free port, a
# Unix socket there too, fsync off) and exports NEWSGRAPH_TEST_PG, a postgresql:// URL the
# store tests also run against. The cluster stops and its folder goes when the test run
# (this shell, which becomes pytest) ends. An already set NEWSGRAPH_TEST_PG is kept as is.

if [ -z "${NEWSGRAPH_TEST_PG:-}" ]; then
    apt_install postgresql
    _pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    _pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-pg.XXXXXX")
    _pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    _pg_as=()
    if [ "$(id -u)" -eq 0 ]; then  # initdb refuses to run as root
        chown postgres "$_pg_dir"
        _pg_as=(runuser -u postgres --)
    fi
    "${_pg_as[@]}" "$_pg_bin/initdb" -D "$_pg_dir/data" -U postgres --auth=trust -E UTF8 \
        --no-locale >"$_pg_dir/initdb.log" 2>&1
    "${_pg_as[@]}" "$_pg_bin/pg_ctl" -D "$_pg_dir/data" -l "$_pg_dir/server.log" -w start \
        -o "-p $_pg_port -k $_pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        >/dev/null
    "$_pg_bin/createdb" -h 127.0.0.1 -p "$_pg_port" -U postgres newsgraph_test
    export NEWSGRAPH_TEST_PG="postgresql://postgres@127.0.0.1:$_pg_port/newsgraph_test"
    # stop the cluster once the test run is over ($$ is the shell that execs pytest)
    ( while kill -0 $$ 2>/dev/null; do sleep 2; done
      "${_pg_as[@]}" "$_pg_bin/pg_ctl" -D "$_pg_dir/data" -m immediate stop >/dev/null 2>&1
      rm -rf "$_pg_dir" ) </dev/null >/dev/null 2>&1 &
    unset _pg_bin _pg_dir _pg_port _pg_as
fi
