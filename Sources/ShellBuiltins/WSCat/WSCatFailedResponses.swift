import ShellRuntime

extension ShellState {
    /// The failed responses `wscat` runs received (`#2 ms.PublishEvent: 403 …`), oldest first, for a layer that
    /// judges a command's outcome (`step`); whoever reads them empties the list first.
    package var wscatFailedResponses: [String] {
        get { layers[WSCatFailedResponses.self] }
        set { layers[WSCatFailedResponses.self] = newValue }
    }
}

private enum WSCatFailedResponses: ShellStateKey {
    static var defaultValue: [String] { [] }
}
