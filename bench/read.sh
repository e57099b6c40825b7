#!/usr/bin/env bash
# Read throughput of GET /api/people/{id} (the demo district, the district administrator logged in)
# against two baselines on the same JVM, Jetty and JAX-RS whiteboard, answering the same bytes:
# (a) a bare servlet and (b) a login-free JAX-RS resource of the platform's own application with no
# store (both from bench/bare, installed for this run only). After a first round of 20 s each that
# warms the JIT and is not counted, the three are measured in turn ROUNDS times (default 3) with
# wrk (2 threads, 8 connections, 10 s each); the medians, the ratios and the process's resident
# memory are printed.
#
#   bench/read.sh [rounds]        (build first: mvn -DskipTests install; needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
# the launcher's JVM options (its memory defaults), or JAVA_OPTS when set
opts="${JAVA_OPTS-$(./touyan --print-java-opts)}"
jar="$PWD/distribution/target/touyan.jar"
bare=$(ls "$PWD"/bench/bare/target/org.touyan.bench.bare-*.jar 2>/dev/null | head -1)
[ -f "$jar" ] && [ -n "$bare" ] || { echo "build first: mvn -DskipTests install" >&2; exit 1; }
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }

dir=$(mktemp -d)
mkdir -p "$dir/deploy" "$dir/bench-bundles"
cp distribution/target/plugins/*.jar "$dir/deploy/"
cp "$bare" "$dir/bench-bundles/"
# a second FileInstall watcher, for bundles, on a folder of this run's own
printf 'felix.fileinstall.dir=%s\nfelix.fileinstall.filter=.*\\.jar\nfelix.fileinstall.noInitialDelay=true\n' \
  "$dir/bench-bundles" > "$dir/deploy/org.apache.felix.fileinstall-bench.cfg"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
password="bench-$(date +%s)-Admin"
base="http://127.0.0.1:$port"
pid=
trap 'stop; rm -rf "$dir"' EXIT
stop() { [ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; pid=; }; }
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
# Starts the platform; answers 0 once the demo is loaded and both baselines hold the person's bytes.
start() {
  rm -rf "$dir/data"
  (cd "$dir" && exec java $opts -Dorg.osgi.service.http.port="$port" -Dtouyan.demo=true \
    -Dtouyan.plugins.mode=development -Dtouyan.admin.password="$password" -jar "$jar" >"$dir/out.log" 2>&1) &
  pid=$!
  until curl -s "$base/api/health" | grep -q '"status":"loaded"'; do
    kill -0 "$pid" 2>/dev/null || { cat "$dir/out.log" >&2; exit 1; }
    sleep 0.5
  done
  token=$(python3 bench/session.py "$port" "$password")
  auth="Authorization: Bearer $token"
  id=$(curl -sf -H "$auth" "$base/api/people?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
  curl -sf -H "$auth" "$base/api/people/$id" -o "$dir/body.json"
  for i in $(seq 1 20); do
    [ "$(code -X PUT --data-binary @"$dir/body.json" "$base/bare/servlet")" = 204 ] &&
      [ "$(code -X PUT -H 'Content-Type: application/octet-stream' --data-binary @"$dir/body.json" "$base/api/bench/body")" = 204 ] &&
      curl -sf "$base/bare/servlet" | cmp -s - "$dir/body.json" &&
      curl -sf "$base/api/bench/body" | cmp -s - "$dir/body.json" &&
      [ "$(code -H "$auth" "$base/api/people/$id")" = 200 ] && return 0
    sleep 0.5
  done
  return 1
}
# Should one of the three not answer its own bytes, the run starts again (at most 5 times).
for attempt in 1 2 3 4 5; do
  start && break
  echo "attempt $attempt: a baseline or the platform did not answer its own bytes; starting again" >&2
  stop
  [ "$attempt" = 5 ] && { echo "gave up" >&2; exit 1; }
done

declare -A results=()
run() { # name url [header]
  wrk -t2 -c8 -d"${warm:-10s}" ${3:+-H "$3"} "$2" | awk '/Requests\/sec/ {print int($2)}'
}
# the JIT compiles the three paths first: a first round of each, not counted, then the measured rounds
warm=20s; run platform "$base/api/people/$id" "$auth" >/dev/null; run servlet "$base/bare/servlet" >/dev/null; run jaxrs "$base/api/bench/body" >/dev/null; warm=
for r in $(seq 1 "$rounds"); do
  p=$(run platform "$base/api/people/$id" "$auth"); s=$(run servlet "$base/bare/servlet"); j=$(run jaxrs "$base/api/bench/body")
  results[platform]+="$p "; results[servlet]+="$s "; results[jaxrs]+="$j "
  echo "round $r: platform $p/s, bare servlet $s/s, JAX-RS resource $j/s"
done
median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
p=$(median "${results[platform]}"); s=$(median "${results[servlet]}"); j=$(median "${results[jaxrs]}")
echo "GET /api/people/{id}, $(wc -c < "$dir/body.json") bytes, median of $rounds x 10 s, wrk 2 threads 8 connections:"
echo "  platform $p/s, JAX-RS resource $j/s, bare servlet $s/s"
awk -v p="$p" -v s="$s" -v j="$j" 'BEGIN {printf "  platform / servlet %.3f, platform / JAX-RS %.3f, JAX-RS / servlet %.3f\n", p/s, p/j, j/s}'
echo "  resident memory after the run: $(( $(ps -o rss= -p "$pid") / 1024 )) MB"
echo "JVM options: ${opts:-none}"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
