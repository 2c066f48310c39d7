# Start-up: `lp-shell -c true` vs `bash -c true` (target: median <= 20 ms and within 2x of bash).
out=$1
hyperfine -N --warmup 20 --runs 300 --export-json "$out/startup.json" \
    -n "lp-shell -c true" "$LP -c true" -n "bash -c true" "bash -c true" >&2
echo "## Start-up"
echo
echo "Target: \`lp-shell -c true\` median ≤ 20 ms and within 2× of \`bash -c true\`."
echo
echo '```'
echo "hyperfine -N --warmup 20 --runs 300 'lp-shell -c true' 'bash -c true'"
echo '```'
echo
python3 scripts/lib/hyperfine-table.py "$out/startup.json"
echo
