import LivePersonAPI
import Logging
import NIOCore
import NIOWebSocket
import WSCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Runs one messaging socket (consumer v3 or brand v2): the reader parses requests and hands them to the
/// ``SandboxStore``, whose answers and notifications the socket's ``Outbox`` writes straight to the channel; a writer
/// task sends the close frame when the socket is closed from this side.
struct SocketSession: Sendable {
    /// How the socket was authenticated when it was opened.
    enum Opening: Sendable {
        /// Consumer socket, with the `Authorization: jwt …` token if the upgrade carried one.
        case consumer(token: String?)
        /// Brand socket of a logged-in agent, with the `v=` of its URL.
        case agent(AgentSession, version: String?)
    }

    let account: String
    let opening: Opening
    let store: any SandboxStore
    let signer: TokenSigner
    let configuration: SandboxConfiguration
    let logger: Logger
    /// The upgraded connection: text frames are written to it directly, and timers run on its event loop. `nil` for
    /// requests run without a socket (the Connector API, ``HeadlessConsumer``): no timers, frames only to the outbox.
    let channel: (any Channel)?

    /// Runs until either side closes; rethrows the reader's protocol error so that the close carries its code.
    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        if let channel { try await CloseFrameGate.install(on: channel) }
        let (outbox, stream) = Outbox.make(writingTo: channel)
        let reader = SocketReader(session: self, outbox: outbox)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await frame in stream {
                    switch frame {
                    case .text(let text):
                        do { try await outbound.write(.text(text)) } catch { return }
                    case .close(let code, let reason):
                        try? await outbound.close(WebSocketErrorCode(codeNumber: Int(code)), reason: reason)
                        return
                    }
                }
            }
            group.addTask { [reader] in
                var reader = reader
                // On a protocol error the writer is left running, so that this error, not the writer's end, is
                // what the group reports (the writer ends when the group cancels it).
                try await reader.run(inbound: inbound)
                outbox.continuation.finish()
            }
            defer { group.cancelAll() }
            try await group.next()
        }
        _ = reader
    }
}
