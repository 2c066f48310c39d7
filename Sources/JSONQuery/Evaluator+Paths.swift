/// Path-tracking evaluation: `path(f)`, assignments, `del`, `paths`.
extension Evaluator {
    typealias PathInput = (path: [JSONValue], value: JSONValue)

    func invalidPath(_ value: JSONValue) -> QueryFailure {
        JSONValue.fail("Invalid path expression with result \(value.errorDump(limit: 26))")
    }

    /// The path given to a value that a non-path expression produced (`map(…)` inside `path(…)`). As in jq, it is
    /// an error only when something indexes or iterates it, or when it ends a path expression.
    static let notAPath: [JSONValue] = [.object(JSONObject([("\u{0}not-a-path", .null)]))]

    static func isNotAPath(_ path: [JSONValue]) -> Bool {
        guard path.count == 1, case .object(let object) = path[0] else { return false }
        return object["\u{0}not-a-path"] != nil
    }

    /// Indexing a value that is not at a path is jq's error, naming the key and the value.
    static func checkAccess(_ key: JSONValue, of value: JSONValue, at path: [JSONValue]) throws {
        guard isNotAPath(path) else { return }
        throw JSONValue.fail(
            "Invalid path expression near attempt to access element \(key.errorDump()) of \(value.errorDump(limit: 26))"
        )
    }

    /// The path of a finished path expression; a value that is not at a path is jq's error.
    func checkedPath(_ path: [JSONValue], _ value: JSONValue) throws -> [JSONValue] {
        if Self.isNotAPath(path) { throw invalidPath(value) }
        return path
    }

    func evalPaths(_ node: AST, _ input: PathInput, _ env: Environment, _ emit: PathEmit) throws {
        switch node {
        case .identity:
            try emit(input.path, input.value)
        case .recurseAll:
            try recursePaths(input.path, input.value, emit)
        case .index(let target, let key):
            try eval(key, input.value, env) { keyValue in
                try self.evalPaths(target, input, env) { path, value in
                    try Self.checkAccess(keyValue, of: value, at: path)
                    let child: JSONValue
                    if case .null = value {
                        guard keyValue.isString || keyValue.doubleValue != nil || keyValue.isObjectOrNull else {
                            throw JSONValue.fail("Cannot index null with \(keyValue.typeName)")
                        }
                        child = .null
                    } else {
                        child = try value.index(keyValue)
                    }
                    try emit(path + [keyValue], child)
                }
            }
        case .slice(let target, let from, let to):
            try evalOptional(to, input.value, env) { toValue in
                try self.evalOptional(from, input.value, env) { fromValue in
                    try self.evalPaths(target, input, env) { path, value in
                        let key = JSONValue.object(JSONObject([("start", fromValue), ("end", toValue)]))
                        try Self.checkAccess(key, of: value, at: path)
                        try emit(path + [key], try value.slice(fromValue, toValue))
                    }
                }
            }
        case .iterate(let target):
            try evalPaths(target, input, env) { path, value in
                if Self.isNotAPath(path) {
                    throw JSONValue.fail(
                        "Invalid path expression near attempt to iterate through \(value.errorDump(limit: 26))")
                }
                switch value {
                case .array(let elements):
                    for (offset, element) in elements.enumerated() {
                        try emit(path + [.number(Double(offset))], element)
                    }
                case .object(let object):
                    for entry in object.entries { try emit(path + [.string(entry.key)], entry.value) }
                case .null:
                    break
                default:
                    throw JSONValue.fail("Cannot iterate over \(value.iterationDescription)")
                }
            }
        case .tryCatch(let body, let handler):
            var failure: QueryFailure?
            let id = newLabel()
            do {
                try evalPaths(body, input, env) { path, value in
                    do { try emit(path, value) } catch let inner as QueryFailure {
                        throw QueryFailure.passThrough(id: id, inner)
                    }
                }
            } catch QueryFailure.passThrough(let passID, let inner) where passID == id {
                throw inner
            } catch let caught as QueryFailure {
                guard case .error = caught else { throw caught }
                failure = caught
            }
            if let handler, case .error(let message)? = failure {
                try eval(handler, message, env) { try emit(Self.notAPath, $0) }
            }
        case .pipe(let left, let right):
            try evalPaths(left, input, env) { path, value in try self.evalPaths(right, (path, value), env, emit) }
        case .comma(let left, let right):
            try evalPaths(left, input, env, emit)
            try evalPaths(right, input, env, emit)
        case .conditional(let branches, let otherwise):
            try pathConditional(branches[...], otherwise, input, env, emit)
        case .binary(.alternative, let left, let right):
            var found = false
            try evalPaths(left, input, env) { path, value in
                guard value.isTruthy else { return }
                found = true
                try emit(path, value)
            }
            if !found { try evalPaths(right, input, env, emit) }
        case .definition(let definition, let rest):
            try evalPaths(rest, input, Environment(.function(definition), parent: env), emit)
        case .bind(let source, let patterns, let body):
            try eval(source, input.value, env) { value in
                try self.bindAlternatives(patterns[...], value, input.value, env) { bound in
                    try self.evalPaths(body, input, bound, emit)
                }
            }
        case .label(let name, let body):
            let id = newLabel()
            do {
                try evalPaths(body, input, Environment(.label(name, id), parent: env), emit)
            } catch QueryFailure.breakLabel(let breakID) where breakID == id {
                return
            }
        case .breakLabel:
            try eval(node, input.value, env) { _ in }
        case .reduce(let source, let pattern, let initial, let update):
            try evalPaths(initial, input, env) { startPath, startValue in
                var state: PathInput = (startPath, startValue)
                try self.eval(source, input.value, env) { item in
                    try self.destructure(pattern, item, input.value, env) { bound in
                        var last: PathInput = ([], .null)
                        try self.evalPaths(update, state, bound) { last = ($0, $1) }
                        state = last
                    }
                }
                try emit(state.path, state.value)
            }
        case .foreach(let source, let pattern, let initial, let update, let extract):
            try evalPaths(initial, input, env) { startPath, startValue in
                var state: PathInput = (startPath, startValue)
                try self.eval(source, input.value, env) { item in
                    try self.destructure(pattern, item, input.value, env) { bound in
                        try self.evalPaths(update, state, bound) { path, value in
                            state = (path, value)
                            if let extract {
                                try self.evalPaths(extract, state, bound, emit)
                            } else {
                                try emit(path, value)
                            }
                        }
                    }
                }
            }
        case .call(let name, let arguments):
            try callPaths(name, arguments, input, env, emit)
        case .literal(.null):
            // `path(null)` is allowed by jq: null is the empty path's value.
            try emit(input.path, .null)
        default:
            try eval(node, input.value, env) { value in try emit(Self.notAPath, value) }
        }
    }

