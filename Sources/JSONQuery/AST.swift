/// The syntax tree of a jq program. `description` prints a canonical program that parses back to an
/// equal tree.
public indirect enum AST: Equatable, Sendable {
    /// `.`
    case identity
    /// `..`
    case recurseAll
    /// A number, string, `true`, `false` or `null` literal.
    case literal(JSONValue)
    /// A string with interpolations, optionally under a format (`@base64 "…\(.)"`).
    case string([StringPart], format: String?)
    /// A format used as a filter (`@base64`).
    case format(String)
    /// `target[index]`, `target.name`.
    case index(AST, AST)
    /// `target[from:to]`.
    case slice(AST, AST?, AST?)
    /// `target[]`.
    case iterate(AST)
    /// `try body catch handler`; `body?` is `try body`.
    case tryCatch(AST, AST?)
    /// `[…]`; nil for `[]`.
    case array(AST?)
    /// `{…}`.
    case object([ObjectEntry])
    /// `-x`.
    case negate(AST)
    /// `a | b`.
    case pipe(AST, AST)
    /// `a, b`.
    case comma(AST, AST)
    /// Arithmetic, comparison, `and`, `or` and `//`.
    case binary(BinaryOperator, AST, AST)
    /// `=`, `|=`, `+=`, … `//=`.
    case update(UpdateOperator, AST, AST)
    /// `if c then a elif … else b end`.
    case conditional([Branch], AST?)
    /// `reduce source as $x (init; update)`.
    case reduce(AST, Pattern, AST, AST)
    /// `foreach source as $x (init; update; extract)`.
    case foreach(AST, Pattern, AST, AST, AST?)
    /// `def f: body; rest`.
    case definition(FunctionDefinition, AST)
    /// A call of a function or builtin, with filter arguments.
    case call(String, [AST])
    /// `$name`.
    case variable(String)
    /// `source as $x | body` (several patterns for `?//`).
    case bind(AST, [Pattern], AST)
    /// `label $name | body`.
    case label(String, AST)
    /// `break $name`.
    case breakLabel(String)

    /// One part of an interpolated string.
    public enum StringPart: Equatable, Sendable {
        case text(String)
        case interpolation(AST)
    }

    /// One `key: value` member of an object construction.
    public struct ObjectEntry: Equatable, Sendable {
        public var key: AST
        public var value: AST
    }

    /// One `if`/`elif` arm.
    public struct Branch: Equatable, Sendable {
        public var condition: AST
        public var body: AST
    }
}

/// Binary operators, by jq precedence group.
public enum BinaryOperator: String, Equatable, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case modulo = "%"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case and, or
    case alternative = "//"

    var precedence: Int {
        switch self {
        case .alternative: 3
        case .or: 5
        case .and: 6
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: 7
        case .add, .subtract: 8
        case .multiply, .divide, .modulo: 9
        }
    }
}

/// Assignment operators.
public enum UpdateOperator: String, Equatable, Sendable {
    case assign = "="
    case modify = "|="
    case add = "+="
    case subtract = "-="
    case multiply = "*="
    case divide = "/="
    case modulo = "%="
    case alternative = "//="

    /// The arithmetic operator of `op=` forms.
    var arithmetic: BinaryOperator? {
        switch self {
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        case .modulo: .modulo
        case .alternative: .alternative
        case .assign, .modify: nil
        }
    }
}

/// A destructuring pattern after `as`.
public indirect enum Pattern: Equatable, Sendable {
    /// `$name`.
    case variable(String)
    /// `[p1, p2]`.
    case array([Pattern])
    /// `{key: p, $name, (expr): p}`.
    case object([ObjectPatternEntry])

    /// One member of an object pattern: `$name` (binds and optionally destructures) or `key: pattern`.
    public struct ObjectPatternEntry: Equatable, Sendable {
        /// Set for `$name` and `$name: pattern`.
        public var variable: String?
        /// The key expression when there is no variable.
        public var key: AST?
        public var pattern: Pattern?
    }

    /// Every variable the pattern binds, in order.
    var variables: [String] {
        switch self {
        case .variable(let name): [name]
        case .array(let elements): elements.flatMap(\.variables)
        case .object(let entries):
            entries.flatMap { entry in (entry.variable.map { [$0] } ?? []) + (entry.pattern?.variables ?? []) }
        }
    }
}

/// `def name(params): body;`.
public struct FunctionDefinition: Equatable, Sendable {
    public var name: String
    /// Parameter names; value parameters keep their `$`.
    public var parameters: [String]
    public var body: AST
}
