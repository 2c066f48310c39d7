extension OptionTable {
    /// The table of a shell builtin: POSIX order (options first, the first operand ends them) and the shell's
    /// words, `read: -z: invalid option` then the usage line.
    public static func shellBuiltin(_ name: String, synopsis: String, options: [OptionDefinition]) -> OptionTable {
        OptionTable(name, options: options, syntax: .posix) { error in
            switch error.kind {
            case .missingValue: "\(name): \(error.spelling): option requires an argument\n"
            case .invalid(let message): "\(name): \(message)\n"
            default: "\(name): \(error.spelling): invalid option\n\(synopsis)\n"
            }
        }
    }

    /// A builtin's help: its usage line, then the options, then `details` (a paragraph, if any).
    public func builtinHelp(synopsis: String, details: String = "") -> String {
        synopsis + "\n" + (options.isEmpty ? "" : "\n" + helpLines()) + (details.isEmpty ? "" : "\n" + details)
    }
}
