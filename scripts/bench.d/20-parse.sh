# Parsing 10,000 doc-style lines: `lp-shell -n` vs `bash -n` on the same file (target: <= 100 ms).
out=$1
file="$out/doc-lines.sh"
python3 - "$file" <<'PY'
import sys
lines = [
    'LP_EXT_JWT=`curl -X POST -H "Content-Type: application/json" https://$LP_IDP/api/account/$LP_ACCOUNT/anonymous/authorize | jq -r .token`',
    "LP_JWT=`curl -X POST -H \"Content-Type: application/json\" -d '{\"id_token\" : \"'$LP_EXT_JWT'\"}' https://$LP_IDP/api/account/$LP_ACCOUNT/app/$LP_APP_CONN_ID/authenticate?v=3.0 | jq -r .token`",
    'echo $LP_JWT | cut -d. -f2',
    'wscat -k 60 -H "Authorization:jwt $LP_JWT" -c "wss://$LP_ASYNCMESSAGINGENT/ws_api/account/$LP_ACCOUNT/messaging/consumer?v=3" -x /close',
    'export LP_BEARER=$(curl -s -X POST "https://${LP_AGENTVEP}/api/account/${LP_ACCOUNT:-qa1}/login?v=1.3" -d @login.json | jq -r .bearer)',
]
with open(sys.argv[1], "w") as f:
    for i in range(10000):
        f.write(lines[i % len(lines)] + "\n")
PY
hyperfine -N --warmup 3 --runs 30 --export-markdown "$out/parse.md" "$LP -n $file" "bash -n $file" >&2
echo "## Parsing 10,000 doc-style lines"
echo
echo "Target: ≤ 100 ms. The file repeats five tutorial lines (backticks, pipes, \`'\"'\$VAR'\"'\` splicing, \`\${VAR:-x}\`)."
echo
echo '```'
echo "hyperfine -N --warmup 3 --runs 30 'lp-shell -n doc-lines.sh' 'bash -n doc-lines.sh'"
echo '```'
echo
sed "s|$LP|lp-shell|g; s|$file|doc-lines.sh|g" "$out/parse.md"
echo
