# wscat: time to a connected socket against the local sandbox, and 10,000 frames sent and acknowledged in batch
# mode, compared with a bare swift-websocket WSClient loop (wscat-raw-loop) and node's wscat on the same frames.
# Targets: connect ≤ 20 ms; batch ≥ 0.8× the raw loop; ≥ 5× node wscat.
out=$1
# With lp-shell's own release flags: any other flags would rebuild every module.
. scripts/lib/release-build.sh
"${release_build[@]/#lp-shell/wscat-raw-loop}" 2>&1 | tail -1 >&2
RAW=$PWD/.build-release/release/wscat-raw-loop
dir="$out/wscat"
mkdir -p "$dir"
"$LP" sandbox --port 0 --no-bot --rate-limit 1000000 --ca-dir "$dir/ca" > "$dir/exports.sh" 2> "$dir/sandbox.err" &
sandbox=$!
trap 'kill $sandbox 2>/dev/null' EXIT
for _ in $(seq 100); do grep -q LP_ASYNCMESSAGINGENT "$dir/exports.sh" 2>/dev/null && break; sleep 0.1; done
. "$dir/exports.sh"
LP_JWT=$(curl -s --cacert "$LP_SANDBOX_CA" -X POST "https://$LP_IDP/api/account/$LP_ACCOUNT/signup" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["jwt"])')
export LP_JWT
url="wss://$LP_ASYNCMESSAGINGENT/ws_api/account/$LP_ACCOUNT/messaging/consumer?v=3"
python3 - "$dir/frames.txt" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(1, 10001):
        f.write('{"kind":"req","id":%d,"type":"GetClock"}\n' % i)
PY
{ echo "wscat -H \"Authorization:jwt \$LP_JWT\" -c \"$url\""; cat "$dir/frames.txt"; echo /close; } > "$dir/batch.sh"
hyperfine -N --warmup 3 --runs 30 --export-json "$dir/connect.json" \
    -n "lp-shell -c true" "$LP -c true" \
    -n "lp-shell -c 'wscat -H \"Authorization:jwt \$LP_JWT\" -c \"wss://…/consumer?v=3\" -x /close'" \
    "$LP -c 'wscat -H \"Authorization:jwt \$LP_JWT\" -c \"$url\" -x /close'" >&2
# node's wscat exits at the end of its input without waiting for answers: scripts/lib/wscat-answers.py keeps its
# input open and times it until every frame has its answer (Debian's python3, isolated: 17 ms to start; the row
# after it measures that start-up alone).
driver="/usr/bin/python3 -I -S scripts/lib/wscat-answers.py"
driver_start="/usr/bin/python3 -I -S -c 'import os, select, subprocess, sys, threading, time'"
hyperfine --warmup 1 --runs 10 --export-json "$dir/batch.json" \
    -n "lp-shell batch.sh > /dev/null" "$LP $dir/batch.sh > /dev/null" \
    -n "wscat-raw-loop URL 'Authorization:jwt \$LP_JWT' frames.txt" "$RAW '$url' 'Authorization:jwt $LP_JWT' $dir/frames.txt" \
    -n "wscat-answers.py frames.txt wscat -H 'Authorization:jwt \$LP_JWT' -c URL (node wscat, every answer)" \
    "NODE_PATH=/usr/share/nodejs $driver $dir/frames.txt wscat -H 'Authorization:jwt $LP_JWT' -c '$url'" \
    -n "$driver_start (wscat-answers.py's start-up alone)" "$driver_start" \
    -n "wscat -H 'Authorization:jwt \$LP_JWT' -c URL < frames.txt > /dev/null (node, answers not awaited)" \
    "NODE_PATH=/usr/share/nodejs wscat -H 'Authorization:jwt $LP_JWT' -c '$url' < $dir/frames.txt > /dev/null" >&2
answered=$(NODE_PATH=/usr/share/nodejs wscat -H "Authorization:jwt $LP_JWT" -c "$url" < "$dir/frames.txt" | grep -c reqId || true)
echo "## wscat"
echo
echo "Targets: connected ≤ 20 ms after \`wscat …\` (difference of the first two rows: start-up, TLS, upgrade, close);"
echo "10,000 GetClock frames sent and answered in batch mode at ≥ 0.8× the bare WSClient loop and ≥ 5× node wscat."
echo "Node's wscat exits as soon as its input ends, without waiting for answers, and drops the lines it reads before"
echo "its socket is open: \`scripts/lib/wscat-answers.py\` keeps its input open, sends a probe frame every 5 ms until"
echo "one is answered, then the 10,000 frames, and kills it once each has its answer on stdout. Its own python3"
echo "start-up is the next row. The last row, node's wscat reading the file to its end, is no \"sent and"
echo "acknowledged\" time: it printed $answered of the 10,000 answers before exiting (a run after the table's)."
echo
python3 scripts/lib/hyperfine-table.py "$dir/connect.json"
echo
python3 scripts/lib/hyperfine-table.py "$dir/batch.json"
echo
