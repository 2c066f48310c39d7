#!/usr/bin/env python3
# Python 3 stand-in for Oils' spec/bin/read_from_fd.py: for each fd number, "N: " and up to 1024 bytes read from it.
import os
import sys

for arg in sys.argv[1:]:
    fd = int(arg)
    try:
        data = os.read(fd, 1024)
    except OSError as error:
        sys.stderr.write("FATAL: Error reading from fd %d: %s\n" % (fd, error))
        sys.exit(1)
    sys.stdout.buffer.write(b"%d: " % fd + data)
    sys.stdout.flush()
