# Sandbox load: lp-loadgen drives N consumer WebSockets against the sandbox (its own process) and, in the same
# run, against a raw SwiftNIO WebSocket echo server over TLS with the same certificate; plus sandbox cold start.
# Targets (issue 5): 1,000 sockets held; >= 20,000 acks/s and p99 <= 5 ms at 100 consumers; RSS <= 150 MB at
# 1,000 consumers; >= 0.5x the echo server's throughput; cold start <= 100 ms.
set -euo pipefail
out=$1
work="$out/sandbox"
mkdir -p "$work"
keys="$work/keys"

# Knobs (environment): messages per socket of each run and the offered rate of the latency run.
n100_messages=${SANDBOX_BENCH_MESSAGES:-1000}
n1000_messages=${SANDBOX_BENCH_MESSAGES_1000:-50}
latency_rate=${SANDBOX_BENCH_RATE:-10000}
latency_messages=$((latency_rate * 5 / 100)) # 5 seconds at the offered rate

ulimit -n 8192 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 2100 ]; then
    echo "50-sandbox: ulimit -n is $(ulimit -n); 1,000 sockets need at least 2,100 descriptors" >&2
    exit 1
fi

echo "== building release lp-loadgen" >&2
# With lp-shell's own release flags: any other flags would rebuild every module.
. scripts/lib/release-build.sh
"${release_build[@]/#lp-shell/lp-loadgen}" 2>&1 | tail -1 >&2
loadgen=$PWD/.build-release/release/lp-loadgen
sandbox_cmd=("$LP" sandbox)
sandbox_name="lp-shell sandbox"
sandbox_flags=(--port 0 --ca-dir "$keys" --no-bot --rate-limit 1000000)

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# wait_for FILE PATTERN: waits up to 60 s for a line matching PATTERN, prints it.
wait_for() {
    for _ in $(seq 600); do
        if grep -m1 -E "$2" "$1" 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    echo "50-sandbox: timed out waiting for '$2' in $1" >&2
    cat "${1%.out}.err" >&2 2>/dev/null || true
    return 1
}

# start_sandbox NAME: sets sandbox_pid and sandbox_port.
start_sandbox() {
    "${sandbox_cmd[@]}" "${sandbox_flags[@]}" >"$work/$1.out" 2>"$work/$1.err" &
    sandbox_pid=$!
    pids+=("$sandbox_pid")
    sandbox_port=$(wait_for "$work/$1.out" "^export LP_CSDS=" | sed -E "s/.*:([0-9]+)'?$/\1/")
}

# start_echo NAME: sets echo_pid and echo_port.
start_echo() {
    "$loadgen" echo-server --cert "$keys/server.pem" --key "$keys/server-key.pem" --port 0 \
        >"$work/$1.out" 2>"$work/$1.err" &
    echo_pid=$!
    pids+=("$echo_pid")
    echo_port=$(wait_for "$work/$1.out" "^port " | cut -d' ' -f2)
}

