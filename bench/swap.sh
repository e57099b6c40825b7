#!/usr/bin/env bash
# Live-swap benchmark: starts the exported jar (demo district, example plugins) on a free port in a
# new working directory, runs bench/SwapBench.java against it (8 clients, >= N requests, 5 swaps of
# the district star formula), stops the platform. Exit status 1 when any answer failed or mixed.
#
#   bench/swap.sh [requests]        (build first: mvn -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
jar="$PWD/distribution/target/touyan.jar"
formula="$PWD/distribution/target/plugins/org.touyan.plugin.star.district-1.0.0.jar"
[ -f "$jar" ] && [ -f "$formula" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }

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
# swapping plugins is the plugin administrator's work
TOKEN=$(python3 bench/session.py "$port" "$password" PLUGIN_ADMIN)
export TOKEN
for _ in $(seq 1 300); do
  bindings=$(curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port/api/plugins/bindings?limit=500" || true)
  [ "$(grep -o '"revision"' <<<"$bindings" | wc -l)" -ge 4 ] && break
  sleep 0.1
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
java bench/SwapBench.java "$port" "$formula" "$dir/deploy" "${1:-6000}"
