/// One option a command accepts: its names, whether it takes a value, and its line in the help.
///
/// ```swift
/// OptionDefinition(["-c", "--connect"], .required, placeholder: "URL", help: "the URL to connect to")
/// ```
public struct OptionDefinition: Sendable, Equatable {
    /// What follows the option's name.
    public enum Argument: Sendable, Equatable {
        /// Nothing: a flag.
        case none
        /// One value: the rest of the word (`-XPOST`, `--request=POST`) or the next word.
        case required
        /// A value only when attached to the name (`-w0`, `--wrap=0`); never the next word.
        case optional
        /// Two values, the next two words (jq's `--arg NAME VALUE`).
        case pair
    }

    /// The names as given (`-c`, `--connect`). Kept as written and taken apart only when asked: every command
    /// builds its table when it first runs, and `lp-shell -c true` builds lp-shell's own.
    public let names: [String]
    /// What follows the option's name.
    public let argument: Argument
    /// The value's name in the help (`URL`, `<method>`, `name value`); empty for a flag.
    public let placeholder: String
    /// The option's line in the help (may continue on further lines after `\n`).
    public let help: String

    /// An option named by its spellings (`"-c"`, `"--connect"`), in the order the help shows them.
    public init(_ names: [String], _ argument: Argument = .none, placeholder: String = "", help: String) {
        precondition(!names.isEmpty, "an option needs a name")
        for name in names {
            let bytes = name.utf8
            precondition(
                bytes.first == UInt8(ascii: "-") && (bytes.count == 2 || Self.isLong(name)),
                "an option name is -x or --name: \(name)")
        }
        self.names = names
        self.argument = argument
        self.placeholder = placeholder
        self.help = help
    }

    /// The one-letter names, without the dash (`c` for `-c`).
    public var shortNames: [Character] {
        names.compactMap { Self.isLong($0) ? nil : $0.last }
    }

    /// The long names, without the dashes (`connect` for `--connect`).
    public var longNames: [String] {
        names.compactMap { Self.isLong($0) ? String($0.dropFirst(2)) : nil }
    }

    /// Whether the option has the one-letter name `letter`.
    func hasShortName(_ letter: Character) -> Bool {
        names.contains { !Self.isLong($0) && $0.last == letter }
    }

    /// Whether the option has the long name `name` (without the dashes).
    func hasLongName(_ name: String) -> Bool {
        names.contains { Self.isLong($0) && $0.utf8.dropFirst(2).elementsEqual(name.utf8) }
    }

    private static func isLong(_ name: String) -> Bool {
        let bytes = name.utf8
        return bytes.count > 2 && bytes.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
    }

    /// The name commands match on: the first long name (`--connect`), else the first short one (`-c`).
    public var name: String {
        if let long = longNames.first { return "--" + long }
        return "-" + String(shortNames[0])
    }

    /// Every spelling, short ones first: `-c, --connect`.
    public var spellings: [String] {
        shortNames.map { "-" + String($0) } + longNames.map { "--" + $0 }
    }
}
