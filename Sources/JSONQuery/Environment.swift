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
