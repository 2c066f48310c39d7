/// State a layer above the shell keeps in `ShellState` without the runtime knowing its shape, as Hummingbird's
/// request context storage does: each layer declares a key type with its value's type and default.
///
/// ```swift
/// enum CompletedSteps: ShellStateKey { static var defaultValue: Set<String> { [] } }
/// state.layers[CompletedSteps.self].insert("unauthenticated:1")
/// ```
///
/// It is a value, like the rest of `ShellState`: a subshell or a pipeline stage changes its own copy.
public protocol ShellStateKey {
    associatedtype Value: Sendable
    /// The value before anything was stored.
    static var defaultValue: Value { get }
}

/// The values stored by layers, one per key type.
public struct LayerStorage: Sendable {
    private var values: [ObjectIdentifier: any Sendable] = [:]

    public init() {}

    public subscript<Key: ShellStateKey>(_ key: Key.Type) -> Key.Value {
        get { values[ObjectIdentifier(key)] as? Key.Value ?? Key.defaultValue }
        set { values[ObjectIdentifier(key)] = newValue }
    }
}
