#!/usr/bin/env bash
# JMH: one metric over 1 h, 24 h, 7 d and 30 d at 600 points, from a store holding 31 days of this
# machine's recorded metrics (src/test/resources/history/readings-hour.jsonl.gz, replayed).
# Usage: bench/history-query.sh [JAVA_HOME] [extra JMH args...]
set -euo pipefail
cd "$(dirname "$0")/.."
java_home="${1:-}"
shift || true
java="${java_home:+$java_home/bin/}java"
./mvnw -o -q -P bench test-compile dependency:build-classpath \
	-Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec "$java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
	org.openjdk.jmh.Main HistoryQueryBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -t 1 "$@"
