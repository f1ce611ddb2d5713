#!/usr/bin/env bash
# Bytes on disk per sample and per tier: the recorded hour of this machine's metrics
# (src/test/resources/history/readings-hour.jsonl.gz) and an hour of N simulated nodes.
# Usage: bench/history-size.sh [simulated-nodes]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -o -q -P bench test-compile dependency:build-classpath \
	-Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
	dev.statwall.simulator.HistorySize "${1:-100}" 2>/dev/null
