/// What a running program needs from its host: further inputs, debug/stderr sinks, the environment.
public protocol QueryHost: AnyObject {
    /// The next input for `input`/`inputs`, nil when there are none; throws a message on a parse error.
    func nextInput() throws -> JSONValue?
    /// `debug` output (the message value, not yet wrapped in `["DEBUG:", …]`).
    func debug(_ value: JSONValue)
    /// `stderr` output.
    func stderr(_ value: JSONValue)
    /// The current input's file name, or nil for standard input.
    var currentFilename: String? { get }
    /// Newlines consumed by the input parser so far.
    var inputLineNumber: Int { get }
    /// True when the user asked to stop (Ctrl-C).
    var isInterrupted: Bool { get }
}

/// A tree-walking interpreter for a parsed program. Outputs are pushed to a callback, so generators like
/// `range(1e9)` stop as soon as a consumer (`first`, `limit`, `label`/`break`) breaks out.
final class Evaluator {
    typealias Emit = (JSONValue) throws -> Void
    typealias PathEmit = ([JSONValue], JSONValue) throws -> Void

    let host: any QueryHost
    /// The running program's module loader (`modulemeta`, `get_search_list`); nil when modules are unavailable.
    var modules: ModuleLoader?
    private let environment: [String: String]
    /// `$ENV` and `env`, made on first use: most programs never read them, and the object of a shell's whole
    /// environment was a visible share of a short `jq -r .token`.
    private(set) lazy var environmentObject = JSONValue.object(
        JSONObject(environment.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))
    private var nextLabel = 0
    private var steps = 0
    /// Calls deeper than this address fail with an error instead of overflowing the thread's stack.
    private var stackLimit: UInt = 0

    init(host: any QueryHost, environment: [String: String]) {
        self.host = host
        self.environment = environment
    }

    /// Records how deep this run may go: the bound `LargeStack` set, or 256 KiB below the current frame.
    func prepareStack() {
        stackLimit = LargeStack.currentLowerBound ?? (LargeStack.currentAddress() - (1 << 18))
    }

    func checkStack() throws {
        if LargeStack.currentAddress() < stackLimit { throw JSONValue.fail("jq: recursion too deep (stack exhausted)") }
    }

    func newLabel() -> Int {
        nextLabel += 1
        return nextLabel
    }

    func checkInterrupt() throws {
        steps &+= 1
        if steps & 0xFFF == 0 && host.isInterrupted { throw QueryFailure.halt(exitCode: 130, message: nil) }
    }

    // MARK: Guarded evaluation (try, //, ?)

    /// Runs `body`, passing outputs to `emit`; errors raised by `emit` (downstream) pass through untouched,
    /// errors raised by the body itself are returned.
    func guarded(_ body: (Emit) throws -> Void, _ emit: Emit) throws -> QueryFailure? {
        let id = newLabel()
        return try withoutActuallyEscaping(emit) { downstream in
            do {
                try body { value in
                    do {
                        try downstream(value)
                    } catch let failure as QueryFailure {
                        throw QueryFailure.passThrough(id: id, failure)
                    }
                }
                return nil
            } catch QueryFailure.passThrough(let passID, let inner) where passID == id {
                throw inner
            } catch let failure as QueryFailure {
                switch failure {
                case .error: return failure
                default: throw failure
                }
            }
        }
    }

    // MARK: Value evaluation

