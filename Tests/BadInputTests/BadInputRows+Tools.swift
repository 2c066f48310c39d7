/// Rows about the builtins: unknown flags, bad JSON and jq programs, the LivePerson commands.
extension BadInputRows {
    static let tools: [BadInputCase] = [
        .init(
            "curl unknown flag", .command, keep("curl --bogus https://example.com"),
            stderr: [
                "curl: option --bogus: is unknown",
                "curl: try 'curl --help' or 'curl --manual' for more information",
            ], status: 0, stdout: ["after:2 A=kept"]
        ).echoing("bogus"),
        .init(
            "jq unknown flag", .command, keep("echo {} | jq --bogus ."),
            stderr: [
                "jq: Unknown option: --bogus", "Use jq --help for help with command-line options,",
                "or see the jq manpage, or online docs  at https://jqlang.github.io/jq",
            ], status: 0, stdout: ["after:2 A=kept"]
        ).echoing("bogus"),
        .init(
            "wscat unknown flag", .command, keep("wscat --bogus"),
            stderr: ["wscat: unknown option '--bogus' (try wscat --help)"], status: 0, stdout: ["after:2 A=kept"]
        ).echoing("bogus"),
        .init(
            "base64 unknown flag", .command, keep("base64 --bogus"),
            stderr: ["base64: unrecognized option '--bogus'", "Try 'base64 --help' for more information."],
            status: 0, stdout: ["after:1 A=kept"]
        ).echoing("bogus"),
        .init(
            "jwt unknown subcommand", .command, keep("jwt --bogus"),
            stderr: ["jwt: unknown subcommand '--bogus'; try 'jwt decode TOKEN'"], status: 0,
            stdout: ["after:2 A=kept"]
        ).echoing("bogus"),
        .init(
            "jwt decode unknown flag", .command, keep("jwt decode --bogus"),
            stderr: ["jwt: decode: unknown option '--bogus'"], status: 0, stdout: ["after:2 A=kept"]
        ).echoing("bogus"),
        .init(
            "jwt decode of a non-JWT", .command, keep("jwt decode notajwt"),
            stderr: ["jwt: decode: not a JWT: expected 3 dot-separated segments, found 1"], status: 0,
            stdout: ["after:1 A=kept"]),
        .init(
            "step unknown flag", .command, keep("step --bogus"),
            stderr: ["step: --bogus: unexpected argument", "usage: step [N | next] [--dry-run]"], status: 0,
            stdout: ["after:2 A=kept"]
        ).echoing("bogus"),
        .init(
            "tokens unknown flag", .command, keep("tokens --bogus"),
            stderr: ["tokens: --bogus: unexpected arguments", "usage: tokens [--json] | tokens refresh"],
            status: 0, stdout: ["after:2 A=kept"]
        ).echoing("bogus"),
        .init(
            "malformed JSON to jq", .command, keep("echo '{\"a\": 1,' | jq .a"),
            stderr: ["jq: error (at <stdin>:1): Unfinished JSON term at EOF at line 2, column 0"],
            status: 0, stdout: ["after:2 A=kept"]),
        .init(
            "a stray } to jq", .command, keep("echo '}' | jq ."),
            stderr: ["jq: error (at <stdin>:1): Unmatched '}' at line 1, column 1"], status: 0,
            stdout: ["after:2 A=kept"]),
        .init(
            "jq program cut short", .command, keep("echo {} | jq '.a | '"),
            stderr: [
                "jq: error: syntax error, unexpected end of file (Unix shell quoting issues?) at <top-level>, line 1:",
                ".a | ", "     ^", "jq: 1 compile error",
            ], status: 0, stdout: ["after:3 A=kept"]
        ).echoing(".a | ", as: ".\"{T}\" | "),
        .init(
            "jq unknown function", .command, keep("echo {} | jq 'nosuch(1)'"),
            stderr: [
                "jq: error: nosuch/1 is not defined at <top-level>, line 1:", "nosuch(1)", "^^^^^^",
                "jq: 1 compile error",
            ], status: 0, stdout: ["after:3 A=kept"]
        ).echoing("nosuch(1)", as: "nosuch(\"{T}\")"),
        .init(
            // Not echoing: jq 1.7.1 quotes a key only when it is shorter than 30 bytes, so a JWT key never shows.
            "jq runtime error", .command, keep("echo '[1]' | jq .a.b"),
            stderr: ["jq: error (at <stdin>:1): Cannot index array with string \"a\""], status: 0,
            stdout: ["after:5 A=kept"]),
        .init(
            "step 99", .command, keep("step 99"),
            stderr: ["step: 99: no such step in unauthenticated (steps: 1, 2, 3, 4)"], status: 0,
            stdout: ["after:2 A=kept"]
        ).echoing("99"),
        .init(
            "tutorial use nope", .command, keep("tutorial use nope"),
            stderr: ["tutorial: no tutorial named `nope` (`tutorial list` shows the 17)"], status: 0,
            stdout: ["after:1 A=kept"]
        ).echoing("nope"),
        .init(
            "tutorial show of an unknown tutorial", .command, keep("LP_TUTORIAL=nope; tutorial show"),
            stderr: [
                "tutorial: no tutorial named `nope` (`tutorial list` shows the 17); choose one with `tutorial use NAME`"
            ], status: 0, stdout: ["after:1 A=kept"]
        ).echoing("nope"),
        .init(
            "tokens refresh without a token", .command, keep("tokens refresh"),
            stderr: [
                "tokens: LP_EXT_JWT is not set: create it first (step 1 of `tutorial use unauthenticated`)"
            ], status: 0, stdout: ["after:1 A=kept"]),
        .init(
            "base64 -d of garbage", .command, keep("echo '@@@' | base64 -d"),
            stderr: ["base64: invalid input"], status: 0, stdout: ["after:1 A=kept"]),
    ]
}
