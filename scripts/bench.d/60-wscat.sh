# wscat: time to a connected socket against the local sandbox, and 10,000 frames sent and acknowledged in batch
# mode, compared with a bare swift-websocket WSClient loop (wscat-raw-loop) and node's wscat on the same frames.
# Targets: connect ≤ 20 ms; batch ≥ 0.8× the raw loop; ≥ 5× node wscat.
out=$1
swift build -c release --static-swift-stdlib --disable-local-rpath --product wscat-raw-loop --scratch-path .build-release 2>&1 | tail -1 >&2
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
hyperfine --warmup 1 --runs 5 --export-json "$dir/batch.json" \
    -n "lp-shell batch.sh > /dev/null" "$LP $dir/batch.sh > /dev/null" \
    -n "wscat-raw-loop URL 'Authorization:jwt \$LP_JWT' frames.txt" "$RAW '$url' 'Authorization:jwt $LP_JWT' $dir/frames.txt" \
    -n "wscat -H 'Authorization:jwt \$LP_JWT' -c URL < frames.txt > /dev/null (node)" \
    "NODE_PATH=/usr/share/nodejs wscat -H 'Authorization:jwt $LP_JWT' -c '$url' < $dir/frames.txt > /dev/null" >&2
echo "## wscat"
echo
echo "Targets: connected ≤ 20 ms after \`wscat …\` (difference of the first two rows: start-up, TLS, upgrade, close);"
echo "10,000 GetClock frames sent and answered in batch mode at ≥ 0.8× the bare WSClient loop and ≥ 5× node wscat."
echo "node wscat closes at the end of its input without waiting for the answers, so its row is a lower bound."
echo
python3 scripts/lib/hyperfine-table.py "$dir/connect.json"
echo
python3 scripts/lib/hyperfine-table.py "$dir/batch.json"
echo