    private func recursePaths(_ path: [JSONValue], _ value: JSONValue, _ emit: PathEmit) throws {
        try emit(path, value)
        if Self.isNotAPath(path) { return }  // jq's `recurse` iterates with `.[]?`: the error is suppressed
        try checkStack()
        switch value {
        case .array(let elements):
            for (offset, element) in elements.enumerated() {
                try recursePaths(path + [.number(Double(offset))], element, emit)
            }
        case .object(let object):
            for entry in object.entries { try recursePaths(path + [.string(entry.key)], entry.value, emit) }
        default:
            break
        }
    }

    private func pathConditional(
        _ branches: ArraySlice<AST.Branch>, _ otherwise: AST?, _ input: PathInput, _ env: Environment, _ emit: PathEmit
    ) throws {
        guard let branch = branches.first else {
            if let otherwise { try evalPaths(otherwise, input, env, emit) } else { try emit(input.path, input.value) }
            return
        }
        try eval(branch.condition, input.value, env) { condition in
            if condition.isTruthy {
                try self.evalPaths(branch.body, input, env, emit)
            } else {
                try self.pathConditional(branches.dropFirst(), otherwise, input, env, emit)
            }
        }
    }

    func callPaths(_ name: String, _ arguments: [AST], _ input: PathInput, _ env: Environment, _ emit: PathEmit) throws
    {
        if let lookup = env.function(name, arity: arguments.count) {
            switch lookup {
            case .closure(let body, let closureEnvironment):
                try evalPaths(body, input, closureEnvironment, emit)
            case .definition(let definition, let definitionEnvironment):
                try bindParameters(definition.parameters[...], arguments[...], input.value, env, definitionEnvironment)
                {
                    try self.evalPaths(definition.body, input, $0, emit)
                }
            }
            return
        }
        guard let native = Builtins.table["\(name)/\(arguments.count)"] else {
            throw JSONValue.fail("\(name)/\(arguments.count) is not defined")
        }
        guard let paths = native.paths else {
            try native.value(self, arguments, input.value, env) { try emit(Self.notAPath, $0) }
            return
        }
        try paths(self, arguments, input, env, emit)
    }
}

extension JSONValue {
    var isObjectOrNull: Bool {
        switch self {
        case .object, .null: true
        default: false
        }
    }
}
