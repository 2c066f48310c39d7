#!/usr/bin/env python3
"""Writes one fuzz seed per case of jq's own test files (the jq fuzz target's format: the program on the first
line, the input after it) into a scratch folder: `jq-suite-seeds.py SUITE_DIR OUT_DIR`. The cases stay in
../shared; only the scratch folder gets them."""
import hashlib
import os
import sys

suite, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
count = 0
for name in sorted(os.listdir(suite)):
    if not name.endswith(".test"):
        continue
    lines = open(os.path.join(suite, name), encoding="utf-8", errors="replace").read().split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.strip() or line.lstrip().startswith("#") or line.startswith("%%FAIL"):
            continue
        program = line
        data = lines[index] if index < len(lines) else "null"
        while index < len(lines) and lines[index].strip() and not lines[index].lstrip().startswith("#"):
            index += 1
        seed = (program + "\n" + data).encode()
        with open(os.path.join(out, hashlib.sha1(seed).hexdigest()), "wb") as handle:
            handle.write(seed)
        count += 1
print(f"jq-suite-seeds: {count} seeds in {out}")
