# Class load (issue 18): one `lp-shell class` (its own process), the dashboard's event stream open, and 100
# simulated learners at once, each a real `lp-shell --join … SCRIPT` with a home of its own running the seed
# tutorial by its steps (1, 2, 3 — the consumer socket: a conversation with the bot —, 4, 2 again), each command
# reported to the class. Meanwhile a probe learner (scripts/lib/class-probe.py) posts a report 10 times a second and
# times it to its `event: learner` on the dashboard's stream. Sandbox CPU from /proc/PID/stat (utime + stime over
# the learners' wall time), RSS from /proc/PID/status (sampled every 100 ms; VmHWM at the end).
# Target (issue 18's contract): a dashboard update within 1 s.
set -euo pipefail
out=$1
work="$out/class"
rm -rf "$work"
mkdir -p "$work"
learners=${CLASS_BENCH_LEARNERS:-100}

"$LP" class --port 0 --ca-dir "$work/ca" --bot-delay 50ms > "$work/class.out" 2> "$work/class.err" &
class_pid=$!
pids=("$class_pid")
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
    wait 2> /dev/null || true
}
trap cleanup EXIT
for _ in $(seq 600); do
    grep -q '^dashboard: ' "$work/class.out" 2> /dev/null && break
    sleep 0.1
done
grep -q '^dashboard: ' "$work/class.out" || { echo "70-class: the class did not start:" >&2; cat "$work/class.err" >&2; exit 1; }
join_url=$(sed -n 's/^join line: lp-shell --join //p' "$work/class.out")
key=$(sed -n 's/^dashboard: .*#key=//p' "$work/class.out")
hostport=${join_url#https://}
hostport=${hostport%%/*}
host=${hostport%:*}
port=${hostport##*:}
code=${join_url#*#}
code=${code%%.*}

printf '%s\n' 'step 1' 'step 2' 'step 3' 'step 4' 'step 2' > "$work/learner.sh"

# One learner first: the path works, and the first-run costs (tutorial catalog, TLS, keys) are not in the numbers.
HOME="$work/warm" XDG_DATA_HOME="$work/warm/data" "$LP" --join "$join_url" --name warm-up "$work/learner.sh" \
    > "$work/warm.out" 2>&1 || { echo "70-class: the warm-up learner failed:" >&2; cat "$work/warm.out" >&2; exit 1; }

python3 scripts/lib/class-probe.py "$host" "$port" "$work/ca/ca.pem" "$key" "$code" "$work/stop" "$work/probe.json" 10 &
probe_pid=$!
pids+=("$probe_pid")
sleep 1

ticks() { awk '{ print $14 + $15 }' "/proc/$class_pid/stat"; }
( while kill -0 "$class_pid" 2> /dev/null && [ ! -e "$work/stop" ]; do
    awk '/^VmRSS/ { print $2 }' "/proc/$class_pid/status"
    sleep 0.1
done > "$work/rss.txt" ) &
pids+=($!)

cpu_before=$(ticks)
start=$(date +%s.%N)
learner_pids=()
for i in $(seq "$learners"); do
    HOME="$work/l$i" XDG_DATA_HOME="$work/l$i/data" "$LP" --join "$join_url" --name "learner-$i" "$work/learner.sh" \
        > "$work/l$i.out" 2>&1 &
    learner_pids+=($!)
done
failed=0
for pid in "${learner_pids[@]}"; do wait "$pid" || failed=$((failed + 1)); done
end=$(date +%s.%N)
cpu_after=$(ticks)
sleep 1
touch "$work/stop"
wait "$probe_pid" || true
hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$class_pid/status")
rss_peak=$(sort -n "$work/rss.txt" | tail -1)

roster=$(curl -s --cacert "$work/ca/ca.pem" -H "Authorization: Bearer $key" "https://$hostport/class/state")
joined=$(jq '[.learners[] | select(.name | startswith("learner-"))] | length' <<< "$roster")
all_steps=$(jq '[.learners[] | select(.name | startswith("learner-")) | select((.stepsDone | index("3")) and (.stepsDone | index("4")))] | length' <<< "$roster")
conversations=$(jq '[.learners[] | select(.name | startswith("learner-")) | .conversations | length] | add' <<< "$roster")

wall=$(awk "BEGIN { printf \"%.2f\", $end - $start }")
hz=$(getconf CLK_TCK)
cpu=$(awk "BEGIN { printf \"%.2f\", ($cpu_after - $cpu_before) / $hz }")
cpu_share=$(awk "BEGIN { printf \"%.0f\", 100 * ($cpu_after - $cpu_before) / $hz / ($end - $start) }")
field() { jq -r "$1 // \"n/a\"" "$work/probe.json" 2> /dev/null || echo n/a; }
p50=$(field .p50Ms)
p99=$(field .p99Ms)
verdict() { if awk "BEGIN { exit !($1) }" 2> /dev/null; then echo PASS; else echo MISS; fi; }

echo "## Class load"
echo
echo "One \`lp-shell class --port 0 --bot-delay 50ms\` (its own process); $learners learners at once, each"
echo "\`lp-shell --join URL --name learner-N learner.sh\` with a home of its own (a learner of its own, an account of its"
echo "own), \`learner.sh\` being \`step 1\`, \`step 2\`, \`step 3\` (the consumer socket: a conversation, the bot's"
echo "reply), \`step 4\`, \`step 2\`, each command line reported to the class in the background. The dashboard's"
echo "event stream is open all along (a probe learner, [class-probe.py](scripts/lib/class-probe.py), posts a report 10"
echo "times a second and times each from its POST to its \`event: learner\` on the stream). CPU is the class's utime +"
echo "stime (/proc/PID/stat) over the learners' wall time; RSS is VmRSS sampled every 100 ms, and VmHWM. Learners,"
echo "class and probe share the machine's $(nproc) cores."
echo
echo "| | |"
echo "|---|---:|"
echo "| learners joined / ran every step / conversations | $joined / $all_steps / $conversations (failed runs: $failed) |"
echo "| learners' wall time | $wall s |"
echo "| dashboard update latency p50 / p99 / max | $p50 / $p99 / $(field .maxMs) ms ($(field .received) of $(field .sent) reports; $(field .events) events in all) |"
echo "| class CPU while the learners ran | $cpu s ($cpu_share % of one core) |"
echo "| class RSS peak sampled / VmHWM | $(awk "BEGIN { printf \"%.1f\", $rss_peak / 1024 }") / $(awk "BEGIN { printf \"%.1f\", $hwm / 1024 }") MiB |"
echo
echo "| target | measured | |"
echo "|---|---:|---|"
echo "| a dashboard update within 1 s (p99) | $p99 ms | $(verdict "\"$p99\" != \"n/a\" && $p99 + 0 <= 1000") |"
echo "| every learner joined and ran the tutorial | $all_steps of $learners | $(verdict "$all_steps == $learners") |"
echo
echo '```'
echo "lp-shell class --port 0 --ca-dir CA --bot-delay 50ms     # prints the join line and the dashboard URL"
echo "python3 scripts/lib/class-probe.py HOST PORT CA/ca.pem TEACHER_KEY CODE STOP_FILE probe.json 10 &"
echo "for i in \$(seq $learners); do HOME=L\$i XDG_DATA_HOME=L\$i/data lp-shell --join URL --name learner-\$i learner.sh & done; wait"
echo '```'
echo
