#!/usr/bin/env bash
# Runs every Nervewise test. On a fresh Debian machine it first installs what the tests need
# (Chromium, PostgreSQL, an SMTP server, qpdf, poppler's pdftoppm), then starts a throwaway PostgreSQL server on a free loopback port,
# runs every test project against it, stops it, and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- What the tests need ---------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$pg_bin" ] || missing+=(postgresql)
# The email tests send through a real SMTP server (aiosmtpd); every PDF the app writes goes through `qpdf --check`.
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
command -v qpdf >/dev/null || missing+=(qpdf)
# The clinician's summary PDF is drawn to PNG with pdftoppm in a browser test, to be looked at.
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
# The FHIR tests ask a second, independent validator (tests/fhir-checks: the R4 JSON schema and Medplum's) under Node.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# Its packages, exactly as package-lock.json pins them (installed once; node_modules stays out of git).
[ -d tests/fhir-checks/node_modules ] || npm ci --prefix tests/fhir-checks --no-audit --no-fund --loglevel=error

# --- A throwaway PostgreSQL server -----------------------------------------------------
# The OS picks a port nobody holds (bind to port 0); probing random ports could pick one about to be taken.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

pg_dir=$(mktemp -d /tmp/nervewise-pg.XXXXXX)
pg_port=$(free_port)
# PostgreSQL refuses to run as root: as root, run it as the postgres user that Debian's package makes.
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$pg_dir"
  pg() { runuser -u postgres -- "$@"; }
else
  pg() { "$@"; }
fi

stop_pg() {
  pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_pg EXIT

pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Durability settings are off: this server lives for one test run only.
pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
export NERVEWISE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres"
# Each test app would otherwise hold file watchers; the machine's inotify instances run out (often 128 per user).
export DOTNET_hostBuilder__reloadConfigOnChange=false DOTNET_USE_POLLING_FILE_WATCHER=true

# --- The tests -------------------------------------------------------------------------
results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"
export NERVEWISE_SCREENSHOTS="$results/screenshots"

status=0
dotnet build Nervewise.slnx -c Release -nologo -clp:ErrorsOnly || exit 1
# Two lanes at once, as many as the two cores bear (with three, browser tests timed out waiting for pages). The web
# tests, by far the longest project, start at once in one; projects run one after another in each lane. (`dotnet
# test` on the solution ran projects two at a time in the solution's order, so the web tests started last and their
# half hour came on top of the others'.)
# Measurements (Category=Measure, e.g. the 200-person caseload) are run by hand on a quiet machine, not here.
run_project() {
  # A results file named for its project: the lanes start together, and files named by the second could collide.
  dotnet test "$1" -c Release --no-build --nologo --filter "Category!=Measure" \
    --logger "trx;LogFileName=$(basename "$1" .csproj).trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" --blame-hang-timeout 5m
}
lane() {
  local failed=0
  for project in "$@"; do run_project "$project" || failed=1; done
  return "$failed"
}
# Every test project, so that a new one cannot be left out.
web=tests/Nervewise.Web.Tests/Nervewise.Web.Tests.csproj
browser=tests/Nervewise.Browser.Tests/Nervewise.Browser.Tests.csproj
others=()
for project in $(grep -l '<IsTestProject>true</IsTestProject>' tests/*/*.csproj | sort); do
  [ "$project" = "$web" ] || [ "$project" = "$browser" ] || others+=("$project")
done
# Lanes balanced on the clean-clone run at 6a12529 (2,100 tests in 19 min 55 s): the web tests (14 min 40 s) with
# the CLI and data tests (1 min) in one; documents, Domain, durability (3 min) and the browser tests (12 min) in the
# other. The web tests whole: split, their FHIR and SMART part made the other lane the longer by 2 minutes.
web_lane_too=(tests/Nervewise.Cli.Tests/Nervewise.Cli.Tests.csproj tests/Nervewise.Data.Tests/Nervewise.Data.Tests.csproj)
rest=()
for project in "${others[@]}"; do
  [[ " ${web_lane_too[*]} " == *" $project "* ]] || rest+=("$project")
done
lane "$web" "${web_lane_too[@]}" & web_lane=$!
lane "${rest[@]}" "$browser" & other_lane=$!
for pid in "$web_lane" "$other_lane"; do wait "$pid" || status=1; done

# One plain closing line over every project.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*' "$trx" | head -n 1)
  total=$(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")
  ok=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  bad=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + ok)); failed=$((failed + bad)); skipped=$((skipped + total - ok - bad))
done
echo
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then echo "No test ran." >&2; exit 1; fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "A test run was aborted (a crash or a hang): see 'Test Run Aborted' above." >&2
fi
exit "$status"
