#!/usr/bin/env python3
# Python 3 stand-in for Oils' spec/bin/argv.py (Python 2): prints its arguments as Python 2 printed a list of byte
# strings, e.g. ['a b', 'c'] (Python 3's repr of bytes is Python 2's repr of str, less the leading b).
import os
import sys

words = [repr(os.fsencode(arg))[1:] for arg in sys.argv[1:]]
sys.stdout.write("[" + ", ".join(words) + "]\n")
