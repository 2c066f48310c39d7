import Foundation
import Testing

/// One row of the bad-input table: what the user types, the exact lines lp-shell answers with, the exit status,
/// and what must still hold afterwards.
///
/// In expected lines `{*}` matches any text within the line, `{HOME}` is the row's home folder and `{PORT}` the
/// port of the row's standalone sandbox.
struct BadInputCase: Sendable, CustomTestStringConvertible {
    /// How the input reaches lp-shell.
    enum Mode: Sendable {
        /// `lp-shell -c INPUT`.
        case command
        /// INPUT on standard input (a pipe).
        case stdin
        /// INPUT in a script file `lp-shell script.sh`.
        case script
        /// INPUT typed at a terminal (a pty from script(1)); stdout and stderr arrive mixed.
        case terminal
    }

    /// The server the row talks to.
    enum Server: Sendable {
        case none
        /// A standalone `lp-shell sandbox --port 0 ARGS` started for the row and killed after it: `$SB` is its
        /// host:port, `$SB_PID` its process id; its CA is trusted through CURL_CA_BUNDLE/SSL_CERT_FILE when
        /// `trusted`.
        case standalone(arguments: [String], trusted: Bool)
        /// A standalone `lp-shell class --port 0 ARGS`: `$SB` as above, `$CODE` its join code, `$KEY` the teacher
        /// key; its CA is trusted.
        case classroom(arguments: [String])
    }

    var name: String
    var mode: Mode
    var arguments: [String] = []
    var input: [UInt8]
    var server: Server = .none
    /// Every line of stderr (terminal mode: lines that must appear together in the output).
    var stderr: [String]
    var status: Int32
    /// Every line of stdout (terminal mode: lines that must appear in this order in the output).
    var stdout: [String]
    /// Exact stdout bytes, when the output is binary.
    var stdoutBytes: [UInt8]?
    /// Files to create in the home folder first (relative path → contents).
    var files: [String: [UInt8]] = [:]
    /// Folders to create in the home folder first.
    var folders: [String] = []
    /// Checks on the home folder afterwards: each returns a failure description or nil.
    var after: [@Sendable (String) -> String?] = []
    var timeout: Double = 40
    /// Where a JWT goes in the row's input so that its error message shows it: `original` (in the input, the
    /// arguments, the files' contents and the folders' names) becomes `replacement` with `{T}` the token.
    var tokenPlacement: (original: String, replacement: String)?

    init(
        _ name: String, _ mode: Mode, _ input: String, arguments: [String] = [], server: Server = .none,
        stderr: [String], status: Int32, stdout: [String], files: [String: String] = [:], folders: [String] = [],
        after: [@Sendable (String) -> String?] = []
    ) {
        self.init(
            name, mode, bytes: Array(input.utf8), arguments: arguments, server: server, stderr: stderr, status: status,
            stdout: stdout, files: files, folders: folders, after: after)
    }

    init(
        _ name: String, _ mode: Mode, bytes: [UInt8], arguments: [String] = [], server: Server = .none,
        stderr: [String], status: Int32, stdout: [String], stdoutBytes: [UInt8]? = nil, files: [String: String] = [:],
        folders: [String] = [], after: [@Sendable (String) -> String?] = []
    ) {
        self.name = name
        self.mode = mode
        self.input = bytes
        self.arguments = arguments
        self.server = server
        self.stderr = stderr
        self.status = status
        self.stdout = stdout
        self.stdoutBytes = stdoutBytes
        self.files = files.mapValues { Array($0.utf8) }
        self.folders = folders
        self.after = after
    }

    var testDescription: String { name }

    /// The row with a JWT in its input where its error message shows it (see ``tokenPlacement``).
    func echoing(_ original: String, as replacement: String = "{T}") -> BadInputCase {
        var row = self
        row.tokenPlacement = (original, replacement)
        return row
    }

    /// The row with the token in place (expected lines unchanged: the variant is checked line by line for the
    /// masked token, not against them); nil when the row has no place for it.
    var withToken: BadInputCase? {
        guard let (original, template) = tokenPlacement else { return nil }
        let replacement = template.replacingOccurrences(of: "{T}", with: TokenSample.token)
        func place(_ text: String) -> String { text.replacingOccurrences(of: original, with: replacement) }
        var row = self
        row.name = "with a JWT: " + name
        row.input = Array(place(String(decoding: input, as: UTF8.self)).utf8)
        row.arguments = arguments.map(place)
        row.files = Dictionary(
            uniqueKeysWithValues: files.map {
                (place($0.key), Array(place(String(decoding: $0.value, as: UTF8.self)).utf8))
            })
        row.folders = folders.map(place)
        row.after = []
        return row
    }
}

/// The JWT the token rows put where an error message shows it, and what must and must not appear.
enum TokenSample {
    /// Header `{"alg":"RS256","typ":"JWT"}`, payload `{"sub":"user-123","exp":4102444800}` (never expired, so no advice line), a fake signature.
    static let token =
        "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTEyMyIsImV4cCI6NDEwMjQ0NDgwMH0."
        + "c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU"
    /// How every diagnostic shows it.
    static let masked = "eyJh…U"
    /// The parts that must never appear: the payload and the signature (the header is public knowledge).
    static let secretParts = token.split(separator: ".").dropFirst().map(String.init)
}

/// Line matching with the `{*}` wildcard.
enum LinePattern {
    /// The end of a wscat session the client closed.
    static let clientClose = "wscat: disconnected: 1000 normal closure"

    /// True when `line` matches `pattern` (literal text, `{*}` wildcards, `{|}` alternatives).
    static func matches(_ line: String, _ pattern: String) -> Bool {
        let alternatives = pattern.components(separatedBy: "{|}")
        if alternatives.count > 1 { return alternatives.contains { matches(line, $0) } }
        let pieces = pattern.components(separatedBy: "{*}")
        guard pieces.count > 1 else { return line == pattern }
        guard line.hasPrefix(pieces[0]) else { return false }
        var rest = line.dropFirst(pieces[0].count)
        for piece in pieces.dropFirst().dropLast() {
            guard let range = rest.range(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        let last = pieces[pieces.count - 1]
        return rest.count >= last.count && rest.hasSuffix(last)
    }

    /// The lines of `text` (a final newline ends the last line, it does not start an empty one).
    static func lines(_ text: String) -> [String] {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Terminal output as plain lines: carriage returns and ANSI escape sequences removed.
    static func terminalLines(_ text: String) -> [String] {
        var plain = ""
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            if scalar == "\u{1B}" {
                // CSI: ESC [ parameters final-byte (0x40…0x7E).
                guard let next = iterator.next(), next == "[" else { continue }
                while let byte = iterator.next(), !(0x40...0x7E).contains(byte.value) {}
                continue
            }
            if scalar == "\r" { continue }
            plain.unicodeScalars.append(scalar)
        }
        return lines(plain)
    }
}
