#!/usr/bin/env bash
# Hub under load: a hub and a simulator, each its own JVM, for each number of nodes.
# Measures the hub's CPU (% of one core) and RSS while it takes one sample per node per second,
# and the time from a sample leaving the simulator to its row reaching a STOMP subscriber.
#
# usage: ./mvnw -q package -DskipTests && bench/hub-load.sh [nodes ...]   (default: 256 1000 5000)
# env:   WARMUP=30 MEASURE=60 HUB_OPTS="-Xmx1g" HUB_ARGS="--statwall.history.enabled=false"
#        HISTORY="on off": each node count once with history kept and once without, one after the
#        other in the same run (the side-by-side comparison in docs/benchmarks.md)
# Other builds on the same machine disturb the numbers: rerun when they look off.
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${WARMUP:-30}
MEASURE=${MEASURE:-60}
HUB_OPTS=${HUB_OPTS:--Xmx1g}
HUB_ARGS=${HUB_ARGS:-}
OUT=$(mktemp -d /tmp/statwall-bench.XXXXXX)
# a copy: rebuilding target/ under a running Spring Boot jar breaks it
JAR="$OUT/statwall.jar"
cp "$(ls target/statwall-*.jar | head -1)" "$JAR"
NODES=("$@"); [ ${#NODES[@]} -eq 0 ] && NODES=(256 1000 5000)
read -r -a HISTORY <<<"${HISTORY:-default}"

echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'), $(java -version 2>&1 | head -1)"
echo "jar: $JAR, logs in $OUT"
hub_pid=""; sim_pid=""
cleanup() { for pid in $sim_pid $hub_pid; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

for nodes in "${NODES[@]}"; do
for history in "${HISTORY[@]}"; do
	case "$history" in
		on) history_args="--statwall.history.enabled=true" ;;
		off) history_args="--statwall.history.enabled=false" ;;
		*) history_args="" ;;
	esac
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	data="$OUT/data-$nodes-$history"
	java $HUB_OPTS -jar "$JAR" --statwall.role=hub --server.port="$port" --statwall.hub.token=bench \
		--statwall.hub.sample-self=false --statwall.data-dir="$data" $history_args $HUB_ARGS >"$OUT/hub-$nodes-$history.log" 2>&1 &
	hub_pid=$!
	until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do sleep 1; done
	java -Xmx512m -jar "$JAR" --statwall.role=simulator --statwall.hub.url="http://127.0.0.1:$port" \
		--statwall.hub.token=bench --statwall.simulator.nodes="$nodes" --statwall.simulator.latency-nodes=16 \
		--statwall.simulator.die-after=1h >"$OUT/simulator-$nodes-$history.log" 2>&1 &
	sim_pid=$!
	sleep "$WARMUP"
	bench/measure.sh "$hub_pid" "$MEASURE" >"$OUT/hub-$nodes-$history.measure" &
	measuring=$!
	sim=$(bench/measure.sh "$sim_pid" "$MEASURE")
	wait "$measuring"
	hub=$(cat "$OUT/hub-$nodes-$history.measure")
	taken=$(curl -s "http://127.0.0.1:$port/api/v1/nodes" | python3 -c 'import json,sys; n=json.load(sys.stdin); print(sum(1 for x in n if x["status"]=="online"), "of", len(n), "online")')
	kill "$sim_pid"; wait "$sim_pid" 2>/dev/null || true
	latency=$(grep -h 'SimulatorMain .*Latency sample to STOMP row' "$OUT/simulator-$nodes-$history.log" | tail -1 | sed 's/.*Latency //' || true)
	kill "$hub_pid"; wait "$hub_pid" 2>/dev/null || true
	hub_pid=""; sim_pid=""
	echo "nodes=$nodes history=$history load=$(cut -d' ' -f1-3 /proc/loadavg) hub: $hub | simulator: $sim | $taken | $latency"
done
done
