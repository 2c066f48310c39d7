/// What `lp-shell --join https://HOST:PORT/#CODE.FINGERPRINT` names: the class's address, its join code and the
/// SHA-256 fingerprint of its CA certificate (base64url, no padding), which the learner checks before trusting it.
struct JoinLine: Equatable, Sendable {
    /// The host as written in the URL (`127.0.0.1`, `class.example`, `[::1]`).
    var host: String
    var port: Int
    /// The join code without its dash (`K7QX2P9A`).
    var code: String
    /// 43 base64url characters.
    var fingerprint: String

    /// `https://HOST:PORT` (the class's routes are under `/class/`).
    var origin: String { "https://\(host):\(port)" }
    /// `HOST:PORT`, as messages name the class.
    var address: String { "\(host):\(port)" }
    /// The folder name the learner's copy of the class CA and token go in: `HOST_PORT` (`[::1]` as `::1`).
    var folderName: String {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return bare + "_" + String(port)
    }

    /// The letters of a join code: no look-alikes (0/O, 1/I/L), as the class makes them.
    static let codeAlphabet = Set("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    /// The length of a code without its dash.
    static let codeLength = 8
    /// The length of a SHA-256 digest in base64url without padding.
    static let fingerprintLength = 43

    /// Why a `--join` value is not a join line, in words that name the part at fault.
    struct ParseError: Error, Equatable {
        var message: String
    }

    /// Parses the value of `--join`. Lower-case codes and a dash anywhere in the code are accepted.
    static func parse(_ text: String) throws(ParseError) -> JoinLine {
        guard text.hasPrefix("https://") else {
            throw ParseError(
                message: "--join \(text): not a class address (expected https://HOST:PORT/#CODE.FINGERPRINT)")
        }
        let rest = text.dropFirst("https://".count)
        guard let hash = rest.firstIndex(of: "#") else {
            throw ParseError(
                message: "--join \(text): no #CODE.FINGERPRINT after the address (copy the whole join line)")
        }
        var authority = rest[..<hash]
        if authority.hasSuffix("/class/") { authority = authority.dropLast("class/".count) }
        if authority.hasSuffix("/") { authority = authority.dropLast() }
        guard let (host, port) = splitHostPort(authority) else {
            throw ParseError(message: "--join \(text): `\(authority)` is not HOST:PORT")
        }
        let fragment = rest[rest.index(after: hash)...]
        guard let dot = fragment.firstIndex(of: ".") else {
            throw ParseError(message: "--join \(text): no CA fingerprint after the join code (#CODE.FINGERPRINT)")
        }
        let code = String(fragment[..<dot].filter { $0 != "-" }.uppercased())
        guard code.count == codeLength, code.allSatisfy(codeAlphabet.contains) else {
            throw ParseError(
                message:
                    "--join \(text): `\(fragment[..<dot])` is not a join code (8 letters and digits, e.g. K7QX-2P9A)")
        }
        let fingerprint = String(fragment[fragment.index(after: dot)...])
        guard fingerprint.count == fingerprintLength,
            fingerprint.utf8.allSatisfy({ isBase64URL($0) })
        else {
            throw ParseError(
                message: "--join \(text): `\(fingerprint)` is not a CA fingerprint (43 base64url characters)")
        }
        return JoinLine(host: host, port: port, code: code, fingerprint: fingerprint)
    }

    /// `HOST:PORT` with an IPv6 literal in brackets; the port is required (the class prints it).
    private static func splitHostPort(_ authority: Substring) -> (String, Int)? {
        guard let colon = authority.lastIndex(of: ":") else { return nil }
        let host = authority[..<colon]
        guard let port = Int(authority[authority.index(after: colon)...]), (1...65_535).contains(port),
            !host.isEmpty, !host.contains("/"), !host.contains("@")
        else { return nil }
        if host.contains(":") && !(host.hasPrefix("[") && host.hasSuffix("]")) { return nil }
        return (String(host), port)
    }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }
}
