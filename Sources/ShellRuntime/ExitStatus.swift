/// The status a command finishes with, as the shell reports it in `$?`.
///
/// Named constants follow the shell conventions fish and POSIX document; builtins never return bare literals.
public struct ExitStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The numeric status (0–255).
    public var rawValue: Int32

    /// Creates a status from its numeric value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Creates a status from its numeric value.
    public init(_ rawValue: Int32) { self.rawValue = rawValue }

    /// The command succeeded.
    public static let success = ExitStatus(0)
    /// The command failed.
    public static let failure = ExitStatus(1)
    /// The command was called with bad arguments or the input had a syntax error.
    public static let usage = ExitStatus(2)
    /// The command was found but could not be executed.
    public static let notExecutable = ExitStatus(126)
    /// No builtin and no program in `PATH` has that name.
    public static let notFound = ExitStatus(127)
    /// The command was interrupted by Ctrl-C (SIGINT).
    public static let interrupted = ExitStatus(130)

    /// True for status 0.
    public var isSuccess: Bool { rawValue == 0 }

    public var description: String { String(rawValue) }
}
