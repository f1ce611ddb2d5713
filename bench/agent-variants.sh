#!/usr/bin/env bash
# Why the agent runs without an application context: the same sampling, built four ways, measured
# with the agent's JVM flags (deploy/statwall-agent.service) on the jar's own libraries.
#
# usage: ./mvnw -q package -DskipTests && bench/agent-variants.sh [java]
# env:   WARMUP=20 MEASURE=40
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${1:-java}
WARMUP=${WARMUP:-20}
MEASURE=${MEASURE:-40}
OUT=$(mktemp -d /tmp/statwall-variants.XXXXXX)
cp "$(ls target/statwall-*.jar | head -1)" "$OUT/statwall.jar"
java -Djarmode=tools -jar "$OUT/statwall.jar" extract --destination "$OUT/app" >/dev/null
mkdir -p "$OUT/classes"
javac -d "$OUT/classes" -cp "$OUT/app/lib/*" bench/variants/*.java
AGENT_OPTS=$(sed -n 's/^Environment="JAVA_OPTS=\(.*\)"$/\1/p' deploy/statwall-agent.service)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -jar "$OUT/statwall.jar" --statwall.role=hub --server.port="$port" --statwall.hub.token=bench \
	--statwall.hub.sample-self=false --statwall.data-dir="$OUT/data" >"$OUT/hub.log" 2>&1 &
hub_pid=$!
pid=""
trap 'kill $pid $hub_pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do sleep 1; done
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'), $($JAVA -version 2>&1 | head -1)"
measure() {
	local name=$1; shift
	# shellcheck disable=SC2086
	$JAVA $AGENT_OPTS "$@" >"$OUT/$name.log" 2>&1 &
	pid=$!
	sleep "$WARMUP"
	echo "$name: $(bench/measure.sh "$pid" "$MEASURE")"
	kill "$pid"; wait "$pid" 2>/dev/null || true
}
measure full-context -cp "$OUT/classes:$OUT/app/lib/*" FullContext
measure mini-context -cp "$OUT/classes:$OUT/app/lib/*" MiniContext
measure statwall-agent -jar "$OUT/app/statwall.jar" --statwall.role=agent \
	--statwall.hub.url="http://127.0.0.1:$port" --statwall.hub.token=bench --statwall.node-name=variant
measure plain-oshi -cp "$OUT/classes:$OUT/app/lib/*" PlainOshi
