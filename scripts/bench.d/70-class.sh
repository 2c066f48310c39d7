# The class sandbox under a class (issue 18): 100 learners join one `lp-shell class` at once, each a real
# `lp-shell --join` process running the seed tutorial as a script (tokens, a conversation, the bot's reply, close)
# and reporting its progress, while the dashboard's event stream is open (scripts/lib/class-probe.py: one more
# learner posting a report every 100 ms and timing each one's arrival on the stream). Measured: dashboard update
# latency (p50/p99), the class process's CPU time and peak RSS, and how many learners finished.
# Target (issue 18): dashboard updates within 1 s.
set -euo pipefail
out=$1
dir="$out/class"
rm -rf "$dir"
mkdir -p "$dir"
learners=${CLASS_BENCH_LEARNERS:-100}

"$LP" class --port 0 --ca-dir "$dir/ca" --name bench >"$dir/class.out" 2>"$dir/class.err" &
class_pid=$!
trap 'kill $class_pid 2>/dev/null' EXIT
for _ in $(seq 300); do
    grep -q '^dashboard: ' "$dir/class.out" 2>/dev/null && break
    sleep 0.1
done
join_url=$(sed -n 's/^join line: lp-shell --join //p' "$dir/class.out")
key=$(sed -n 's/^dashboard: .*#key=//p' "$dir/class.out")
[ -n "$join_url" ] && [ -n "$key" ] || { echo "70-class: the class did not start" >&2; cat "$dir/class.err" >&2; exit 1; }
host_port=${join_url#https://}
host_port=${host_port%%/*}
code=${join_url##*#}
code=${code%%.*}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$class_pid/stat"; }
ticks_per_second=$(getconf CLK_TCK)
cpu_before=$(cpu_ticks)

python3 scripts/lib/class-probe.py "$host_port" "$dir/ca/ca.pem" "$key" "$code" 20 "$dir/probe.json" \
    >"$dir/probe.out" 2>"$dir/probe.err" &
probe_pid=$!
sleep 1.5

started=$(date +%s.%N)
for i in $(seq "$learners"); do
    mkdir -p "$dir/l$i"
    XDG_DATA_HOME="$dir/l$i" HOME="$dir/l$i" "$LP" --join "$join_url" --name "learner-$i" \
        scripts/bench.d/tutorial/seed-tutorial.sh >"$dir/l$i/out" 2>"$dir/l$i/err" &
done
wait_learners() {
    local pid
    for pid in $(jobs -p); do
        [ "$pid" = "$class_pid" ] || [ "$pid" = "$probe_pid" ] || wait "$pid" || true
    done
}
wait_learners
finished=$(date +%s.%N)
wait "$probe_pid" || true
cpu_after=$(cpu_ticks)
peak_rss=$(awk '/VmHWM/ {print $2}' "/proc/$class_pid/status")
done_count=$(grep -l 'echo: hi there' "$dir"/l*/out 2>/dev/null | wc -l)
roster=$(curl -sS --cacert "$dir/ca/ca.pem" -H "Authorization: Bearer $key" "https://$host_port/class/state")
on_roster=$(echo "$roster" | jq '[.learners[] | select(.name | startswith("learner-"))] | length')
reported=$(echo "$roster" | jq '[.learners[] | select((.name | startswith("learner-")) and .commands > 0)] | length')

probe=$(cat "$dir/probe.json")
p() { echo "$probe" | jq -r ".$1"; }
seconds=$(printf '%.2f' "$(echo "$finished - $started" | bc)")
cpu_seconds=$(printf '%.2f' "$(echo "scale=2; ($cpu_after - $cpu_before) / $ticks_per_second" | bc)")

echo "## The class sandbox under a class of $learners"
echo
echo "One \`lp-shell class\` (default bot delay 300 ms); $learners \`lp-shell --join URL --name learner-N seed-tutorial.sh\`"
echo "processes started at once, each with its own data folder (its own learner token and CA copy), running the seed"
echo "tutorial as a script (scripts/bench.d/tutorial/seed-tutorial.sh: four token calls, the consumer socket, a"
echo "conversation, the bot's reply, close) and reporting its progress to the class; the dashboard's event stream open"
echo "all along (scripts/lib/class-probe.py: one more learner posting a report every 100 ms and timing its arrival"
echo "on the stream). Command: \`scripts/bench class\` (scripts/bench.d/70-class.sh; \`CLASS_BENCH_LEARNERS=N\`)."
echo
echo "| what | measured |"
echo "|---|---|"
echo "| learners who finished the tutorial (the bot's reply seen) | $done_count of $learners |"
echo "| learners on the roster / with a report | $on_roster / $reported |"
echo "| wall time, all $learners learners | $seconds s |"
echo "| dashboard update latency, report posted → event on the stream (probe, $(p probe_events) of $(p probe_reports) reports) | p50 $(p probe_p50_ms) ms, p99 $(p probe_p99_ms) ms, max $(p probe_max_ms) ms |"
echo "| server received a report → event on the stream ($(p learner_events) learner events) | p50 $(p server_to_dashboard_p50_ms) ms, p99 $(p server_to_dashboard_p99_ms) ms |"
echo "| class process CPU time over the run (user + system) | $cpu_seconds s |"
echo "| class process peak RSS (VmHWM) | $((peak_rss / 1024)) MiB |"
echo
