#!/usr/bin/env bash
# Soak: a hub with simulated nodes and headless Chromium browsers on the overview and node pages,
# for a long time. Every minute the hub's heap is measured after a full GC (jcmd GC.run, then
# GC.heap_info); at the end the heap's growth per hour after the warm-up is reported: a slope
# fitted through every sample after the warm-up, as a share of the mean heap. A leak shows as
# steady growth; the target is under 1 % an hour.
#
# usage: ./mvnw -q package -DskipTests && bench/soak.sh
# env:   DURATION=30m NODES=256 BROWSERS=20 WARMUP=5m HUB_OPTS="-Xmx512m"
#        CHROMIUM=/usr/bin/chromium
# Browsers alternate between the overview (/) and node pages (/nodes/sim-001, ...). Other work on
# the same machine changes CPU figures, not the heap after a full GC.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds() { case "$1" in *h) echo $(( ${1%h} * 3600 ));; *m) echo $(( ${1%m} * 60 ));; *s) echo "${1%s}";; *) echo "$1";; esac; }
DURATION=$(seconds "${DURATION:-30m}")
WARMUP=$(seconds "${WARMUP:-5m}")
NODES=${NODES:-256}
BROWSERS=${BROWSERS:-20}
HUB_OPTS=${HUB_OPTS:--Xmx512m}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
OUT=$(mktemp -d /tmp/statwall-soak.XXXXXX)
JAR="$OUT/statwall.jar"
cp "$(ls target/statwall-*.jar | head -1)" "$JAR"

echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'), $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "soak: $NODES nodes, $BROWSERS browsers, $((DURATION / 60)) min, warm-up $((WARMUP / 60)) min, hub $HUB_OPTS; logs in $OUT"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java $HUB_OPTS -jar "$JAR" --statwall.role=hub --server.port="$port" --statwall.hub.token=soak \
	--statwall.hub.sample-self=false --statwall.data-dir="$OUT/data" >"$OUT/hub.log" 2>&1 &
hub=$!; pids+=("$hub")
until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do
	kill -0 "$hub" || { echo "hub died: see $OUT/hub.log"; exit 1; }
	sleep 1
done
java -Xmx512m -jar "$JAR" --statwall.role=simulator --statwall.hub.url="http://127.0.0.1:$port" \
	--statwall.hub.token=soak --statwall.simulator.nodes="$NODES" --statwall.simulator.die-after=24h \
	>"$OUT/simulator.log" 2>&1 &
pids+=("$!")
sleep 10
for i in $(seq 1 "$BROWSERS"); do
	if (( i % 2 == 1 )); then page="/"; else page=$(printf '/nodes/sim-%03d' $(( (i * 37) % NODES + 1 ))); fi
	"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$OUT/browser-$i" --window-size=1920,1080 "http://127.0.0.1:$port$page" \
		>"$OUT/browser-$i.log" 2>&1 &
	pids+=("$!")
done

echo "minute,heap_after_gc_kb,hub_rss_kb,hub_cpu_seconds,load"
start=$(date +%s)
samples="$OUT/heap.csv"
ticks=$(getconf CLK_TCK)
while (( $(date +%s) - start < DURATION )); do
	sleep 60
	kill -0 "$hub" || { echo "hub died: see $OUT/hub.log"; exit 1; }
	jcmd "$hub" GC.run >/dev/null
	used=$(jcmd "$hub" GC.heap_info | grep -oE 'total [0-9]+K, used [0-9]+K' | head -1 | grep -oE 'used [0-9]+' | grep -oE '[0-9]+')
	rss=$(awk '/VmRSS/ {print $2}' "/proc/$hub/status")
	cpu=$(awk -v t="$ticks" '{printf "%.0f", ($14 + $15) / t}' "/proc/$hub/stat")
	minute=$(( ($(date +%s) - start) / 60 ))
	line="$minute,$used,$rss,$cpu,$(cut -d' ' -f1 /proc/loadavg)"
	echo "$line" | tee -a "$samples"
done
online=$(curl -s "http://127.0.0.1:$port/api/v1/nodes" | python3 -c 'import json,sys; n=json.load(sys.stdin); print(sum(1 for x in n if x["status"]=="online"), "of", len(n), "online")')
python3 - "$samples" "$((WARMUP / 60))" "$online" <<'PY'
import sys
rows = [list(map(float, line.split(",")[:2])) for line in open(sys.argv[1])]
after = [(m, kb) for m, kb in rows if m >= int(sys.argv[2])]
if len(after) < 3:
    print("too few samples after the warm-up for a slope"); sys.exit(0)
n = len(after)
mx = sum(m for m, _ in after) / n
my = sum(kb for _, kb in after) / n
slope = sum((m - mx) * (kb - my) for m, kb in after) / sum((m - mx) ** 2 for m, _ in after)  # KB per minute
total = sum((kb - my) ** 2 for _, kb in after)
residual = sum((kb - (my + slope * (m - mx))) ** 2 for m, kb in after)
r2 = 1 - residual / total if total else 1.0  # how much of the change the trend explains; near 0 is noise
print(f"after warm-up: {n} samples, heap after full GC {min(kb for _, kb in after)/1024:.1f} to "
      f"{max(kb for _, kb in after)/1024:.1f} MB, mean {my/1024:.1f} MB; "
      f"growth {slope*60/1024:+.2f} MB/h = {slope*60/my*100:+.2f} %/h (R² {r2:.2f}); {sys.argv[3]}")
PY
