#!/usr/bin/env bash
# What sampling costs a whole process: the probe alone, read every second in a lean JVM.
# Reports CPU in percent of one core (utime + stime from /proc/<pid>/stat over the run, after a
# warm-up) and resident memory at the end.
# Usage: bench/probe-cost.sh [linux|oshi] [seconds] [JAVA_HOME]
set -euo pipefail
cd "$(dirname "$0")/.."
provider="${1:-linux}"
seconds="${2:-60}"
java_home="${3:-}"
java="${java_home:+$java_home/bin/}java"
warmup=10
if [[ ! -f target/bench-classpath.txt || ! -d target/test-classes/dev/statwall/sampling ]]; then
	./mvnw -o -q -P bench test-compile dependency:build-classpath \
		-Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi
"$java" -XX:+UseSerialGC -Xmx64m -Xss256k -XX:TieredStopAtLevel=1 \
	-cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
	dev.statwall.sampling.ProbeCost "$provider" $((warmup + seconds + 5)) >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
sleep "$warmup"
start=$(ticks)
sleep "$seconds"
end=$(ticks)
rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
hz=$(getconf CLK_TCK)
"$java" -version 2>&1 | head -1 | sed 's/^/jvm: /'
awk -v t=$((end - start)) -v hz="$hz" -v s="$seconds" -v rss="$rss_kb" -v p="$provider" 'BEGIN {
	printf "provider=%s seconds=%d cpu=%.3f%% of one core (%d ticks) rss=%.1f MiB\n", p, s, 100 * t / hz / s, t, rss / 1024
}'
