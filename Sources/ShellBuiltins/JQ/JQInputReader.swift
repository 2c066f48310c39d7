import JSONQuery
import ShellRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Feeds a jq run: parses JSON texts (or raw lines) from the files, or standard input, one at a time,
/// remembers where it is for `jq: error (at FILE:LINE)` and implements `input`, `debug` and `stderr`.
final class JQInputReader: QueryHost {
    private let files: [String]
    private let stdin: ByteInput
    private let stderrOutput: ByteOutput
    private let raw: Bool
    private let slurp: Bool
    private let resolve: (String) -> String
    private let interrupted: () -> Bool
    private var fileIndex = 0
    private var parser: JSONParser?
    /// The lines of raw (`-R`) input: ranges of `bytes`, not copies.
    private var rawLines: [Range<Int>] = []
    private var rawLineIndex = 0
    private var bytes: [UInt8] = []
    private var slurped = false
    private(set) var currentName: String?
    private(set) var currentLine = 0
    /// True once an input file could not be opened (jq then exits 2).
    private(set) var hadFileError = false
    /// Set once any input has been read (errors then say `(at FILE:LINE)` instead of `(at <unknown>)`).
    private(set) var hasReadInput = false
    /// The palette for `debug`, if coloured.
    var debugOptions = JSONWriter.Options.compact

    init(
        files: [String], stdin: ByteInput, stderr: ByteOutput, raw: Bool, slurp: Bool,
        resolve: @escaping (String) -> String, interrupted: @escaping () -> Bool
    ) {
        self.files = files
        self.stdin = stdin
        self.stderrOutput = stderr
        self.raw = raw
        self.slurp = slurp
        self.resolve = resolve
        self.interrupted = interrupted
    }

    /// `FILE:LINE` or `<unknown>`, for error messages.
    var position: String {
        guard hasReadInput else { return "<unknown>" }
        return "\(currentName ?? "<stdin>"):\(currentLine)"
    }

    var currentFilename: String? { currentName }
    var inputLineNumber: Int { currentLine }
    var isInterrupted: Bool { interrupted() }

    func debug(_ value: JSONValue) {
        var writer = JSONWriter(options: debugOptions)
        writer.write(.array([.string("DEBUG:"), value]))
        writer.buffer.append(10)
        stderrOutput.write(writer.buffer)
    }

    func stderr(_ value: JSONValue) {
        if case .string(let string) = value {
            stderrOutput.write(string)
        } else {
            stderrOutput.write(JSONWriter.compactString(value))
        }
    }

    /// Reads a whole file; nil (after reporting like jq) when it cannot be opened.
    static func readFile(_ path: String, displayName: String) -> Result<[UInt8], FileReadError> {
        guard let bytes = FileReading.readBytes(path) else {
            return .failure(FileReadError(message: "Could not open \(displayName): \(FileReading.lastErrorText)"))
        }
        return .success(bytes)
    }

    /// Opens the next source (the next file that can be opened, or standard input); false when there are
    /// no more. JSON input is parsed as it is read, so a large file is never resident at once; raw lines
    /// are read whole.
    private func advanceSource() -> Bool {
        let readChunk: () -> [UInt8]
        if files.isEmpty {
            guard fileIndex == 0 else { return false }
            fileIndex = 1
            let stdin = self.stdin
            readChunk = { stdin.read(upTo: JQFileSource.chunkSize) }
            currentName = nil
        } else {
            while true {
                guard fileIndex < files.count else { return false }
                let name = files[fileIndex]
                fileIndex += 1
                switch JQFileSource.opening(resolve(name), displayName: name) {
                case .success(let source):
                    readChunk = source.read
                    currentName = name
                case .failure(let failure):
                    stderrOutput.writeDiagnostic("jq: error: \(failure.message)\n")
                    hadFileError = true
                    continue
                }
                break
            }
        }
        currentLine = 0
        if raw {
            bytes = []
            while true {
                let chunk = readChunk()
                if chunk.isEmpty { break }
                bytes.append(contentsOf: chunk)
            }
            rawLines = []
            rawLineIndex = 0
            var start = 0
            for (offset, byte) in bytes.enumerated() where byte == 10 {
                rawLines.append(start..<offset)
                start = offset + 1
            }
            if start < bytes.count { rawLines.append(start..<bytes.count) }
        } else {
            parser = JSONParser(readingChunks: readChunk)
        }
        return true
    }

    /// The next input value; throws `JSONParseError` for invalid JSON.
    func nextInput() throws -> JSONValue? {
        if slurp {
            guard !slurped else { return nil }
            slurped = true
            hasReadInput = true
            if raw {
                var all: [UInt8] = []
                while advanceSource() { all.append(contentsOf: bytes) }
                currentLine = all.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
                return .string(String(decoding: all, as: UTF8.self))
            }
            var values: [JSONValue] = []
            while advanceSource() {
                while let value = try nextFromParser() { values.append(value) }
            }
            return .array(values)
        }
        while true {
            if raw {
                if rawLineIndex < rawLines.count {
                    let line = bytes[rawLines[rawLineIndex]]
                    rawLineIndex += 1
                    currentLine += 1
                    hasReadInput = true
                    return .string(String(decoding: line, as: UTF8.self))
                }
            } else if parser != nil, let value = try nextFromParser() {
                return value
            }
            guard advanceSource() else { return nil }
        }
    }

    private func nextFromParser() throws -> JSONValue? {
        // Take the parser out while it runs so its window is not shared (and copied) when it reads more.
        guard var current = parser else { return nil }
        parser = nil
        defer { parser = current }
        hasReadInput = true
        do {
            guard let value = try current.next() else {
                currentLine = current.totalLines
                return nil
            }
            currentLine = current.linesThroughEndOfCurrentLine
            if current.isAtEnd() { currentLine = current.totalLines }
            return value
        } catch {
            currentLine = current.totalLines
            throw error
        }
    }
}
