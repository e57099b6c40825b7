#!/usr/bin/env bash
# The console's first screen: starts the built jar with the demo district, logs in as the district
# administrator in headless Chromium and measures (in the browser) the time from the login click
# until the dashboard's figures and charts are drawn; prints the built assets' size, raw and gzip.
# Build first (mvn -B -DskipTests package). Usage: bench/console.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec node bundles/org.touyan.console/web/e2e/bench.mjs "${1:-5}"
