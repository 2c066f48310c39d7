/// A compile error in a jq program, with the byte offset of the offending token.
public struct QueryCompileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// jq's message (`syntax error, unexpected INVALID_CHARACTER`, `foo/0 is not defined`).
    public var message: String
    /// Byte offset into the program.
    public var offset: Int
    /// Byte length of the offending token (at least 1).
    public var length: Int
    /// The module file the error is in; nil for the program itself (offsets then count in the program).
    public var module: ModuleSource?

    /// Creates an error.
    public init(message: String, offset: Int, length: Int = 1, module: ModuleSource? = nil) {
        self.message = message
        self.offset = offset
        self.length = max(1, length)
        self.module = module
    }

    /// A problem the resolver found (`f/0 is not defined`), located at the first token spelling its name.
    static func locating(_ problem: Resolver.Problem, in source: String, module: ModuleSource? = nil) -> Self {
        let tokens = (try? Lexer.tokenize(source)) ?? []
        let token = tokens.first { token in
            switch token.kind {
            case .identifier(let name): name == problem.token
            case .variable(let name): "$" + name == problem.token
            case .format(let name): "@" + name == problem.token
            default: false
            }
        }
        return QueryCompileError(
            message: problem.message, offset: token?.offset ?? 0, length: token?.length ?? 1, module: module)
    }

    public var description: String { message }
}

/// A jq module file: its path and text, for locating errors in it.
public struct ModuleSource: Sendable, Equatable {
    public var path: String
    public var text: String
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
