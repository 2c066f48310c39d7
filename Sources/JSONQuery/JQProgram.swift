/// A compiled jq program, ready to run against inputs.
public struct JQProgram: Sendable {
    /// The syntax tree.
    public let ast: AST
    /// The program text.
    public let source: String

    /// Programs longer than this compile on a `LargeStack`: the parser and the resolver recurse once per nesting
    /// level and per pipe stage, and a generated program of thousands of stages would exhaust a thread's 8 MB.
    static let largeStackSourceLength = 4096

    /// Parses and checks a program; `variables` are the names bound by `--arg` and friends.
    public init(_ source: String, variables: [String] = []) throws(JQCompileFailure) {
        let compiled =
            source.utf8.count > Self.largeStackSourceLength
            ? LargeStack.run { Result { () throws(JQCompileFailure) in try Self.compile(source, variables) } }
            : Result { () throws(JQCompileFailure) in try Self.compile(source, variables) }
        self.source = source
        ast = try compiled.get()
    }

    private static func compile(_ source: String, _ variables: [String]) throws(JQCompileFailure) -> AST {
        let ast: AST
        do {
            ast = try Parser.parse(source)
        } catch {
            throw JQCompileFailure(errors: [error])
        }
        let problems = Resolver.check(ast, globals: variables + ["ARGS", "__loc__"])
        if !problems.isEmpty {
            let tokens = (try? Lexer.tokenize(source)) ?? []
            throw JQCompileFailure(
                errors: problems.map { problem in
                    let token = tokens.first { token in
                        switch token.kind {
                        case .identifier(let name): name == problem.token
                        case .variable(let name): "$" + name == problem.token
                        case .format(let name): "@" + name == problem.token
                        default: false
                        }
                    }
                    return QueryCompileError(
                        message: problem.message, offset: token?.offset ?? 0, length: token?.length ?? 1)
                })
        }
        return ast
    }

    /// Runs the program on one input, passing each output to `emit`.
    /// - Throws: `JQRuntimeFailure` for an uncaught `error` or a `halt`.
    public func run(
        input: JSONValue, session: JQSession, emit: (JSONValue) throws -> Void
    ) throws(JQRuntimeFailure) {
        do {
            session.evaluator.prepareStack()
            try session.evaluator.eval(ast, input, session.root, emit)
        } catch let failure as QueryFailure {
            switch failure {
            case .error(let message): throw .error(message)
            case .halt(let code, let message): throw .halt(exitCode: code, message: message)
            case .breakLabel: throw .error(.string("break"))
            case .passThrough(_, let inner):
                if case .error(let message) = inner { throw .error(message) }
                throw .error(.string("internal error"))
            }
        } catch let failure as JQRuntimeFailure {
            throw failure
        } catch {
            throw .error(.string("\(error)"))
        }
    }
}

/// The state shared by the runs of one program: variables, the host, label counters.
public final class JQSession {
    let evaluator: Evaluator
    let root: Environment

    /// A session with named variables (`$name`), `$ENV` and a host for inputs and diagnostics.
    public init(variables: [(String, JSONValue)], environment: [String: String], host: any QueryHost) {
        let environmentObject = JSONValue.object(
            JSONObject(environment.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))
        evaluator = Evaluator(host: host, environmentObject: environmentObject)
        var node = Environment(.root, parent: nil)
        node = Environment(.prelude, parent: node)
        node = Environment(.variable("ENV", environmentObject), parent: node)
        let location = JSONObject([("file", .string("<top-level>")), ("line", .number(1))])
        node = Environment(.variable("__loc__", .object(location)), parent: node)
        for (name, value) in variables { node = Environment(.variable(name, value), parent: node) }
        root = node
    }
}

/// Why a program did not compile: one or more errors.
public struct JQCompileFailure: Error, Sendable {
    /// The errors, in program order.
    public var errors: [QueryCompileError]
}

/// How a run ended abnormally.
public enum JQRuntimeFailure: Error, Sendable {
    /// An uncaught error with its message value.
    case error(JSONValue)
    /// `halt` or `halt_error`.
    case halt(exitCode: Int32, message: JSONValue?)
}
