#!/usr/bin/env python3
"""Summarises `load -Dbkg.profile=true` output (stderr): the phases in seconds, and per source unit the median and
total of each step (read, check, map, infer, claimed, shacl), so that runs at different N can be compared (a step
whose per-unit median grows with N is a cost that grows faster than the data).
Usage: bench/summarise-profile.py PROFILE [PROFILE ...]   (one Markdown row per file; lines may carry a time prefix)"""
import re, statistics, sys

STEPS = ['read', 'check', 'map', 'infer', 'claimed', 'shacl']
phase_names = []
rows = []
for path in sys.argv[1:]:
    phases, units = {}, {s: [] for s in STEPS}
    for line in open(path, errors='replace'):
        m = re.search(r'phase (.+?): (\d+) ms', line)
        if m:
            name = re.sub(r' \(.*\)$', '', m.group(1))   # "shared unit's shapes (3 of 942 nodes validated)", "plan (CPU ms: …)"
            phases[name] = int(m.group(2)) / 1000
            if name not in phase_names:
                phase_names.append(name)
        m = re.search(r'unit (\S+) ' + ' '.join(rf'{s} (\d+)' for s in STEPS) + ' ms', line)
        if m and m.group(1) != '(shared)':
            for i, s in enumerate(STEPS):
                units[s].append(int(m.group(i + 2)))
    rows.append((path, phases, units))
print('| profile | units | ' + ' | '.join(f'{p} s' for p in phase_names) + ' | '
      + ' | '.join(f'{s} ms/unit (median)' for s in STEPS) + ' |')
print('|---|--:|' + '--:|' * (len(phase_names) + len(STEPS)))
for path, phases, units in rows:
    n = len(units['read'])
    print(f'| {path} | {n} | ' + ' | '.join(f'{phases[p]:.1f}' if p in phases else '–' for p in phase_names) + ' | '
          + ' | '.join(f'{statistics.median(units[s]):.0f}' if units[s] else '–' for s in STEPS) + ' |')
