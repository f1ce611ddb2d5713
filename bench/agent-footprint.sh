#!/usr/bin/env bash
# One agent as deploy/statwall-agent.service runs it (extracted jar, the same JVM flags), sampling
# every second and sending to a hub on this machine. Measures the agent's CPU (% of one core) and
# RSS over a minute, after a warm-up.
#
# usage: ./mvnw -q package -DskipTests && bench/agent-footprint.sh [java]   (default: java on the PATH)
# env:   WARMUP=20 MEASURE=60
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${1:-java}
WARMUP=${WARMUP:-20}
MEASURE=${MEASURE:-60}
OUT=$(mktemp -d /tmp/statwall-agent.XXXXXX)
# a copy: rebuilding target/ under a running Spring Boot jar breaks it
JAR="$OUT/statwall.jar"
cp "$(ls target/statwall-*.jar | head -1)" "$JAR"
# the flags of deploy/statwall-agent.service
AGENT_OPTS=$(sed -n 's/^Environment="JAVA_OPTS=\(.*\)"$/\1/p' deploy/statwall-agent.service)

echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'), $($JAVA -version 2>&1 | head -1)"
java -Djarmode=tools -jar "$JAR" extract --destination "$OUT/app" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -jar "$JAR" --statwall.role=hub --server.port="$port" --statwall.hub.token=bench \
	--statwall.hub.sample-self=false --statwall.data-dir="$OUT/data" >"$OUT/hub.log" 2>&1 &
hub_pid=$!
agent_pid=""
trap 'kill $agent_pid $hub_pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do sleep 1; done
# shellcheck disable=SC2086
$JAVA $AGENT_OPTS -jar "$OUT/app/$(basename "$JAR")" --statwall.role=agent \
	--statwall.hub.url="http://127.0.0.1:$port" --statwall.hub.token=bench --statwall.node-name=bench-agent \
	>"$OUT/agent.log" 2>&1 &
agent_pid=$!
sleep "$WARMUP"
echo "agent at 1 s: $(bench/measure.sh "$agent_pid" "$MEASURE")"
curl -s "http://127.0.0.1:$port/api/v1/nodes/bench-agent" | python3 -c 'import json,sys; n=json.load(sys.stdin); print("hub sees", n["name"], n["status"], "lastSeq", n["lastSeq"])'
