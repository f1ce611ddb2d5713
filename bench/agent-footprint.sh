#!/usr/bin/env bash
# One agent as deploy/statwall-agent.service runs it (extracted jar, the same JVM flags), sampling
# every second and sending to a hub on this machine. Measures the agent's CPU (% of one core) and
# RSS over a minute, after a warm-up.
#
# usage: ./mvnw -q package -DskipTests && bench/agent-footprint.sh [java]   (default: java on the PATH)
# env:   WARMUP=20 MEASURE=60 TLS=0 (TLS=1: the hub serves HTTPS with a certificate from a private CA
#        made here with openssl, and the agent trusts it through statwall.hub.ca-file)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${1:-java}
WARMUP=${WARMUP:-20}
MEASURE=${MEASURE:-60}
TLS=${TLS:-0}
OUT=$(mktemp -d /tmp/statwall-agent.XXXXXX)
# a copy: rebuilding target/ under a running Spring Boot jar breaks it
JAR="$OUT/statwall.jar"
cp "$(ls target/statwall-*.jar | head -1)" "$JAR"
# the flags of deploy/statwall-agent.service
AGENT_OPTS=$(sed -n 's/^Environment="JAVA_OPTS=\(.*\)"$/\1/p' deploy/statwall-agent.service)

echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'), $($JAVA -version 2>&1 | head -1)"
java -Djarmode=tools -jar "$JAR" extract --destination "$OUT/app" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
SCHEME=http HUB_TLS=() AGENT_TLS=() CURL=(curl -sf)
if [ "$TLS" = 1 ]; then
	# the README's private CA, "TLS between agents and hub"
	mkdir -p "$OUT/tls" && cd "$OUT/tls"
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 -subj "/CN=statwall CA" \
		-keyout ca.key -out ca.crt 2>/dev/null
	openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=localhost" -keyout hub.key \
		-out hub.csr 2>/dev/null
	printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >hub.ext
	openssl x509 -req -in hub.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 825 -extfile hub.ext -out hub.crt 2>/dev/null
	cd - >/dev/null
	SCHEME=https
	HUB_TLS=(--server.ssl.bundle=hub "--spring.ssl.bundle.pem.hub.keystore.certificate=file:$OUT/tls/hub.crt"
		"--spring.ssl.bundle.pem.hub.keystore.private-key=file:$OUT/tls/hub.key")
	AGENT_TLS=("--statwall.hub.ca-file=$OUT/tls/ca.crt")
	CURL=(curl -sf --cacert "$OUT/tls/ca.crt")
fi
java -jar "$JAR" --statwall.role=hub --server.port="$port" --statwall.hub.token=bench \
	--statwall.hub.sample-self=false --statwall.data-dir="$OUT/data" "${HUB_TLS[@]}" >"$OUT/hub.log" 2>&1 &
hub_pid=$!
agent_pid=""
trap 'kill $agent_pid $hub_pid 2>/dev/null || true' EXIT
until "${CURL[@]}" "$SCHEME://127.0.0.1:$port/actuator/health" >/dev/null; do sleep 1; done
# shellcheck disable=SC2086
$JAVA $AGENT_OPTS -jar "$OUT/app/$(basename "$JAR")" --statwall.role=agent \
	--statwall.hub.url="$SCHEME://127.0.0.1:$port" --statwall.hub.token=bench --statwall.node-name=bench-agent \
	"${AGENT_TLS[@]}" \
	>"$OUT/agent.log" 2>&1 &
agent_pid=$!
sleep "$WARMUP"
echo "agent at 1 s: $(bench/measure.sh "$agent_pid" "$MEASURE")"
"${CURL[@]}" "$SCHEME://127.0.0.1:$port/api/v1/nodes/bench-agent" | python3 -c 'import json,sys; n=json.load(sys.stdin); print("hub sees", n["name"], n["status"], "lastSeq", n["lastSeq"])'
