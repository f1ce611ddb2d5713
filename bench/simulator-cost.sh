#!/usr/bin/env bash
# The simulator's cost per node, against the hub's (issue 13: at most half). Each run starts a
# receiver and the simulator, each its own JVM, waits WARMUP seconds, then measures both
# processes' CPU (% of one core, from /proc/PID/stat) over MEASURE seconds, and the CPU each
# spends per node per second (µs of CPU per node-sample).
#
#   hub:N   the real hub (sample-self off), N simulated nodes at 1 s
#   sink:N  bench/variants/IngestSink.java, which takes every batch and does nothing: the
#           simulator alone, at node counts this machine's hub cannot take
#
# usage: ./mvnw -q package -DskipTests && bench/simulator-cost.sh [run ...]
#        (default: hub:1000 hub:2000 sink:5000 sink:10000)
# env:   WARMUP=60 MEASURE=60 JAR=target/statwall-0.1.0-SNAPSHOT.jar SIM_OPTS="-Xmx512m"
#        CONCURRENCY=64 (the simulator's senders)
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${WARMUP:-60}
MEASURE=${MEASURE:-60}
SIM_OPTS=${SIM_OPTS:--Xmx512m}
HUB_OPTS=${HUB_OPTS:--Xmx1g}
CONCURRENCY=${CONCURRENCY:-64}
OUT=$(mktemp -d /tmp/statwall-simcost.XXXXXX)
JAR_COPY="$OUT/statwall.jar"   # a copy: rebuilding target/ under a running jar breaks it
cp "${JAR:-$(ls target/statwall-*.jar | head -1)}" "$JAR_COPY"
RUNS=("$@"); [ ${#RUNS[@]} -eq 0 ] && RUNS=(hub:1000 hub:2000 sink:5000 sink:10000)

echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'), $(java -version 2>&1 | head -1)"
echo "jar: ${JAR:-target}, warm-up ${WARMUP}s, measured ${MEASURE}s, logs in $OUT"
receiver=""; sim=""
cleanup() { for pid in $sim $receiver; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cpu_of() { sed 's/cpu=\([0-9.]*\)%.*/\1/' <<<"$1"; }

for run in "${RUNS[@]}"; do
	kind=${run%%:*}; nodes=${run#*:}
	port=$(free_port)
	if [ "$kind" = hub ]; then
		java $HUB_OPTS -jar "$JAR_COPY" --statwall.role=hub --server.port="$port" --statwall.hub.token=bench \
			--statwall.hub.sample-self=false --statwall.data-dir="$OUT/data-$nodes" >"$OUT/hub-$nodes.log" 2>&1 &
		receiver=$!
		until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do sleep 1; done
	else
		java -Xmx512m bench/variants/IngestSink.java "$port" >"$OUT/sink-$nodes.log" 2>&1 &
		receiver=$!
		until curl -s -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.5; done
	fi
	java $SIM_OPTS -jar "$JAR_COPY" --statwall.role=simulator --statwall.hub.url="http://127.0.0.1:$port" \
		--statwall.hub.token=bench --statwall.simulator.nodes="$nodes" --statwall.simulator.die-after=1h \
		--statwall.simulator.flapping=0 --statwall.simulator.concurrency="$CONCURRENCY" >"$OUT/simulator-$kind-$nodes.log" 2>&1 &
	sim=$!
	sleep "$WARMUP"
	bench/measure.sh "$receiver" "$MEASURE" >"$OUT/receiver-$kind-$nodes.measure" &
	measuring=$!
	sim_m=$(bench/measure.sh "$sim" "$MEASURE")
	wait "$measuring"
	rec_m=$(cat "$OUT/receiver-$kind-$nodes.measure")
	load=$(cut -d' ' -f1-3 /proc/loadavg)
	if [ "$kind" = hub ]; then
		taken=$(curl -s "http://127.0.0.1:$port/api/v1/nodes" | python3 -c 'import json,sys; n=json.load(sys.stdin); print(sum(1 for x in n if x["status"]=="online"), "of", len(n), "online")')
	else
		taken=$(grep -h '^sink:' "$OUT/sink-$nodes.log" | tail -1)
	fi
	report=$(grep -h 'Simulator: ' "$OUT/simulator-$kind-$nodes.log" | tail -1 | sed 's/.*Simulator: //' || true)
	kill "$sim"; wait "$sim" 2>/dev/null || true
	kill "$receiver"; wait "$receiver" 2>/dev/null || true
	sim=""; receiver=""
	sim_cpu=$(cpu_of "$sim_m"); rec_cpu=$(cpu_of "$rec_m")
	awk -v run="$run" -v n="$nodes" -v s="$sim_cpu" -v r="$rec_cpu" -v sm="$sim_m" -v rm="$rec_m" -v t="$taken" -v l="$load" -v rep="$report" 'BEGIN {
		printf "%s: simulator %s = %.0f us/node-sample | %s %s = %.0f us/node-sample | simulator/receiver %.2f | %s | load %s\n   simulator says: %s\n",
			run, sm, s * 1e4 / n, (run ~ /^hub/) ? "hub" : "sink", rm, r * 1e4 / n, (r > 0) ? s / r : 0, t, l, rep }'
done
