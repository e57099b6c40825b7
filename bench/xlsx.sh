#!/usr/bin/env bash
# Table import benchmark: a department's column of 120,000 communities imported as xlsx and as CSV,
# side by side, by the platform's Tabular and ScoreBook's header and score parsing (see
# bench/XlsxBench.java for what is and is not timed). The JVM gets the launcher's memory options,
# so the figures say whether the import fits the platform's default 256 MB heap.
#
#   bench/xlsx.sh [communities]        (build first: mvn -B -o verify, or -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
for d in bundles/org.touyan.api/target/classes bundles/org.touyan.tabular/target/classes bundles/org.touyan.tabular/target/embedded \
  bundles/org.touyan.evaluation/target/classes; do
  [ -d "$d" ] || { echo "build first: mvn -B -o verify" >&2; exit 1; }
done
cp="bundles/org.touyan.api/target/classes:bundles/org.touyan.tabular/target/classes:bundles/org.touyan.evaluation/target/classes"
for jar in bundles/org.touyan.tabular/target/embedded/*.jar; do cp="$cp:$jar"; done
echo "$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
java ${TOUYAN_MEMORY:--Xms64m -Xmx256m -XX:+UseSerialGC} ${JAVA_OPTS:-} -cp "$cp" bench/XlsxBench.java "$@"
