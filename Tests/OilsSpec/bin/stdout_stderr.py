#!/usr/bin/env python3
# Python 3 stand-in for Oils' spec/bin/stdout_stderr.py: prints argv[1] (STDOUT) and argv[2] (STDERR) to those
# streams and exits with argv[3] (0).
import sys

args = sys.argv[1:] + [None, None, None]
print(args[0] if args[0] is not None else "STDOUT")
sys.stdout.flush()
sys.stderr.write((args[1] if args[1] is not None else "STDERR") + "\n")
sys.exit(int(args[2]) if args[2] is not None else 0)
