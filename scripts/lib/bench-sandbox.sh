# start_sandbox DIR [FLAGS...]: starts `$LP sandbox --port 0` in the background with its CA under DIR, waits for
# its export lines and sources them (LP_IDP, LP_ACCOUNT, CURL_CA_BUNDLE, NODE_EXTRA_CA_CERTS, ...); the sandbox
# is killed when the calling script exits.
start_sandbox() {
    local dir=$1
    shift
    mkdir -p "$dir"
    "$LP" sandbox --port 0 --ca-dir "$dir/ca" "$@" > "$dir/exports.sh" 2> "$dir/sandbox.err" &
    sandbox_pid=$!
    trap 'kill $sandbox_pid 2>/dev/null' EXIT
    for _ in $(seq 300); do
        grep -q NODE_EXTRA_CA_CERTS "$dir/exports.sh" 2>/dev/null && break
        sleep 0.1
    done
    grep -q NODE_EXTRA_CA_CERTS "$dir/exports.sh" || {
        echo "bench: the sandbox did not start:" >&2
        cat "$dir/sandbox.err" >&2
        exit 1
    }
    set -a
    . "$dir/exports.sh"
    set +a
}
