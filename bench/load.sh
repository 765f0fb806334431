#!/usr/bin/env bash
# Load, start-up and footprint of Nervewise, in one command (docs/performance.md).
#
# Publishes the web app and a bare ASP.NET Core app (bench/Nervewise.Bare, the ceilings) in Release, then for the
# bare app, the web app on a fresh SQLite file and the web app on a fresh PostgreSQL database: times start-up to the
# first 200, reads the memory (RSS) when idle, signs in many people through the real forms, and drives the pages and
# the diary API with wrk. After each engine, Nervewise is stopped and the bare app runs POST /api/v1/diary by hand
# on the same database with the same people's cookies ("Bare ASP.NET Core, same work"). Last, the trigger analysis
# is timed in process (bench/Nervewise.Benchmarks speed). Prints a markdown summary with a table of ratios against
# the targets and writes it to TestResults/load/results.md. Takes about six minutes on a quiet machine.
#
# Settings (environment):
#   LOAD_DURATION=15     seconds of each measured wrk run;  LOAD_WARMUP=10: seconds of the warm-up before each
#   LOAD_CONNECTIONS=64  wrk connections;  LOAD_THREADS=2: wrk threads
#   LOAD_PEOPLE=64       people to register and sign in
#   LOAD_STARTS=5        launches timed per app
#   LOAD_POSTGRES        an admin connection string (Host=...;Port=...;Username=...) of a server to use; by
#                        default a throwaway server with its durable defaults is started on a free port
#   LOAD_APP_ENV         extra KEY=VALUE settings for the web app, space-separated (the sign-in and
#                        registration limits are always lifted: the people all register from one address)
#   LOAD_TARGETS         which of "bare sqlite postgres" to measure (all three by default; bare is the ceiling;
#                        the bare app's same-work run comes with each engine)
#   LOAD_TRIGGERS=0      skips the trigger analysis; LOAD_TRIGGERS_COMMAND runs another command in its place (its
#                        last line must be "RESULT ms_per_person_year=X ...")
#   LOAD_PUBLISH_ARGS    what dotnet publish is given besides -c Release (default: -r linux-x64 --self-contained false)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

duration=${LOAD_DURATION:-15}
connections=${LOAD_CONNECTIONS:-64}
threads=${LOAD_THREADS:-2}
people=${LOAD_PEOPLE:-64}
starts=${LOAD_STARTS:-5}
targets=" ${LOAD_TARGETS:-bare sqlite postgres} "
warmup=${LOAD_WARMUP:-10}
read -r -a app_env <<<"RateLimits__Enabled=false ${LOAD_APP_ENV:-}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ $targets == *" postgres "* ]] && [ -z "${LOAD_POSTGRES:-}" ] && [ -z "$pg_bin" ]; then missing+=(postgresql); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi

work=$(mktemp -d /tmp/nervewise-load.XXXXXX)
out="$root/TestResults/load"
mkdir -p "$out"
running=()
pg_dir=""
cleanup() {
  for pid in "${running[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$pg_dir" ]; then pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true; fi
  rm -rf "$work" "$pg_dir"
}
trap cleanup EXIT

# A port the OS says is free right now. Someone may still take it before the app binds it: the starts below
# look for "address already in use" in the app's log and try again on another port.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
port_taken() { grep -qiE 'address already in use|could not bind' "$1"; }
load_average() { cut -d' ' -f1-3 /proc/loadavg; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
rss_mb() { awk -v key="$2:" '$1 == key { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.0f", ($12 + $13) * 1000 / hz }' "/proc/$1/stat"; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2 ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)) }'; }

# --- Build ------------------------------------------------------------------------------
echo "Publishing in Release ..."
# For this platform, so that the web app is compiled ahead of time (ReadyToRun, set in its project file).
read -r -a publish_args <<<"${LOAD_PUBLISH_ARGS:--r linux-x64 --self-contained false}"
dotnet publish src/Nervewise.Web -c Release "${publish_args[@]}" -o "$work/web" -nologo -v quiet -clp:ErrorsOnly >/dev/null
dotnet publish bench/Nervewise.Bare -c Release "${publish_args[@]}" -o "$work/bare" -nologo -v quiet -clp:ErrorsOnly >/dev/null

