import HTTPTransfer

/// `--url-query` (curl 7.87+): each part is encoded like `--data-urlencode` (`+` first: taken as it is) and added
/// to the URL's query with `&`. curl 7.88.1 writes the added part's `%XX` escapes in lower case, and a part that
/// leaves a space or a control character in the URL is its error 3.
enum CurlURLQuery {
    /// The query parts to add, encoded; `read` gets `@file` (with its `@`) and returns the file's bytes.
    static func encoded(_ parts: [String], read: (String) -> [UInt8]) -> [String] {
        parts.map { part in
            let bytes = part.hasPrefix("+") ? Array(part.utf8.dropFirst()) : CurlBody.urlencoded(part, read: read)
            return lowercasingEscapes(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Adds `parts` to `url`'s query. - Throws: curl's 3 when a part cannot be in a URL.
    static func append(_ parts: [String], to url: inout CurlURL) throws(CurlError) {
        for part in parts {
            guard !part.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
                throw .malformedURL
            }
            url.query = url.query.map { $0.isEmpty ? part : "\($0)&\(part)" } ?? part
        }
    }

    /// `%2F` → `%2f`.
    static func lowercasingEscapes(_ text: String) -> String {
        var result = ""
        var afterPercent = 0
        for character in text {
            if afterPercent > 0 {
                result += character.lowercased()
                afterPercent -= 1
            } else {
                result.append(character)
                if character == "%" { afterPercent = 2 }
            }
        }
        return result
    }
}
