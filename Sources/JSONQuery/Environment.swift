/// A scope of a running jq program: a linked list of bindings, innermost first.
final class Environment {
    enum Binding {
        case variable(String, JSONValue)
        case function(FunctionDefinition)
        case closure(String, AST, Environment)
        case label(String, Int)
        /// Every function of the jq-defined prelude; parsed on the first lookup that reaches it, so a program that
        /// uses none (`.token`) never parses the prelude.
        case prelude
        case root
        /// The definitions of an included library, by signature.
        case functions([Prelude.Signature: FunctionEntry])
        /// The definitions of a library imported `as alias`, called as `alias::name`.
        case namespace(String, [Prelude.Signature: FunctionEntry])
    }

    /// A library definition and the scope it runs in (its library's imports and earlier definitions).
    struct FunctionEntry {
        var definition: FunctionDefinition
        var scope: Environment
    }

    let binding: Binding
    let parent: Environment?

    init(_ binding: Binding, parent: Environment?) {
        self.binding = binding
        self.parent = parent
    }

    func binding(variable: String) -> Environment? {
        var node: Environment? = self
        while let current = node {
            if case .variable(variable, _) = current.binding { return current }
            node = current.parent
        }
        return nil
    }

    func value(of variable: String) -> JSONValue? {
        var node: Environment? = self
        while let current = node {
            if case .variable(let name, let value) = current.binding, name == variable { return value }
            node = current.parent
        }
        return nil
    }

    func label(_ name: String) -> Int? {
        var node: Environment? = self
        while let current = node {
            if case .label(let label, let id) = current.binding, label == name { return id }
            node = current.parent
        }
        return nil
    }

    enum FunctionLookup {
        case definition(FunctionDefinition, Environment)
        case closure(AST, Environment)
    }

    func function(_ name: String, arity: Int) -> FunctionLookup? {
        var node: Environment? = self
        while let current = node {
            switch current.binding {
            case .function(let definition) where definition.name == name && definition.parameters.count == arity:
                return .definition(definition, current)
            case .closure(let parameter, let body, let closureEnvironment) where arity == 0 && parameter == name:
                return .closure(body, closureEnvironment)
            case .functions(let table):
                if let entry = table[Prelude.Signature(name: name, arity: arity)] {
                    return .definition(entry.definition, entry.scope)
                }
            case .namespace(let alias, let table) where name.hasPrefix(alias + "::"):
                let local = String(name.dropFirst(alias.count + 2))
                if let entry = table[Prelude.Signature(name: local, arity: arity)] {
                    return .definition(entry.definition, entry.scope)
                }
            case .prelude where Prelude.names.contains(name):
                if let definition = Prelude.definitionsBySignature[Prelude.Signature(name: name, arity: arity)] {
                    return .definition(definition, current)
                }
            default:
                break
            }
            node = current.parent
        }
        return nil
    }
}

extension Environment {
    /// `imports` bound over `base`: libraries' definitions (each library's scope built once, shared by every
    /// import of it) and data variables (`$alias` and `$alias::alias`).
    static func binding(
        _ imports: [LinkedImport], onto base: Environment,
        libraries: inout [ObjectIdentifier: [Prelude.Signature: FunctionEntry]]
    ) -> Environment {
        var node = base
        for linked in imports {
            switch linked {
            case .data(let alias, let value):
                node = Environment(.variable(alias, value), parent: node)
                node = Environment(.variable(alias + "::" + alias, value), parent: node)
            case .functions(let alias, let library):
                let table = definitions(of: library, base: base, libraries: &libraries)
                node = Environment(alias.map { .namespace($0, table) } ?? .functions(table), parent: node)
            }
        }
        return node
    }

    private static func definitions(
        of library: LoadedLibrary, base: Environment,
        libraries: inout [ObjectIdentifier: [Prelude.Signature: FunctionEntry]]
    ) -> [Prelude.Signature: FunctionEntry] {
        if let table = libraries[ObjectIdentifier(library)] { return table }
        var node = binding(library.imports, onto: base, libraries: &libraries)
        var table: [Prelude.Signature: FunctionEntry] = [:]
        for definition in library.definitions {
            node = Environment(.function(definition), parent: node)
            table[Prelude.Signature(name: definition.name, arity: definition.parameters.count)] = FunctionEntry(
                definition: definition, scope: node)
        }
        libraries[ObjectIdentifier(library)] = table
        return table
    }
}
