#!/usr/bin/env bash
# Cold start to the first 200, the platform against a bare Jetty, alternated in one run, RUNS
# times each (default 5); the medians and their ratio are printed.
# - platform: the exported jar to the first 200 on /api/health, each run in a new working
#   directory (no OSGi cache, no database), with the launcher's JVM options (./touyan's defaults,
#   or JAVA_OPTS when set);
# - bare Jetty: bench/BareJetty.java, the Jetty 12 the platform embeds (taken from the jar's own
#   HTTP bundle) started by a plain main, to its first 200.
# The clock starts just before `java` and stops at the first 200, polled every 20 ms.
#
#   bench/startup.sh [runs]        (build first: mvn -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
jar="$PWD/distribution/target/touyan.jar"
[ -f "$jar" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
opts="${JAVA_OPTS-$(./touyan --print-java-opts)}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && unzip -q "$jar" 'jar/org.apache.felix.http.jetty12-*.jar' 'jar/slf4j-api-*.jar')
bare_cp="$work/classes:$(ls "$work"/jar/org.apache.felix.http.jetty12-*.jar):$(ls "$work"/jar/slf4j-api-*.jar)"
javac -d "$work/classes" -cp "$bare_cp" bench/BareJetty.java

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# time_to_200 <url> <command…>: milliseconds from the start of the command to the first 200
time_to_200() {
  local url=$1 dir pid start ms
  shift
  dir=$(mktemp -d)
  start=$(date +%s%N)
  (cd "$dir" && exec "$@" >"$dir/out.log" 2>&1) &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "exited before its first 200; see $dir/out.log" >&2; exit 1; }
    [ $(( ($(date +%s%N) - start) / 1000000 )) -lt 60000 ] || { echo "not ready in 60 s" >&2; kill "$pid"; exit 1; }
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
  echo "$ms"
}

platform=(); bare=()
for i in $(seq 1 "$runs"); do
  port=$(free_port)
  # shellcheck disable=SC2086 # the options are words
  p=$(time_to_200 "http://127.0.0.1:$port/api/health" java $opts -Dorg.osgi.service.http.port="$port" -jar "$jar")
  port=$(free_port)
  b=$(time_to_200 "http://127.0.0.1:$port/" java -cp "$bare_cp" BareJetty "$port")
  platform+=("$p"); bare+=("$b")
  echo "run $i: platform ${p} ms, bare Jetty ${b} ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
p=$(median "${platform[@]}"); b=$(median "${bare[@]}")
echo "cold start to the first 200, median of $runs runs each, alternated: platform ${p} ms, bare Jetty ${b} ms," \
  "ratio $(awk -v p="$p" -v b="$b" 'BEGIN {printf "%.1f", p/b}')×"
echo "JVM options: ${opts:-none}"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
