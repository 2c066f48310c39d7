extension OptionTable {
    /// The help's option list, one option a line: `  -c, --connect URL   the URL to connect to`.
    ///
    /// Options with only long names are indented past the short names' column (as GNU's help does); a help
    /// text's further lines continue under the help column. Names wider than `maximumNameWidth` have their
    /// help on the next line, or (`wideNamesShareTheLine`, curl's style) after two spaces; `minimumNameWidth`
    /// lines the help up with text around it.
    public func helpLines(
        indent: String = "  ", minimumNameWidth: Int = 0, maximumNameWidth: Int = 28,
        wideNamesShareTheLine: Bool = false
    ) -> String {
        let columns = options.map(Self.nameColumn)
        let width = max(min(columns.map(\.count).max() ?? 0, maximumNameWidth), minimumNameWidth)
        let continuation = "\n" + indent + String(repeating: " ", count: width + 2)
        var text = ""
        for (definition, names) in zip(options, columns) {
            let help = definition.help.split(separator: "\n", omittingEmptySubsequences: false)
                .joined(separator: continuation)
            let separator =
                names.count <= width || wideNamesShareTheLine
                ? String(repeating: " ", count: max(width - names.count, 0) + 2) : continuation
            text += indent + names + separator + help + "\n"
        }
        return text
    }

    /// `-w, --wrap[=COLS]`, `    --tab`, `-X, --request <method>`.
    static func nameColumn(_ definition: OptionDefinition) -> String {
        var names = (definition.shortNames.isEmpty ? "    " : "") + definition.spellings.joined(separator: ", ")
        switch definition.argument {
        case .none: break
        case .required, .pair: names += " " + definition.placeholder
        case .optional:
            names += definition.longNames.isEmpty ? "[\(definition.placeholder)]" : "[=\(definition.placeholder)]"
        }
        return names
    }
}

extension OptionTable {
    /// The options `help` does not show with their names, placeholder and first help line; empty when the help
    /// documents every option of the table.
    public func undocumentedOptions(in help: String) -> [String] {
        options.filter { definition in
            let firstLine = definition.help.prefix { $0 != "\n" }
            return !help.contains(Self.nameColumn(definition)) || !help.contains(firstLine)
        }.map(\.name)
    }
}
