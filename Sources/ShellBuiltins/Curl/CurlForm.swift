import HTTPTransfer
import ShellRuntime

/// `-F`/`--form`: a `multipart/form-data` body as curl 7.88.1 builds it (`tool_formparse.c`, `lib/mime.c`).
///
/// Each spec is `name=content`: `@file` uploads a file (filename and a content type from its extension),
/// `<file` sends a file's contents as a plain field, `@-`/`<-` read standard input, anything else is the value.
/// After the content, `;type=`, `;filename=` and `;headers=` may follow (values may be `"quoted"`). Several files in
/// one part (`@a,b`, `multipart/mixed`) are not built in.
struct CurlForm {
    /// One part as it goes on the wire.
    struct Part: Equatable {
        var name: String
        var filename: String?
        var contentType: String?
        var headers: [String] = []
        var data: [UInt8]
    }

    /// Why a spec cannot be used.
    enum Failure: Error, Equatable {
        /// No `=` (curl: `option -F: is badly used here`, exit 2).
        case badlyUsed
        /// A file that cannot be read (curl's 26).
        case unreadable(String)
    }

    /// The parts, in order.
    var parts: [Part] = []
    /// Warnings curl prints while reading the specs (`Warning: …` lines, newline-ended).
    var warnings: [String] = []
    /// The boundary: 24 dashes and 16 random hex digits, as curl draws it.
    let boundary: String

    /// Reads every spec; `readFile` gets a path as typed (`-` for standard input) and returns nil when unreadable.
    init(specs: [String], boundary: String = CurlForm.randomBoundary(), readFile: (String) -> [UInt8]?)
        throws(Failure)
    {
        self.boundary = boundary
        for spec in specs {
            guard let equals = spec.firstIndex(of: "=") else { throw .badlyUsed }
            let name = String(spec[..<equals])
            var rest = spec[spec.index(after: equals)...]
            var part = Part(name: name, data: [])
            if rest.first == "@" || rest.first == "<" {
                let isUpload = rest.first == "@"
                rest = rest.dropFirst()
                let parsed = parseParameters(&rest)
                let path = parsed.word
                guard let contents = readFile(path) else { throw .unreadable(path) }
                part.data = contents
                part.headers = parsed.headers
                if isUpload {
                    part.filename = parsed.filename ?? Self.baseName(path)
                    part.contentType =
                        parsed.type
                        ?? (path == "-"
                            ? Self.contentType(forName: part.filename)
                            : Self.contentType(forName: parsed.filename) ?? Self.contentType(forName: path)
                                ?? "application/octet-stream")
                } else {
                    if let filename = parsed.filename {
                        warnings.append(curlWarning("Field file name not allowed here: \(filename)"))
                    }
                    part.contentType = parsed.type
                }
            } else {
                let parsed = parseParameters(&rest)
                part.data = Array(parsed.word.utf8)
                part.filename = parsed.filename
                part.headers = parsed.headers
                part.contentType = parsed.type ?? Self.contentType(forName: parsed.filename)
            }
            parts.append(part)
        }
    }

    /// `multipart/form-data; boundary=…`, the request's content type.
    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// The body: each part after `--boundary`, then `--boundary--`.
    var body: [UInt8] {
        var bytes: [UInt8] = []
        for part in parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.escaped(part.name))\""
            if let filename = part.filename { head += "; filename=\"\(Self.escaped(filename))\"" }
            head += "\r\n"
            if let type = part.contentType { head += "Content-Type: \(type)\r\n" }
            for header in part.headers { head += header + "\r\n" }
            bytes += Array((head + "\r\n").utf8)
            bytes += part.data
            bytes += Array("\r\n".utf8)
        }
        bytes += Array("--\(boundary)--\r\n".utf8)
        return bytes
    }

    private struct Parameters {
        var word: String
        var type: String?
        var filename: String?
        var headers: [String] = []
    }

    /// The content word, then the `;name=value` parameters after it.
    private mutating func parseParameters(_ rest: inout Substring) -> Parameters {
        var result = Parameters(word: Self.word(&rest))
        while rest.first == ";" {
            rest = rest.dropFirst()
            while rest.first == " " { rest = rest.dropFirst() }
            if rest.hasPrefix("type=") {
                rest = rest.dropFirst(5)
                // The type runs on to the next parameter curl knows: `text/plain;charset=utf-8` stays whole.
                var end = rest.startIndex
                while end < rest.endIndex {
                    if rest[end] == ";" {
                        let after = rest[rest.index(after: end)...].drop { $0 == " " }
                        if ["type=", "filename=", "headers=", "encoder="].contains(where: { after.hasPrefix($0) }) {
                            break
                        }
                    }
                    end = rest.index(after: end)
                }
                result.type = String(rest[..<end])
                rest = rest[end...]
            } else if rest.hasPrefix("filename=") {
                rest = rest.dropFirst(9)
                result.filename = Self.word(&rest)
            } else if rest.hasPrefix("headers=") {
                rest = rest.dropFirst(8)
                result.headers.append(Self.word(&rest))
            } else if rest.hasPrefix("encoder=") {
                rest = rest.dropFirst(8)
                _ = Self.word(&rest)
            } else {
                let unknown = Self.word(&rest)
                if !unknown.isEmpty { warnings.append(curlWarning("skip unknown form field: \(unknown)")) }
            }
        }
        return result
    }

    /// A word up to `;`: `"quoted"` (with `\"` and `\\`) or bare.
    private static func word(_ rest: inout Substring) -> String {
        if rest.first == "\"" {
            var text = ""
            var index = rest.index(after: rest.startIndex)
            while index < rest.endIndex && rest[index] != "\"" {
                if rest[index] == "\\", rest.index(after: index) < rest.endIndex,
                    "\"\\".contains(rest[rest.index(after: index)])
                {
                    index = rest.index(after: index)
                }
                text.append(rest[index])
                index = rest.index(after: index)
            }
            if index < rest.endIndex {
                let after = rest[rest.index(after: index)...]
                if after.isEmpty || after.first == ";" {
                    rest = after
                    return text
                }
            }
        }
        let end = rest.firstIndex(of: ";") ?? rest.endIndex
        let text = String(rest[..<end])
        rest = rest[end...]
        return text
    }

    /// The last path component (`-` stays `-`).
    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// curl's extension table (`Curl_mime_contenttype`); nil for any other name.
    static func contentType(forName name: String?) -> String? {
        guard let name, let dot = name.lastIndex(of: ".") else { return nil }
        switch name[dot...].lowercased() {
        case ".gif": return "image/gif"
        case ".jpg", ".jpeg": return "image/jpeg"
        case ".png": return "image/png"
        case ".svg": return "image/svg+xml"
        case ".txt": return "text/plain"
        case ".htm", ".html": return "text/html"
        case ".pdf": return "application/pdf"
        case ".xml": return "application/xml"
        default: return nil
        }
    }

    /// curl's form escaping of names and filenames: `"` as `%22`, CR and LF as `%0D`, `%0A`.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\"": result += "%22"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case "\r\n": result += "%0D%0A"
            default: result.append(character)
            }
        }
        return result
    }

    /// 24 dashes and 16 random lowercase hex digits.
    static func randomBoundary() -> String {
        let digits = Array("0123456789abcdef")
        return String(repeating: "-", count: 24) + String((0..<16).map { _ in digits[Int.random(in: 0..<16)] })
    }
}