# --- PostgreSQL ---------------------------------------------------------------------------
pg() { "$@"; }
postgres_admin=${LOAD_POSTGRES:-}
if [[ $targets == *" postgres "* ]] && [ -z "$postgres_admin" ]; then
  pg_dir=$(mktemp -d /tmp/nervewise-load-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$pg_dir"; pg() { runuser -u postgres -- "$@"; }; fi
  pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  for try in 1 2 3 4 5; do
    pg_port=$(free_port)
    rm -f "$pg_dir/server.log" # pg_ctl writes it as postgres: only this try's lines
    # Durable defaults (fsync, synchronous_commit on), as a real server would run; only the pool size is raised.
    pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start \
      -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=200" >/dev/null && break
    port_taken "$pg_dir/server.log" && [ "$try" -lt 5 ] || { tail -n 20 "$pg_dir/server.log" >&2; exit 1; }
    echo "  port $pg_port was taken before PostgreSQL could bind it; trying another"
  done
  postgres_admin="Host=127.0.0.1;Port=$pg_port;Username=postgres"
fi

# --- One app --------------------------------------------------------------------------------
# start_app NAME DIR EXE PORT [KEY=VALUE...]: launches in the background; sets app_pid.
start_app() {
  local name=$1 dir=$2 exe=$3 port=$4
  shift 4
  # curl on loopback plays the proxy: it is named, so the made-up client addresses count for the rate limits.
  (cd "$dir" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
    ForwardedHeaders__KnownProxies__0=127.0.0.1 Email__PickupFolder="$work/mail" \
    "$@" "./$exe" >>"$work/$name.log" 2>&1) &
  app_pid=$!
  running+=("$app_pid")
}

# wait_ready PID URL: prints milliseconds from now-ish (the caller's start) to the first 200, or fails.
wait_ready() {
  local pid=$1 url=$2 started=$3
  for _ in $(seq 1 6000); do
    kill -0 "$pid" 2>/dev/null || { echo "the app stopped during start-up" >&2; return 1; }
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H 'X-Forwarded-Proto: https' "$url")" = 200 ]; then
      echo $(($(now_ms) - started))
      return 0
    fi
    sleep 0.005
  done
  echo "no answer from $url within a minute" >&2
  return 1
}

# launch NAME DIR EXE PATH [KEY=VALUE...]: starts the app on a free port and waits for a 200 from PATH; sets
# app_pid, app_port and launch_ms. A port taken between asking and binding is tried again on another one.
launch() {
  local name=$1 dir=$2 exe=$3 path=$4 try t0 lines
  shift 4
  for try in 1 2 3 4 5; do
    app_port=$(free_port)
    lines=0
    if [ -f "$work/$name.log" ]; then lines=$(wc -l <"$work/$name.log"); fi
    t0=$(now_ms)
    start_app "$name" "$dir" "$exe" "$app_port" "$@"
    if launch_ms=$(wait_ready "$app_pid" "http://127.0.0.1:$app_port$path" "$t0"); then return 0; fi
    stop_app "$app_pid"
    if [ "$try" -lt 5 ] && tail -n +"$((lines + 1))" "$work/$name.log" | port_taken /dev/stdin; then
      echo "  port $app_port was taken before $name could bind it; trying another"
      continue
    fi
    tail -n 30 "$work/$name.log" >&2
    exit 1
  done
}

