/// A manual page in man(7) roff, made from the same option tables as `--help`, so the two cannot drift.
///
/// ```swift
/// ManPage(name: "lp-shell", summary: "…", synopsis: […], description: […],
///         optionSections: [("OPTIONS", table)], sections: [("FILES", […])], version: "lp-shell 0.2.0").roff
/// ```
public struct ManPage: Sendable {
    /// The command's name (`lp-shell`).
    public var name: String
    /// The one line after the name in NAME.
    public var summary: String
    /// SYNOPSIS lines, each a command line (`lp-shell [OPTIONS] [-c COMMAND | SCRIPT [ARG ...]]`).
    public var synopsis: [String]
    /// DESCRIPTION paragraphs.
    public var description: [String]
    /// Sections listing a table's options (`OPTIONS`, `SANDBOX OPTIONS`).
    public var optionSections: [(title: String, table: OptionTable)]
    /// Further sections (`ENVIRONMENT`, `FILES`, `EXIT STATUS`, `SEE ALSO`): each a title and paragraphs; a
    /// paragraph `TERM\tTEXT` becomes a tagged paragraph.
    public var sections: [(title: String, paragraphs: [String])]
    /// The footer's source (`lp-shell 0.2.0`).
    public var version: String
    /// The footer's date (`2026-12-06`).
    public var date: String

    public init(
        name: String, summary: String, synopsis: [String], description: [String],
        optionSections: [(title: String, table: OptionTable)], sections: [(title: String, paragraphs: [String])],
        version: String, date: String
    ) {
        self.name = name
        self.summary = summary
        self.synopsis = synopsis
        self.description = description
        self.optionSections = optionSections
        self.sections = sections
        self.version = version
        self.date = date
    }

    /// The page's roff source.
    public var roff: String {
        var lines = [
            ".TH \(Self.escape(name.uppercased())) 1 \"\(date)\" \"\(Self.escape(version))\" \"User Commands\"",
            ".SH NAME", "\(Self.escape(name)) \\- \(Self.escape(summary))", ".SH SYNOPSIS",
        ]
        for (index, line) in synopsis.enumerated() {
            if index > 0 { lines.append(".br") }
            lines.append(Self.escape(line))
        }
        lines.append(".SH DESCRIPTION")
        lines += paragraphs(description)
        for (title, table) in optionSections {
            lines.append(".SH \(Self.escape(title))")
            for option in table.options {
                lines.append(".TP")
                lines.append("\\fB" + Self.escape(OptionTable.nameColumn(option).trimmingLeadingSpaces) + "\\fR")
                lines += option.help.split(separator: "\n").map { Self.escape(String($0)) }
            }
        }
        for (title, body) in sections {
            lines.append(".SH \(Self.escape(title))")
            lines += paragraphs(body)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func paragraphs(_ texts: [String]) -> [String] {
        var lines: [String] = []
        for text in texts {
            if let tab = text.firstIndex(of: "\t") {
                lines += [".TP", "\\fB" + Self.escape(String(text[..<tab])) + "\\fR"]
                lines.append(Self.escape(String(text[text.index(after: tab)...])))
            } else {
                lines += [".PP", Self.escape(text)]
            }
        }
        return lines
    }

    /// Text made safe for roff: backslashes and dashes escaped, a leading `.` or `'` protected.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\e"
            case "-": escaped += "\\-"
            default: escaped.append(character)
            }
        }
        if escaped.first == "." || escaped.first == "'" { escaped = "\\&" + escaped }
        return escaped
    }
}

extension String {
    fileprivate var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}
