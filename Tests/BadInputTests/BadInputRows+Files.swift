/// Rows about files: history, `save`, `--env-file`, `load`, `record`, `replay`.
extension BadInputRows {
    static let historyPath = ".local/state/lp-shell/history"

    static let files: [BadInputCase] = [
        .init(
            "unwritable history file", .terminal, "A=kept\necho after:$? A=$A\nhistory\n", arguments: ["--plain"],
            stderr: [
                "lp-shell: warning: history is not saved (kept for this session only): {HOME}/\(historyPath): Is a directory"
            ],
            status: 0, stdout: ["after:0 A=kept", "    1  A=kept", "    2  echo after:$? A=$A"],
            folders: [historyPath]),
        .init(
            "errors at a terminal keep the history", .terminal,
            "A=kept\nnope-command\ncd /missing\necho after:$? A=$A\n",
            arguments: ["--plain"],
            stderr: ["lp-shell: nope-command: command not found"], status: 0, stdout: ["after:1 A=kept"],
            files: [historyPath: "earlier-entry\n"],
            after: [
                FileCheck.contains(historyPath, ["earlier-entry\n", "A=kept\n", "nope-command\n", "cd /missing\n"])
            ]),
        .init(
            "save to a full disk", .command, keep("LP_ACCOUNT=123; save /dev/full"),
            stderr: ["save: /dev/full: No space left on device"], status: 0, stdout: ["after:1 A=kept"]),
        .init(
            "save into a missing folder", .command, keep("LP_ACCOUNT=123; save /nope/lp.env"),
            stderr: ["save: /nope/lp.env: No such file or directory"], status: 0, stdout: ["after:1 A=kept"],
            after: [FileCheck.absent("lp.env")]
        ).echoing("nope/lp.env", as: "nope/{T}"),
        .init(
            "--env-file missing", .command, "echo never", arguments: ["--env-file", "missing.env"],
            stderr: ["lp-shell: --env-file missing.env: cannot read the file (No such file or directory)"], status: 2,
            stdout: []
        ).echoing("missing.env"),
        .init(
            "--env-file broken", .command, "echo $A $B", arguments: ["--plain", "--env-file", "bad.env"],
            stderr: [
                "lp-shell: warning: bad.env:2: skipped a line that is not NAME=VALUE: =x",
                "lp-shell: warning: bad.env:3: skipped a line that is not NAME=VALUE: foo bar baz",
            ], status: 0, stdout: ["1 2"], files: ["bad.env": "A=1\n=x\nfoo bar baz\nB=2\n"]
        ).echoing("foo bar baz", as: "foo {T} baz"),
        .init(
            "--env-file is a folder", .command, "echo never", arguments: ["--env-file", "folder"],
            stderr: ["lp-shell: --env-file folder: cannot read the file (Is a directory)"], status: 2, stdout: [],
            folders: ["folder"]
        ).echoing("folder"),
        .init(
            "load missing-file", .command, keep("load missing-file"),
            stderr: ["load: missing-file: No such file or directory"], status: 0, stdout: ["after:1 A=kept"]
        ).echoing("missing-file"),
        .init(
            "record into a missing folder", .command, keep("record /nope/t.txt"),
            stderr: ["record: /nope/t.txt: No such file or directory"], status: 0, stdout: ["after:1 A=kept"]
        ).echoing("t.txt"),
        .init(
            "replay a missing file", .command, keep("replay /nope/t.txt"),
            stderr: ["replay: /nope/t.txt: No such file or directory"], status: 0, stdout: ["after:1 A=kept"]
        ).echoing("t.txt"),
    ]
}