stop_app() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# measure_starts NAME DIR EXE PATH [KEY=VALUE...]: times $starts launches; the last one is left running
# (app_pid, app_port). Sets first_ms (the first launch, which makes the database), start_ms (median of the
# rest), start_cpu_ms (median CPU time at the first 200) and idle_mb (RSS 5 s after the last launch).
measure_starts() {
  local name=$1 dir=$2 exe=$3 path=$4
  shift 4
  local times=() cpus=() i ms
  for i in $(seq 1 "$starts"); do
    launch "$name" "$dir" "$exe" "$path" "$@"
    ms=$launch_ms
    cpus+=("$(cpu_ms "$app_pid")")
    if [ "$i" -eq 1 ]; then first_ms=$ms; else times+=("$ms"); fi
    echo "  $name start $i: ${ms} ms to the first 200, ${cpus[-1]} ms CPU (load $(load_average))"
    if [ "$i" -lt "$starts" ]; then stop_app "$app_pid"; fi
  done
  start_ms=$(printf '%s\n' "${times[@]:-$first_ms}" | median)
  start_cpu_ms=$(printf '%s\n' "${cpus[@]}" | median)
  sleep 5
  idle_mb=$(rss_mb "$app_pid" VmRSS)
  echo "  $name idle: ${idle_mb} MB RSS"
}

