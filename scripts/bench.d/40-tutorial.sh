# The tutorial: (1) the step-1 line (`curl … | jq -r .token` in backticks) and (2) the whole seed tutorial as a
# script (steps 1, 2, 4, 2 again, then the consumer socket: request a conversation, publish, subscribe, read the
# bot's reply, close), each through lp-shell and through bash with real curl, jq and node's wscat, against the
# same `lp-shell sandbox` (bot reply delay 0 so the tools are measured, not the bot).
# Targets: step-1 line ≤ 0.3× bash+curl+jq (issue 4); whole tutorial ≤ 0.25× bash+curl+jq+wscat (issue 8).
. scripts/lib/bench-sandbox.sh
out=$1
dir="$out/tutorial"
start_sandbox "$dir" --bot-delay 0ms --rate-limit 1000000
step1='LP_EXT_JWT=`curl -s -X POST -H "Content-Type: application/json" https://$LP_IDP/api/account/$LP_ACCOUNT/anonymous/authorize | jq -r .token`; echo ${#LP_EXT_JWT}'
[ "$("$LP" -c "$step1")" = "$(bash -c "$step1")" ] || { echo "40-tutorial: the step-1 line differs" >&2; exit 1; }
hyperfine -N --warmup 5 --runs 50 --export-json "$dir/step1.json" \
    -n "lp-shell -c STEP1" "$LP -c '$step1'" -n "bash -c STEP1" "bash -c '$step1'" >&2
# In a session (how the docs are followed: one shell, line after line): the same line 20 times in one script.
printf '%s\n' "$step1" "$step1" "$step1" "$step1" "$step1" "$step1" "$step1" "$step1" "$step1" "$step1" \
    "$step1" "$step1" "$step1" "$step1" "$step1" "$step1" "$step1" "$step1" "$step1" "$step1" > "$dir/step1x20.sh"
hyperfine -N --warmup 2 --runs 15 --export-json "$dir/step1x20.json" \
    -n "lp-shell step1x20.sh" "$LP $dir/step1x20.sh" -n "bash step1x20.sh" "bash $dir/step1x20.sh" >&2
authorize="curl -s -X POST https://$LP_IDP/api/account/$LP_ACCOUNT/anonymous/authorize"
hyperfine -N --warmup 5 --runs 50 --export-json "$dir/curl.json" --output=null \
    -n "lp-shell -c 'curl -s -X POST https://\$LP_IDP/…/anonymous/authorize'" "$LP -c '$authorize'" \
    -n "curl -s -X POST https://\$LP_IDP/…/anonymous/authorize" "$authorize" >&2
tutorial=scripts/bench.d/tutorial
"$LP" "$tutorial/seed-tutorial.sh" | grep -q 'echo: hi there' || { echo "40-tutorial: lp-shell run failed" >&2; exit 1; }
bash "$tutorial/seed-tutorial.bash" || { echo "40-tutorial: bash run failed" >&2; exit 1; }
hyperfine -N --warmup 2 --runs 15 --export-json "$dir/tutorial.json" \
    -n "lp-shell seed-tutorial.sh" "$LP $tutorial/seed-tutorial.sh" \
    -n "bash seed-tutorial.bash" "bash $tutorial/seed-tutorial.bash" >&2
echo "## The tutorial"
echo
echo "Against one \`lp-shell sandbox --bot-delay 0ms\`. Step-1 line (target ≤ 0.3× bash with real curl and jq):"
echo
echo '```'
echo "STEP1=$step1"
echo '```'
echo
python3 scripts/lib/hyperfine-table.py "$dir/step1.json"
echo
echo "The same line 20 times in one session (one script, one shell process: how a reader pastes the tutorial):"
echo
python3 scripts/lib/hyperfine-table.py "$dir/step1x20.json"
echo
echo "curl alone (one HTTPS POST to the IdP, new connection each run):"
echo
python3 scripts/lib/hyperfine-table.py "$dir/curl.json"
echo
echo "The whole seed tutorial (target ≤ 0.25× bash with real curl, jq and wscat):"
echo "[seed-tutorial.sh](scripts/bench.d/tutorial/seed-tutorial.sh) through lp-shell,"
echo "[seed-tutorial.bash](scripts/bench.d/tutorial/seed-tutorial.bash) (the same doc lines, wscat driven through a FIFO) through bash."
echo
python3 scripts/lib/hyperfine-table.py "$dir/tutorial.json"
echo
