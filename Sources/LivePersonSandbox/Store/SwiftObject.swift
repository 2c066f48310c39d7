import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One stored file of the emulated Swift store: its bytes and what Swift answers about it.
struct SwiftObject: Sendable {
    let data: Data
    let contentType: String
    /// The MD5 of the bytes in hex, Swift's `Etag`.
    let etag: String
    let lastModified: Date

    init(data: Data, contentType: String, lastModified: Date = Date()) {
        self.data = data
        self.contentType = contentType
        self.etag = TempURLSigner.hex(Insecure.MD5.hash(data: data))
        self.lastModified = lastModified
    }
}
