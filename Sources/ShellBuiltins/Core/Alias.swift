import ShellRuntime

/// `alias [NAME[=VALUE] ...]`: names that stand for a command's text.
struct Alias: Builtin {
    static let name = "alias"
    static let summary = "define or list aliases (alias ll='ls -l')"
    static let usage = """
        usage: alias [NAME[=VALUE] ...]

        NAME=VALUE defines an alias: a command that starts with NAME runs as VALUE followed by the rest of the
        command. NAME alone prints its definition; without arguments, every alias is printed. See unalias.
        """

    func run(_ context: inout CommandContext) -> ExitStatus {
        var operands = context.arguments[...]
        if operands.first == "--" { operands.removeFirst() }
        if operands.isEmpty {
            for name in context.state.aliases.keys.sorted() { show(name, context: context) }
            return .success
        }
        var status = ExitStatus.success
        for operand in operands {
            if let equals = operand.firstIndex(of: "=") {
                let name = String(operand[..<equals])
                guard Self.isValidName(name) else {
                    context.error("`\(name)': invalid alias name")
                    status = .failure
                    continue
                }
                context.state.aliases[name] = String(operand[operand.index(after: equals)...])
            } else if context.state.aliases[operand] != nil {
                show(operand, context: context)
            } else {
                context.error("\(operand): not found")
                status = .failure
            }
        }
        return status
    }

    /// `NAME='VALUE'`, as POSIX, dash and bash --posix print it.
    private func show(_ name: String, context: CommandContext) {
        let value = context.state.aliases[name] ?? ""
        let quoted = ShellQuoting.singleQuote(value)
        context.io.stdout.write("\(name)=\(quoted)\n")
    }

    /// An alias name: not empty, without blanks, quotes, `/`, `$`, `=` or the shell's operators.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains { " \t\n'\"\\/$`=;|&<>()".contains($0) }
    }
}
