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
    /// Long strings offered so far: a small text (a WebSocket frame) is over before sharing pays for the set it
    /// makes, hashes and destroys (1.4 k instructions of a 45-byte frame's 11.7 k), so the first few are kept as read.
    private var offered = 0
    private static let offeredBeforeSharing = 64

    /// The string itself, or an equal one read earlier.
    mutating func intern(_ string: String) -> String {
        offered += 1
        guard offered > Self.offeredBeforeSharing, string.utf8.count <= Self.maximumLength else { return string }
        if table.count >= Self.capacity { table.removeAll(keepingCapacity: true) }
        return table.insert(string).memberAfterInsert
    }
}
