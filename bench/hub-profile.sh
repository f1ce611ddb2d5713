#!/usr/bin/env bash
# A JDK Flight Recorder profile of a hub taking NODES simulated nodes a second (simulator in its own
# JVM), recorded after WARMUP seconds for MEASURE seconds, with the hub's CPU over the same window;
# prints the top frames (bench/jfr-top.py).
# usage: ./mvnw -q package -DskipTests && bench/hub-profile.sh [nodes]   (default 1000)
# env:   WARMUP=120 MEASURE=60 HUB_OPTS="-Xmx1g" JAR=target/statwall-*.jar
set -euo pipefail
cd "$(dirname "$0")/.."
NODES=${1:-1000}
WARMUP=${WARMUP:-120}
MEASURE=${MEASURE:-60}
HUB_OPTS=${HUB_OPTS:--Xmx1g}
OUT=$(mktemp -d /tmp/statwall-profile.XXXXXX)
cp "${JAR:-$(ls target/statwall-*.jar | head -1)}" "$OUT/statwall.jar"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); logs and recording in $OUT"
java $HUB_OPTS -XX:StartFlightRecording=delay=${WARMUP}s,duration=${MEASURE}s,settings=profile,filename="$OUT/hub.jfr" \
	-jar "$OUT/statwall.jar" --statwall.role=hub --server.port="$port" --statwall.hub.token=bench \
	--statwall.hub.sample-self=false --statwall.data-dir="$OUT/data" >"$OUT/hub.log" 2>&1 &
hub_pid=$!
sim_pid=""
trap 'kill $sim_pid $hub_pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do sleep 1; done
java -Xmx512m -jar "$OUT/statwall.jar" --statwall.role=simulator --statwall.hub.url="http://127.0.0.1:$port" \
	--statwall.hub.token=bench --statwall.simulator.nodes="$NODES" --statwall.simulator.die-after=1h \
	>"$OUT/simulator.log" 2>&1 &
sim_pid=$!
sleep "$WARMUP"
echo "hub: $(bench/measure.sh "$hub_pid" "$MEASURE") load=$(cut -d' ' -f1-3 /proc/loadavg)"
sleep 5
until [ -s "$OUT/hub.jfr" ]; do sleep 1; done
bench/jfr-top.py "$OUT/hub.jfr"
