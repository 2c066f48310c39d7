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
        guard let file = context.arguments.first else {
            context.error("filename argument required\nusage: \(context.name) FILE [ARG ...]")
            return .usage
        }
        var path = file
        if !file.contains("/") {
            // Like bash: search PATH first, then the working directory.
            let candidates = (context.state.variables["PATH"] ?? "").split(separator: ":").map { "\($0)/\(file)" }
            path = candidates.first { access($0, R_OK) == 0 } ?? file
        }
        let resolved = context.resolvePath(path)
        guard let text = FileReading.readText(resolved) else {
            context.error("\(file): No such file or directory")
            // `.` is a special builtin: its failure ends a non-interactive shell (POSIX 2.8.1).
            if !context.state.isInteractive { context.state.exitRequest = .failure }
            return .failure
        }
        let saved = context.state.positionalParameters
        if context.arguments.count > 1 { context.state.positionalParameters = Array(context.arguments.dropFirst()) }
        let status = context.shell.run(source: text, name: file, state: &context.state, io: context.io)
        if context.arguments.count > 1 { context.state.positionalParameters = saved }
        return status
    }
}
