#!/usr/bin/env bash
# The statwall agent against collectd and node_exporter, each ALONE, in one run: CPU (% of one core)
# and RSS over MEASURE seconds after WARMUP seconds, RUNS times, then each one's range.
#
#   statwall agent  as deploy/statwall-agent.service runs it (extracted jar, the unit's JVM flags),
#                   full probe at 1 s, sending to a hub on this machine (the hub is not measured)
#   collectd        Debian's, plugins cpu, memory, interface, disk, df, load, processes at 1 s,
#                   sending to 127.0.0.1:25826 with the network plugin (as it would to a server)
#   node_exporter   Debian's prometheus-node-exporter with the same collectors (cpu, meminfo,
#                   netdev, diskstats, filesystem, loadavg, processes), scraped once a second
#
# usage: ./mvnw -q package -DskipTests && bench/agent-vs-collectd.sh    (as root: installs with apt-get)
# env:   RUNS=2 WARMUP=20 MEASURE=60 JAVA=java
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-2}
WARMUP=${WARMUP:-20}
MEASURE=${MEASURE:-60}
JAVA=${JAVA:-java}
if ! command -v collectd >/dev/null || ! command -v prometheus-node-exporter >/dev/null; then
	apt-get update -qq
	# installed, not started: the script starts each itself, alone
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends collectd-core prometheus-node-exporter >/dev/null
fi
OUT=$(mktemp -d /tmp/statwall-peers.XXXXXX)
cp "$(ls target/statwall-*.jar | head -1)" "$OUT/statwall.jar"
"$JAVA" -Djarmode=tools -jar "$OUT/statwall.jar" extract --destination "$OUT/app" >/dev/null
AGENT_OPTS=$(sed -n 's/^Environment="JAVA_OPTS=\(.*\)"$/\1/p' deploy/statwall-agent.service)
cat >"$OUT/collectd.conf" <<CONF
Hostname "bench"
FQDNLookup false
Interval 1
BaseDir "$OUT/collectd"
PIDFile "$OUT/collectd.pid"
PluginDir "/usr/lib/collectd"
TypesDB "/usr/share/collectd/types.db"
LoadPlugin cpu
LoadPlugin memory
LoadPlugin interface
LoadPlugin disk
LoadPlugin df
LoadPlugin load
LoadPlugin processes
LoadPlugin network
<Plugin network>
  Server "127.0.0.1" "25826"
</Plugin>
CONF
mkdir -p "$OUT/collectd"
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'), $($JAVA -version 2>&1 | head -1)"
echo "$(collectd -h 2>&1 | grep -o 'collectd [0-9][0-9.a-z]*' | head -1), $(prometheus-node-exporter --version 2>&1 | head -1)"
echo "logs in $OUT"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
nport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$JAVA" -Xmx256m -jar "$OUT/statwall.jar" --statwall.role=hub --server.port="$port" --statwall.hub.token=bench \
	--statwall.hub.sample-self=false --statwall.data-dir="$OUT/data" >"$OUT/hub.log" 2>&1 &
hub_pid=$!
peer=""; scraper=""
trap 'kill $scraper $peer $hub_pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do sleep 1; done
measure() { # name command... : runs it alone, prints its CPU and RSS
	local name=$1; shift
	"$@" >"$OUT/$name.log" 2>&1 &
	peer=$!
	if [ "$name" = node_exporter ]; then
		python3 -c 'import sys,time,urllib.request
while True:
    urllib.request.urlopen(sys.argv[1]).read(); time.sleep(max(0, 1 - time.time() % 1))' \
			"http://127.0.0.1:$nport/metrics" >/dev/null 2>&1 &
		scraper=$!
	fi
	sleep "$WARMUP"
	echo "$name run $run: $(bench/measure.sh "$peer" "$MEASURE") load=$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/results"
	kill $scraper $peer 2>/dev/null || true
	wait $scraper $peer 2>/dev/null || true
	peer=""; scraper=""
}
for ((run = 1; run <= RUNS; run++)); do
	# shellcheck disable=SC2086
	measure statwall-agent "$JAVA" $AGENT_OPTS -jar "$OUT/app/statwall.jar" --statwall.role=agent \
		--statwall.hub.url="http://127.0.0.1:$port" --statwall.hub.token=bench --statwall.node-name=bench-agent-$run
	measure collectd collectd -f -C "$OUT/collectd.conf"
	measure node_exporter prometheus-node-exporter --web.listen-address="127.0.0.1:$nport" --collector.disable-defaults \
		--collector.cpu --collector.meminfo --collector.netdev --collector.diskstats --collector.filesystem \
		--collector.loadavg --collector.processes
done
echo "ranges over $RUNS runs:"
for name in statwall-agent collectd node_exporter; do
	grep "^$name " "$OUT/results" | sed 's/.*cpu=\([0-9.]*\)%.*rss_avg=\([0-9.]*\)MB.*/\1 \2/' |
		awk -v n="$name" 'NR==1{cmin=cmax=$1; rmin=rmax=$2} {if($1<cmin)cmin=$1; if($1>cmax)cmax=$1; if($2<rmin)rmin=$2; if($2>rmax)rmax=$2}
			END {printf "  %-15s CPU %s–%s %%   RSS %s–%s MB\n", n, cmin, cmax, rmin, rmax}'
done
