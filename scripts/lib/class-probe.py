#!/usr/bin/env python3
"""Dashboard update latency of a class sandbox (scripts/bench.d/70-class.sh).

class-probe.py HOST PORT CA_FILE TEACHER_KEY JOIN_CODE STOP_FILE OUT_JSON [RATE]

Joins the class as one more learner ("probe"), opens the dashboard's event stream (GET /class/events with the
teacher key) and posts a progress report RATE times a second (default 5) whose lastError carries a sequence
number, until STOP_FILE exists. A report's latency is from just before its POST is sent to the moment the
`event: learner` line carrying its number is read from the stream; both clocks are this process's monotonic clock.
Writes {"sent","received","p50Ms","p99Ms","maxMs","events"} to OUT_JSON.
"""
import http.client
import json
import os
import re
import ssl
import sys
import threading
import time

host, port, ca, key, code, stop_file, out = sys.argv[1:8]
rate = float(sys.argv[8]) if len(sys.argv) > 8 else 5.0
port = int(port)
context = ssl.create_default_context(cafile=ca)

conn = http.client.HTTPSConnection(host, port, context=context, timeout=30)
conn.request("POST", "/class/join", body=json.dumps({"code": code, "name": "probe"}),
             headers={"Content-Type": "application/json"})
answer = conn.getresponse()
token = json.loads(answer.read())["token"]

received = {}
events = [0]
stream = http.client.HTTPSConnection(host, port, context=context, timeout=300)
stream.request("GET", "/class/events", headers={"Authorization": "Bearer " + key, "Accept": "text/event-stream"})
response = stream.getresponse()
assert response.status == 200, response.status
marker = re.compile(rb"probe-mark-(\d+)")


def read_events():
    while True:
        try:
            line = response.readline()
        except Exception:
            return
        if not line:
            return
        now = time.monotonic()
        if line.startswith(b"data:"):
            events[0] += 1
            for number in marker.findall(line):
                received.setdefault(int(number), now)


reader = threading.Thread(target=read_events, daemon=True)
reader.start()
time.sleep(0.5)  # the snapshot event first

sent = {}
number = 0
while not os.path.exists(stop_file):
    number += 1
    body = json.dumps({"tutorial": "unauthenticated", "stepsDone": [], "currentStep": "1", "commands": number,
                       "lastError": "probe-mark-%d" % number, "lastErrorAt": int(time.time() * 1000)})
    sent[number] = time.monotonic()
    conn.request("POST", "/class/progress", body=body,
                 headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    reply = conn.getresponse()
    reply.read()
    if reply.status == 429:
        del sent[number]
    time.sleep(max(0.0, 1.0 / rate - (time.monotonic() - sent.get(number, time.monotonic()))))
time.sleep(1.5)  # the last reports' events

latencies = sorted((received[n] - sent[n]) * 1000 for n in sent if n in received)


def percentile(p):
    if not latencies:
        return None
    return round(latencies[min(len(latencies) - 1, int(round(p / 100 * (len(latencies) - 1))))], 2)


with open(out, "w") as handle:
    json.dump({"sent": len(sent), "received": len(latencies), "p50Ms": percentile(50), "p99Ms": percentile(99),
               "maxMs": round(latencies[-1], 2) if latencies else None, "events": events[0]}, handle)
    handle.write("\n")
