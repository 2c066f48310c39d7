/// Checks that every function, variable and label a program uses is defined, as jq's compiler does.
struct Resolver {
    struct Scope {
        var functions: [String] = []
        var variables: [String] = []
        var labels: [String] = []
    }

    /// A problem: jq's message and the name to point at.
    typealias Problem = (message: String, token: String)

    /// Problems found, in program order.
    private(set) var problems: [Problem] = []

    /// Checks `ast` where `globals` (variables) and `functions` (`name/arity`, imported) are defined beside
    /// the builtins.
    static func check(_ ast: AST, globals: [String], functions: [String] = []) -> [Problem] {
        var resolver = Resolver()
        var scope = Scope()
        scope.variables = globals + ["ENV", "__prog_args"]
        scope.functions = Prelude.signatures + Array(Builtins.table.keys) + functions
        resolver.visit(ast, scope)
        return resolver.problems
    }

    private mutating func visit(_ node: AST, _ scope: Scope) {
        switch node {
        case .identity, .recurseAll, .literal:
            break
        case .format(let name):
            checkFormat(name)
        case .string(let parts, let format):
            if let format { checkFormat(format) }
            for part in parts { if case .interpolation(let inner) = part { visit(inner, scope) } }
        case .index(let a, let b), .pipe(let a, let b), .comma(let a, let b), .binary(_, let a, let b),
            .update(_, let a, let b):
            visit(a, scope)
            visit(b, scope)
        case .slice(let target, let from, let to):
            visit(target, scope)
            if let from { visit(from, scope) }
            if let to { visit(to, scope) }
        case .iterate(let target), .negate(let target):
            visit(target, scope)
        case .tryCatch(let body, let handler):
            visit(body, scope)
            if let handler { visit(handler, scope) }
        case .array(let inner):
            if let inner { visit(inner, scope) }
        case .object(let entries):
            for entry in entries {
                visit(entry.key, scope)
                visit(entry.value, scope)
            }
        case .conditional(let branches, let otherwise):
            for branch in branches {
                visit(branch.condition, scope)
                visit(branch.body, scope)
            }
            if let otherwise { visit(otherwise, scope) }
        case .reduce(let source, let pattern, let initial, let update):
            visit(source, scope)
            visit(initial, scope)
            visit(update, bind(pattern, scope))
        case .foreach(let source, let pattern, let initial, let update, let extract):
            visit(source, scope)
            visit(initial, scope)
            let inner = bind(pattern, scope)
            visit(update, inner)
            if let extract { visit(extract, inner) }
        case .definition(let definition, let rest):
            var inner = scope
            inner.functions.append("\(definition.name)/\(definition.parameters.count)")
            var body = inner
            for parameter in definition.parameters {
                if parameter.hasPrefix("$") {
                    body.variables.append(String(parameter.dropFirst()))
                    body.functions.append("\(parameter.dropFirst())/0")
                } else {
                    body.functions.append("\(parameter)/0")
                }
            }
            visit(definition.body, body)
            visit(rest, inner)
        case .call(let name, let arguments):
            if !scope.functions.contains("\(name)/\(arguments.count)") {
                problems.append(("\(name)/\(arguments.count) is not defined", name))
            }
            for argument in arguments { visit(argument, scope) }
        case .variable(let name):
            if !scope.variables.contains(name) { problems.append(("$\(name) is not defined", "$" + name)) }
        case .bind(let source, let patterns, let body):
            visit(source, scope)
            var inner = scope
            for pattern in patterns { inner = bind(pattern, inner) }
            visit(body, inner)
        case .label(let name, let body):
            var inner = scope
            inner.labels.append(name)
            visit(body, inner)
        case .breakLabel(let name):
            if !scope.labels.contains(name) { problems.append(("$*label-\(name) is not defined", "$" + name)) }
        }
    }

    private mutating func checkFormat(_ name: String) {
        let known = ["text", "json", "html", "uri", "csv", "tsv", "sh", "base64", "base64d", "base32", "base32d"]
        if !known.contains(name) { problems.append(("\(name) is not a valid format", "@" + name)) }
    }

    private mutating func bind(_ pattern: Pattern, _ scope: Scope) -> Scope {
        var inner = scope
        if case .object(let entries) = pattern {
            for entry in entries { if let key = entry.key { visit(key, scope) } }
        }
        inner.variables.append(contentsOf: pattern.variables)
        return inner
    }
}
