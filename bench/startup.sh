#!/usr/bin/env bash
# Cold start of the exported jar to the first 200 on /api/health, median of N runs (default 5).
# Each run gets a new working directory (no OSGi cache, no database) and its own free port; the
# clock starts just before `java -jar` and stops at the first 200, polled every 20 ms.
#
#   bench/startup.sh [runs]        (build first: mvn -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
jar="$PWD/distribution/target/touyan.jar"
[ -f "$jar" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

times=()
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  port=$(free_port)
  start=$(date +%s%N)
  (cd "$dir" && exec java ${JAVA_OPTS:-} -Dorg.osgi.service.http.port="$port" -jar "$jar" >"$dir/out.log" 2>&1) &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/health")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "run $i: the platform exited; see $dir/out.log" >&2; exit 1; }
    [ $(( ($(date +%s%N) - start) / 1000000 )) -lt 60000 ] || { echo "run $i: not ready in 60 s" >&2; kill "$pid"; exit 1; }
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "cold start to first 200 on /api/health: median ${median} ms of ${runs} runs ($(nproc) cores, $(java -version 2>&1 | head -1))"
