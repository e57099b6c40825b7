#!/usr/bin/env bash
# Star-rating benchmark: rates a generated district of 12k, 60k and 120k communities × 11 scores
# for one cycle and stores the ratings, with the platform's rating code on an HSQLDB file database
# (see bench/RatingBench.java for what is and is not timed).
#
#   bench/rating.sh [sizes…]        (build first: mvn -B -o verify, or -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
hsqldb=$(ls ~/.m2/repository/org/hsqldb/hsqldb/2.7.4/hsqldb-2.7.4*.jar | grep -v sources | head -1)
cp="bundles/org.touyan.api/target/classes:bundles/org.touyan.evaluation/target/classes"
cp="$cp:plugins/org.touyan.plugin.star.district/target/classes:$hsqldb"
for d in bundles/org.touyan.api/target/classes bundles/org.touyan.evaluation/target/classes plugins/org.touyan.plugin.star.district/target/classes; do
  [ -d "$d" ] || { echo "build first: mvn -B -o verify" >&2; exit 1; }
done
echo "$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
java ${JAVA_OPTS:-} -cp "$cp" bench/RatingBench.java "$@"
