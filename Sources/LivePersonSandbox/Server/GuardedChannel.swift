import HummingbirdCore
import Logging
import NIOCore

/// A server child channel that puts a ``ConnectionGuard`` and a ``BrandUpgradeCheck`` in front of `Base`'s handlers
/// (behind TLS when wrapped in `TLSChannel`).
struct GuardedChannel<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value

    let base: Base
    let idleTimeout: Duration
    let headerTimeout: Duration
    let bearers: BearerRegistry
    /// In a class: why a messaging socket on an account may not open (``SandboxServices/socketRefusal(account:)``).
    var classCheck: (@Sendable (String) -> BrandUpgradeCheck.Refusal?)? = nil

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(
                ConnectionGuard(idleTimeout: idleTimeout, headerTimeout: headerTimeout))
            try channel.pipeline.syncOperations.addHandler(BrandUpgradeCheck(bearers: bearers, classCheck: classCheck))
        }.flatMap {
            base.setup(channel: channel, logger: logger)
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
