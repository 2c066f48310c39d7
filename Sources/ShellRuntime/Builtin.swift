/// A command implemented inside lp-shell.
///
/// Every builtin lives in its own file (in `ShellBuiltins`, or `LivePersonSession` for the LivePerson layer), is
/// listed once in its target's table (`StandardBuiltins`, `LivePersonBuiltins`; ShellApp's `BuiltinRegistry` joins them), and writes
/// only to the streams in its context. Errors are one line on `context.io.stderr` starting with the
/// builtin's name, and a named `ExitStatus` (`.usage` for bad arguments).
///
/// ```swift
/// struct True: Builtin {
///     static let name = "true"
///     static let summary = "do nothing, successfully"
///     static let usage = "usage: true"
///     func run(_ context: inout CommandContext) -> ExitStatus { .success }
/// }
/// ```
public protocol Builtin: Sendable {
    /// The command name the user types.
    static var name: String { get }
    /// Other names that run the same builtin (`[` for `test`, `.` for `source`).
    static var aliases: [String] { get }
    /// One line for `help`.
    static var summary: String { get }
    /// The full text of `help NAME` and `NAME --help`: a usage line, then options.
    static var usage: String { get }
    /// True when `NAME --help` should print `usage` instead of running (false for `echo`, `test`, `[`).
    static var handlesHelpFlag: Bool { get }
    /// True for a stand-in for a program the docs assume (`./set_site_property.sh` of the lpinc/shell image): it
    /// runs only when no program of its name is found, so a real file of that name still runs.
    static var isStandIn: Bool { get }

    init()

    /// Runs the command. Arguments exclude the command name (see `context.name`).
    func run(_ context: inout CommandContext) -> ExitStatus
}

extension Builtin {
    public static var aliases: [String] { [] }
    public static var handlesHelpFlag: Bool { true }
    public static var isStandIn: Bool { false }
}
