# Shared by scripts/*: checks the one system library lp-shell needs and says which package provides it.
require_system_packages() {
    if [ ! -f /usr/include/readline/readline.h ]; then
        echo "lp-shell needs GNU readline's headers: install them with 'apt-get install -y libreadline-dev'" >&2
        exit 1
    fi
    if ! command -v swift >/dev/null 2>&1; then
        echo "lp-shell needs a Swift 6 toolchain on PATH (swift.org/install)" >&2
        exit 1
    fi
}

# Prints what the browser tests (scripts/browser-tests) need and this machine lacks, space-separated; nothing when all
# is there. Debian: apt-get install -y chromium chromium-driver python3-selenium python3-websocket python3-cryptography
# (or pip install selenium==4.51.0 websocket-client cryptography).
missing_browser_tools() {
    local missing=()
    command -v chromium >/dev/null 2>&1 || missing+=("chromium")
    command -v chromedriver >/dev/null 2>&1 || missing+=("chromedriver (chromium-driver)")
    local python
    python=$(browser_python)
    if [ -z "$python" ]; then
        missing+=("python3")
    else
        "$python" -c 'import selenium' 2>/dev/null || missing+=("selenium (python3-selenium)")
        "$python" -c 'import websocket' 2>/dev/null || missing+=("websocket-client (python3-websocket)")
        "$python" -c 'import cryptography' 2>/dev/null || missing+=("cryptography (python3-cryptography)")
    fi
    echo "${missing[*]}"
}

# The Python the browser tests run with: Debian's /usr/bin/python3 when it has Selenium (apt's python3-selenium goes
# there, and a `python3` earlier on PATH, pyenv's say, does not see it), else the first python3 on PATH.
browser_python() {
    if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import selenium' 2>/dev/null; then
        echo /usr/bin/python3
    else
        command -v python3 2>/dev/null || true
    fi
}
