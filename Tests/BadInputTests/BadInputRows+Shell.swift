/// Rows about the shell language: quoting, huge or strange input, arithmetic, `cd`, redirections, variables.
enum BadInputRows {
    /// `A=kept` before and `echo after:$? A=$A` after the bad input: the variable and the session survive.
    static func keep(_ bad: String) -> String { "A=kept\n" + bad + "\necho after:$? A=$A\n" }

    static let shell: [BadInputCase] = [
        .init(
            "unterminated single quote", .command, "echo 'abc",
            stderr: ["lp-shell: syntax error: unterminated single quote", "  echo 'abc", "       ^"], status: 2,
            stdout: []
        ).echoing("abc"),
        .init(
            "unterminated single quote in eval keeps the session", .command, keep("eval \"echo 'abc\""),
            stderr: ["lp-shell: eval: line 1: syntax error: unterminated single quote", "  echo 'abc", "       ^"],
            status: 0, stdout: ["after:2 A=kept"]
        ).echoing("abc"),
        .init(
            "unterminated double quote on stdin", .stdin, "A=kept\necho \"abc\n",
            stderr: ["lp-shell: line 2: syntax error: unterminated double quote", "  echo \"abc", "       ^"],
            status: 2, stdout: []
        ).echoing("abc"),
        .init(
            "unterminated double quote in eval keeps the session", .command, keep("eval 'echo \"abc'"),
            stderr: ["lp-shell: eval: line 1: syntax error: unterminated double quote", "  echo \"abc", "       ^"],
            status: 0, stdout: ["after:2 A=kept"]
        ).echoing("abc"),
        .init(
            "unterminated backtick", .command, "UNAUTH_JWT=curl -s https://x`",
            stderr: [
                "lp-shell: syntax error: unterminated backtick", "  UNAUTH_JWT=curl -s https://x`",
                "                              ^",
            ], status: 2, stdout: []
        ).echoing("https://x", as: "https://{T}"),
        .init(
            "unterminated backtick in a script names the line", .script, "A=kept\necho ok\necho `abc\n",
            stderr: [
                "lp-shell: {HOME}/input.sh: line 3: syntax error: unterminated backtick", "  echo `abc", "       ^",
            ],
            status: 2, stdout: ["ok"]
        ).echoing("abc"),
        .init(
            // Issue 15: the draft's `UNAUTH_JWT=curl … | jq -r .jwt`` before `LP_EXT_JWT=`curl …``.
            "a stray backtick that would pair with the next line's `NAME=`` is explained, not swallowing the rest",
            .script, "A=kept\nX=curl -s https://x | jq .a`\nY=`echo b`\necho after\n",
            stderr: [
                "lp-shell: {HOME}/input.sh: line 2: syntax error: this line ends with a backtick that has no opening "
                    + "one: it would pair with the backtick of 'Y=`' on the next line and swallow the lines after it "
                    + "(neither line ran): did you mean: X=`curl -s https://x | jq .a`",
                "  X=curl -s https://x | jq .a`", "                             ^",
            ],
            status: 2, stdout: []
        ),
        .init(
            // Issue 15: the pages' login line without its `|`; curl would have fetched a URL named `jq`.
            "a missing | before jq is explained and nothing is fetched", .command,
            keep("curl -s https://127.0.0.1:1/x  jq -r .a"),
            stderr: [
                "curl: line 2: 'jq' here looks like a missing '|' (curl would fetch a URL named 'jq'; nothing was "
                    + "fetched): did you mean: curl -s https://127.0.0.1:1/x | jq -r .a",
                "  curl -s https://127.0.0.1:1/x  jq -r .a", "                                 ^^",
            ],
            status: 0, stdout: ["after:2 A=kept"]
        ),
        .init(
            "unterminated $(", .command, keep("eval 'echo $(abc'"),
            stderr: [
                "lp-shell: eval: line 1: syntax error: unterminated command substitution", "  echo $(abc", "       ^",
            ],
            status: 0, stdout: ["after:2 A=kept"]
        ).echoing("abc"),
        .init(
            // `break` was once unknown: `while true; do …; break; done` looped forever.
            "a stray break, a break with a bad count, and break in an endless loop", .command,
            keep("break\nwhile true; do echo loop; break 1 2; done\nwhile true; do break; done"),
            stderr: [
                "break: only meaningful in a `for', `while', or `until' loop", "break: too many arguments",
            ], status: 0, stdout: ["loop", "after:0 A=kept"]),
        .init(
            "trap with an unknown signal, getopts without a name, wait for no such job, umask with a bad mode",
            .command, keep("trap 'echo x' NOSUCH\ngetopts ab\nwait 99\numask 8"),
            stderr: [
                "trap: NOSUCH: invalid signal specification", "getopts: usage: getopts OPTSTRING NAME [ARG ...]",
                "wait: pid 99 is not a child of this shell", "umask: 8: octal number out of range",
            ], status: 0, stdout: ["after:1 A=kept"]),
        .init(
            "an alias with a bad name, an unknown alias, unalias of nothing, an alias that calls itself", .command,
            keep("alias 'a b=x'\nalias nope\nunalias nope\nalias loop='loop; echo inner'\nloop"),
            stderr: [
                "alias: `a b': invalid alias name", "alias: nope: not found", "unalias: nope: not found",
                "lp-shell: loop: command not found",
            ], status: 0, stdout: ["inner", "after:0 A=kept"]),
        .init(
            "builtin of a name that is no builtin", .command, keep("builtin nosuch arg"),
            stderr: ["builtin: nosuch: not a shell builtin"], status: 0, stdout: ["after:1 A=kept"]),
        .init(
            "getopts with an unknown option and a missing argument", .command,
            keep("while getopts ab: o -x -b; do echo \"$o\"; done"),
            stderr: ["getopts: illegal option -- x", "getopts: option requires an argument -- b"], status: 0,
            stdout: ["?", "?", "after:0 A=kept"]),
        .init(
            "a 10 MB line", .stdin,
            "A=kept\necho " + String(repeating: "a", count: 10_000_000) + " | wc -c\necho after:$? A=$A\n",
            stderr: [], status: 0, stdout: ["10000001", "after:0 A=kept"]),
        .init(
            "invalid UTF-8 in a command line becomes U+FFFD", .stdin,
            bytes: Array("A=kept\necho ".utf8) + [0xFF, 0xC3] + Array(" '".utf8) + [0x80]
                + Array("'\necho after:$? A=$A\n".utf8),
            stderr: [], status: 0, stdout: ["\u{FFFD}\u{FFFD} \u{FFFD}", "after:0 A=kept"]),
        .init(
            "invalid UTF-8 through a pipe stays as it is", .command, bytes: Array("head -c 4 /bin/sh | cat".utf8),
            stderr: [], status: 0, stdout: [], stdoutBytes: [0x7F, 0x45, 0x4C, 0x46]),
        .init(
            "NUL bytes in the input", .stdin,
            bytes: Array("A=kept\necho a".utf8) + [0] + Array("b\necho after:$? A=$A\n".utf8),
            stderr: [], status: 0, stdout: ["a\u{0}b", "after:0 A=kept"]),
        .init(
            "NUL bytes from a command substitution", .command, keep("x=$(printf 'a\\0b'); echo ${#x} $x"),
            stderr: ["lp-shell: warning: command substitution: ignored null byte in input"], status: 0,
            stdout: ["2 ab", "after:0 A=kept"]),
        .init(
            "binary output from a command", .command, bytes: Array("printf '\\0\\1\\n'; head -c 4 /bin/sh".utf8),
            stderr: [], status: 0, stdout: [], stdoutBytes: [0, 1, 0x0A, 0x7F, 0x45, 0x4C, 0x46]),
        .init(
            "binary output in a variable", .command, keep("x=$(head -c 4 /bin/sh | tail -c 3); echo $x"),
            stderr: [], status: 0, stdout: ["ELF", "after:0 A=kept"]),
        .init(
            "100,000 variables", .script,
            (0..<100_000).map { "V\($0)=value\($0)" }.joined(separator: " ")
                + "\necho $V0 $V99999\nset | grep -c '^V'\n",
            stderr: [], status: 0, stdout: ["value0 value99999", "100000"]),
        .init(
            "bad arithmetic", .command, keep("echo $((1+))"),
            stderr: ["lp-shell: line 2: 1+: syntax error: operand expected", "  echo $((1+))", "       ^^^^^^^"],
            status: 0, stdout: ["after:1 A=kept"]
        ).echoing("1+", as: "1+{T}+"),
        .init(
            "division by zero", .command, keep("echo $((7 / 0))"),
            stderr: ["lp-shell: line 2: 7 / 0: division by 0", "  echo $((7 / 0))", "       ^^^^^^^^^^"], status: 0,
            stdout: ["after:1 A=kept"]),
        .init(
            "cd to a missing folder", .command, keep("cd /nope/missing"),
            stderr: ["cd: /nope/missing: No such file or directory"], status: 0, stdout: ["after:1 A=kept"]
        ).echoing("missing"),
        .init(
            "redirect into a missing folder", .command, keep("echo hi > /nope/out.txt"),
            stderr: ["lp-shell: /nope/out.txt: No such file or directory"], status: 0, stdout: ["after:1 A=kept"]
        ).echoing("out.txt"),
        .init(
            "redirect into a full disk", .command, keep("echo hi > /dev/full"),
            stderr: ["lp-shell: echo: write error: No space left on device"], status: 0, stdout: ["after:1 A=kept"]),
        .init(
            "redirect under a regular file", .command, keep("touch f; echo hi > f/x"),
            stderr: ["lp-shell: f/x: Not a directory"], status: 0, stdout: ["after:1 A=kept"]
        ).echoing("f/x", as: "f/{T}"),
        .init(
            "command not found", .command, keep("nope-command"),
            stderr: ["lp-shell: nope-command: command not found"], status: 0, stdout: ["after:127 A=kept"]
        ).echoing("nope-command"),
        .init(
            "missing script file", .stdin, "", arguments: ["missing.sh"],
            stderr: ["lp-shell: missing.sh: No such file or directory"], status: 127, stdout: []
        ).echoing("missing.sh"),
        .init(
            "a folder as the script", .stdin, "", arguments: ["/tmp"],
            stderr: ["lp-shell: /tmp: Is a directory"], status: 126, stdout: []),
        .init(
            "unknown lp-shell option", .command, "true", arguments: ["--bogus"],
            stderr: [
                "lp-shell: --bogus: unknown option",
                "usage: lp-shell [options] [-c COMMAND | SCRIPT [ARG ...]]; try `lp-shell --help`",
            ],
            status: 2, stdout: []
        ).echoing("bogus"),
    ]
}

