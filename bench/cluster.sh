# Sourced by the overview benchmarks: a hub and a simulator, each its own JVM, from one copy of the jar.
#   cluster_jar OUT          copies $JAR (default target/statwall-*.jar) to OUT/statwall.jar
#   cluster_start OUT NODES  starts both, waits for the hub's health, sets $port
#   cluster_stop             stops both (also on exit)
hub_pid=""; sim_pid=""; port=""
cluster_stop() {
	for pid in $sim_pid $hub_pid; do kill "$pid" 2>/dev/null || true; done
	for pid in $sim_pid $hub_pid; do wait "$pid" 2>/dev/null || true; done
	hub_pid=""; sim_pid=""
}
trap cluster_stop EXIT

cluster_jar() {
	cp "${JAR:-$(ls target/statwall-*.jar | head -1)}" "$1/statwall.jar"
}

cluster_start() {
	local out=$1 nodes=$2
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	java -Xmx1g -jar "$out/statwall.jar" --statwall.role=hub --server.port="$port" --statwall.hub.token=bench \
		--statwall.hub.sample-self=false --statwall.data-dir="$out/data-$nodes" >"$out/hub-$nodes.log" 2>&1 &
	hub_pid=$!
	until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do sleep 1; done
	java -Xmx512m -jar "$out/statwall.jar" --statwall.role=simulator --statwall.hub.url="http://127.0.0.1:$port" \
		--statwall.hub.token=bench --statwall.simulator.nodes="$nodes" --statwall.simulator.latency-nodes=0 \
		--statwall.simulator.die-after=1h >"$out/simulator-$nodes.log" 2>&1 &
	sim_pid=$!
}
