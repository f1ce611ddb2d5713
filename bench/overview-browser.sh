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
JAR_COPY="$OUT/statwall.jar"
cp "${JAR:-$(ls target/statwall-*.jar | head -1)}" "$JAR_COPY"
./mvnw -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt"
NODES=("$@"); [ ${#NODES[@]} -eq 0 ] && NODES=(256 1000)
echo "machine: $(nproc) cores, $(chromium --version 2>/dev/null), $(java -version 2>&1 | head -1); logs in $OUT"
hub_pid=""; sim_pid=""
cleanup() { for pid in $sim_pid $hub_pid; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
for nodes in "${NODES[@]}"; do
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	java -Xmx1g -jar "$JAR_COPY" --statwall.role=hub --server.port="$port" --statwall.hub.token=bench \
		--statwall.hub.sample-self=false --statwall.data-dir="$OUT/data-$nodes" >"$OUT/hub-$nodes.log" 2>&1 &
	hub_pid=$!
	until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do sleep 1; done
	java -Xmx512m -jar "$JAR_COPY" --statwall.role=simulator --statwall.hub.url="http://127.0.0.1:$port" \
		--statwall.hub.token=bench --statwall.simulator.nodes="$nodes" --statwall.simulator.latency-nodes=0 \
		--statwall.simulator.die-after=1h >"$OUT/simulator-$nodes.log" 2>&1 &
	sim_pid=$!
	result=$(java -cp "$(cat "$OUT/classpath.txt")" bench/variants/OverviewBrowser.java \
		"http://127.0.0.1:$port/?$QUERY" "$WARMUP" "$MEASURE" 2>"$OUT/browser-$nodes.log")
	echo "nodes=$nodes query=$QUERY load=$(cut -d' ' -f1-3 /proc/loadavg) | $result"
	kill "$sim_pid" "$hub_pid"; wait "$sim_pid" "$hub_pid" 2>/dev/null || true
	hub_pid=""; sim_pid=""
done