    func eval(_ node: AST, _ input: JSONValue, _ env: Environment, _ emit: Emit) throws {
        switch node {
        case .identity:
            try emit(input)
        case .recurseAll:
            try recurseAll(input, emit)
        case .literal(let value):
            try emit(value)
        case .string(let parts, let format):
            try evalString(parts[...], format: format, input, env) { try emit(.string($0)) }
        case .format(let name):
            try emit(.string(try Formats.apply(name, to: input)))
        case .index(let target, let key):
            try eval(key, input, env) { keyValue in
                try self.eval(target, input, env) { container in try emit(try container.index(keyValue)) }
            }
        case .slice(let target, let from, let to):
            try evalOptional(to, input, env) { toValue in
                try self.evalOptional(from, input, env) { fromValue in
                    try self.eval(target, input, env) { container in
                        try emit(try container.slice(fromValue, toValue))
                    }
                }
            }
        case .iterate(let target):
            try eval(target, input, env) { container in
                switch container {
                case .array(let elements): for element in elements { try emit(element) }
                case .object(let object): for entry in object.entries { try emit(entry.value) }
                default: throw JSONValue.fail("Cannot iterate over \(container.iterationDescription)")
                }
            }
        case .tryCatch(let body, let handler):
            let failure = try guarded({ try self.eval(body, input, env, $0) }, emit)
            if let failure, let handler, case .error(let message) = failure {
                if case .object(let object) = message, object["__jq"] != nil { return }
                try eval(handler, message, env, emit)
            }
        case .array(let inner):
            var elements: [JSONValue] = []
            if let inner { try eval(inner, input, env) { elements.append($0) } }
            try emit(.array(elements))
        case .object(let entries):
            try evalObject(entries[...], JSONObject(), input, env, emit)
        case .negate(let operand):
            try eval(operand, input, env) { value in
                guard let number = value.doubleValue else {
                    throw JSONValue.fail("\(value.errorDescription) cannot be negated")
                }
                try emit(.number(-number))
            }
        case .pipe(let left, let right):
            try eval(left, input, env) { try self.eval(right, $0, env, emit) }
        case .comma(let left, let right):
            try eval(left, input, env, emit)
            try eval(right, input, env, emit)
        case .binary(let op, let left, let right):
            try evalBinary(op, left, right, input, env, emit)
        case .update(let op, let left, let right):
            try evalUpdate(op, left, right, input, env, emit)
        case .conditional(let branches, let otherwise):
            try evalConditional(branches[...], otherwise, input, env, emit)
        case .reduce(let source, let pattern, let initial, let update):
            try eval(initial, input, env) { start in
                var state: JSONValue = start
                try self.eval(source, input, env) { item in
                    try self.destructure(pattern, item, input, env) { bound in
                        var last: JSONValue = .null
                        try self.eval(update, state, bound) { last = $0 }
                        state = last
                    }
                }
                try emit(state)
            }
        case .foreach(let source, let pattern, let initial, let update, let extract):
            try eval(initial, input, env) { start in
                var state: JSONValue = start
                try self.eval(source, input, env) { item in
                    try self.destructure(pattern, item, input, env) { bound in
                        try self.eval(update, state, bound) { next in
                            state = next
                            if let extract {
                                try self.eval(extract, next, bound, emit)
                            } else {
                                try emit(next)
                            }
                        }
                    }
                }
            }
        case .definition(let definition, let rest):
            try eval(rest, input, Environment(.function(definition), parent: env), emit)
        case .call(let name, let arguments):
            try call(name, arguments, input, env, emit)
        case .variable(let name):
            if name == "ENV" && env.binding(variable: "ENV") == nil {
                try emit(environmentObject)
                return
            }
            guard let value = env.value(of: name) else { throw JSONValue.fail("$\(name) is not defined") }
            try emit(value)
        case .bind(let source, let patterns, let body):
            try eval(source, input, env) { value in
                try self.bindAlternatives(patterns[...], value, input, env) { bound in
                    try self.eval(body, input, bound, emit)
                }
            }
        case .label(let name, let body):
            let id = newLabel()
            do {
                try eval(body, input, Environment(.label(name, id), parent: env), emit)
            } catch QueryFailure.breakLabel(let breakID) where breakID == id {
                return
            }
        case .breakLabel(let name):
            guard let id = env.label(name) else { throw JSONValue.fail("$*label-\(name) is not defined") }
            throw QueryFailure.breakLabel(id)
        }
    }

    func evalOptional(_ node: AST?, _ input: JSONValue, _ env: Environment, _ emit: Emit) throws {
        if let node { try eval(node, input, env, emit) } else { try emit(.null) }
    }

    private func recurseAll(_ value: JSONValue, _ emit: Emit) throws {
        try emit(value)
        try checkStack()
        switch value {
        case .array(let elements): for element in elements { try recurseAll(element, emit) }
        case .object(let object): for entry in object.entries { try recurseAll(entry.value, emit) }
        default: break
        }
    }

    private func evalString(
        _ parts: ArraySlice<AST.StringPart>, format: String?, _ input: JSONValue, _ env: Environment,
        _ emit: (String) throws -> Void
    ) throws {
        guard let last = parts.last else {
            try emit("")
            return
        }
        let rest = parts.dropLast()
        switch last {
        case .text(let text):
            try evalString(rest, format: format, input, env) { try emit($0 + text) }
        case .interpolation(let inner):
            try eval(inner, input, env) { value in
                let piece: String
                if let format {
                    piece = try Formats.apply(format, to: value)
                } else if case .string(let string) = value {
                    piece = string
                } else {
                    piece = JSONWriter.compactString(value)
                }
                try self.evalString(rest, format: format, input, env) { try emit($0 + piece) }
            }
        }
    }

    private func evalObject(
        _ entries: ArraySlice<AST.ObjectEntry>, _ partial: JSONObject, _ input: JSONValue, _ env: Environment,
        _ emit: Emit
    ) throws {
        guard let entry = entries.first else {
            try emit(.object(partial))
            return
        }
        try eval(entry.key, input, env) { key in
            guard case .string(let name) = key else {
                if case .number = key {
                    throw JSONValue.fail("Object keys must be strings")
                }
                throw JSONValue.fail("Object keys must be strings")
            }
            try self.eval(entry.value, input, env) { value in
                var next = partial
                next[name] = value
                try self.evalObject(entries.dropFirst(), next, input, env, emit)
            }
        }
    }

