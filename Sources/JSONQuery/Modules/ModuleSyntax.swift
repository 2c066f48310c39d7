/// The module directives at the head of a jq program or library: `module {…};`, `import "path" as name {…};`,
/// `import "path" as $name {…};` and `include "path" {…};` (jq 1.7.1's manual, "Modules").
struct ModuleHeader {
    /// The constant object of `module {…};`, if the text has one.
    var metadata: JSONObject?
    /// The imports and includes, in text order.
    var imports: [ImportDirective] = []
}

/// One `import` or `include`.
struct ImportDirective {
    enum Kind: Equatable {
        /// `import "p" as name;`: the library's functions as `name::f`.
        case functions(alias: String)
        /// `import "p" as $name;`: the JSON texts of `p.json` as `$name` and `$name::name`.
        case data(alias: String)
        /// `include "p";`: the library's functions under their own names.
        case include
    }

    /// The relative path as written.
    var path: String
    var kind: Kind
    /// The constant object after the path (`{search: "./"}`), if any.
    var metadata: JSONObject?
    /// Where the directive starts, for errors.
    var offset: Int
    var length: Int

    /// The directive as `modulemeta` lists it: its metadata's members, then `as`, `is_data` and `relpath`.
    var dependencyDescription: JSONValue {
        var object = metadata ?? JSONObject()
        switch kind {
        case .functions(let alias):
            object["as"] = .string(alias)
            object["is_data"] = .bool(false)
        case .data(let alias):
            object["as"] = .string(alias)
            object["is_data"] = .bool(true)
        case .include:
            object["is_data"] = .bool(false)
        }
        object["relpath"] = .string(path)
        return .object(object)
    }
}

/// A parsed program: its directives and its body.
struct ProgramSyntax {
    var header: ModuleHeader
    /// The main program's expression (`.definition` chains included).
    var body: AST
}

/// A parsed library: its directives and its definitions, in order.
struct LibrarySyntax {
    var header: ModuleHeader
    var definitions: [FunctionDefinition]
}

extension AST {
    /// The value of an expression jq's compiler folds to a constant (literals, and arrays and objects of them),
    /// nil for anything else. Module metadata must be one.
    var constantValue: JSONValue? {
        switch self {
        case .literal(let value): return value
        case .array(nil): return .array([])
        case .array(let inner?):
            var elements: [JSONValue] = []
            var node = inner
            while case .comma(let left, let right) = node {
                guard let value = right.constantValue else { return nil }
                elements.insert(value, at: 0)
                node = left
            }
            guard let first = node.constantValue else { return nil }
            return .array([first] + elements)
        case .object(let entries):
            var object = JSONObject()
            for entry in entries {
                guard case .string(let key)? = entry.key.constantValue, let value = entry.value.constantValue else {
                    return nil
                }
                object[key] = value
            }
            return .object(object)
        case .negate(let inner):
            guard let number = inner.constantValue?.doubleValue else { return nil }
            return .number(-number)
        default: return nil
        }
    }
}
