/// A function implemented in Swift: a value implementation and, for path-capable ones, a path implementation.
struct NativeFunction: Sendable {
    typealias Value = @Sendable (Evaluator, [AST], JSONValue, Environment, Evaluator.Emit) throws -> Void
    typealias Paths = @Sendable (Evaluator, [AST], Evaluator.PathInput, Environment, Evaluator.PathEmit) throws -> Void

    var value: Value
    var paths: Paths?
}

/// The table of native builtins, keyed `name/arity`.
enum Builtins {
    static let table: [String: NativeFunction] = {
        var table: [String: NativeFunction] = [:]
        registerCore(&table)
        registerStrings(&table)
        registerCollections(&table)
        registerMath(&table)
        registerRegex(&table)
        registerDates(&table)
        registerModules(&table)
        return table
    }()

    /// A builtin of the input alone.
    static func unary(_ body: @escaping @Sendable (JSONValue) throws -> JSONValue) -> NativeFunction {
        NativeFunction(value: { _, _, input, _, emit in try emit(try body(input)) }, paths: nil)
    }

    /// A builtin of the input and the values of its arguments (one call per combination).
    static func withValues(_ body: @escaping @Sendable (JSONValue, [JSONValue]) throws -> JSONValue) -> NativeFunction {
        NativeFunction(
            value: { evaluator, arguments, input, env, emit in
                try evaluator.withArguments(arguments[...], input, env) { values in try emit(try body(input, values)) }
            }, paths: nil)
    }

    static func fail(_ message: String) -> QueryFailure { JSONValue.fail(message) }

    static func number(_ value: JSONValue, _ name: String) throws -> Double {
        guard let number = value.doubleValue else { throw fail("\(value.errorDescription) number required") }
        return number
    }

    static func string(_ value: JSONValue, _ message: String) throws -> String {
        guard case .string(let string) = value else { throw fail("\(value.errorDescription) \(message)") }
        return string
    }

