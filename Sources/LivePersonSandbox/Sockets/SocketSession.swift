import LivePersonAPI
import Logging
import NIOCore

/// What one messaging socket (consumer v3 or brand v2) was opened with: its account, how it was authenticated, and
/// the services its ``SocketReader`` answers with. A real socket is run by a ``MessagingSocketHandler`` on its event
/// loop; the Connector API runs requests without one (``HeadlessConsumer``).
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
    let store: InMemorySandboxStore
    let signer: TokenSigner
    let configuration: SandboxConfiguration
    let logger: Logger
    /// The upgraded connection: timers run on its event loop. `nil` for requests run without a socket (the Connector
    /// API, ``HeadlessConsumer``): no timers, frames only to the outbox.
    let channel: (any Channel)?
}
