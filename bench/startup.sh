#!/usr/bin/env bash
# Launch to ready: a hub and a standalone node from `java` to /actuator/health/readiness UP and to
# the first page served, and an agent (as deploy/statwall-agent.service runs it) from `java` to its
# first sample accepted by a running hub; each RUNS times, with a fresh data directory each time.
#
# usage: ./mvnw -q package -DskipTests && bench/startup.sh [variant ...]
#   variants: jar (java -jar statwall.jar), extracted (the extracted layout, as the unit and the
#   container run it), cds (extracted, with a class data sharing archive made by a training run)
#   default: jar extracted cds; with BASELINE=other.jar also baseline (java -jar other.jar)
#   Runs are interleaved (run 1 of every variant, then run 2, ...): the machine's load moves a lot.
# env:   RUNS=3 JAVA=java JAR=target/statwall-*.jar HUB_OPTS="-Xmx512m" (deploy/statwall-hub.service)
#        BASELINE=path/to/an/older/statwall.jar
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
JAVA=${JAVA:-java}
OUT=$(mktemp -d /tmp/statwall-startup.XXXXXX)
cp "${JAR:-$(ls target/statwall-*.jar | head -1)}" "$OUT/statwall.jar"
VARIANTS=("$@"); [ ${#VARIANTS[@]} -eq 0 ] && VARIANTS=(jar extracted cds)
if [ -n "${BASELINE:-}" ]; then cp "$BASELINE" "$OUT/baseline.jar"; VARIANTS=(baseline "${VARIANTS[@]}"); fi
HUB_OPTS=${HUB_OPTS:-$(sed -n 's/^Environment="JAVA_OPTS=\(.*\)"$/\1/p' deploy/statwall-hub.service)}
AGENT_OPTS=$(sed -n 's/^Environment="JAVA_OPTS=\(.*\)"$/\1/p' deploy/statwall-agent.service)
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'), $($JAVA -version 2>&1 | head -1)"
echo "logs in $OUT"
"$JAVA" -Djarmode=tools -jar "$OUT/statwall.jar" extract --destination "$OUT/app" >/dev/null
if printf '%s\n' "${VARIANTS[@]}" | grep -qx cds; then
	# Spring Boot's training run: start the context, stop after refresh, keep the classes it loaded
	"$JAVA" -XX:ArchiveClassesAtExit="$OUT/app/statwall.jsa" -Dspring.context.exit=onRefresh \
		-jar "$OUT/app/statwall.jar" --statwall.role=hub --statwall.hub.token=training --server.port=0 \
		--statwall.data-dir="$OUT/training" >"$OUT/training.log" 2>&1 || true
	ls -la "$OUT/app/statwall.jsa" | awk '{print "cds archive: " $5 " bytes"}'
fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
command_for() { # variant → the java command line up to the application's arguments
	case "$1" in
		jar) echo "-jar $OUT/statwall.jar" ;;
		baseline) echo "-jar $OUT/baseline.jar" ;;
		extracted) echo "-jar $OUT/app/statwall.jar" ;;
		cds) echo "-XX:SharedArchiveFile=$OUT/app/statwall.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -jar $OUT/app/statwall.jar" ;;
	esac
}
# launch → ready → first page, timed from before exec to each answer (python polls every 10 ms)
time_server() { # role variant run
	local role=$1 variant=$2 run=$3 port; port=$(free_port)
	python3 - "$JAVA" "$port" "$OUT/$role-$variant-$run.log" $HUB_OPTS $(command_for "$variant") \
		--statwall.role="$role" --server.port="$port" --statwall.hub.token=bench --statwall.hub.sample-self=true \
		--statwall.data-dir="$OUT/data-$role-$variant-$run" <<'PY'
import subprocess, sys, time, urllib.request
java, port, log, args = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
start = time.monotonic()
proc = subprocess.Popen([java] + args, stdout=open(log, "w"), stderr=subprocess.STDOUT)
def get(path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as r:
            return r.status, r.read()
    except Exception as e:
        return getattr(e, "code", 0), b""
ready = page = None
cpu = 0.0
def cpu_seconds(): # user + system CPU of the JVM so far: the work of starting, whatever else runs here
    fields = open(f"/proc/{proc.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100
try:
    while time.monotonic() - start < 120:
        status, body = get("/actuator/health/readiness")
        if status == 200 and b'"UP"' in body:
            ready = time.monotonic() - start
            cpu = cpu_seconds()
            break
        time.sleep(0.01)
    status, body = get("/")
    if status == 200:
        page = time.monotonic() - start
finally:
    proc.terminate(); proc.wait()
spring = ""
for line in open(log):
    if "Started StatwallApplication in" in line:
        spring = line.split("Started StatwallApplication in ")[1].split(" seconds")[0]
print(f"ready={ready:.2f}s first_page={page:.2f}s spring_reports={spring}s cpu_to_ready={cpu:.2f}s" if ready and page
      else f"failed (ready={ready}, page={page}), see {log}")
PY
}
time_agent() { # variant run hub_port
	local variant=$1 run=$2 port=$3 name="startup-$1-$2"
	python3 - "$JAVA" "$port" "$name" "$OUT/agent-$variant-$run.log" $AGENT_OPTS $(command_for "$variant") \
		--statwall.role=agent --statwall.hub.url="http://127.0.0.1:$port" --statwall.hub.token=bench \
		--statwall.node-name="$name" <<'PY'
import json, subprocess, sys, time, urllib.request
java, port, name, log, args = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
start = time.monotonic()
proc = subprocess.Popen([java] + args, stdout=open(log, "w"), stderr=subprocess.STDOUT)
taken = None
try:
    while time.monotonic() - start < 60:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/nodes/{name}", timeout=2) as r:
                if json.load(r).get("lastSeq", 0) > 0:
                    taken = time.monotonic() - start
                    break
        except Exception:
            pass
        time.sleep(0.01)
finally:
    proc.terminate(); proc.wait()
print(f"first_sample_accepted={taken:.2f}s" if taken else f"failed, see {log}")
PY
}
for ((run = 1; run <= RUNS; run++)); do
	for role in hub standalone; do
		for variant in "${VARIANTS[@]}"; do
			echo "$role $variant run $run: $(time_server "$role" "$variant" "$run") load=$(cut -d' ' -f1-3 /proc/loadavg)"
		done
	done
done
# agents send to one hub that stays up
port=$(free_port)
"$JAVA" -Xmx512m -jar "$OUT/statwall.jar" --statwall.role=hub --server.port="$port" --statwall.hub.token=bench \
	--statwall.hub.sample-self=false --statwall.data-dir="$OUT/data-agents-hub" >"$OUT/agents-hub.log" 2>&1 &
hub_pid=$!
trap 'kill $hub_pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do sleep 0.2; done
for ((run = 1; run <= RUNS; run++)); do
	for variant in "${VARIANTS[@]}"; do
		[ "$variant" = cds ] && continue # the archive was made by a hub: an agent loads other classes
		echo "agent $variant run $run: $(time_agent "$variant" "$run" "$port") load=$(cut -d' ' -f1-3 /proc/loadavg)"
	done
done
