import ShellRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open input file read in chunks by a `JSONParser`; the descriptor closes when the last parser copy
/// holding it goes away.
final class JQFileSource {
    private let descriptor: Int32
    private let input: ByteInput

    /// The bytes per read.
    static let chunkSize = 1 << 16

    /// Opens a file; a failure carries jq's message (`Could not open NAME: REASON`).
    static func opening(_ path: String, displayName: String) -> Result<JQFileSource, FileReadError> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            return .failure(
                FileReadError(message: "Could not open \(displayName): \(String(cString: strerror(errno)))"))
        }
        return .success(JQFileSource(descriptor: descriptor))
    }

    private init(descriptor: Int32) {
        self.descriptor = descriptor
        self.input = ByteInput(fileDescriptor: descriptor)
    }

    deinit {
        close(descriptor)
    }

    /// The next chunk; empty at the end of the file.
    func read() -> [UInt8] {
        input.read(upTo: Self.chunkSize)
    }
}
