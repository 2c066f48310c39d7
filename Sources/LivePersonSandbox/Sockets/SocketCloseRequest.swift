/// Asks a socket's ``MessagingSocketHandler`` (as a user inbound event) to close it with a close frame of this code
/// and reason.
struct SocketCloseRequest: Sendable {
    let code: UInt16
    let reason: String?
}
