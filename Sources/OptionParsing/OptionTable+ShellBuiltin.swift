extension OptionTable {
    /// The table of a shell builtin: by default POSIX order (options first, the first operand ends them), and
    /// the shell's words, `read: -z: invalid option` (or `unknown`'s word) then the usage line.
    public static func shellBuiltin(
        _ name: String, synopsis: String, options: [OptionDefinition], syntax: OptionSyntax = .posix,
        unknown: String = "invalid option"
    ) -> OptionTable {
        OptionTable(name, options: options, syntax: syntax) { error in
            switch error.kind {
            case .missingValue: "\(name): \(error.spelling): option requires an argument\n"
            case .invalid(let message): "\(name): \(message)\n"
            default: "\(name): \(error.spelling): \(unknown)\n\(synopsis)\n"
            }
        }
    }

    /// A builtin's help: its usage line, then the options, then `details` (a paragraph, if any).
    public func builtinHelp(synopsis: String, details: String = "") -> String {
        synopsis + "\n" + (options.isEmpty ? "" : "\n" + helpLines()) + (details.isEmpty ? "" : "\n" + details)
    }
}
