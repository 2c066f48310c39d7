/// The conventions of one command's argv: which of getopt's and curl's habits it follows.
public struct OptionSyntax: Sendable, Equatable {
    /// `-sSL` is `-s -S -L`, and `-XPOST` is `-X POST`.
    public var bundlesShortOptions = true
    /// `--name=value` gives a long option its value (curl and jq say no: `--name=value` is an unknown option).
    public var acceptsAttachedLongValues = true
    /// A unique prefix of a long name works (`--sil` for `--silent`), as in getopt_long and curl.
    public var abbreviatesLongNames = false
    /// `--no-NAME` turns the flag `--NAME` off (curl).
    public var negatesLongFlags = false
    /// The first operand ends the options (POSIX `getopt`, `sh`): what follows it are operands too.
    public var stopsAtFirstOperand = false
    /// `+x` turns the short option `-x` off (`set +e`, `set +o pipefail`).
    public var plusNegatesShortOptions = false
    /// A word is an option only when a letter or a second dash follows the dash (jq: `-1` is a filter).
    public var optionsStartWithLetter = false

    /// getopt_long's conventions: bundling, `--name=value`, options and operands in any order.
    public init() {}

    /// GNU getopt_long: bundling, `--name=value`, unique prefixes of long names.
    public static let gnu: OptionSyntax = {
        var syntax = OptionSyntax()
        syntax.abbreviatesLongNames = true
        return syntax
    }()

    /// POSIX utilities and shells: options come first; the first operand ends them.
    public static let posix: OptionSyntax = {
        var syntax = OptionSyntax()
        syntax.stopsAtFirstOperand = true
        return syntax
    }()
}
