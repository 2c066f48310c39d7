import ShellRuntime

/// Decodes `Transfer-Encoding: chunked` bytes as they arrive, in any split: sizes in hex, optional chunk
/// extensions, the trailer section after the last chunk.
public struct ChunkedDecoder: Sendable {
    private enum State {
        case size
        case data(remaining: Int)
        case dataEnd
        case trailer
        case done
    }

    private var state = State.size
    private var line: [UInt8] = []

    /// A decoder at the start of a body.
    public init() {}

    /// True once the last chunk and the trailers have been read.
    public var isDone: Bool {
        if case .done = state { true } else { false }
    }

    /// Feeds `bytes`; `emit` receives the body bytes they hold.
    /// - Returns: how many bytes were used (fewer than given only when the body ended).
    /// - Throws: `CurlError` 56 for malformed framing.
    public mutating func feed(_ bytes: ArraySlice<UInt8>, emit: (ArraySlice<UInt8>) throws -> Void) throws -> Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            switch state {
            case .done:
                return index - bytes.startIndex
            case .data(let remaining):
                let take = min(remaining, bytes.endIndex - index)
                try emit(bytes[index..<index + take])
                index += take
                state = remaining == take ? .dataEnd : .data(remaining: remaining - take)
            case .size, .dataEnd, .trailer:
                let byte = bytes[index]
                index += 1
                guard byte == UInt8(ascii: "\n") else {
                    line.append(byte)
                    if line.count > 8192 { throw Self.malformed }
                    continue
                }
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                try endLine()
                line = []
            }
        }
        return index - bytes.startIndex
    }

    private mutating func endLine() throws {
        switch state {
        case .size:
            let digits = line.prefix { $0 != UInt8(ascii: ";") && $0 != 32 && $0 != 9 }
            // Hex digits only: `Int(_:radix:)` would also take a sign, and a negative size is no size.
            guard !digits.isEmpty, digits.count <= 15 else { throw Self.malformed }
            var size = 0
            for digit in digits {
                guard let value = digit.hexDigitValue else { throw Self.malformed }
                size = size * 16 + value
            }
            state = size == 0 ? .trailer : .data(remaining: size)
        case .dataEnd:
            guard line.isEmpty else { throw Self.malformed }
            state = .size
        case .trailer:
            if line.isEmpty { state = .done }
        case .data, .done:
            break
        }
    }

    /// curl's message for bad chunk framing.
    public static let malformed = CurlError(code: 56, message: "Failure when receiving data from the peer")
}
