#!/usr/bin/env bash
# Measures one running process: CPU% of one core and RSS, over a window.
# usage: bench/measure.sh PID SECONDS   → prints "cpu=0.42% rss_avg=51.3MB rss_max=52.0MB"
set -euo pipefail
pid=$1; seconds=${2:-60}
hz=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
start_ticks=$(ticks); start=$(date +%s.%N)
sum=0; max=0; n=0
for ((i = 0; i < seconds; i++)); do
	sleep 1
	r=$(rss); sum=$((sum + r)); n=$((n + 1)); ((r > max)) && max=$r
done
end_ticks=$(ticks); end=$(date +%s.%N)
awk -v t="$((end_ticks - start_ticks))" -v hz="$hz" -v s="$start" -v e="$end" -v sum="$sum" -v n="$n" -v max="$max" \
	'BEGIN { printf "cpu=%.2f%% rss_avg=%.1fMB rss_max=%.1fMB\n", 100 * t / hz / (e - s), sum / n / 1024, max / 1024 }'
