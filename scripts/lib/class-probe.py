#!/usr/bin/env python3
"""The class benchmark's dashboard: reads /class/events as the dashboard does (teacher key, the class CA) and, as one
more learner, posts a progress report every 100 ms with a counter in it. Measures how long each of its reports takes
to come back on the event stream (post -> dashboard), and for every learner event how long after the server took the
report it reached the dashboard (lastSeen -> received). Standard library only.

usage: class-probe.py HOST:PORT CA_FILE TEACHER_KEY JOIN_CODE SECONDS OUT.json
"""
import http.client
import json
import ssl
import sys
import threading
import time

host_port, ca_file, key, code, seconds, out_path = sys.argv[1:7]
host, port = host_port.rsplit(":", 1)
context = ssl.create_default_context(cafile=ca_file)


def connection():
    return http.client.HTTPSConnection(host, int(port), context=context, timeout=30)


def post(path, body, token=None):
    c = connection()
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    c.request("POST", path, json.dumps(body), headers)
    answer = c.getresponse()
    data = answer.read()
    c.close()
    return answer.status, data


status, data = post("/class/join", {"code": code, "name": "dashboard-probe"})
if status != 200:
    sys.exit(f"class-probe: join answered {status}: {data!r}")
joined = json.loads(data)
probe_id, token = joined["learner"]["id"], joined["token"]

sent = {}  # counter -> time posted
probe_latencies = []  # ms, post -> event
server_latencies = []  # ms, server receipt (lastSeen) -> event received
events = 0
last_seen = {}
stop = threading.Event()
ready = threading.Event()


def read_stream():
    global events
    c = connection()
    c.request("GET", "/class/events", headers={"Authorization": "Bearer " + key})
    answer = c.getresponse()
    if answer.status != 200:
        print(f"class-probe: events answered {answer.status}", file=sys.stderr)
        stop.set()
        return
    name = None
    while not stop.is_set():
        line = answer.readline()
        if not line:
            break
        line = line.decode().rstrip("\n")
        if line.startswith("event: "):
            name = line[7:]
        elif line.startswith("data: "):
            now = time.time()
            if name == "snapshot":
                ready.set()
            elif name == "learner":
                events += 1
                view = json.loads(line[6:])
                # Only events a report caused (lastSeen moved), not a conversation change.
                if view.get("lastSeen") and last_seen.get(view["id"]) != view["lastSeen"]:
                    last_seen[view["id"]] = view["lastSeen"]
                    server_latencies.append(now * 1000 - view["lastSeen"])
                if view["id"] == probe_id and view.get("commands") in sent:
                    probe_latencies.append((now - sent.pop(view["commands"])) * 1000)


reader = threading.Thread(target=read_stream, daemon=True)
reader.start()
ready.wait(10)
deadline = time.time() + float(seconds)
counter = 0
while time.time() < deadline and not stop.is_set():
    counter += 1
    sent[counter] = time.time()
    post("/class/progress", {"commands": counter, "currentStep": "1"}, token)
    time.sleep(0.1)
time.sleep(1.5)
stop.set()


def percentile(values, p):
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(len(values) * p / 100))], 1)


result = {
    "probe_reports": counter,
    "probe_events": len(probe_latencies),
    "probe_p50_ms": percentile(probe_latencies, 50),
    "probe_p99_ms": percentile(probe_latencies, 99),
    "probe_max_ms": round(max(probe_latencies), 1) if probe_latencies else None,
    "learner_events": events,
    "server_to_dashboard_p50_ms": percentile(server_latencies, 50),
    "server_to_dashboard_p99_ms": percentile(server_latencies, 99),
}
with open(out_path, "w") as f:
    json.dump(result, f)
print(json.dumps(result))
