#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Where a shared file lives in the emulated Swift store: `/v1/AUTH_async-images/{account}/{uuid}.{FILETYPE}`, the
/// form of LivePerson's `relativePath` (spec §3.6.8). The Swift account is fixed, the container is the LivePerson
/// account, the object is named by the sandbox.
struct SwiftObjectPath: Hashable, Sendable, CustomStringConvertible {
    static let swiftAccount = "AUTH_async-images"

    /// The LivePerson account (the Swift container).
    let account: String
    /// The object's name: a UUID and the file type, `8a66a22f-….PNG`.
    let object: String

    var description: String { "/v1/\(Self.swiftAccount)/\(account)/\(object)" }

    /// A new object name for a file of `fileType` in `account`.
    static func new(account: String, fileType: String) -> SwiftObjectPath {
        SwiftObjectPath(account: account, object: UUID().uuidString.lowercased() + "." + fileType)
    }

    /// Reads a relative path; `nil` unless it has the form above with an account id and an object name made of
    /// letters, digits, `.`, `-` and `_` (not starting with `.`), so that a name is also a safe file name.
    init?(parsing path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == "v1", parts[2] == Self.swiftAccount,
            SandboxConfiguration.isValidAccount(String(parts[3])), Self.isValidObjectName(parts[4])
        else { return nil }
        self.init(account: String(parts[3]), object: String(parts[4]))
    }

    init(account: String, object: String) {
        self.account = account
        self.object = object
    }

    static func isValidObjectName(_ name: Substring) -> Bool {
        guard let first = name.utf8.first, first != UInt8(ascii: "."), name.utf8.count <= 200 else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }

    /// The content type Swift would guess from the name's extension, as it does for a `PUT` without one.
    var guessedContentType: String {
        let suffix = object.split(separator: ".").last.map { $0.uppercased() } ?? ""
        switch suffix {
        case "PNG": return "image/png"
        case "JPG", "JPEG": return "image/jpeg"
        case "GIF": return "image/gif"
        case "PDF": return "application/pdf"
        case "TXT": return "text/plain"
        default: return "application/octet-stream"
        }
    }
}