    private func evalBinary(
        _ op: BinaryOperator, _ left: AST, _ right: AST, _ input: JSONValue, _ env: Environment, _ emit: Emit
    ) throws {
        switch op {
        case .and, .or:
            try eval(left, input, env) { lhs in
                if op == .and && !lhs.isTruthy { return try emit(.bool(false)) }
                if op == .or && lhs.isTruthy { return try emit(.bool(true)) }
                try self.eval(right, input, env) { try emit(.bool($0.isTruthy)) }
            }
        case .alternative:
            var found = false
            try eval(left, input, env) { value in
                if value.isTruthy {
                    found = true
                    try emit(value)
                }
            }
            if !found { try eval(right, input, env, emit) }
        default:
            try eval(right, input, env) { rhs in
                try self.eval(left, input, env) { lhs in try emit(try JSONValue.arithmetic(op, lhs, rhs)) }
            }
        }
    }

    private func evalConditional(
        _ branches: ArraySlice<AST.Branch>, _ otherwise: AST?, _ input: JSONValue, _ env: Environment, _ emit: Emit
    ) throws {
        guard let branch = branches.first else {
            if let otherwise { try eval(otherwise, input, env, emit) } else { try emit(input) }
            return
        }
        try eval(branch.condition, input, env) { condition in
            if condition.isTruthy {
                try self.eval(branch.body, input, env, emit)
            } else {
                try self.evalConditional(branches.dropFirst(), otherwise, input, env, emit)
            }
        }
    }

    // MARK: Assignment

    private func evalUpdate(
        _ op: UpdateOperator, _ left: AST, _ right: AST, _ input: JSONValue, _ env: Environment, _ emit: Emit
    ) throws {
        switch op {
        case .modify:
            var paths: [[JSONValue]] = []
            try evalPaths(left, ([], input), env) { path, value in paths.append(try self.checkedPath(path, value)) }
            var result = input
            // As jq 1.7.1's `_modify`: paths whose update is empty are deleted together at the end.
            var deletions: [JSONValue] = []
            for path in paths {
                let old = try result.getPath(path[...])
                var replacement: JSONValue?
                let id = newLabel()
                do {
                    try eval(right, old, env) { value in
                        replacement = value
                        throw QueryFailure.breakLabel(id)
                    }
                } catch QueryFailure.breakLabel(let breakID) where breakID == id {}
                if let replacement {
                    result = try result.setPath(path[...], replacement)
                } else {
                    deletions.append(.array(path))
                }
            }
            try emit(deletions.isEmpty ? result : try result.deletePaths(deletions))
        default:
            try eval(right, input, env) { rhs in
                var paths: [[JSONValue]] = []
                try self.evalPaths(left, ([], input), env) { path, value in
                    paths.append(try self.checkedPath(path, value))
                }
                var result = input
                for path in paths {
                    let newValue: JSONValue
                    if let arithmetic = op.arithmetic {
                        let old = try result.getPath(path[...])
                        if arithmetic == .alternative {
                            newValue = old.isTruthy ? old : rhs
                        } else {
                            newValue = try JSONValue.arithmetic(arithmetic, old, rhs)
                        }
                    } else {
                        newValue = rhs
                    }
                    result = try result.setPath(path[...], newValue)
                }
                try emit(result)
            }
        }
    }

    // MARK: Patterns

    func bindAlternatives(
        _ patterns: ArraySlice<Pattern>, _ value: JSONValue, _ input: JSONValue, _ env: Environment,
        _ body: (Environment) throws -> Void
    ) throws {
        guard patterns.count > 1 else {
            try destructure(patterns.first!, value, input, env, body)
            return
        }
        // `?//`: every variable of every alternative is bound (null unless set); on an error try the next.
        var base = env
        for pattern in patterns {
            for name in pattern.variables { base = Environment(.variable(name, .null), parent: base) }
        }
        var remaining = patterns
        while let pattern = remaining.first {
            remaining = remaining.dropFirst()
            if remaining.isEmpty {
                try destructure(pattern, value, input, base, body)
                return
            }
            let failure = try guarded(
                { emit in
                    try self.destructure(pattern, value, input, base) { try body($0) }
                    _ = emit
                }, { _ in })
            if failure == nil { return }
        }
    }

