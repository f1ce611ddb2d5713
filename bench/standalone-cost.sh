#!/usr/bin/env bash
# What the whole standalone app costs: the packaged jar, sampling every second and serving its
# pages, with nobody watching. Reports CPU in percent of one core (utime + stime from
# /proc/<pid>/stat after a warm-up) and resident memory at the end.
# Usage: bench/standalone-cost.sh [seconds] [JAVA_HOME] [JVM flags...]
#   bench/standalone-cost.sh 60 "" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss256k -Xmx96m
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
java_home="${2:-}"
shift $(( $# > 2 ? 2 : $# ))
java="${java_home:+$java_home/bin/}java"
warmup=90 # JIT compilation and the first discovery are over by then
[[ -f target/statwall-0.1.0-SNAPSHOT.jar ]] || ./mvnw -q -DskipTests package
jar=$(mktemp --suffix=.jar)
cp target/statwall-0.1.0-SNAPSHOT.jar "$jar" # a rebuild meanwhile must not pull the jar away
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$java" "$@" -jar "$jar" --server.port="$port" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$jar"' EXIT
ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
sleep "$warmup"
start=$(ticks)
sleep "$seconds"
end=$(ticks)
rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
hz=$(getconf CLK_TCK)
"$java" -version 2>&1 | head -1 | sed 's/^/jvm: /'
awk -v t=$((end - start)) -v hz="$hz" -v s="$seconds" -v rss="$rss_kb" -v flags="$*" 'BEGIN {
	printf "flags=[%s] seconds=%d cpu=%.2f%% of one core (%d ticks) rss=%.0f MiB\n", flags, s, 100 * t / hz / s, t, rss / 1024
}'