/// The error paths that once printed a JWT in full (issue 20): each now shows it masked.
extension BadInputRows {
    /// `T=<token>; COMMAND` between the usual lines (line 2, so errors name it).
    static func keepWithToken(_ command: String) -> String { keep("T=\(TokenSample.token); " + command) }

    static let tokens: [BadInputCase] = [
        .init(
            "cd to a JWT", .command, keepWithToken("cd \"$T\""),
            stderr: ["cd: \(TokenSample.masked): No such file or directory"], status: 0, stdout: ["after:1 A=kept"]),
        .init(
            "a JWT as a command", .command, keepWithToken("\"$T\""),
            stderr: ["lp-shell: \(TokenSample.masked): command not found"], status: 0, stdout: ["after:127 A=kept"]),
        .init(
            "a JWT in arithmetic", .command, keepWithToken("echo $(( T + 1 ))"),
            stderr: [
                "lp-shell: line 2:  T + 1 : \(TokenSample.masked): not a number",
                "  T=\(TokenSample.masked); echo $(( T + 1 ))",
                "                 ^^^^^^^^^^^^",
            ], status: 0, stdout: ["after:1 A=kept"]),
        .init(
            // As in bash, a failed `${VAR:?}` ends a non-interactive shell.
            "a JWT in the message of ${VAR:?}", .command, keepWithToken(": ${NOPE:?missing $T}"),
            stderr: [
                "lp-shell: line 2: NOPE: missing \(TokenSample.masked)",
                "  T=\(TokenSample.masked); : ${NOPE:?missing $T}",
                "              ^^^^^^^^^^^^^^^^^^^",
            ], status: 1, stdout: []),
        .init(
            "a JWT as a jq program", .command, keepWithToken("jq -n \"$T\""),
            stderr: [
                "jq: error: eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9/0 is not defined at <top-level>, line 1:",
                TokenSample.masked, "^^^^^^", "jq: 1 compile error",
            ], status: 0, stdout: ["after:3 A=kept"]),
    ]
}