# --- People ---------------------------------------------------------------------------------
# Cookies are read from the headers, not a cookie jar: outside Development they are marked Secure, and
# TLS is the proxy's job (X-Forwarded-Proto says the visit came over HTTPS).
cookie_from() { grep -i "^set-cookie: $2=" "$1" | head -n 1 | sed -E 's/^[^:]*: ([^;]*).*/\1/' | tr -d '\r'; }
token_from() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$1" | head -n 1 | sed -E 's/.*value="([^"]*)"/\1/'; }

# request FILE-PREFIX ARGS...: curl that waits and tries again when a rate limit answers 429.
request() {
  local prefix=$1 status
  shift
  for _ in $(seq 1 60); do
    status=$(curl -s -D "$prefix.h" -o "$prefix.b" -w '%{http_code}' --max-time 30 -H 'X-Forwarded-Proto: https' "$@")
    if [ "$status" != 429 ]; then echo "$status"; return 0; fi
    sleep "$(awk 'tolower($1) == "retry-after:" { print $2 + 0 }' "$prefix.h" | tr -d '\r' | grep . || echo 1)"
  done
  echo 429
}

# confirm_email BASE EMAIL FILE-PREFIX CURL-ARGS...: opens the confirmation link the app wrote to its pickup folder
# (registration never signs anyone in by itself, ADR 17) and presses "Confirm my email".
confirm_email() {
  local base=$1 email=$2 f=$3 link="" anti token status
  shift 3
  for _ in $(seq 1 200); do
    link=$(grep -l -s "^To: .*$email" "$work/mail"/*.eml | head -n 1 | xargs -r /usr/bin/python3 -c '
import email, re, sys
message = email.message_from_binary_file(open(sys.argv[1], "rb"))
for part in message.walk():
    if part.get_content_type() == "text/plain":
        found = re.search(r"https?://[^\s<>]*/account/confirm-email[?][^\s<>]+", part.get_payload(decode=True).decode())
        if found: print(found.group(0))')
    [ -n "$link" ] && break
    sleep 0.05
  done
  [ -n "$link" ] || { echo "no confirmation mail for $email" >&2; return 1; }
  link="$base/account/confirm-email?${link#*\?}"
  request "$f.conf" "$@" "$link" >/dev/null
  anti=$(cookie_from "$f.conf.h" '\.AspNetCore\.Antiforgery\.[^=]*')
  token=$(token_from "$f.conf.b")
  status=$(request "$f.conf2" "$@" -H "Cookie: $anti" --data-urlencode "__RequestVerificationToken=$token" "$link")
  [ "$status" = 302 ] || { echo "confirming $email answered $status" >&2; return 1; }
}

# sign_up BASE N: registers person N through the form, signs in through the form, imports the seed diary,
# and prints "address<TAB>cookie".
sign_up() {
  local base=$1 n=$2 f="$work/people/$2"
  local email="load-$run_tag-$n@example.test" password="load test password $n"
  local address="10.77.$((n / 250)).$((n % 250 + 1))"
  local xff=(-H "X-Forwarded-For: $address") form status anti token auth
  form=(--data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password")

  request "$f.reg" "${xff[@]}" "$base/account/register" >/dev/null
  anti=$(cookie_from "$f.reg.h" '\.AspNetCore\.Antiforgery\.[^=]*')
  token=$(token_from "$f.reg.b")
  # A name is asked for at registration (the clinician's caseload shows it).
  status=$(request "$f.reg2" "${xff[@]}" -H "Cookie: $anti" "${form[@]}" --data-urlencode "Input.ConfirmPassword=$password" \
    --data-urlencode "Input.DisplayName=Load person $n" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/account/register")
  [ "$status" = 302 ] || { echo "registering $email answered $status" >&2; return 1; }
  confirm_email "$base" "$email" "$f" "${xff[@]}" || return 1

  request "$f.in" "${xff[@]}" "$base/account/sign-in" >/dev/null
  anti=$(cookie_from "$f.in.h" '\.AspNetCore\.Antiforgery\.[^=]*')
  token=$(token_from "$f.in.b")
  status=$(request "$f.in2" "${xff[@]}" -H "Cookie: $anti" "${form[@]}" --data-urlencode "__RequestVerificationToken=$token" \
    "$base/account/sign-in")
  auth=$(cookie_from "$f.in2.h" nervewise)
  [ "$status" = 302 ] && [ -n "$auth" ] || { echo "signing in $email answered $status" >&2; return 1; }

  request "$f.imp" "${xff[@]}" -H "Cookie: $auth" "$base/diary/import" >/dev/null
  anti=$(cookie_from "$f.imp.h" '\.AspNetCore\.Antiforgery\.[^=]*')
  token=$(token_from "$f.imp.b")
  status=$(request "$f.imp2" "${xff[@]}" -H "Cookie: $auth; $anti" -F "__RequestVerificationToken=$token" \
    -F "file=@$work/seed.csv;type=text/csv" "$base/diary/import")
  [ "$status" = 302 ] || { echo "importing the seed diary for $email answered $status" >&2; return 1; }

  status=$(request "$f.me" "${xff[@]}" -H "Cookie: $auth" "$base/api/v1/me")
  [ "$status" = 200 ] || { echo "the signed-in $email got $status from /api/v1/me" >&2; return 1; }
  printf '%s\t%s\n' "$address" "$auth"
}

# Twelve weeks of a plausible diary, the timeline page's default span: about 260 entries a person.
awk -v today="$(date -u +%s)" 'BEGIN {
  print "time,type,item,value,duration_minutes,note"
  for (d = 83; d >= 0; d--) {
    day = strftime("%Y-%m-%d", today - d * 86400, 1)
    printf "%sT07:30:00Z,pain,low-back,%d,,\n", day, 2 + d % 4
    printf "%sT12:00:00Z,activity,sitting,,%d,desk day\n", day, 60 + (d % 5) * 30
    printf "%sT20:30:00Z,pain,posterior-thigh,%d,,\n", day, 3 + d % 5
    if (d % 9 == 0) printf "%sT21:15:00Z,flare,back-of-knee,%d,45,\n", day, 7 + d % 3
  }
}' >"$work/seed.csv"

sign_up_everyone() {
  local base=$1
  mkdir -p "$work/people"
  run_tag=$RANDOM$RANDOM
  export -f sign_up confirm_email request cookie_from token_from
  export work run_tag
  local t0
  t0=$(now_ms)
  seq 1 "$people" | xargs -P 4 -I{} bash -c "sign_up $base {}" >"$work/people.tsv"
  [ "$(wc -l <"$work/people.tsv")" -eq "$people" ] || { echo "not everyone could sign up" >&2; exit 1; }
  echo "  $people people registered, signed in and given $(($(wc -l <"$work/seed.csv") - 1)) diary entries each in $(($(now_ms) - t0)) ms"
}

# refresh_cookies BASE: takes each person's sign-in cookie again as a browser would. Five minutes after a cookie was
# issued the app checks the account in full and issues a new one; wrk never keeps it, so without this every later
# request would redo that full check (a person's browser does it once in five minutes).
refresh_cookies() {
  local base=$1 address auth fresh status
  : >"$work/people.fresh"
  while IFS=$'\t' read -r address auth; do
    status=$(request "$work/refresh" -H "X-Forwarded-For: $address" -H "Cookie: $auth" "$base/api/v1/me")
    [ "$status" = 200 ] || { echo "a signed-in person got $status from /api/v1/me before a scenario" >&2; exit 1; }
    fresh=$(cookie_from "$work/refresh.h" nervewise || true)
    # Only a new cookie with a value replaces the old one (an emptied one would be a sign-out).
    [[ $fresh == nervewise=?* ]] || fresh=$auth
    printf '%s\t%s\n' "$address" "$fresh" >>"$work/people.fresh"
  done <"$work/people.tsv"
  mv "$work/people.fresh" "$work/people.tsv"
}

# --- wrk -----------------------------------------------------------------------------------
results="$work/results.tsv"
: >"$results"
# drive TARGET SCENARIO URL MODE EXPECT: a warm-up, then the measured run; appends a row to $results.
drive() {
  local target=$1 scenario=$2 url=$3 mode=$4 expect=$5 line load
  LOAD_MODE=$mode LOAD_EXPECT=$expect LOAD_PEOPLE="${people_file:-}" \
    wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout 5s -s bench/load/wrk.lua "$url" >/dev/null
  load=$(load_average)
  local cpu0
  cpu0=$(cpu_ms "$app_pid")
  line=$(LOAD_MODE=$mode LOAD_EXPECT=$expect LOAD_PEOPLE="${people_file:-}" \
    wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 5s -s bench/load/wrk.lua "$url" | grep '^RESULT')
  # The app's own CPU time per request: unlike requests/s, it hardly depends on what else the machine runs.
  line="$line cpu_us=$(awk -v ms=$(($(cpu_ms "$app_pid") - cpu0)) -v n="$(field "$line" requests)" 'BEGIN { printf "%.0f", n ? ms * 1000 / n : 0 }')"
  echo "  $scenario: ${line#RESULT } (load $load)"
  printf '%s\t%s\t%s\t%s\n' "$target" "$scenario" "$load" "${line#RESULT }" >>"$results"
}
field() { sed -E "s/.*(^| )$2=([^ ]*).*/\2/" <<<"$1"; }

footprint="$work/footprint.tsv"
: >"$footprint"
record_footprint() {
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$first_ms" "$start_ms" "$start_cpu_ms" "$idle_mb" \
    "$(rss_mb "$app_pid" VmRSS)" "$(rss_mb "$app_pid" VmHWM)" >>"$footprint"
}

# --- The runs ------------------------------------------------------------------------------
if [[ $targets == *" bare "* ]]; then
  echo "Bare ASP.NET Core (the ceiling)"
  measure_starts bare "$work/bare" Nervewise.Bare /
  people_file="" drive "Bare ASP.NET Core" "GET / (empty answer)" "http://127.0.0.1:$app_port/" get 200
  record_footprint "Bare ASP.NET Core"
  stop_app "$app_pid"
fi

# run_web TARGET ENGINE [KEY=VALUE...]: Nervewise on one engine, then the bare app's same work on its database.
run_web() {
  local target=$1 engine=$2
  shift 2
  measure_starts web "$work/web" Nervewise.Web /health "$@" "${app_env[@]}"
  local base="http://127.0.0.1:$app_port"
  sign_up_everyone "$base"
  people_file="$work/people.tsv"
  local scenario name path mode expect
  for scenario in "GET /today|/today|get|200" "GET /diary|/diary|get|200" "GET /diary/timeline|/diary/timeline|get|200" \
    "POST /api/v1/diary|/api/v1/diary|post-diary|201"; do
    IFS='|' read -r name path mode expect <<<"$scenario"
    refresh_cookies "$base"
    drive "$target" "$name" "$base$path" "$mode" "$expect"
  done
  record_footprint "$target"
  stop_app "$app_pid"

  # The same work by hand (bench/Nervewise.Bare), on the database Nervewise just made and with the same people's
  # cookies: Nervewise is stopped, so the two never share the machine.
  echo "Bare ASP.NET Core, same work ($engine)"
  launch bare "$work/bare" Nervewise.Bare / "$@"
  drive "Bare ASP.NET Core, same work ($engine)" "POST /api/v1/diary" "http://127.0.0.1:$app_port/api/v1/diary" post-diary 201
  stop_app "$app_pid"
}

if [[ $targets == *" sqlite "* ]]; then
  echo "Nervewise on SQLite"
  run_web "Nervewise, SQLite" SQLite "ConnectionStrings__Nervewise=Data Source=$work/sqlite/nervewise.db"
fi

if [[ $targets == *" postgres "* ]]; then
  echo "Nervewise on PostgreSQL"
  database="nervewise_load_$$_$RANDOM"
  run_web "Nervewise, PostgreSQL" PostgreSQL Database__Provider=postgres "ConnectionStrings__Nervewise=$postgres_admin;Database=$database"
  if [ -n "${LOAD_POSTGRES:-}" ]; then
    # A server we did not start: leave it as we found it.
    psql "$(sed -E 's/;/ /g; s/Host=/host=/I; s/Port=/port=/I; s/Username=/user=/I; s/Password=/password=/I' <<<"$postgres_admin") dbname=postgres" \
      -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null || true
  fi
fi

# --- Trigger analysis ------------------------------------------------------------------------
# In process, over the simulation suite's diaries (bench/Nervewise.Benchmarks), once every app is stopped.
# Its last line: RESULT ms_per_person_year=X person_years=Y runs=N.
triggers_ms=""
if [ "${LOAD_TRIGGERS:-1}" != 0 ]; then
  echo "Trigger analysis"
  trigger_command=${LOAD_TRIGGERS_COMMAND:-dotnet run -c Release --project bench/Nervewise.Benchmarks -- speed}
  trigger_line=$(timeout 600 bash -c "$trigger_command" </dev/null 2>"$work/triggers.err" | tail -n 1 || true)
  if [[ $trigger_line == RESULT\ *ms_per_person_year=* ]]; then
    triggers_ms=$(field "$trigger_line" ms_per_person_year)
    echo "  ${trigger_line#RESULT }"
  else
    echo "  not measured: '$trigger_command' gave no RESULT line"
  fi
fi

# --- Summary ---------------------------------------------------------------------------------
# figure TARGET SCENARIO FIELD: one figure of a wrk run, empty when it was not measured.
figure() { awk -F'\t' -v t="$1" -v s="$2" '$1 == t && $2 == s { print $4 }' "$results" | { read -r line && field "$line" "$3"; } || true; }
# footprint_of TARGET COLUMN: 2 first start, 3 median start, 4 CPU to first 200, 5 idle RSS, 6 RSS after load.
footprint_of() { awk -F'\t' -v t="$1" -v c="$2" '$1 == t { print $c }' "$footprint"; }
# ratio_row NAME ENGINE A B SCALE UNIT TARGET-TEXT TEST: A ÷ B (times SCALE), met when "x TEST" holds.
ratio_row() {
  local name=$1 engine=$2 a=$3 b=$4 scale=$5 unit=$6 target=$7 test=$8
  if [ -z "$a" ] || [ -z "$b" ] || [ "$(awk -v b="$b" 'BEGIN { print (b > 0) }')" != 1 ]; then
    echo "| $name | $engine | not measured | $target | - |"
    return
  fi
  local x exact
  exact=$(awk -v a="$a" -v b="$b" -v k="$scale" 'BEGIN { printf "%.6f", a / b * k }')
  x=$(awk -v x="$exact" -v k="$scale" 'BEGIN { printf (k == 100 ? "%.0f" : "%.1f"), x }')
  # Met or not is decided on the unrounded figure: 49.6 % prints as 50 % but is not met.
  echo "| $name | $engine | $x$unit | $target | $(awk -v x="$exact" "BEGIN { print (x $test) ? \"met\" : \"not met\" }") |"
}
ratios() {
  local engine target bare_get
  bare_get=$(figure "Bare ASP.NET Core" "GET / (empty answer)" cpu_us)
  echo "| Ratio | Engine | Figure | Target | Met |"
  echo "| --- | --- | ---: | --- | --- |"
  for engine in SQLite PostgreSQL; do
    target="Nervewise, $engine"
    grep -q "^$target"$'\t' "$results" || continue
    local same="Bare ASP.NET Core, same work ($engine)"
    ratio_row "Entry: requests/s, Nervewise ÷ bare same work" "$engine" \
      "$(figure "$target" "POST /api/v1/diary" rps)" "$(figure "$same" "POST /api/v1/diary" rps)" 100 " %" "≥ 50 % (aim 70 %)" ">= 50"
    ratio_row "Entry: CPU/request, bare same work ÷ Nervewise" "$engine" \
      "$(figure "$same" "POST /api/v1/diary" cpu_us)" "$(figure "$target" "POST /api/v1/diary" cpu_us)" 100 " %" "≥ 50 % (aim 70 %)" ">= 50"
    ratio_row "Timeline CPU/request ÷ bare GET / CPU/request" "$engine" \
      "$(figure "$target" "GET /diary/timeline" cpu_us)" "$bare_get" 1 "×" "≤ 30×" "<= 30"
    ratio_row "Start-up (median) ÷ bare's" "$engine" \
      "$(footprint_of "$target" 3)" "$(footprint_of "Bare ASP.NET Core" 3)" 1 "×" "≤ 3×" "<= 3"
    ratio_row "Idle RSS ÷ bare's" "$engine" \
      "$(footprint_of "$target" 5)" "$(footprint_of "Bare ASP.NET Core" 5)" 1 "×" "≤ 1.6×" "<= 1.6"
    local after bare_after
    after=$(footprint_of "$target" 6)
    bare_after=$(footprint_of "Bare ASP.NET Core" 6)
    if [ -n "$after" ] && [ -n "$bare_after" ]; then
      echo "| RSS after load (and ÷ bare's after its GET / load) | $engine | $after MB ($(awk -v a="$after" -v b="$bare_after" 'BEGIN { printf "%.1f", a / b }')×) | reported | - |"
    else
      echo "| RSS after load | $engine | ${after:-not measured} MB | reported | - |"
    fi
  done
  if [ -n "$triggers_ms" ]; then
    echo "| Trigger analysis, ms per person-year (in process) | - | $triggers_ms ms | ≤ 1 ms | $(awk -v x="$triggers_ms" 'BEGIN { print (x <= 1) ? "met" : "not met" }') |"
  else
    echo "| Trigger analysis, ms per person-year (in process) | - | not measured | ≤ 1 ms | - |"
  fi
}

{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')),"
  echo "$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, .NET $(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ { v = $2 } END { print v }'), wrk $connections connections on $threads threads, ${duration} s per run after a ${warmup} s warm-up, loopback only."
  echo
  echo "| App | Request | Requests/s | p50 ms | p99 ms | Errors | Share of ceiling | App CPU per request | Load average before |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  ceiling=$(awk -F'\t' '$1 == "Bare ASP.NET Core" { print $4 }' "$results")
  ceiling_rps=$(field "${ceiling:-rps=0}" rps)
  while IFS=$'\t' read -r target scenario load line; do
    rps=$(field "$line" rps)
    share=$(awk -v a="$rps" -v b="$ceiling_rps" 'BEGIN { if (b > 0) printf "%.0f %%", 100 * a / b; else print "-" }')
    errors=$(field "$line" errors)
    [ "$(field "$line" statuses)" = "-" ] || errors="$errors ($(field "$line" statuses))"
    echo "| $target | $scenario | $(printf '%.0f' "$rps") | $(field "$line" p50) | $(field "$line" p99) | $errors | $share | $(field "$line" cpu_us) µs | $load |"
  done <"$results"
  echo
  echo "| App | First start (new database) | Start (median) | CPU to first 200 | RSS idle | RSS after load | Peak RSS |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  while IFS=$'\t' read -r target first start cpu idle after peak; do
    echo "| $target | $first ms | $start ms | $cpu ms | $idle MB | $after MB | $peak MB |"
  done <"$footprint"
  echo
  echo "Ratios (same run; \"bare\" is bench/Nervewise.Bare):"
  echo
  ratios
} >"$out/results.md"
echo
cat "$out/results.md"
echo
echo "Written to TestResults/load/results.md"
