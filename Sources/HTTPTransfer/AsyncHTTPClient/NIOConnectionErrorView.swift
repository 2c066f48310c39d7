import NIOPosix

/// The parts of NIO's connection errors that decide between curl's codes 6 and 7.
protocol NIOConnectionErrorView: Error {
    /// True when name resolution failed and nothing was tried.
    var isResolutionFailure: Bool { get }
}

extension NIOConnectionError: NIOConnectionErrorView {
    var isResolutionFailure: Bool {
        connectionErrors.isEmpty && (dnsAError != nil || dnsAAAAError != nil)
    }
}
