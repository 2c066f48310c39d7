/// One shell variable: its value and attributes.
public struct ShellVariable: Sendable, Hashable {
    /// The value.
    public var value: String
    /// Passed to child processes and shown by `env`.
    public var isExported: Bool
    /// Set by `readonly`; assignments and `unset` fail.
    public var isReadonly: Bool

    /// Creates a variable.
    public init(value: String, isExported: Bool = false, isReadonly: Bool = false) {
        self.value = value
        self.isExported = isExported
        self.isReadonly = isReadonly
    }
}
