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
        // Without a name, REPLY gets the whole line, not split or trimmed (bash).
        let splits = !names.isEmpty
        if names.isEmpty { names = ["REPLY"] }
        // The line, each character marked when a backslash escaped it (then it never separates fields).
        var line: [(character: Character, escaped: Bool)] = []
        var complete = false
        while let bytes = context.io.stdin.readLine() {
            let chunk = String(shellBytes: bytes)
            var escaping = false
            for character in chunk {
                if escaping {
                    line.append((character, true))
                    escaping = false
                } else if character == "\\" && !raw {
                    escaping = true
                } else {
                    line.append((character, false))
                }
            }
            complete = context.io.stdin.lastLineHadNewline
            // `\` at the end of a line (without -r) joins the next line.
            if escaping && complete { continue }
            break
        }
        let ifs = context.state.variables["IFS"] ?? " \t\n"
        let values = splits ? Self.split(line, into: names.count, ifs: ifs) : [String(line.map(\.character))]
        for (name, value) in zip(names, values) {
            do {
                try context.state.variables.set(name, to: value)
            } catch {
                context.error(error.description)
                return .failure
            }
        }
        // A last line without its newline is still read, but the status says the input ended (POSIX).
        return complete ? .success : .failure
    }

    /// Splits a line into `count` values as POSIX `read` does: leading and trailing IFS whitespace dropped, fields
    /// separated by IFS whitespace around at most one other IFS character, the last value the rest of the line as
    /// it was written.
    static func split(_ line: [(character: Character, escaped: Bool)], into count: Int, ifs: String) -> [String] {
        func isWhitespace(_ item: (character: Character, escaped: Bool)) -> Bool {
            !item.escaped && ifs.contains(item.character) && " \t\n".contains(item.character)
        }
        func isDelimiter(_ item: (character: Character, escaped: Bool)) -> Bool {
            !item.escaped && ifs.contains(item.character) && !" \t\n".contains(item.character)
        }
        var values: [String] = []
        var index = 0
        while index < line.count && isWhitespace(line[index]) { index += 1 }
        while values.count < count - 1 && index < line.count {
            var value = ""
            while index < line.count && !isWhitespace(line[index]) && !isDelimiter(line[index]) {
                value.append(line[index].character)
                index += 1
            }
            values.append(value)
            while index < line.count && isWhitespace(line[index]) { index += 1 }
            if index < line.count && isDelimiter(line[index]) {
                index += 1
                while index < line.count && isWhitespace(line[index]) { index += 1 }
            }
        }
        var end = line.count
        while end > index && isWhitespace(line[end - 1]) { end -= 1 }
        var rest = index < end ? line[index..<end] : []
        // A single trailing delimiter after the last field is a separator, not part of it (`a:b:` gives `b`).
        if values.count == count - 1, let last = rest.last, isDelimiter(last),
            !rest.dropLast().contains(where: { isDelimiter($0) || isWhitespace($0) })
        {
            rest = rest.dropLast()
        }
        if values.count < count { values.append(String(rest.map(\.character))) }
        while values.count < count { values.append("") }
        return values
    }
}
