import NIOCore
import Synchronization

/// The messaging sockets that are open, so that stopping the sandbox closes each with 1000 (a socket runs on its
/// event loop, not in a task the server's shutdown would reach).
final class OpenSockets: Sendable {
    private let channels = Mutex<[ObjectIdentifier: any Channel]>([:])

    func insert(_ channel: any Channel) {
        channels.withLock { $0[ObjectIdentifier(channel)] = channel }
    }

    func remove(_ channel: any Channel) {
        _ = channels.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Sends every socket a close frame (1000) and waits until each connection has ended (the client answered,
    /// hung up, or the close timeout passed).
    func closeAll() async {
        let open = channels.withLock { Array($0.values) }
        for channel in open {
            channel.pipeline.fireUserInboundEventTriggered(SocketCloseRequest(code: 1000, reason: nil))
        }
        for channel in open {
            try? await channel.closeFuture.get()
        }
    }
}
