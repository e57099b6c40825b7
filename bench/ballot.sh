#!/usr/bin/env bash
# The residents' ballot page on a phone: starts the built jar with the demo district, opens a
# half-year and issues ballots, then opens the page in headless Chromium at 375×667 under a
# throttled phone profile (1.6 Mbps, 150 ms RTT, CPU 4× slower, empty cache) and prints what it
# transfers and the time until it can be used, beside the console's login page.
# Build first (mvn -B -DskipTests package). Usage: bench/ballot.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec node bundles/org.touyan.console/web/e2e/ballot-bench.mjs "${1:-5}"
