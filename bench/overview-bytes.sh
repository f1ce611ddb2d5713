#!/usr/bin/env bash
# What one overview viewer costs in bytes: the first overview page (plain and gzipped) and the STOMP
# bytes per second a viewer of the first page receives, with a hub fed by the simulator.
#
# usage: ./mvnw -q package -DskipTests && bench/overview-bytes.sh [nodes ...]   (default: 256 1000)
# env:   JAR=path/to/statwall.jar (default target/statwall-*.jar), WARMUP=20 MEASURE=30,
#        DEST=/user/queue/overview (a jar from before issue 13: DEST=/topic/overview)
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${WARMUP:-20}
MEASURE=${MEASURE:-30}
DEST=${DEST:-/user/queue/overview}
OUT=$(mktemp -d /tmp/statwall-bytes.XXXXXX)
JAR_COPY="$OUT/statwall.jar"
cp "${JAR:-$(ls target/statwall-*.jar | head -1)}" "$JAR_COPY"
NODES=("$@"); [ ${#NODES[@]} -eq 0 ] && NODES=(256 1000)
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); destination $DEST; logs in $OUT"
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
	sleep "$WARMUP"
	plain=$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port/")
	gzipped=$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{size_download}' "http://127.0.0.1:$port/")
	viewer=$(java bench/variants/OverviewViewer.java "ws://127.0.0.1:$port/ws" "$DEST" \
		"q=&status=all&sort=name&page=1&size=288" "$MEASURE")
	echo "nodes=$nodes load=$(cut -d' ' -f1-3 /proc/loadavg) first page: ${plain} B plain, ${gzipped} B with Accept-Encoding: gzip | viewer: $viewer"
	kill "$sim_pid" "$hub_pid"; wait "$sim_pid" "$hub_pid" 2>/dev/null || true
	hub_pid=""; sim_pid=""
done