stop() {
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

# load NAME TARGET PORT PID ARGS...: runs lp-loadgen, keeps its JSON line in $work/NAME.json.
load() {
    local name=$1 target=$2 port=$3 pid=$4
    shift 4
    echo "== $name: lp-loadgen $target $*" >&2
    "$loadgen" "$target" --port "$port" --ca "$keys/ca.pem" --server-pid "$pid" "$@" \
        >"$work/$name.json" 2>"$work/$name.err" || {
        echo "50-sandbox: $name failed: $(cat "$work/$name.err")" >&2
    }
    cat "$work/$name.json" >&2
}

field() { jq -r "$2 // \"n/a\"" "$work/$1.json" 2>/dev/null || echo n/a; }
mib() { jq -r "if $2 then ($2 / 1024 * 10 | round / 10) else \"n/a\" end" "$work/$1.json" 2>/dev/null || echo n/a; }
verdict() { if [ "$1" = 1 ]; then echo PASS; else echo MISS; fi; }
# check EXPR: PASS when the awk expression is true.
check() { verdict "$(awk "BEGIN { print ($1) ? 1 : 0 }" 2>/dev/null || echo 0)"; }

# First start generates the keys (RSA and P-256, slow); everything after reuses them.
start_sandbox warmup
stop "$sandbox_pid"

# --- N = 100: throughput (closed loop) and latency (open loop), sandbox and echo on fresh servers.
start_sandbox sandbox100
start_echo echo100
load warm-sandbox sandbox "$sandbox_port" "$sandbox_pid" --sockets 100 --messages 100
load warm-echo echo "$echo_port" "$echo_pid" --sockets 100 --messages 100
load sandbox-n100 sandbox "$sandbox_port" "$sandbox_pid" --sockets 100 --messages "$n100_messages"
load echo-n100 echo "$echo_port" "$echo_pid" --sockets 100 --messages "$n100_messages"
stop "$sandbox_pid"
start_sandbox sandbox100rate
load sandbox-rate sandbox "$sandbox_port" "$sandbox_pid" --sockets 100 --messages "$latency_messages" \
    --rate "$latency_rate"
load echo-rate echo "$echo_port" "$echo_pid" --sockets 100 --messages "$latency_messages" --rate "$latency_rate"
stop "$sandbox_pid"
stop "$echo_pid"

# --- N = 1,000: every socket open at once, RSS read while all are held.
start_sandbox sandbox1000
start_echo echo1000
load sandbox-n1000 sandbox "$sandbox_port" "$sandbox_pid" --sockets 1000 --messages "$n1000_messages"
load echo-n1000 echo "$echo_port" "$echo_pid" --sockets 1000 --messages "$n1000_messages"
stop "$sandbox_pid"
stop "$echo_pid"

# --- Cold start: process start to the export lines, keys already there.
"$loadgen" coldstart --runs 20 -- "${sandbox_cmd[@]}" "${sandbox_flags[@]}" >"$work/coldstart.json"
cat "$work/coldstart.json" >&2

sandbox_rate=$(field sandbox-n100 .acksPerSecond)
echo_rate=$(field echo-n100 .acksPerSecond)
ratio=$(awk "BEGIN { if (\"$echo_rate\" + 0 > 0) printf \"%.2f\", $sandbox_rate / $echo_rate; else print \"n/a\" }" 2>/dev/null || echo n/a)
held=$(field sandbox-n1000 .socketsHeld)
rss=$(mib sandbox-n1000 .serverRSSKiB)
coldstart=$(jq -r .medianMs "$work/coldstart.json" 2>/dev/null || echo n/a)
rate_p99=$(field sandbox-rate .p99Ms)

echo "## Sandbox load"
echo
echo "\`lp-loadgen\` (plain NIO client: NIOSSL + NIOWebSocket, HdrHistogram latencies) opens consumer sockets over TLS on"
echo "127.0.0.1 to the sandbox, run as its own process (\`$sandbox_name ${sandbox_flags[*]}\`: the built-in bot is off and"
echo "the per-socket rate limit raised so that only the sandbox's own cost is measured), and, in the same run, to a raw"
echo "SwiftNIO WebSocket echo server (\`lp-loadgen echo-server\`, same TLS certificate, echoes each frame). Each socket"
echo "gets a token from the IdP (\`signup\`) and requests a conversation before the clock starts; then all sockets"
echo "publish at once, and a publish counts when its \`resp\` (code 200) comes back (for the echo server: its echo)."
echo "Closed loop is one request in flight per socket; the latency run offers a fixed $latency_rate messages/s over"
echo "100 sockets (open loop). Server RSS is VmRSS from /proc while all sockets are still open."
echo "Client and server share the machine's $(nproc) cores."
echo
echo "| | sandbox | raw NIO echo |"
echo "|---|---:|---:|"
echo "| N=100 closed loop, $n100_messages msgs/socket: acks/s | $sandbox_rate | $echo_rate |"
for p in p50Ms p99Ms p999Ms; do
    echo "| N=100 closed loop: ${p%Ms} ms | $(field sandbox-n100 .$p) | $(field echo-n100 .$p) |"
done
for p in p50Ms p99Ms p999Ms; do
    echo "| N=100 at $latency_rate msgs/s: ${p%Ms} ms | $(field sandbox-rate .$p) | $(field echo-rate .$p) |"
done
echo "| N=1,000: sockets held | $held | $(field echo-n1000 .socketsHeld) |"
echo "| N=1,000 closed loop, $n1000_messages msgs/socket: acks/s | $(field sandbox-n1000 .acksPerSecond) | $(field echo-n1000 .acksPerSecond) |"
echo "| N=1,000: p99 ms | $(field sandbox-n1000 .p99Ms) | $(field echo-n1000 .p99Ms) |"
echo "| N=1,000: server RSS (MiB, peak) | $rss ($(mib sandbox-n1000 .serverHWMKiB)) | $(mib echo-n1000 .serverRSSKiB) ($(mib echo-n1000 .serverHWMKiB)) |"
echo "| errors (all runs) | $(cat "$work"/sandbox-*.json | jq -s 'map(.errors) | add') | $(cat "$work"/echo-*.json | jq -s 'map(.errors) | add') |"
echo
echo "Sandbox throughput / echo throughput at N=100: **$ratio×**. Sandbox cold start (process start to the export"
echo "lines, keys present, median of 20): **$coldstart ms** (min $(jq -r .minMs "$work/coldstart.json"), max $(jq -r .maxMs "$work/coldstart.json"))."
echo
echo "| target | measured | |"
echo "|---|---:|---|"
echo "| 1,000 concurrent consumer sockets held | $held | $(check "\"$held\" == 1000") |"
echo "| ≥ 20,000 acks/s at 100 consumers | $sandbox_rate | $(check "$sandbox_rate + 0 >= 20000") |"
echo "| p99 ack latency ≤ 5 ms at 100 consumers ($latency_rate msgs/s offered) | $rate_p99 ms | $(check "\"$rate_p99\" != \"n/a\" && $rate_p99 + 0 <= 5") |"
echo "| RSS ≤ 150 MB at 1,000 consumers | $rss MiB | $(check "\"$rss\" != \"n/a\" && $rss * 1.048576 <= 150") |"
echo "| ≥ 0.5× the raw NIO echo server's throughput | $ratio× | $(check "\"$ratio\" != \"n/a\" && $ratio + 0 >= 0.5") |"
echo "| cold start ≤ 100 ms | $coldstart ms | $(check "\"$coldstart\" != \"n/a\" && $coldstart + 0 <= 100") |"
echo
echo '```'
echo "$sandbox_name ${sandbox_flags[*]}          # prints export LP_CSDS='127.0.0.1:PORT' ..."
echo "lp-loadgen echo-server --cert KEYS/server.pem --key KEYS/server-key.pem --port 0   # prints port N"
echo "lp-loadgen sandbox --port PORT --ca KEYS/ca.pem --server-pid PID --sockets 100 --messages $n100_messages"
echo "lp-loadgen echo    --port N    --ca KEYS/ca.pem --server-pid PID --sockets 100 --messages $n100_messages"
echo "lp-loadgen sandbox|echo ... --sockets 100 --messages $latency_messages --rate $latency_rate"
echo "lp-loadgen sandbox|echo ... --sockets 1000 --messages $n1000_messages"
echo "lp-loadgen coldstart --runs 20 -- $sandbox_name ${sandbox_flags[*]}"
echo '```'
echo
