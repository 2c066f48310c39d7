import ShellRuntime

/// `read [-r] [-p PROMPT] NAME ...`: reads a line into variables.
struct Read: Builtin {
    static let name = "read"
    static let summary = "read a line of input into variables"
    static let usage = "usage: read [-r] [-p PROMPT] NAME ..."

    func run(_ context: inout CommandContext) -> ExitStatus {
        var raw = false
        var names: [String] = []
        var arguments = context.arguments[...]
        while let argument = arguments.first {
            arguments.removeFirst()
            switch argument {
            case "-r": raw = true
            case "-p":
                guard let prompt = arguments.first else {
                    context.error("-p: option requires an argument")
                    return .usage
                }
                arguments.removeFirst()
                context.io.stderr.write(prompt)
                context.io.stderr.flush()
            default:
                if argument.hasPrefix("-") {
                    context.error("\(argument): invalid option\nusage: read [-r] [-p PROMPT] NAME ...")
                    return .usage
                }
                names.append(argument)
            }
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
