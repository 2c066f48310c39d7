#!/usr/bin/env python3
# Python 3 stand-in for Oils' spec/bin/show_fd_table.py: each open fd and what it points to (Linux /proc).
import os

directory = "/proc/self/fd/"
for fd in os.listdir(directory):
    try:
        print("%s %s" % (fd, os.readlink(os.path.join(directory, fd))))
    except OSError as error:
        print("%s %s" % (fd, error))
