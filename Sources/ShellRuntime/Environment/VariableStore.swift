/// The shell's variables by name.
///
/// A value type: each pipeline stage and command substitution gets a copy, so assignments inside one
/// never leak out, as in bash's subshells.
public struct VariableStore: Sendable {
    private var storage: [String: ShellVariable] = [:]
    /// One scope per running function: each `local` name with what it was before (nil: unset), put back when the
    /// function returns. Scoping is dynamic, as in bash and dash: a function called from there sees the local.
    private var localScopes: [[String: SavedVariable]] = []

    private struct SavedVariable: Sendable {
        var variable: ShellVariable?
    }

    /// An empty store.
    public init() {}

    /// A store holding every variable of a process environment, all exported.
    public init(environment: [String: String]) {
        for (name, value) in environment where VariableStore.isValidName(name) {
            storage[name] = ShellVariable(value: value, isExported: true)
        }
    }

    /// The value of a set variable, or nil.
    public subscript(name: String) -> String? {
        storage[name]?.value
    }

    /// The variable with its attributes, or nil.
    public func variable(named name: String) -> ShellVariable? {
        storage[name]
    }

    /// Sets a value, keeping the variable's attributes.
    /// - Throws: `VariableError.readonly` for a read-only variable.
    public mutating func set(_ name: String, to value: String, exported: Bool? = nil) throws(VariableError) {
        if let existing = storage[name], existing.isReadonly {
            throw .readonly(name)
        }
        var variable = storage[name] ?? ShellVariable(value: value)
        variable.value = value
        if let exported { variable.isExported = exported || variable.isExported }
        if exportsAssignments { variable.isExported = true }
        storage[name] = variable
    }

    /// Marks a variable exported, creating it empty-valued only if `value` is given.
    public mutating func export(_ name: String, value: String? = nil) throws(VariableError) {
        if let value {
            try set(name, to: value, exported: true)
        } else if storage[name] != nil {
            storage[name]!.isExported = true
        } else {
            // `export NAME` on an unset name marks it for export when assigned; bash shows it in `export -p`
            // as `declare -x NAME`. We keep it unset but remember the attribute.
            pendingExports.insert(name)
        }
    }

    /// Names marked with `export NAME` before they had a value.
    public private(set) var pendingExports: Set<String> = []

    /// Marks a variable read-only.
    public mutating func markReadonly(_ name: String, value: String? = nil) throws(VariableError) {
        if let value { try set(name, to: value) }
        var variable = storage[name] ?? ShellVariable(value: "")
        variable.isReadonly = true
        storage[name] = variable
    }

    /// Removes a variable.
    /// - Throws: `VariableError.readonly` for a read-only variable.
    public mutating func unset(_ name: String) throws(VariableError) {
        if let existing = storage[name], existing.isReadonly {
            throw .readonly(name)
        }
        storage[name] = nil
        pendingExports.remove(name)
    }

    /// `set -a`: every assignment exports its variable.
    public var exportsAssignments = false

    /// Starts a function's scope for `local`.
    mutating func pushLocalScope() {
        localScopes.append([:])
    }

    /// Ends a function's scope: every local gets back the value and attributes it had before.
    mutating func popLocalScope() {
        guard let scope = localScopes.popLast() else { return }
        for (name, saved) in scope { storage[name] = saved.variable }
    }

    /// True while a function runs (where `local` is allowed).
    public var hasLocalScope: Bool { !localScopes.isEmpty }

    /// Makes `name` local to the running function: it is put back when the function returns. A new local is unset
    /// (bash) until assigned; a name already local in this function keeps its value.
    /// - Throws: `VariableError.readonly` for a read-only variable.
    public mutating func makeLocal(_ name: String) throws(VariableError) {
        guard !localScopes.isEmpty else { return }
        if localScopes[localScopes.count - 1][name] != nil { return }
        if let existing = storage[name], existing.isReadonly { throw .readonly(name) }
        localScopes[localScopes.count - 1][name] = SavedVariable(variable: storage[name])
        storage[name] = nil
    }

    /// Every variable name, sorted.
    public var names: [String] { storage.keys.sorted() }

    /// Every variable, sorted by name.
    public var all: [(name: String, variable: ShellVariable)] { all(whereValue: { _ in true }) }

    /// The variables whose value satisfies `isWanted`, sorted by name (only those are sorted: cheaper than `all`
    /// for a check that runs before every command).
    public func all(whereValue isWanted: (String) -> Bool) -> [(name: String, variable: ShellVariable)] {
        var wanted: [(name: String, variable: ShellVariable)] = []
        for (name, variable) in storage where isWanted(variable.value) { wanted.append((name, variable)) }
        return wanted.sorted { $0.name < $1.name }
    }

    /// The exported variables, as a child process's environment.
    public var exportedEnvironment: [String: String] {
        var environment: [String: String] = [:]
        for (name, variable) in storage where variable.isExported {
            environment[name] = variable.value
        }
        return environment
    }

    /// Applies a pending `export NAME` once NAME gets a value.
    mutating func applyPendingExport(_ name: String) {
        if pendingExports.remove(name) != nil {
            storage[name]?.isExported = true
        }
    }

    /// True for a name bash accepts in an assignment: a letter or `_`, then letters, digits or `_`.
    public static func isValidName(_ name: some StringProtocol) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || isLetter(first) else { return false }
        return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isLetter($0) || ($0 >= 48 && $0 <= 57) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}

/// Why a variable could not be changed.
public enum VariableError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The variable is read-only.
    case readonly(String)

    public var description: String {
        switch self {
        case .readonly(let name): "\(name): readonly variable"
        }
    }
}

extension VariableStore {
    /// Restores the unexported attribute after a temporary `A=1 cmd` assignment.
    /// Puts back a variable exactly as `variable(named:)` returned it (nil: unset), attributes included.
    mutating func restore(_ name: String, to variable: ShellVariable?) {
        storage[name] = variable
    }

    mutating func unexportForRestore(_ name: String) {
        if var variable = variable(named: name) {
            variable.isExported = false
            try? unset(name)
            try? set(name, to: variable.value)
        }
    }
}
