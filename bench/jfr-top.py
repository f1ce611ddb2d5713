#!/usr/bin/env python3
"""Top frames of a JDK Flight Recorder file's execution samples: self (the frame on top) and total
(anywhere on the stack), as shares of all samples, plus totals by package for a few areas.
usage: bench/jfr-top.py recording.jfr [top]"""
import collections, re, subprocess, sys

jfr, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 25
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", jfr],
                      capture_output=True, text=True, check=True).stdout
frame = re.compile(r"^\s+([\w.$<>/]+)\(", re.M)
own, anywhere, areas = collections.Counter(), collections.Counter(), collections.Counter()
AREAS = {"Tomcat (org.apache.)": "org.apache.", "Spring MVC/web": "org.springframework.web.",
         "Jackson": "tools.jackson.", "H2 MVStore": "org.h2.", "statwall.series": "dev.statwall.series.",
         "statwall.wire": "dev.statwall.wire.", "statwall.hub": "dev.statwall.hub.",
         "statwall.alert": "dev.statwall.alert.", "statwall.live": "dev.statwall.live.",
         "statwall.card": "dev.statwall.card.", "Spring messaging": "org.springframework.messaging.",
         "Micrometer": "io.micrometer.", "Spring Security": "org.springframework.security."}
samples = 0
for event in text.split("jdk.ExecutionSample")[1:]:
    frames = frame.findall(event)
    if not frames:
        continue
    samples += 1
    own[frames[0]] += 1
    for name in set(frames):
        anywhere[name] += 1
    for area, prefix in AREAS.items():
        if any(f.startswith(prefix) for f in frames):
            areas[area] += 1
print(f"{samples} samples")
print("\nby area (a sample counts in every area on its stack):")
for area, n in areas.most_common():
    print(f"  {100 * n / samples:5.1f} %  {area}")
print("\nself (top of stack):")
for name, n in own.most_common(top):
    print(f"  {100 * n / samples:5.1f} %  {name}")
print("\ntotal, statwall frames:")
for name, n in [(k, v) for k, v in anywhere.most_common() if k.startswith("dev.statwall")][:top]:
    print(f"  {100 * n / samples:5.1f} %  {name}")
