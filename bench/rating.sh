#!/usr/bin/env bash
# Star-rating benchmark: rates a generated district of 12k, 60k and 120k communities × 11 scores
# for one cycle and stores the ratings, with the platform's rating code on an HSQLDB file database
# and, side by side, on PostgreSQL (see bench/RatingBench.java for what is and is not timed).
# PostgreSQL is a server of the benchmark's own (.ci/postgres: a temporary cluster on a free
# loopback port, stopped at the end); TOUYAN_BENCH_PG_URL=<jdbc url> uses another, and
# TOUYAN_BENCH_PG=off runs HSQLDB alone.
#
#   bench/rating.sh [sizes…]        (build first: mvn -B -o verify, or -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=${MAVEN_REPO:-$HOME/.m2/repository}
hsqldb=$(ls $repo/org/hsqldb/hsqldb/2.7.4/hsqldb-2.7.4*.jar | grep -v sources | head -1)
cp="bundles/org.touyan.api/target/classes:bundles/org.touyan.evaluation/target/classes"
pgjdbc=$(ls $repo/org/postgresql/postgresql/42.7.14/postgresql-42.7.14.jar)
cp="$cp:plugins/org.touyan.plugin.star.district/target/classes:$hsqldb:$pgjdbc"
for d in bundles/org.touyan.api/target/classes bundles/org.touyan.evaluation/target/classes plugins/org.touyan.plugin.star.district/target/classes; do
  [ -d "$d" ] || { echo "build first: mvn -B -o verify" >&2; exit 1; }
done
if [ "${TOUYAN_BENCH_PG:-on}" != off ] && [ -z "${TOUYAN_BENCH_PG_URL:-}" ]; then
  . .ci/postgres
  trap pg_stop EXIT
  pg_start
  export TOUYAN_BENCH_PG_URL="$TOUYAN_TEST_PG_URL"
fi
[ "${TOUYAN_BENCH_PG:-on}" = off ] && unset TOUYAN_BENCH_PG_URL
echo "$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
java ${JAVA_OPTS:-} -cp "$cp" bench/RatingBench.java "$@"
