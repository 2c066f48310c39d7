import ShellBuiltins
import ShellRuntime

/// `load FILE`: sets variables from an lp.env file (docker's format, tolerant of the tutorials' sample).
struct Load: Builtin {
    static let name = "load"
    static let summary = "set variables from an lp.env file (as --env-file does at start-up)"
    static let usage = "usage: load FILE\n\nReads KEY=VALUE lines (docker env-file format) and exports each variable."

    func run(_ context: inout CommandContext) -> ExitStatus {
        guard context.arguments.count == 1, let file = context.arguments.first, !file.hasPrefix("-") else {
            context.error("usage: load FILE")
            return .usage
        }
        guard let text = FileReading.readText(context.resolvePath(file)) else {
            context.error("\(file): No such file or directory")
            return .failure
        }
        let parsed = EnvFile.parse(text, name: file, environment: context.environment)
        for warning in parsed.warnings { context.io.stderr.writeDiagnostic("load: warning: \(warning)\n") }
        for entry in parsed.entries {
            do {
                try context.state.variables.set(entry.name, to: entry.value, exported: true)
            } catch {
                context.error(error.description)
                return .failure
            }
        }
        let names = parsed.entries.map(\.name).joined(separator: " ")
        context.io.stderr.writeDiagnostic(
            "loaded \(parsed.entries.count) variable\(parsed.entries.count == 1 ? "" : "s"): \(names)\n")
        return .success
    }
}
