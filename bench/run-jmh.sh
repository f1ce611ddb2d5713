#!/usr/bin/env bash
# JMH benchmark of one full probe read (top processes included).
# Usage: bench/run-jmh.sh [JAVA_HOME] [extra JMH args...]
#   bench/run-jmh.sh                                      # default java
#   bench/run-jmh.sh /usr/lib/jvm/temurin-25-jdk-amd64
#   bench/run-jmh.sh "" -p provider=linux,oshi           # also plain OSHI, for comparison
set -euo pipefail
cd "$(dirname "$0")/.."
java_home="${1:-}"
shift || true
java="${java_home:+$java_home/bin/}java"
./mvnw -o -q -P bench test-compile dependency:build-classpath \
	-Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# one fork, short iterations: the machine is shared; sample mode reports the median (p0.50)
exec "$java" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
	org.openjdk.jmh.Main ProbeBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -t 1 "$@"
