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
