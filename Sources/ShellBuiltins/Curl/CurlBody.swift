import HTTPTransfer
import OptionParsing
import ShellRuntime

/// Builds the request body from `-d`, `--data-raw`, `--data-binary`, `--data-urlencode`, `--json` and `-T`.
struct CurlBody {
    /// The bytes to send (or to put in the query with `-G`), nil when no data option was given.
    var bytes: [UInt8]?
    /// Text curl prints to stderr while reading the data (`Warning: Couldn't read data from file …`), newline-ended.
    var warnings: [String] = []

    /// Reads files relative to the shell's directory and `@-` from standard input.
    /// - Throws: a `UsageError` (curl exits with 26) when `-T` names a file that cannot be read.
    init(options: CurlOptions, context: CommandContext) throws(UsageError) {
        if let upload = options.uploadPath {
            let contents =
                upload == "-" ? context.io.stdin.readAll() : FileReading.readBytes(context.resolvePath(upload))
            guard let contents else {
                throw .invalid("Can't open '\(upload)'!")
            }
            bytes = contents
            return
        }
        guard !options.data.isEmpty else { return }
        var result: [UInt8] = []
        var previousWasJSON = false
        for (index, part) in options.data.enumerated() {
            let isJSON: Bool
            if case .json = part { isJSON = true } else { isJSON = false }
            if index > 0 && !(isJSON && previousWasJSON) { result.append(UInt8(ascii: "&")) }
            previousWasJSON = isJSON
            let muted = index < options.dataMuted.count && options.dataMuted[index]
            switch part {
            case .ascii(let text):
                let bytes = readData(text, context: context, muted: muted)
                result += text.hasPrefix("@") ? bytes.filter { $0 != 10 && $0 != 13 } : bytes
            case .binary(let text), .json(let text):
                result += readData(text, context: context, muted: muted)
            case .raw(let text):
                result += Array(text.utf8)
            case .urlencode(let text):
                result += urlencoded(text, context: context, muted: muted)
            }
        }
        bytes = result
    }

    private mutating func readData(_ text: String, context: CommandContext, muted: Bool) -> [UInt8] {
        guard text.hasPrefix("@") else { return Array(text.utf8) }
        let name = String(text.dropFirst())
        if name == "-" { return context.io.stdin.readAll() }
        if let contents = FileReading.readBytes(context.resolvePath(name)) { return contents }
        if muted { return [] }
        warnings.append(curlWarning("Couldn't read data from file \"\(name)\", this makes an empty POST."))
        return []
    }

    private mutating func urlencoded(_ text: String, context: CommandContext, muted: Bool) -> [UInt8] {
        Self.urlencoded(text) { readData($0, context: context, muted: muted) }
    }

    /// `--data-urlencode`'s forms (also `--url-query`'s): `name=content`, `=content`, `name@file`, `@file`,
    /// `content`; `read` gets `@file` (with its `@`) and returns the file's bytes.
    static func urlencoded(_ text: String, read: (String) -> [UInt8]) -> [UInt8] {
        if text.hasPrefix("=") { return Self.encode(Array(text.utf8.dropFirst())) }
        if let equals = text.firstIndex(of: "=") {
            return Array(text[..<equals].utf8) + [UInt8(ascii: "=")]
                + Self.encode(Array(text[text.index(after: equals)...].utf8))
        }
        if let at = text.firstIndex(of: "@") {
            let name = text[..<at]
            let contents = read(String(text[at...]))
            return name.isEmpty ? Self.encode(contents) : Array(name.utf8) + [UInt8(ascii: "=")] + Self.encode(contents)
        }
        return Self.encode(Array(text.utf8))
    }

    /// curl's form encoding: unreserved bytes as they are, space as `+`, everything else `%XX`.
    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        let hex = Array("0123456789ABCDEF".utf8)
        var result: [UInt8] = []
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.append(byte)
            case UInt8(ascii: " "):
                result.append(UInt8(ascii: "+"))
            default:
                result += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return result
    }
}
