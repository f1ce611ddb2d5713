#!/usr/bin/env bash
# What one overview viewer costs in bytes: the first overview page (plain and gzipped) and the STOMP
# bytes per second a viewer of the first page receives, with a hub fed by the simulator.
#
# usage: ./mvnw -q package -DskipTests && bench/overview-bytes.sh [nodes ...]   (default: 256 1000)
# env:   JAR=path/to/statwall.jar (default target/statwall-*.jar), WARMUP=20 MEASURE=30,
#        DEST=/user/queue/overview (a jar from before issue 13: DEST=/topic/overview)
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${WARMUP:-20}
MEASURE=${MEASURE:-30}
DEST=${DEST:-/user/queue/overview}
OUT=$(mktemp -d /tmp/statwall-bytes.XXXXXX)
. bench/cluster.sh
cluster_jar "$OUT"
NODES=("$@"); [ ${#NODES[@]} -eq 0 ] && NODES=(256 1000)
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); destination $DEST; logs in $OUT"
for nodes in "${NODES[@]}"; do
	cluster_start "$OUT" "$nodes"
	sleep "$WARMUP"
	plain=$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port/")
	gzipped=$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{size_download}' "http://127.0.0.1:$port/")
	viewer=$(java bench/variants/OverviewViewer.java "ws://127.0.0.1:$port/ws" "$DEST" \
		"q=&status=all&sort=name&page=1&size=288" "$MEASURE")
	echo "nodes=$nodes load=$(cut -d' ' -f1-3 /proc/loadavg) first page: ${plain} B plain, ${gzipped} B with Accept-Encoding: gzip | viewer: $viewer"
	cluster_stop
done