    func destructure(
        _ pattern: Pattern, _ value: JSONValue, _ input: JSONValue, _ env: Environment,
        _ body: (Environment) throws -> Void
    ) throws {
        switch pattern {
        case .variable(let name):
            try body(Environment(.variable(name, value), parent: env))
        case .array(let elements):
            if case .null = value {
            } else if !value.isArray {
                throw JSONValue.fail("Cannot index \(value.typeName) with number")
            }
            try destructureArray(elements[...], 0, value, input, env, body)
        case .object(let entries):
            try destructureObject(entries[...], value, input, env, body)
        }
    }

    private func destructureArray(
        _ elements: ArraySlice<Pattern>, _ position: Int, _ value: JSONValue, _ input: JSONValue, _ env: Environment,
        _ body: (Environment) throws -> Void
    ) throws {
        guard let first = elements.first else {
            try body(env)
            return
        }
        let element = try value.index(.number(Double(position)))
        try destructure(first, element, input, env) { bound in
            try self.destructureArray(elements.dropFirst(), position + 1, value, input, bound, body)
        }
    }

    private func destructureObject(
        _ entries: ArraySlice<Pattern.ObjectPatternEntry>, _ value: JSONValue, _ input: JSONValue,
        _ env: Environment, _ body: (Environment) throws -> Void
    ) throws {
        guard let entry = entries.first else {
            try body(env)
            return
        }
        let rest = entries.dropFirst()
        if let variable = entry.variable {
            let member = try value.index(.string(variable))
            let bound = Environment(.variable(variable, member), parent: env)
            if let nested = entry.pattern {
                try destructure(nested, member, input, bound) {
                    try self.destructureObject(rest, value, input, $0, body)
                }
            } else {
                try destructureObject(rest, value, input, bound, body)
            }
            return
        }
        try eval(entry.key ?? .identity, input, env) { key in
            guard case .string = key else {
                throw JSONValue.fail("Cannot index \(value.typeName) with \(key.typeName)")
            }
            let member = try value.index(key)
            try self.destructure(entry.pattern ?? .variable("_"), member, input, env) { bound in
                try self.destructureObject(rest, value, input, bound, body)
            }
        }
    }

    // MARK: Calls

    func call(_ name: String, _ arguments: [AST], _ input: JSONValue, _ env: Environment, _ emit: Emit) throws {
        if let lookup = env.function(name, arity: arguments.count) {
            switch lookup {
            case .closure(let body, let closureEnvironment):
                try eval(body, input, closureEnvironment, emit)
            case .definition(let definition, let definitionEnvironment):
                try checkStack()
                try checkInterrupt()
                try bindParameters(definition.parameters[...], arguments[...], input, env, definitionEnvironment) {
                    try self.eval(definition.body, input, $0, emit)
                }
            }
            return
        }
        guard let native = Builtins.table["\(name)/\(arguments.count)"] else {
            throw JSONValue.fail("\(name)/\(arguments.count) is not defined")
        }
        try native.value(self, arguments, input, env, emit)
    }

    /// Binds filter parameters as closures over the caller's scope and `$value` parameters once per output.
    func bindParameters(
        _ parameters: ArraySlice<String>, _ arguments: ArraySlice<AST>, _ input: JSONValue, _ caller: Environment,
        _ scope: Environment, _ body: (Environment) throws -> Void
    ) throws {
        guard let parameter = parameters.first, let argument = arguments.first else {
            try body(scope)
            return
        }
        if parameter.hasPrefix("$") {
            let name = String(parameter.dropFirst())
            try eval(argument, input, caller) { value in
                let closure = Environment(.closure(name, .literal(value), caller), parent: scope)
                let bound = Environment(.variable(name, value), parent: closure)
                try self.bindParameters(parameters.dropFirst(), arguments.dropFirst(), input, caller, bound, body)
            }
        } else {
            let bound = Environment(.closure(parameter, argument, caller), parent: scope)
            try bindParameters(parameters.dropFirst(), arguments.dropFirst(), input, caller, bound, body)
        }
    }

    /// Evaluates every argument against the input and calls `body` once per combination (first argument outermost).
    func withArguments(
        _ arguments: ArraySlice<AST>, _ input: JSONValue, _ env: Environment, _ values: [JSONValue] = [],
        _ body: ([JSONValue]) throws -> Void
    ) throws {
        guard let first = arguments.first else {
            try body(values)
            return
        }
        try eval(first, input, env) { value in
            try self.withArguments(arguments.dropFirst(), input, env, values + [value], body)
        }
    }

    /// All outputs of a filter, collected.
    func collect(_ node: AST, _ input: JSONValue, _ env: Environment) throws -> [JSONValue] {
        var values: [JSONValue] = []
        try eval(node, input, env) { values.append($0) }
        return values
    }
}

extension JSONValue {
    /// `type` or `type (value)` as jq's "Cannot iterate over" message shows it.
    var iterationDescription: String { errorDescription }
}
