import LivePersonAPI
import Logging
import NIOCore
import WSCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Close codes of the messaging service (spec §3.3).
/// The close codes the sandbox sends, as the socket's `UInt16` (`UMSCloseCode` names them for both sides).
enum CloseCode {
    /// Authorization token missing or expired.
    static let unauthorized = UInt16(UMSCloseCode.unauthorized)
    /// Unauthenticated identity expired: refresh it with the IdP.
    static let identityExpired = UInt16(UMSCloseCode.identityExpired)
}

/// The reading half of a ``SocketSession``: authentication, throttling and request dispatch.
struct SocketReader {
    let session: SocketSession
    let outbox: Outbox
    var connection: ConnectionID?
    var participant: Participant?
    var limiter: RateLimiter
    /// The close timers (missing InitConnection, token expiry), on the socket's event loop: a sleeping task each
    /// cost every socket a task of its own.
    var timers: [Scheduled<Void>] = []
    /// Why authentication failed: the close code and reason to send.
    var refusal: (code: UInt16, reason: String)?

    init(session: SocketSession, outbox: Outbox) {
        self.session = session
        self.outbox = outbox
        self.limiter = RateLimiter(requestsPerSecond: session.configuration.requestsPerSecond)
    }

    var store: any SandboxStore { session.store }

    /// Reads requests until the socket closes. A protocol error of the client (text that is not UTF-8, a message
    /// over the size limit) is rethrown after clean-up: the WebSocket handler closes with its code (1007, 1009).
    mutating func run(inbound: WebSocketInboundStream) async throws {
        defer {
            for timer in timers { timer.cancel() }
        }
        switch session.opening {
        case .agent(let agent, let version):
            await attach(.agent(agent), style: .brand(version: version))
        case .consumer(let token?):
            guard await authenticate(token: token) else {
                // Frames sent in the same read as the 101 answer can be lost by some clients (seen with
                // swift-websocket's WSClient), so the refusal waits for the peer to settle before closing.
                try? await Task.sleep(for: .milliseconds(100))
                refuse()
                // Read on until the writer has sent the close frame (it then ends the session) or the client
                // hangs up: returning at once would cancel the writer first, and a client under load saw 1006
                // instead of 4401/4407.
                do {
                    for try await _ in inbound.messages(maxSize: 1 << 20) {}
                } catch {}
                return
            }
        case .consumer(nil):
            let outbox = self.outbox
            schedule(after: session.configuration.initConnectionTimeout) {
                outbox.close(code: CloseCode.unauthorized, reason: "Authorization token is missing")
            }
        }
        var failure: (any Error)?
        do {
            for try await message in inbound.messages(maxSize: 1 << 20) {
                guard case .text(let text) = message else {
                    outbox.send(FrameEncoder.failure(reqId: nil, .badRequest("Binary frames are not supported")))
                    continue
                }
                await handle(text)
            }
        } catch {
            session.logger.debug("socket read ended", metadata: ["error": "\(error)"])
            failure = error
        }
        if let connection {
            await store.disconnect(connection)
        }
        if let failure { throw failure }
    }

    /// Closes the socket with the code and reason of the failed authentication.
    func refuse() {
        let (code, reason) = refusal ?? (CloseCode.unauthorized, "Authorization token is invalid")
        outbox.close(code: code, reason: reason)
    }

    mutating func attach(_ participant: Participant, style: SocketStyle) async {
        self.participant = participant
        connection = await store.connect(
            account: session.account, participant: participant, style: style, outbox: outbox)
    }

    /// Checks a consumer JWT; on success registers the socket and arms the expiry close, on failure closes with
    /// 4401 (or 4407 for an expired unauthenticated identity).
    mutating func authenticate(token: String) async -> Bool {
        let now = Int64(Date().timeIntervalSince1970)
        let claims: TokenClaims
        do {
            claims = try session.signer.verify(token, now: now)
        } catch .expired(let expired) {
            refusal = Self.expiredClose(kind: expired.kind)
            return false
        } catch {
            refusal = (CloseCode.unauthorized, "Authorization token is invalid")
            return false
        }
        guard claims.kind != .external, claims.account == session.account else {
            refusal = (CloseCode.unauthorized, "Authorization token is not for account \(session.account)")
            return false
        }
        if await store.isRevoked(tokenHash: TokenHash.of(token)) {
            refusal = (CloseCode.unauthorized, "Authorization token was revoked")
            return false
        }
        await attach(.consumer(id: claims.sub), style: .consumer)
        let outbox = self.outbox
        let kind = claims.kind
        let remaining = Duration.milliseconds(max(0, claims.exp * 1000 - Int64(Date().timeIntervalSince1970 * 1000)))
        schedule(after: remaining) { SocketReader.closeExpired(outbox, kind: kind) }
        return true
    }

    /// Runs `action` on the socket's event loop after `delay`, unless the timer is cancelled first (kept in
    /// `timers`); without a socket there is nothing to time.
    mutating func schedule(after delay: Duration, _ action: @escaping @Sendable () -> Void) {
        guard let channel = session.channel else { return }
        timers.append(channel.eventLoop.scheduleTask(in: Self.timeAmount(delay)) { action() })
    }

    /// `duration` in NIO's nanoseconds, capped at the largest it can hold.
    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        let (nanoseconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return .nanoseconds(seconds < 0 ? 0 : .max) }
        let (total, overflowAgain) = nanoseconds.addingReportingOverflow(attoseconds / 1_000_000_000)
        return .nanoseconds(overflowAgain ? .max : total)
    }

    static func expiredClose(kind: TokenClaims.Kind) -> (code: UInt16, reason: String) {
        if kind == .unauthenticatedConsumer {
            return (CloseCode.identityExpired, "Unauthenticated identity expired, refresh it")
        }
        return (CloseCode.unauthorized, "Authorization token expired")
    }

    static func closeExpired(_ outbox: Outbox, kind: TokenClaims.Kind) {
        let (code, reason) = expiredClose(kind: kind)
        outbox.close(code: code, reason: reason)
    }
}
