#!/usr/bin/env bash
# The overview in the browser: main-thread time per overview update in headless Chromium at
# 1920 × 1080 (DevTools Performance.getMetrics over a window, divided by the messages applied),
# with a hub fed by the simulator. Issue 13, point 6: target ≤ 16 ms (one frame) per update at
# 1,000 nodes.
#
# usage: ./mvnw -q package -DskipTests && bench/overview-browser.sh [nodes ...]   (default: 256 1000)
# env:   JAR=path/to/statwall.jar (default target/statwall-*.jar), WARMUP=30 MEASURE=60,
#        QUERY="size=288" (the overview's parameters: size=1024 shows 1,000 tiles at once)
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${WARMUP:-30}
MEASURE=${MEASURE:-60}
QUERY=${QUERY:-size=288}
OUT=$(mktemp -d /tmp/statwall-browser.XXXXXX)
. bench/cluster.sh
cluster_jar "$OUT"
./mvnw -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt"
NODES=("$@"); [ ${#NODES[@]} -eq 0 ] && NODES=(256 1000)
echo "machine: $(nproc) cores, $(chromium --version 2>/dev/null), $(java -version 2>&1 | head -1); logs in $OUT"
for nodes in "${NODES[@]}"; do
	cluster_start "$OUT" "$nodes"
	result=$(java -cp "$(cat "$OUT/classpath.txt")" bench/variants/OverviewBrowser.java \
		"http://127.0.0.1:$port/?$QUERY" "$WARMUP" "$MEASURE" 2>"$OUT/browser-$nodes.log")
	echo "nodes=$nodes query=$QUERY load=$(cut -d' ' -f1-3 /proc/loadavg) | $result"
	cluster_stop
done
