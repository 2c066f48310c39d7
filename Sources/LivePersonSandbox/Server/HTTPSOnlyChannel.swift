import HummingbirdCore
import Logging
import NIOCore

/// A server child channel that puts a ``PlainHTTPGuard`` in front of `Base`'s handlers (in front of TLS when `Base`
/// is a `TLSChannel`), so that a plain `http://` request gets an answer rather than a dropped connection.
struct HTTPSOnlyChannel<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value

    let base: Base

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(PlainHTTPGuard())
        }.flatMap {
            base.setup(channel: channel, logger: logger)
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
