/// A compile error in a jq program, with the byte offset of the offending token.
public struct QueryCompileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// jq's message (`syntax error, unexpected INVALID_CHARACTER`, `foo/0 is not defined`).
    public var message: String
    /// Byte offset into the program.
    public var offset: Int
    /// Byte length of the offending token (at least 1).
    public var length: Int

    /// Creates an error.
    public init(message: String, offset: Int, length: Int = 1) {
        self.message = message
        self.offset = offset
        self.length = max(1, length)
    }

    public var description: String { message }
}

/// What a running jq program can throw.
enum QueryFailure: Error {
    /// `error(v)` or a built-in failure; the value is the message.
    case error(JSONValue)
    /// `break $label`.
    case breakLabel(Int)
    /// `halt` / `halt_error`: exit code and optional message value.
    case halt(exitCode: Int32, message: JSONValue?)
    /// An error from downstream of a `try`, passing through it untouched.
    indirect case passThrough(id: Int, QueryFailure)
}
