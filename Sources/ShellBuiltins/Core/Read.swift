import OptionParsing
import ShellRuntime

/// `read [-r] [-p PROMPT] NAME ...`: reads a line into variables.
struct Read: Builtin {
    static let name = "read"
    static let summary = "read a line of input into variables"
    static let synopsis = "usage: read [-r] [-p PROMPT] NAME ..."
    static let options = OptionTable.shellBuiltin(
        name, synopsis: synopsis,
        options: [
            OptionDefinition(["-r"], help: "raw: a backslash is an ordinary character, not an escape"),
            OptionDefinition(["-p"], .required, placeholder: "PROMPT", help: "print PROMPT on standard error first"),
        ])
    static let usage = options.builtinHelp(synopsis: synopsis)

    func run(_ context: inout CommandContext) -> ExitStatus {
        var raw = false
        var names: [String] = []
        var parser = Self.options.parser(for: context.arguments)
        do {
            while let argument = try parser.next() {
                switch argument {
                case .operand(let name): names.append(name)
                case .option(let option) where option.name == "-r": raw = true
                case .option(let option):
                    context.io.stderr.write(option.value ?? "")
                    context.io.stderr.flush()
                }
            }
        } catch {
            context.io.stderr.writeDiagnostic(Self.options.message(for: error))
            return .usage
        }
        if names.isEmpty { names = ["REPLY"] }
        var text = ""
        var sawEnd = true
        while let line = context.io.stdin.readLine() {
            var chunk = String(decoding: line, as: UTF8.self)
            if !raw && chunk.hasSuffix("\\") {
                chunk.removeLast()
                text += chunk
                continue
            }
            text += chunk
            sawEnd = false
            break
        }
        if !raw { text = text.replacingBackslashEscapes() }
        let ifs = context.state.variables["IFS"] ?? " \t\n"
        var fields = text.split(whereSeparator: { ifs.contains($0) }).map(String.init)
        for (index, name) in names.enumerated() {
            let value: String
            if index == names.count - 1 {
                value = fields.isEmpty ? "" : fields.joined(separator: " ")
                fields = []
            } else {
                value = fields.isEmpty ? "" : fields.removeFirst()
            }
            do {
                try context.state.variables.set(name, to: value)
            } catch {
                context.error(error.description)
                return .failure
            }
        }
        return sawEnd && text.isEmpty ? .failure : .success
    }
}

extension String {
    fileprivate func replacingBackslashEscapes() -> String {
        var result = ""
        var escaping = false
        for character in self {
            if escaping {
                result.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
