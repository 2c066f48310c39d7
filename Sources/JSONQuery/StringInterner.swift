/// Repeated string values within one parser's input, kept once: a long value that repeats one read
/// recently (an id, a type name) comes back as the earlier string, sharing its storage.
struct StringInterner {
    /// Strings of up to this many UTF-8 bytes are stored inline by Swift: nothing to share.
    static let smallLength = 15
    /// Longer strings are rarely repeated and would keep too much alive in the table.
    private static let maximumLength = 256
    /// The table is emptied when it holds this many strings, so it never grows without bound and
    /// strings that keep repeating come back after the next few occurrences.
    private static let capacity = 4096
    private var table: Set<String> = []

    /// The string itself, or an equal one read earlier.
    mutating func intern(_ string: String) -> String {
        guard string.utf8.count <= Self.maximumLength else { return string }
        if table.count >= Self.capacity { table.removeAll(keepingCapacity: true) }
        return table.insert(string).memberAfterInsert
    }
}
