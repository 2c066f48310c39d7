/// Completion scripts for bash and zsh, made from a command's option table (as `kubectl completion bash` or
/// swift-argument-parser's `--generate-completion-script` do): options complete after `-`, an option's value
/// completes as a file name or a directory when its placeholder says so (`FILE`, `DIR`, `SCRIPT`).
public struct ShellCompletion: Sendable {
    /// The command (`lp-shell`).
    public var command: String
    /// Its options.
    public var table: OptionTable
    /// Words accepted as the first argument (`sandbox`), with their own tables when they have options.
    public var subcommands: [(name: String, table: OptionTable?)]
    /// The values an option takes, when they are a fixed list (`--completion`: `bash zsh`).
    public var choices: [String: [String]]

    public init(
        command: String, table: OptionTable, subcommands: [(name: String, table: OptionTable?)] = [],
        choices: [String: [String]] = [:]
    ) {
        self.command = command
        self.table = table
        self.subcommands = subcommands
        self.choices = choices
    }

    /// What the word after an option completes to.
    enum ValueKind: Equatable {
        /// The option takes no next word (a flag, or a value only attached to its name).
        case none
        /// One of a fixed list (`--completion bash`).
        case choice([String])
        case file
        case directory
        /// A value of its own (`-c COMMAND`, `--port N`): nothing is offered.
        case free
    }

    /// The one place that decides: a fixed list first, then the placeholder's name (`FILE`, `DIR`, …).
    func valueKind(_ option: OptionDefinition) -> ValueKind {
        guard option.argument == .required else { return .none }
        if let words = choices[option.name] { return .choice(words) }
        switch option.placeholder {
        case "FILE", "SCRIPT", "PATH": return .file
        case "DIR": return .directory
        default: return .free
        }
    }

    private var functionName: String {
        "_" + command.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }

    /// A bash script for `complete -F` (bash-completion's folder or `source`).
    public var bash: String {
        var script = """
            # bash completion for \(command), generated from its option table
            \(functionName)() {
                local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}

            """
        script += valueCases
        let subcommandCases = subcommands.map { subcommand in
            let words = (subcommand.table?.options.flatMap(\.spellings) ?? []).joined(separator: " ")
            return "        \(subcommand.name)) COMPREPLY=($(compgen -W '\(words)' -- \"$cur\")); return ;;"
        }
        if !subcommands.isEmpty {
            script += """
                    if [ "$COMP_CWORD" -gt 1 ]; then
                        case ${COMP_WORDS[1]} in
                \(subcommandCases.joined(separator: "\n"))
                        esac
                    fi

                """
        }
        let options = table.options.flatMap(\.spellings).joined(separator: " ")
        let first = subcommands.map(\.name).joined(separator: " ")
        script += """
                if [[ $cur == -* ]]; then
                    COMPREPLY=($(compgen -W '\(options)' -- "$cur"))
                elif [ "$COMP_CWORD" -eq 1 ]; then
                    COMPREPLY=($(compgen -W '\(first)' -- "$cur") $(compgen -f -- "$cur"))
                else
                    COMPREPLY=($(compgen -f -- "$cur"))
                fi
            }
            complete -F \(functionName) \(command)

            """
        return script
    }

    /// The `case $prev in … esac` that completes an option's value: a file, a directory, a fixed choice, or
    /// nothing (a value that is not an option).
    private var valueCases: String {
        let options = ([table] + subcommands.compactMap(\.table)).flatMap(\.options)
        var cases: [String] = []
        for (name, words) in choices.sorted(by: { $0.key < $1.key }) {
            cases.append("\(name)) COMPREPLY=($(compgen -W '\(words.joined(separator: " "))' -- \"$cur\")); return ;;")
        }
        func spellings(_ kind: ValueKind) -> [String] {
            Set(options.filter { valueKind($0) == kind }.flatMap(\.spellings)).sorted()
        }
        if !spellings(.file).isEmpty {
            cases.append("\(spellings(.file).joined(separator: "|"))) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;")
        }
        if !spellings(.directory).isEmpty {
            cases.append(
                "\(spellings(.directory).joined(separator: "|"))) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;")
        }
        if !spellings(.free).isEmpty { cases.append(spellings(.free).joined(separator: "|") + ") return ;;") }
        return "    case $prev in\n" + cases.map { "        " + $0 + "\n" }.joined() + "    esac\n"
    }

    /// A zsh script for `fpath` (`_lp-shell`, autoloaded by compinit).
    public var zsh: String {
        var lines = [
            "#compdef \(command)",
            "# zsh completion for \(command), generated from its option table",
            "",
        ]
        if !subcommands.isEmpty {
            lines.append("if (( CURRENT > 2 )); then")
            lines.append("  case $words[2] in")
            for subcommand in subcommands {
                let specs = (subcommand.table?.options ?? []).map { zshSpec($0) }.joined(separator: " ")
                lines.append("    \(subcommand.name)) _arguments \(specs); return ;;")
            }
            lines.append("  esac")
            lines.append("fi")
        }
        let specs = table.options.map { zshSpec($0) }
        let first = subcommands.map(\.name).joined(separator: " ")
        lines.append("_arguments -s \\")
        for spec in specs { lines.append("  \(spec) \\") }
        lines.append(subcommands.isEmpty ? "  '*:file:_files'" : "  '1: :(\(first))' '*:file:_files'")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `'(-c)-c[run COMMAND and exit]:COMMAND:'` or `{-e,--env}'[set a variable]:K=V:'`.
    func zshSpec(_ option: OptionDefinition) -> String {
        let help = (option.help.split(separator: "\n").first.map(String.init) ?? "")
            .replacingCharacters(["[", "]", "'", ":"], with: " ")
        var action = ""
        if option.argument == .required || option.argument == .optional {
            let placeholder = option.placeholder.replacingCharacters([":", "'"], with: " ")
            switch valueKind(option) {
            case .choice(let words): action = ":\(placeholder):(\(words.joined(separator: " ")))"
            case .file: action = ":\(placeholder):_files"
            case .directory: action = ":\(placeholder):_files -/"
            case .none, .free: action = ":\(placeholder): "
            }
        }
        let repeatable = option.help.contains("repeatable") ? "*" : ""
        if option.spellings.count == 1 {
            return "'\(repeatable)\(option.spellings[0])[\(help)]\(action)'"
        }
        return "\(repeatable.isEmpty ? "" : "'*'"){\(option.spellings.joined(separator: ","))}'[\(help)]\(action)'"
    }
}

extension String {
    fileprivate func replacingCharacters(_ characters: Set<Character>, with replacement: Character) -> String {
        String(map { characters.contains($0) ? replacement : $0 })
    }
}
