import LivePersonAPI
import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Runs UMS requests for a consumer who has no socket (the Connector API's Send API): the store gets a transient
/// connection whose outbox collects the answers, and the consumer socket's own ``SocketReader`` parses and dispatches
/// each request, so that a request sent over HTTP means exactly what it means on a consumer socket (the same checks,
/// answers, notifications to agents and to the consumer's other sockets). The connection is gone when ``run(_:)``
/// returns.
struct HeadlessConsumer {
    let account: String
    let consumerId: String
    let services: SandboxServices

    /// The answer frame (JSON text) of each request, in order. The requests share one connection, as frames sent on
    /// one socket would.
    func run(_ requests: [String]) async -> [String] {
        let (outbox, stream) = Outbox.make()
        let session = SocketSession(
            account: account, opening: .consumer(token: nil), store: services.store, signer: services.signer,
            configuration: services.configuration, logger: services.logger, channel: nil)
        var reader = SocketReader(session: session, outbox: outbox)
        reader.attach(.consumer(id: consumerId), style: .consumer)
        var frames = stream.makeAsyncIterator()
        var answers: [String] = []
        for request in requests {
            reader.handle(request)
            // The store has sent everything this request causes on this connection by the time `handle` returns (its
            // answer first); the empty text, which no frame is, marks where that ends.
            outbox.send("")
            var answer: String?
            while case .text(let frame)? = await frames.next(), !frame.isEmpty {
                if answer == nil, Self.isResponse(frame) { answer = frame }
            }
            answers.append(answer ?? FrameEncoder.failure(reqId: nil, .storageFailed("The request got no answer")))
        }
        if let connection = reader.connection { await services.store.disconnect(connection) }
        outbox.finish()
        return answers
    }

    /// Whether a frame is a response (`"kind":"resp"`), not a notification.
    static func isResponse(_ frame: String) -> Bool {
        (try? JSONDecoder().decode(UMSEnvelope.self, from: Data(frame.utf8)))?.kind == "resp"
    }
}
