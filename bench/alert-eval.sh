#!/usr/bin/env bash
# JMH: one evaluation of the bundled alert rules plus ten more on 5,000 nodes of a hub, every node
# with a new sample before each evaluation (not timed). The average time over one second is the
# share of one core the alerts take at one sample a second.
# Usage: bench/alert-eval.sh [JAVA_HOME] [extra JMH args...]
#   bench/alert-eval.sh                       # default java
#   bench/alert-eval.sh "" -prof gc           # allocation per evaluation
#   bench/alert-eval.sh "" -p nodes=256       # a smaller hub
#   WARMUPS=3 ITERATIONS=5 bench/alert-eval.sh  # shorter
set -euo pipefail
cd "$(dirname "$0")/.."
java_home="${1:-}"
shift || true
java="${java_home:+$java_home/bin/}java"
./mvnw -o -q -P bench test-compile dependency:build-classpath \
	-Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# the store holds 5,000 nodes × 40 metrics × 12 minutes: a heap of a few GB
exec "$java" -Xmx6g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
	org.openjdk.jmh.Main AlertEvaluationBenchmark -f 1 -wi "${WARMUPS:-5}" -w 5s -i "${ITERATIONS:-10}" -r 5s -t 1 "$@"
