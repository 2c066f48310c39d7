#!/usr/bin/env python3
"""Runs a WebSocket client that reads frames on stdin and prints each received frame on a line of stdout (node's
wscat), sends it every line of FRAMES-FILE and returns once it printed an answer to each: the time of "10,000
frames sent and acknowledged" for a client that, like node's wscat, never waits for answers by itself.
   wscat-answers.py FRAMES-FILE COMMAND [ARGUMENT ...]
node's wscat drops the lines it reads before its socket is open, and exits at the end of its input at once: so the
input stays open, and a probe frame (id "probe") goes every 5 ms until the socket answers one; then the frames go
and the answers (lines with a reqId other than the probes') are counted. The client is killed once they all arrived. Exit status 1 when they
did not within 60 s or the client exited first."""
import os
import select
import subprocess
import sys
import threading
import time

PROBE = b'{"kind":"req","id":"probe","type":"GetClock"}\n'

frames = open(sys.argv[1], "rb").read()
expected = frames.count(b"\n")
client = subprocess.Popen(sys.argv[2:], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
out = client.stdout.fileno()
deadline = time.monotonic() + 60
opened = False
answers = 0
pending = b""


def fail(message):
    sys.stderr.write("wscat-answers: %s (%d of %d answers)\n" % (message, answers, expected))
    client.kill()
    sys.exit(1)


def send_frames():
    try:
        client.stdin.write(frames)
        client.stdin.flush()
    except BrokenPipeError:
        pass


writer = threading.Thread(target=send_frames, daemon=True)
while answers < expected:
    if not opened:
        client.stdin.write(PROBE)
        client.stdin.flush()
    ready, _, _ = select.select([out], [], [], 0.005 if not opened else 1)
    if time.monotonic() > deadline:
        fail("timed out after 60 s")
    if not ready:
        continue
    chunk = os.read(out, 1 << 16)
    if not chunk:
        fail("the client exited")
    lines = (pending + chunk).split(b"\n")
    pending = lines.pop()
    for line in lines:
        if b'"probe"' in line:
            if not opened:
                opened = True
                writer.start()
        elif opened and b'"reqId"' in line:
            answers += 1
client.kill()
client.wait()
