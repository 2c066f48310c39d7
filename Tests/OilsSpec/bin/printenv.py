#!/usr/bin/env python3
# Python 3 stand-in for Oils' spec/bin/printenv.py: each named variable's value on a line, or None when unset.
import os
import sys

for name in sys.argv[1:]:
    value = os.environb.get(os.fsencode(name))
    sys.stdout.buffer.write((b"None" if value is None else value) + b"\n")
