/// A compiled jq program, ready to run against inputs.
public struct JQProgram: Sendable {
    /// The syntax tree.
    public let ast: AST
    /// The program text.
    public let source: String
    /// What its `import` and `include` directives bound, in order.
    let imports: [LinkedImport]
    /// Where `modulemeta` and `get_search_list` look.
    let modules: ModuleLoader?

    /// Programs longer than this compile on a `LargeStack`: the parser and the resolver recurse once per nesting
    /// level and per pipe stage, and a generated program of thousands of stages would exhaust a thread's 8 MB.
    static let largeStackSourceLength = 4096
    /// Programs nested deeper than this compile on a `LargeStack` too, however short: each level costs a dozen parser
    /// frames, and 256 levels (the parser's limit) overflow 8 MB in a debug or sanitizer build (found by scripts/fuzz).
    static let largeStackNesting = 32

    static func needsLargeStack(_ source: String) -> Bool {
        if source.utf8.count > largeStackSourceLength { return true }
        var depth = 0
        for byte in source.utf8 {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > largeStackNesting { return true }
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return false
    }

    /// Parses and checks a program; `variables` are the names bound by `--arg` and friends; `modules` finds the
    /// files of `import` and `include` (without it, a program that imports fails to compile).
    public init(_ source: String, variables: [String] = [], modules: ModuleLoader? = nil)
        throws(JQCompileFailure)
    {
        let compiled =
            Self.needsLargeStack(source)
            ? LargeStack.run { Result { () throws(JQCompileFailure) in try Self.compile(source, variables, modules) } }
            : Result { () throws(JQCompileFailure) in try Self.compile(source, variables, modules) }
        self.source = source
        (ast, imports) = try compiled.get()
        self.modules = modules
    }

    private static func compile(_ source: String, _ variables: [String], _ modules: ModuleLoader?)
        throws(JQCompileFailure) -> (AST, [LinkedImport])
    {
        let syntax: ProgramSyntax
        var imports: [LinkedImport] = []
        do throws(QueryCompileError) {
            syntax = try Parser.parseProgram(source)
            if let modules {
                var linker = ModuleLinker(loader: modules)
                imports = try linker.linkProgram(syntax.header)
            } else if let first = syntax.header.imports.first {
                throw QueryCompileError(
                    message: "module not found: \(first.path) (modules are not available here)", offset: first.offset,
                    length: first.length)
            }
        } catch {
            throw JQCompileFailure(errors: [error])
        }
        let names = LinkedImport.visibleNames(imports)
        let problems = Resolver.check(
            syntax.body, globals: variables + ["ARGS", "__loc__"] + names.variables, functions: names.functions)
        if !problems.isEmpty {
            throw JQCompileFailure(errors: problems.map { QueryCompileError.locating($0, in: source) })
        }
        return (syntax.body, imports)
    }

    /// Runs the program on one input, passing each output to `emit`.
    /// - Throws: `JQRuntimeFailure` for an uncaught `error` or a `halt`.
    public func run(
        input: JSONValue, session: JQSession, emit: (JSONValue) throws -> Void
    ) throws(JQRuntimeFailure) {
        do {
            session.evaluator.prepareStack()
            session.evaluator.modules = modules
            try session.evaluator.eval(ast, input, session.environment(for: self), emit)
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
        // `$ENV` is not bound here: the evaluator answers it (when no program binding shadows it) from its lazily
        // made environment object.
        evaluator = Evaluator(host: host, environment: environment)
        var node = Environment(.root, parent: nil)
        node = Environment(.prelude, parent: node)
        let location = JSONObject([("file", .string("<top-level>")), ("line", .number(1))])
        node = Environment(.variable("__loc__", .object(location)), parent: node)
        for (name, value) in variables { node = Environment(.variable(name, value), parent: node) }
        root = node
    }

    /// The scope a program's body runs in: the session's, with the program's imports bound (once per session).
    private var boundPrograms: [String: Environment] = [:]

    func environment(for program: JQProgram) -> Environment {
        if program.imports.isEmpty { return root }
        if let bound = boundPrograms[program.source] { return bound }
        var libraries: [ObjectIdentifier: [Prelude.Signature: Environment.FunctionEntry]] = [:]
        let bound = Environment.binding(program.imports, onto: root, libraries: &libraries)
        boundPrograms[program.source] = bound
        return bound
    }
}

/// Why a program did not compile: one or more errors.
public struct JQCompileFailure: Error, Sendable {
    /// The errors, in program order.
    public var errors: [QueryCompileError]

    /// The first line of jq's message for the last error (`jq: error: MESSAGE at <top-level>, line N:`), the line
    /// jq's `--run-tests` compares for a `%%FAIL` case.
    public func firstLine(source: String) -> String {
        guard let error = errors.last else { return "jq: error" }
        let text = error.module?.text ?? source
        let line = 1 + text.utf8.prefix(error.offset).count { $0 == UInt8(ascii: "\n") }
        return "jq: error: \(error.message) at \(error.module?.path ?? "<top-level>"), line \(line):"
    }
}

/// How a run ended abnormally.
public enum JQRuntimeFailure: Error, Sendable {
    /// An uncaught error with its message value.
    case error(JSONValue)
    /// `halt` or `halt_error`.
    case halt(exitCode: Int32, message: JSONValue?)
}
