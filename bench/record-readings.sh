#!/usr/bin/env bash
# Records this machine's real readings, one a second, into the test resource the compression test
# replays (src/test/resources/history/readings-hour.jsonl.gz).
# Usage: bench/record-readings.sh [samples] [output]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -o -q -P bench test-compile dependency:build-classpath \
	-Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -XX:+UseSerialGC -Xmx64m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
	dev.statwall.series.RecordReadings "${2:-src/test/resources/history/readings-hour.jsonl.gz}" "${1:-3600}"
