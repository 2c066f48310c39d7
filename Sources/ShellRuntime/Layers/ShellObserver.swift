/// What a layer above the shell (lp-shell's LivePerson layer) learns while commands run, and what it adds: the
/// one seam through which the runtime, which knows nothing of LivePerson, lets it advise. Every method has a
/// default that does nothing; the interpreter holds one observer (`Interpreter.observer`).
public protocol ShellObserver: Sendable {
    /// Whether the layer cares about variable `name` (called for each parameter expanded: keep it cheap). Only
    /// watched variables reach `didExpand` and, when unset, get a warning with `hint(forUnset:state:)`.
    func watches(variable name: String) -> Bool
    /// A watched variable that is set was expanded.
    func didExpand(variable name: String, state: inout ShellState, io: IOStreams)
    /// Advice added to the warning that a watched variable a command used is unset; nil for none.
    func hint(forUnset name: String, state: ShellState) -> String?
    /// A simple command is about to run with its expanded words.
    func willRun(_ words: [String], state: inout ShellState, io: IOStreams)
}

extension ShellObserver {
    public func watches(variable name: String) -> Bool { false }
    public func didExpand(variable name: String, state: inout ShellState, io: IOStreams) {}
    public func hint(forUnset name: String, state: ShellState) -> String? { nil }
    public func willRun(_ words: [String], state: inout ShellState, io: IOStreams) {}
}

/// The observer of a plain shell: it watches nothing.
public struct NoObserver: ShellObserver {
    public init() {}
}
