#!/usr/bin/env bash
# Hostile-input run against the exported jar (demo district and example plugins, development mode)
# on a free port of 127.0.0.1: bench/hostile.py sends N generated hostile requests (default
# 10,000) to every endpoint of the live OpenAPI document. Exit status 1 on any 5xx, any error
# answer that is not a problem, any stack trace or class name in a body, or an unhealthy platform.
#
#   bench/hostile.sh [requests]        (build first: mvn -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
jar="$PWD/distribution/target/touyan.jar"
[ -f "$jar" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
dir=$(mktemp -d)
mkdir -p "$dir/deploy"
cp distribution/target/plugins/*.jar "$dir/deploy/"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
password="bench-$(date +%s)-Admin"
(cd "$dir" && exec java -Dorg.osgi.service.http.port="$port" -Dtouyan.demo=true -Dtouyan.plugins.mode=development \
  -Dtouyan.admin.password="$password" -jar "$jar" >"$dir/out.log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/health")" = 200 ]; do sleep 0.2; done
sleep 10 # let the demo district load
TOKEN=$(python3 bench/session.py "$port" "$password")
export TOKEN
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
python3 bench/hostile.py "$port" "${1:-10000}"
