/// What `lp-shell class` adds to a sandbox: the class's name (the dashboard's title).
public struct ClassSettings: Sendable, Equatable {
    /// `--name`; the dashboard and the learners' banner show it.
    public var name = "lp-shell class"
    /// The tutorials' steps, for the dashboard's class view (lp-shell fills them from its tutorial catalog).
    public var steps: [ClassStep] = []

    public init() {}

    /// `text` trimmed, when it is 1 to 60 printable characters.
    static func validName(_ text: String) -> String? {
        let trimmed = SpaceTrimming.spaces(text)
        guard (1...60).contains(trimmed.count),
            trimmed.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0 != "\u{7F}" })
        else { return nil }
        return trimmed
    }
}

/// One tutorial step as the class dashboard lists it.
public struct ClassStep: Codable, Sendable, Equatable {
    public let tutorial: String
    public let id: String
    public let title: String

    public init(tutorial: String, id: String, title: String) {
        self.tutorial = tutorial
        self.id = id
        self.title = title
    }
}
