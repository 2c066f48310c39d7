/// The literal text collected between a word's quotes and expansions, as the source offsets of its bytes.
///
/// Every literal byte is a byte of the source, and almost always the next one: the run is then just a range, and
/// the text is made once, straight from the source, when the run is taken. Only a skipped byte (a line
/// continuation, or the backslash of `\$` in double quotes) spills the bytes so far into a buffer.
struct LiteralRun {
    private var start = 0
    private var end = 0
    private var spilled: [UInt8] = []

    var isEmpty: Bool { start == end && spilled.isEmpty }

    /// Adds the source byte at `offset`.
    mutating func append(at offset: Int, in source: [UInt8]) {
        append(offset..<offset + 1, in: source)
    }

    /// Adds the source bytes in `range`.
    mutating func append(_ range: Range<Int>, in source: [UInt8]) {
        if range.lowerBound == end && start != end {
            end = range.upperBound
            return
        }
        if start != end { spilled.append(contentsOf: source[start..<end]) }
        start = range.lowerBound
        end = range.upperBound
    }

    /// The text collected so far, leaving the run empty.
    mutating func take(from source: [UInt8]) -> String {
        defer {
            start = 0
            end = 0
        }
        guard !spilled.isEmpty else { return String(decoding: source[start..<end], as: UTF8.self) }
        spilled.append(contentsOf: source[start..<end])
        defer { spilled.removeAll(keepingCapacity: true) }
        return String(decoding: spilled, as: UTF8.self)
    }
}
