# Start-up: `lp-shell -c true` vs `bash -c true` (target: median <= 20 ms and within 2x of bash).
out=$1
hyperfine -N --warmup 20 --runs 300 --export-markdown "$out/startup.md" "$LP -c true" "bash -c true" >&2
echo "## Start-up"
echo
echo "Target: \`lp-shell -c true\` median ≤ 20 ms and within 2× of \`bash -c true\`."
echo
echo '```'
echo "hyperfine -N --warmup 20 --runs 300 '$LP -c true' 'bash -c true'"
echo '```'
echo
sed "s|$LP|lp-shell|g" "$out/startup.md"
echo
