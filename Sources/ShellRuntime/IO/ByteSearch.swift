#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Array where Element == UInt8 {
    /// True when `needle` occurs in these bytes. A plain byte scan: `String.contains(String)` goes through
    /// _StringProcessing's searcher, whose generic set-up is a visible cost in a process that runs once.
    public func containsBytes(_ needle: some StringProtocol) -> Bool {
        firstIndex(ofBytes: Array(needle.utf8)) != nil
    }

    /// The offset of the first occurrence of `needle` at or after `start` (memchr for its first byte, then memcmp).
    public func firstIndex(ofBytes needle: [UInt8], from start: Int = 0) -> Int? {
        withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { ByteSearch.firstIndex(of: $0, in: haystack, from: start) }
        }
    }
}

extension StringProtocol {
    /// True when `needle`'s UTF-8 bytes occur in this string's: a plain byte search, where `String.contains(String)`
    /// builds _StringProcessing's searcher (a table of the needle's characters) on each call. The same answer for
    /// what it is used on (tokens, URLs, names): no Unicode canonical equivalence.
    public func containsBytes(_ needle: some StringProtocol) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { ByteSearch.firstIndex(of: $0, in: haystack) != nil }
        }
        if let found, let found { return found }
        return Array(utf8).firstIndex(ofBytes: Array(needle.utf8)) != nil
    }
}

/// The one byte search behind `containsBytes` and `firstIndex(ofBytes:)`.
enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `haystack` at or after `start`; an empty needle is found at
    /// `start`.
    static func firstIndex(
        of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0
    ) -> Int? {
        guard start >= 0, haystack.count - start >= needle.count else { return nil }
        guard let first = needle.first else { return start }
        guard let base = haystack.baseAddress, let patternBase = needle.baseAddress else { return nil }
        let last = haystack.count - needle.count
        var index = start
        while index <= last {
            guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return nil }
            index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + index, patternBase, needle.count) == 0 { return index }
            index += 1
        }
        return nil
    }
}
