import Foundation
import LivePersonAPI
import Logging
import NIOWebSocket
import WSCore

/// Runs one messaging socket (consumer v3 or brand v2): a writer task drains the socket's ``Outbox`` while the
/// reader parses requests and hands them to the ``SandboxStore``.
struct SocketSession: Sendable {
    /// How the socket was authenticated when it was opened.
    enum Opening: Sendable {
        /// Consumer socket, with the `Authorization: jwt …` token if the upgrade carried one.
        case consumer(token: String?)
        /// Brand socket of a logged-in agent.
        case agent(AgentSession)
    }

    let account: String
    let opening: Opening
    let store: any SandboxStore
    let signer: TokenSigner
    let configuration: SandboxConfiguration
    let logger: Logger

    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async {
        let (outbox, stream) = Outbox.make()
        let reader = SocketReader(session: self, outbox: outbox)
        await withTaskGroup(of: Void.self) { group in
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
                await reader.run(inbound: inbound)
                outbox.continuation.finish()
            }
            await group.next()
            group.cancelAll()
        }
        _ = reader
    }
}