    private static func registerCore(_ table: inout [String: NativeFunction]) {
        table["empty/0"] = NativeFunction(value: { _, _, _, _, _ in }, paths: { _, _, _, _, _ in })
        table["not/0"] = unary { .bool(!$0.isTruthy) }
        table["error/0"] = NativeFunction(
            value: { _, _, input, _, _ in throw QueryFailure.error(input) },
            paths: { _, _, input, _, _ in throw QueryFailure.error(input.value) })
        table["error/1"] = NativeFunction(
            value: { evaluator, arguments, input, env, _ in
                try evaluator.eval(arguments[0], input, env) { throw QueryFailure.error($0) }
            },
            paths: { evaluator, arguments, input, env, _ in
                try evaluator.eval(arguments[0], input.value, env) { throw QueryFailure.error($0) }
            })
        table["select/1"] = NativeFunction(
            value: { evaluator, arguments, input, env, emit in
                try evaluator.eval(arguments[0], input, env) { if $0.isTruthy { try emit(input) } }
            },
            paths: { evaluator, arguments, input, env, emit in
                try evaluator.eval(arguments[0], input.value, env) {
                    if $0.isTruthy { try emit(input.path, input.value) }
                }
            })
        table["path/1"] = NativeFunction(
            value: { evaluator, arguments, input, env, emit in
                try evaluator.evalPaths(arguments[0], ([], input), env) { path, value in
                    try emit(.array(try evaluator.checkedPath(path, value)))
                }
            }, paths: nil)
        table["getpath/1"] = NativeFunction(
            value: { evaluator, arguments, input, env, emit in
                try evaluator.eval(arguments[0], input, env) { path in
                    guard case .array(let components) = path else { throw fail("Path must be specified as an array") }
                    try emit(try input.getPath(components[...]))
                }
            },
            paths: { evaluator, arguments, input, env, emit in
                try evaluator.eval(arguments[0], input.value, env) { path in
                    guard case .array(let components) = path else { throw fail("Path must be specified as an array") }
                    let value = (try? input.value.getPath(components[...])) ?? .null
                    try emit(input.path + components, value)
                }
            })
        table["setpath/2"] = withValues { input, values in
            guard case .array(let components) = values[0] else { throw fail("Path must be specified as an array") }
            return try input.setPath(components[...], values[1])
        }
        table["delpaths/1"] = withValues { input, values in
            guard case .array(let paths) = values[0] else { throw fail("Paths must be specified as an array") }
            return try input.deletePaths(paths)
        }
        table["recurse/0"] = NativeFunction(
            value: { evaluator, _, input, env, emit in
                try evaluator.eval(.recurseAll, input, env, emit)
            },
            paths: { evaluator, _, input, env, emit in try evaluator.evalPaths(.recurseAll, input, env, emit) })
        table["recurse/1"] = NativeFunction(
            value: { evaluator, arguments, input, env, emit in
                func walk(_ value: JSONValue) throws {
                    try emit(value)
                    try evaluator.checkInterrupt()
                    // Each step nests a Swift call: `recurse(.0)` never ends, so it must hit the depth guard, not
                    // the end of the stack (found by scripts/fuzz).
                    try evaluator.checkStack()
                    try evaluator.eval(arguments[0], value, env) { try walk($0) }
                }
                try walk(input)
            },
            paths: { evaluator, arguments, input, env, emit in
                func walk(_ path: [JSONValue], _ value: JSONValue) throws {
                    try emit(path, value)
                    try evaluator.checkStack()
                    try evaluator.evalPaths(arguments[0], (path, value), env) { try walk($0, $1) }
                }
                try walk(input.path, input.value)
            })
        table["first/1"] = NativeFunction(
            value: { evaluator, arguments, input, env, emit in
                let id = evaluator.newLabel()
                var result: JSONValue?
                do {
                    try evaluator.eval(arguments[0], input, env) {
                        result = $0
                        throw QueryFailure.breakLabel(id)
                    }
                } catch QueryFailure.breakLabel(let breakID) where breakID == id {}
                if let result { try emit(result) }
            },
            paths: { evaluator, arguments, input, env, emit in
                let id = evaluator.newLabel()
                var result: Evaluator.PathInput?
                do {
                    try evaluator.evalPaths(arguments[0], input, env) {
                        result = ($0, $1)
                        throw QueryFailure.breakLabel(id)
                    }
                } catch QueryFailure.breakLabel(let breakID) where breakID == id {}
                if let result { try emit(result.path, result.value) }
            })
        table["last/1"] = NativeFunction(
            value: { evaluator, arguments, input, env, emit in
                var result: JSONValue?
                try evaluator.eval(arguments[0], input, env) { result = $0 }
                if let result { try emit(result) }
            },
            paths: { evaluator, arguments, input, env, emit in
                var result: Evaluator.PathInput?
                try evaluator.evalPaths(arguments[0], input, env) { result = ($0, $1) }
                if let result { try emit(result.path, result.value) }
            })
        table["limit/2"] = NativeFunction(
            value: { evaluator, arguments, input, env, emit in
                try evaluator.eval(arguments[0], input, env) { limitValue in
                    let limit = try number(limitValue, "limit")
                    if limit <= 0 {
                        if limit < 0 { try evaluator.eval(arguments[1], input, env, emit) }
                        return
                    }
                    var count = 0.0
                    let id = evaluator.newLabel()
                    do {
                        try evaluator.eval(arguments[1], input, env) { value in
                            count += 1
                            try emit(value)
                            if count >= limit { throw QueryFailure.breakLabel(id) }
                        }
                    } catch QueryFailure.breakLabel(let breakID) where breakID == id {}
                }
            },
            paths: { evaluator, arguments, input, env, emit in
                try evaluator.eval(arguments[0], input.value, env) { limitValue in
                    let limit = try number(limitValue, "limit")
                    if limit <= 0 {
                        if limit < 0 { try evaluator.evalPaths(arguments[1], input, env, emit) }
                        return
                    }
                    var count = 0.0
                    let id = evaluator.newLabel()
                    do {
                        try evaluator.evalPaths(arguments[1], input, env) { path, value in
                            count += 1
                            try emit(path, value)
                            if count >= limit { throw QueryFailure.breakLabel(id) }
                        }
                    } catch QueryFailure.breakLabel(let breakID) where breakID == id {}
                }
            })
        table["isempty/1"] = NativeFunction(
            value: { evaluator, arguments, input, env, emit in
                let id = evaluator.newLabel()
                var empty = true
                do {
                    try evaluator.eval(arguments[0], input, env) { _ in
                        empty = false
                        throw QueryFailure.breakLabel(id)
                    }
                } catch QueryFailure.breakLabel(let breakID) where breakID == id {}
                try emit(.bool(empty))
            }, paths: nil)
        table["range/2"] = NativeFunction(
            value: { evaluator, arguments, input, env, emit in
                try evaluator.withArguments(arguments[...], input, env) { values in
                    guard let from = values[0].doubleValue, let to = values[1].doubleValue else {
                        throw fail("Range bounds must be numeric")
                    }
                    var current = from
                    while current < to {
                        try evaluator.checkInterrupt()
                        try emit(.number(current))
                        current += 1
                    }
                }
            }, paths: nil)
        table["range/3"] = NativeFunction(
            value: { evaluator, arguments, input, env, emit in
                try evaluator.withArguments(arguments[...], input, env) { values in
                    guard let from = values[0].doubleValue, let to = values[1].doubleValue,
                        let step = values[2].doubleValue
                    else { throw fail("Range bounds must be numeric") }
                    var current = from
                    if step > 0 {
                        while current < to {
                            try evaluator.checkInterrupt()
                            try emit(.number(current))
                            current += step
                        }
                    } else if step < 0 {
                        while current > to {
                            try evaluator.checkInterrupt()
                            try emit(.number(current))
                            current += step
                        }
                    }
                    // A step of 0 or NaN yields nothing, as jq 1.7.1's `range/3` (src/builtin.jq) does.
                }
            }, paths: nil)
        table["repeat/1"] = NativeFunction(
            value: { evaluator, arguments, input, env, emit in
                // jq 1.7.1's `def repeat(f): def _repeat: f, _repeat; _repeat;`: f again and again on the same input,
                // until an error or a consumer (`limit`, `first`, `label`) stops it.
                while true {
                    try evaluator.checkInterrupt()
                    try evaluator.eval(arguments[0], input, env, emit)
                }
            }, paths: nil)
        table["while/2"] = NativeFunction(
            value: { evaluator, arguments, input, env, emit in
                func run(_ start: JSONValue) throws {
                    var value = start
                    while true {
                        try evaluator.checkInterrupt()
                        var proceed = false
                        var conditions = 0
                        try evaluator.eval(arguments[0], value, env) { condition in
                            conditions += 1
                            if conditions > 1 { return }
                            proceed = condition.isTruthy
                        }
                        guard proceed else { return }
                        try emit(value)
                        let next = try evaluator.collect(arguments[1], value, env)
                        if next.count == 1 {
                            value = next[0]
                            continue
                        }
                        for item in next { try run(item) }
                        return
                    }
                }
                try run(input)
            }, paths: nil)
        table["until/2"] = NativeFunction(
            value: { evaluator, arguments, input, env, emit in
                func run(_ start: JSONValue) throws {
                    var value = start
                    while true {
                        try evaluator.checkInterrupt()
                        let conditions = try evaluator.collect(arguments[0], value, env)
                        if conditions.count == 1 {
                            if conditions[0].isTruthy { return try emit(value) }
                            let next = try evaluator.collect(arguments[1], value, env)
                            if next.count == 1 {
                                value = next[0]
                                continue
                            }
                            for item in next { try run(item) }
                            return
                        }
                        for condition in conditions {
                            if condition.isTruthy {
                                try emit(value)
                            } else {
                                for item in try evaluator.collect(arguments[1], value, env) { try run(item) }
                            }
                        }
                        return
                    }
                }
                try run(input)
            }, paths: nil)
        table["input/0"] = NativeFunction(
            value: { evaluator, _, _, _, emit in
                // jq 1.7.1 says "break" when the inputs are exhausted (its `inputs` stops on exactly that error).
                guard let value = try evaluator.nextInput() else { throw fail("break") }
                try emit(value)
            }, paths: nil)
        table["inputs/0"] = NativeFunction(
            value: { evaluator, _, _, _, emit in
                while let value = try evaluator.nextInput() { try emit(value) }
            }, paths: nil)
        table["debug/0"] = NativeFunction(
            value: { evaluator, _, input, _, emit in
                evaluator.host.debug(input)
                try emit(input)
            }, paths: nil)
        table["stderr/0"] = NativeFunction(
            value: { evaluator, _, input, _, emit in
                evaluator.host.stderr(input)
                try emit(input)
            }, paths: nil)
        table["input_filename/0"] = NativeFunction(
            value: { evaluator, _, _, _, emit in
                try emit(evaluator.host.currentFilename.map(JSONValue.string) ?? .null)
            }, paths: nil)
        table["input_line_number/0"] = NativeFunction(
            value: { evaluator, _, _, _, emit in try emit(.number(Double(evaluator.host.inputLineNumber))) },
            paths: nil)
        table["env/0"] = NativeFunction(
            value: { evaluator, _, _, _, emit in try emit(evaluator.environmentObject) }, paths: nil)
        table["halt/0"] = NativeFunction(
            value: { _, _, _, _, _ in throw QueryFailure.halt(exitCode: 0, message: nil) }, paths: nil)
        table["halt_error/1"] = NativeFunction(
            value: { evaluator, arguments, input, env, _ in
                try evaluator.eval(arguments[0], input, env) { code in
                    guard let number = code.doubleValue else { throw fail("halt_error/1: number required") }
                    throw QueryFailure.halt(exitCode: Int32(truncatingIfNeeded: clampedInteger(number)), message: input)
                }
            }, paths: nil)
        table["type/0"] = unary { .string($0.typeName) }
        table["builtins/0"] = unary { _ in
            // Helpers (`_match_impl`) are not builtins to the user, as in jq.
            .array(
                (Array(Builtins.table.keys) + Prelude.signatures).filter { !$0.hasPrefix("_") }.sorted()
                    .map(JSONValue.string))
        }
    }
}

extension Evaluator {
    func nextInput() throws -> JSONValue? {
        do {
            return try host.nextInput()
        } catch let failure as QueryFailure {
            throw failure
        } catch {
            throw JSONValue.fail("\(error)")
        }
    }
}
