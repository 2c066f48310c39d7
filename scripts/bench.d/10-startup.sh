# Start-up: `lp-shell -c true` vs `bash -c true`, three hyperfine runs, with the floor of the machine (a static C
# program that prints one line) in each. Target (issue 19): the median of the three runs' lp-shell ÷ bash ≤ 1.0.
out=$1
floor="$out/hello-static"
printf '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n' > "$out/hello.c"
gcc -O2 -static -o "$floor" "$out/hello.c"
# The Swift runtime's own floor: the same one-line program in Swift, linked the way the release lp-shell is (static
# Swift runtime and libstdc++, position-dependent, no exported symbols: Package.swift), stripped. Whatever any
# Swift program pays before its first line runs is in it.
swift_floor="$out/hello-swift-static"
printf 'import Glibc\nputs("hi")\n' > "$out/hello.swift"
swiftc -O -static-stdlib "$out/hello.swift" -o "$swift_floor" -Xlinker -no-pie -Xlinker --no-export-dynamic \
    -L Sources/lp-shell/StaticArchives -Xclang-linker -static-libgcc 2>/dev/null
strip "$swift_floor"
ratios=()
floors=()
for run in 1 2 3; do
    hyperfine -N --warmup 20 --runs 300 --export-json "$out/startup-$run.json" \
        -n "lp-shell -c true" "$LP -c true" -n "bash -c true" "bash -c true" -n "hello-static" "$floor" \
        -n "hello-swift-static" "$swift_floor" >&2
    ratios+=("$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print("%.2f" % (r[0]["median"]/r[1]["median"]))' "$out/startup-$run.json")")
    floors+=("$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print("%.2f" % (r[3]["median"]/r[1]["median"]))' "$out/startup-$run.json")")
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | sed -n 2p)
echo "## Start-up"
echo
echo "Target: the median of three runs' \`lp-shell -c true\` ÷ \`bash -c true\` ≤ 1.0; \`hello-static\` (gcc -O2 -static, one"
echo "\`puts\`) is the machine's floor for starting a process; \`hello-swift-static\` (the same in Swift, linked as lp-shell is)"
echo "is the floor of a Swift program linked as lp-shell is. Three runs of"
echo
echo '```'
echo "hyperfine -N --warmup 20 --runs 300 'lp-shell -c true' 'bash -c true' hello-static hello-swift-static"
echo '```'
echo
echo "lp-shell ÷ bash per run: ${ratios[*]}; **median ${median}**. hello-swift-static ÷ bash per run: ${floors[*]}."
echo
python3 scripts/lib/hyperfine-table.py "$out/startup-2.json"
echo
