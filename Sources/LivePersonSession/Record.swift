import ShellRuntime

/// `record FILE` / `record stop`: appends every command you run to a transcript (tokens masked) for `replay`.
public struct Record: Builtin {
    public static let name = "record"
    public static let summary = "record the commands you run into a transcript (tokens masked); `record stop` ends it"
    public static let usage = """
        usage: record FILE | record stop | record

        Appends each command you run from now on to FILE (mode 0600), JWTs masked, so a teacher can replay the
        session in class with `replay FILE --step`. `record` alone says whether recording is on.
        """

    public init() {}

    public func run(_ context: inout CommandContext) -> ExitStatus {
        switch context.arguments.first {
        case nil:
            let path = context.state.transcriptPath
            context.io.stdout.write(path.map { "recording to \($0)\n" } ?? "not recording\n")
            return .success
        case "stop":
            guard let path = context.state.transcriptPath else {
                context.error("not recording")
                return .failure
            }
            context.state.transcriptPath = nil
            context.io.stderr.writeDiagnostic("stopped recording to \(path)\n")
            return .success
        case let file? where !file.hasPrefix("-") && context.arguments.count == 1:
            let path = context.resolvePath(file)
            let header = "# lp-shell transcript; replay with: replay \(file) --step\n"
            if let failure = FileWriting.writePrivate(path, Array(header.utf8)) {
                context.error("\(file): \(failure)")
                return .failure
            }
            context.state.transcriptPath = path
            context.io.stderr.writeDiagnostic("recording commands to \(file) (tokens masked); `record stop` ends it\n")
            return .success
        default:
            context.error("usage: record FILE | record stop")
            return .usage
        }
    }

    /// Appends one command to the active transcript (called by the shell before the command runs).
    public static func append(_ source: String, to path: String) {
        let entry = SecretMasking.mask(source) + "\n"
        _ = FileWriting.writePrivate(path, Array(entry.utf8), append: true)
    }
}
