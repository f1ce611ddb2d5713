#!/usr/bin/env bash
# The alerts' CPU cost on a hub as a share of one core: thread CPU time of each evaluation of the
# bundled rules plus ten more on NODES nodes, each node with a new sample every simulated second.
# Usage: bench/alert-cost.sh [NODES] [SECONDS] [JAVA_HOME]    (defaults 5000, 300)
set -euo pipefail
cd "$(dirname "$0")/.."
nodes="${1:-5000}"
seconds="${2:-300}"
java_home="${3:-}"
java="${java_home:+$java_home/bin/}java"
./mvnw -o -q -P bench test-compile dependency:build-classpath \
	-Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec "$java" -Xmx6g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
	dev.statwall.alert.AlertEvaluationCost "$nodes" "$seconds"
