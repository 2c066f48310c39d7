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
        guard let first = needle.first, start >= 0, count - start >= needle.count else { return nil }
        return withUnsafeBufferPointer { haystack -> Int? in
            needle.withUnsafeBufferPointer { pattern -> Int? in
                guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress else { return nil }
                let last = haystack.count - pattern.count
                var index = start
                while index <= last {
                    guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return nil }
                    index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + index, patternBase, pattern.count) == 0 { return index }
                    index += 1
                }
                return nil
            }
        }
    }
}
