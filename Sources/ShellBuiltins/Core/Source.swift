import ShellRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// `source FILE [ARG ...]` / `. FILE`: runs a file's commands in the current shell.
struct Source: Builtin {
    static let name = "source"
    static let aliases = ["."]
    static let summary = "run the commands of a file in the current shell"
    static let usage = "usage: source FILE [ARG ...]"

    func run(_ context: inout CommandContext) -> ExitStatus {
        var arguments = context.arguments
        if arguments.first == "--" { arguments.removeFirst() }
        guard let file = arguments.first else {
            context.error("filename argument required\nusage: \(context.name) FILE [ARG ...]")
            return .usage
        }
        var path = file
        if !file.contains("/") {
            // Like bash: search PATH for a readable file (directories skipped), then the working directory.
            let candidates = (context.state.variables["PATH"] ?? "").split(separator: ":").map { "\($0)/\(file)" }
            path = candidates.first { Self.isReadableFile(context.resolvePath($0)) } ?? file
        }
        let resolved = context.resolvePath(path)
        if Self.isDirectory(resolved) {
            context.error("\(file): is a directory")
            return .failure
        }
        guard let text = FileReading.readText(resolved) else {
            context.error("\(file): No such file or directory")
            // `.` is a special builtin: its failure ends a non-interactive shell (POSIX 2.8.1); bash's `source`
            // goes on.
            if context.name == "." && !context.state.isInteractive { context.state.exitRequest = .failure }
            return .failure
        }
        let saved = context.state.positionalParameters
        if arguments.count > 1 { context.state.positionalParameters = Array(arguments.dropFirst()) }
        context.state.returnDepth += 1
        var status = context.shell.run(source: text, name: file, state: &context.state, io: context.io)
        context.state.returnDepth -= 1
        if context.state.jump == .returnFromFunction {
            context.state.jump = nil
            status = context.state.lastStatus
        }
        if arguments.count > 1 { context.state.positionalParameters = saved }
        return status
    }

    private static func isReadableFile(_ path: String) -> Bool {
        access(path, R_OK) == 0 && !isDirectory(path)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
