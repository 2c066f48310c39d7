import Base64Codec
import JSONQuery
import ShellRuntime

/// A JWT split into its decoded parts (no signature check).
package struct JWTToken: Sendable {
    /// The decoded header.
    var header: JSONValue
    /// The decoded payload.
    package var payload: JSONValue
    /// The signature bytes.
    var signature: [UInt8]
    /// `header.payload`, the bytes the signature covers.
    var signingInput: [UInt8]

    /// Why a token could not be decoded: names the segment and shows only its first characters.
    package struct DecodeError: Error, Sendable, Equatable, CustomStringConvertible {
        package let description: String
    }

    private static let segmentNames = ["header", "payload", "signature"]

    /// Decodes `text` (surrounding whitespace and a `Bearer `/`jwt ` prefix are ignored).
    package init(_ text: String) throws(DecodeError) {
        var token = Substring(text).drop(while: { $0.isWhitespace })
        while token.last?.isWhitespace == true { token = token.dropLast() }
        for prefix in ["Bearer ", "bearer ", "jwt ", "JWT "] where token.hasPrefix(prefix) {
            token = token.dropFirst(prefix.count)
        }
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3 else {
            throw DecodeError(description: "not a JWT: expected 3 dot-separated segments, found \(segments.count)")
        }
        var decoded: [[UInt8]] = []
        for (index, segment) in segments.enumerated() {
            guard let bytes = Base64Coding.decodeLenient(Array(segment.utf8)) else {
                throw DecodeError(
                    description: "segment \(index + 1) (\(Self.segmentNames[index])) is not base64url: "
                        + Self.preview(segment))
            }
            decoded.append(bytes)
        }
        guard let header = JSONValue.parseJWTPart(decoded[0]) else {
            throw DecodeError(description: "segment 1 (header) is not JSON: " + Self.preview(segments[0]))
        }
        guard let payload = JSONValue.parseJWTPart(decoded[1]) else {
            throw DecodeError(description: "segment 2 (payload) is not JSON: " + Self.preview(segments[1]))
        }
        self.header = header
        self.payload = payload
        self.signature = decoded[2]
        self.signingInput = Array(segments[0].utf8) + [UInt8(ascii: ".")] + Array(segments[1].utf8)
    }

    /// The first characters of a segment: enough to find it, never the whole credential.
    static func preview(_ segment: Substring) -> String {
        segment.count <= 12 ? "'\(segment)'" : "'\(segment.prefix(12))…' (\(segment.count) characters)"
    }
}
