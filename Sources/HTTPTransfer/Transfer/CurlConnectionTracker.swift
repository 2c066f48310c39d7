import NIOCore
import Synchronization

/// Counts open HTTP connections of the shared clients, so a `-m` timeout can say whether it hit while
/// connecting (`Connection timed out …`) or after (`Operation timed out …`), as curl does.
enum CurlConnectionTracker {
    private static let open = Atomic<Int>(0)

    /// Connections currently open.
    static var openConnections: Int { open.load(ordering: .relaxed) }

    /// Counts `channel` until it closes (AHC calls this for each new connection).
    @Sendable static func track(_ channel: any Channel) -> EventLoopFuture<Void> {
        open.add(1, ordering: .relaxed)
        channel.closeFuture.whenComplete { _ in open.subtract(1, ordering: .relaxed) }
        return channel.eventLoop.makeSucceededVoidFuture()
    }
}
