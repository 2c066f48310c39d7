# jq: `jq .` on a 50 MB JSON file (LivePerson-shaped message history), lp-shell's built-in vs real jq and gojq
# (Debian's `gojq`, when installed), time in one hyperfine run and peak memory (max RSS from GNU time) of each.
# Targets: issue 4 ≤ 1.5× jq's time and memory ≤ 3× the file; issue 19 faster than both jq and gojq, memory ≤ 2× the
# file. Also a filter over the same file and a tiny `jq -r .token` (start-up dominated).
out=$1
dir="$out/jq"
mkdir -p "$dir"
big="$dir/history-50mb.json"
if [ ! -s "$big" ]; then
    python3 - "$big" <<'PY'
import json, sys, random
random.seed(7)
target, items, size = 50 * 1024 * 1024, [], 2
while size < target:
    i = len(items)
    item = {"sequence": i, "originatorId": "%08x-5fae-46a3-8964-1c4c3e720a4a" % i, "serverTimestamp": 1795651926767 + i,
            "event": {"type": "ContentEvent", "contentType": "text/plain", "message": "message number %d: héllo ✓ \"quoted\"" % i},
            "metadata": [{"type": "BotResponse", "score": random.random(), "intents": ["greeting", "billing"]}],
            "dialogId": "7e73a8a2-e97b-4a7c-bba8-0116fbd1504a", "read": i % 3 == 0, "nothing": None}
    text = json.dumps(item, ensure_ascii=False)
    items.append(text)
    size += len(text.encode()) + 1
with open(sys.argv[1], "w") as f:
    f.write("[" + ",".join(items) + "]\n")
PY
fi
size_mb=$(($(stat -c %s "$big") / 1024 / 1024))
cmp <("$LP" -c "jq . $big") <(jq . "$big") > /dev/null || echo "30-jq: note: lp-shell's jq . output differs from jq's" >&2
gojq_rows=()
command -v gojq > /dev/null && gojq_rows=(-n "gojq . history-50mb.json" "gojq . $big")
hyperfine -N --warmup 1 --runs 5 --export-markdown "$dir/dot.md" \
    -n "lp-shell -c 'jq . history-50mb.json'" "$LP -c 'jq . $big'" \
    -n "jq . history-50mb.json" "jq . $big" "${gojq_rows[@]}" --output=null >&2
filter='[.[] | select(.read) | .event.message] | length'
hyperfine -N --warmup 1 --runs 5 --export-markdown "$dir/filter.md" \
    -n "lp-shell -c \"jq '$filter' history-50mb.json\"" "$LP -c \"jq '$filter' $big\"" \
    -n "jq '$filter' history-50mb.json" "jq '$filter' $big" --output=null >&2
echo '{"token":"eyJhbGciOiJSUzI1NiJ9.e30.c2ln"}' > "$dir/token.json"
hyperfine -N --warmup 10 --runs 100 --export-markdown "$dir/token.md" \
    -n "lp-shell -c 'jq -r .token token.json'" "$LP -c 'jq -r .token $dir/token.json'" \
    -n "jq -r .token token.json" "jq -r .token $dir/token.json" --output=null >&2
lp_kb=$( { /usr/bin/time -f %M "$LP" -c "jq . $big" > /dev/null; } 2>&1 | tail -1)
jq_kb=$( { /usr/bin/time -f %M jq . "$big" > /dev/null; } 2>&1 | tail -1)
gojq_kb=0
command -v gojq > /dev/null && gojq_kb=$( { /usr/bin/time -f %M gojq . "$big" > /dev/null; } 2>&1 | tail -1)
echo "## jq"
echo
echo "Targets: \`jq .\` on a ${size_mb} MB file ≤ 1.5× real jq's time ($(jq --version)), peak memory ≤ 3× the file size (issue 4); faster than jq and gojq, memory ≤ 2× the file (issue 19)."
echo
cat "$dir/dot.md"
echo
echo "Peak memory (max RSS, \`/usr/bin/time -f %M\`) of \`jq .\` on the ${size_mb} MB file:"
echo
echo "| tool | max RSS | × file size |"
echo "|:---|---:|---:|"
echo "| lp-shell jq | $((lp_kb / 1024)) MB | $(python3 -c "print(round($lp_kb/1024/$size_mb, 2))") |"
echo "| jq | $((jq_kb / 1024)) MB | $(python3 -c "print(round($jq_kb/1024/$size_mb, 2))") |"
[ "$gojq_kb" -eq 0 ] || echo "| gojq $(gojq --version | cut -d' ' -f2) | $((gojq_kb / 1024)) MB | $(python3 -c "print(round($gojq_kb/1024/$size_mb, 2))") |"
echo
echo "A filter over the same file:"
echo
cat "$dir/filter.md"
echo
echo "A tiny input (process start-up dominates):"
echo
cat "$dir/token.md"
echo
