/// Why the emulated Swift store refused a request; the controller turns each into Swift's status and a one-line
/// `text/plain` body.
enum SwiftStoreFailure: Error, Equatable {
    /// 401: the temporary URL is missing, expired or not signed for this method and path (the reason).
    case unauthorized(String)
    /// 404: no object at this path.
    case notFound(String)
    /// 413: the body is larger than the limit (its size, when known).
    case tooLarge(Int?)
    /// 500: the object could not be written to the data directory.
    case storageFailed(String)
}
