/// A parsed script: a list of and-or lists separated by `;`, `&` or newlines.
public struct Script: Sendable, Hashable {
    /// The commands in order.
    public var items: [ListItem]

    /// Creates a script.
    public init(items: [ListItem]) {
        self.items = items
    }
}

/// One and-or list and how it was terminated.
public struct ListItem: Sendable, Hashable {
    /// The commands joined by `&&` and `||`.
    public var andOr: AndOrList
    /// True when terminated by `&` (run in the background).
    public var isBackground: Bool

    /// Creates an item.
    public init(andOr: AndOrList, isBackground: Bool = false) {
        self.andOr = andOr
        self.isBackground = isBackground
    }
}

/// `a && b || c`.
public struct AndOrList: Sendable, Hashable {
    /// The first pipeline.
    public var first: Pipeline
    /// The following pipelines with the operator before each.
    public var rest: [(AndOrOperator, Pipeline)]

    /// Creates a list.
    public init(first: Pipeline, rest: [(AndOrOperator, Pipeline)] = []) {
        self.first = first
        self.rest = rest
    }

    public static func == (lhs: AndOrList, rhs: AndOrList) -> Bool {
        lhs.first == rhs.first && lhs.rest.count == rhs.rest.count
            && zip(lhs.rest, rhs.rest).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(first)
        for (op, pipeline) in rest {
            hasher.combine(op)
            hasher.combine(pipeline)
        }
    }
}

/// `&&` or `||`.
public enum AndOrOperator: String, Sendable, Hashable {
    /// Run the next pipeline only if this one succeeded.
    case and = "&&"
    /// Run the next pipeline only if this one failed.
    case or = "||"
}

/// `[!] a | b | c`.
public struct Pipeline: Sendable, Hashable {
    /// The stages, left to right.
    public var commands: [Command]
    /// True for `! pipeline`.
    public var isNegated: Bool
    /// Where the pipeline is in the source.
    public var range: SourceRange

    /// Creates a pipeline.
    public init(commands: [Command], isNegated: Bool = false, range: SourceRange) {
        self.commands = commands
        self.isNegated = isNegated
        self.range = range
    }
}

/// One stage of a pipeline.
///
/// Only `functionDefinition`, which holds a `Command`, is boxed (`indirect`); the others sit inline in the
/// pipeline's array.
public enum Command: Sendable, Hashable {
    /// `A=1 cmd args >file`.
    case simple(SimpleCommand)
    /// `{ list; }` with redirections.
    case group(Script, [Redirection])
    /// `( list )` with redirections.
    case subshell(Script, [Redirection])
    /// `if …; then …; elif …; else …; fi`.
    case ifClause(IfClause, [Redirection])
    /// `for name in words; do …; done`.
    case forLoop(ForLoop, [Redirection])
    /// `while …; do …; done` or `until …`.
    case whileLoop(WhileLoop, [Redirection])
    /// `case word in pattern) …;; esac`.
    case caseClause(CaseClause, [Redirection])
    /// `name() { …; }`.
    indirect case functionDefinition(name: String, body: Command)
}

/// A command with its assignments, words and redirections.
public struct SimpleCommand: Sendable, Hashable {
    /// `NAME=value` words before the command name.
    public var assignments: [Assignment]
    /// The command name and arguments.
    public var words: [Word]
    /// Redirections, in order.
    public var redirections: [Redirection]
    /// Where the command is in the source.
    public var range: SourceRange

    /// Creates a command.
    public init(assignments: [Assignment], words: [Word], redirections: [Redirection], range: SourceRange) {
        self.assignments = assignments
        self.words = words
        self.redirections = redirections
        self.range = range
    }
}

/// `NAME=value`.
public struct Assignment: Sendable, Hashable {
    /// The variable name.
    public var name: String
    /// The value (possibly empty).
    public var value: Word
    /// Where the assignment is in the source.
    public var range: SourceRange

    /// Creates an assignment.
    public init(name: String, value: Word, range: SourceRange) {
        self.name = name
        self.value = value
        self.range = range
    }
}

/// `if` with its branches.
public struct IfClause: Sendable, Hashable {
    /// `(condition, body)` for `if` and each `elif`.
    public var branches: [ConditionalBranch]
    /// The `else` body.
    public var elseBody: Script?

    /// Creates an if clause.
    public init(branches: [ConditionalBranch], elseBody: Script?) {
        self.branches = branches
        self.elseBody = elseBody
    }
}

/// A condition and the body it guards.
public struct ConditionalBranch: Sendable, Hashable {
    /// The condition list.
    public var condition: Script
    /// The body list.
    public var body: Script

    /// Creates a branch.
    public init(condition: Script, body: Script) {
        self.condition = condition
        self.body = body
    }
}

/// `for name in words; do body; done`.
public struct ForLoop: Sendable, Hashable {
    /// The loop variable.
    public var name: String
    /// The words to iterate (nil: `"$@"`).
    public var words: [Word]?
    /// The body.
    public var body: Script

    /// Creates a loop.
    public init(name: String, words: [Word]?, body: Script) {
        self.name = name
        self.words = words
        self.body = body
    }
}

/// `while`/`until` loop.
public struct WhileLoop: Sendable, Hashable {
    /// The condition list.
    public var condition: Script
    /// The body.
    public var body: Script
    /// True for `until`.
    public var isUntil: Bool

    /// Creates a loop.
    public init(condition: Script, body: Script, isUntil: Bool) {
        self.condition = condition
        self.body = body
        self.isUntil = isUntil
    }
}

/// `case word in … esac`.
public struct CaseClause: Sendable, Hashable {
    /// The word matched.
    public var word: Word
    /// The arms, in order.
    public var arms: [CaseArm]

    /// Creates a case clause.
    public init(word: Word, arms: [CaseArm]) {
        self.word = word
        self.arms = arms
    }
}

/// `pattern | pattern) body ;;`.
public struct CaseArm: Sendable, Hashable {
    /// The patterns.
    public var patterns: [Word]
    /// The body.
    public var body: Script

    /// Creates an arm.
    public init(patterns: [Word], body: Script) {
        self.patterns = patterns
        self.body = body
    }
}
