extension Array where Element == UInt8 {
    /// True when `needle` occurs in these bytes. A plain byte scan: `String.contains(String)` goes through
    /// _StringProcessing's searcher, whose generic set-up is a visible cost in a process that runs once.
    public func containsBytes(_ needle: some StringProtocol) -> Bool {
        let needle = Array(needle.utf8)
        guard count >= needle.count else { return false }
        return (0...(count - needle.count)).contains { self[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
