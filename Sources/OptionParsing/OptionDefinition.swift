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

    /// The one-letter names, without the dash (`c` for `-c`).
    public let shortNames: [Character]
    /// The long names, without the dashes (`connect` for `--connect`).
    public let longNames: [String]
    /// What follows the option's name.
    public let argument: Argument
    /// The value's name in the help (`URL`, `<method>`, `name value`); empty for a flag.
    public let placeholder: String
    /// The option's line in the help (may continue on further lines after `\n`).
    public let help: String

    /// An option named by its spellings (`"-c"`, `"--connect"`), in the order the help shows them.
    public init(_ names: [String], _ argument: Argument = .none, placeholder: String = "", help: String) {
        var shortNames: [Character] = []
        var longNames: [String] = []
        for name in names {
            if name.hasPrefix("--") {
                longNames.append(String(name.dropFirst(2)))
            } else {
                precondition(name.count == 2 && name.hasPrefix("-"), "an option name is -x or --name: \(name)")
                shortNames.append(name.last!)
            }
        }
        precondition(!(shortNames.isEmpty && longNames.isEmpty), "an option needs a name")
        self.shortNames = shortNames
        self.longNames = longNames
        self.argument = argument
        self.placeholder = placeholder
        self.help = help
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
