#!/usr/bin/env python3
"""Renders hyperfine JSON exports as one markdown table with medians (the issues' targets are medians) beside mean
± σ, min and max, and each row's median relative to the first row's.
   hyperfine-table.py RESULTS.json [NAME=LABEL ...]"""
import json, sys

results = json.load(open(sys.argv[1]))["results"]
labels = dict(arg.split("=", 1) for arg in sys.argv[2:])
unit, scale = ("ms", 1000.0) if max(r["median"] for r in results) < 2 else ("s", 1.0)
base = results[0]["median"]
print("| Command | Median [%s] | Mean ± σ [%s] | Min [%s] | Max [%s] | Median ÷ first row |" % ((unit,) * 4))
print("|:---|---:|---:|---:|---:|---:|")
for r in results:
    name = labels.get(r["command"], r["command"]).replace("|", "\\|")
    print("| `%s` | %.1f | %.1f ± %.1f | %.1f | %.1f | %.2f |" % (
        name, r["median"] * scale, r["mean"] * scale, r["stddev"] * scale, r["min"] * scale, r["max"] * scale,
        r["median"] / base))
