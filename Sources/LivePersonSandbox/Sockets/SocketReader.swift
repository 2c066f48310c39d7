import LivePersonAPI
import Logging
import NIOCore

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

/// The requests of one ``SocketSession``: authentication, throttling and dispatch to the store, called on the
/// socket's event loop (or by ``HeadlessConsumer``); the store is reached under its lock, not through an actor hop.
struct SocketReader: Sendable {
    let session: SocketSession
    let outbox: Outbox
    /// Where a request's answer goes: ``outbox``, or on a socket's event loop the same channel unflushed (the
    /// handler flushes once the read is done), so that no TLS write happens under the store's lock.
    var replies: Outbox
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
        self.replies = outbox
        self.limiter = RateLimiter(requestsPerSecond: session.configuration.requestsPerSecond)
    }

    var store: InMemorySandboxStore { session.store }

    /// Registers the socket as it opens (on its event loop, before its first frame): a brand socket at once, a
    /// consumer socket with a token once the token checks out, a consumer socket without one arms the InitConnection
    /// timeout. `false`: the token was refused, and ``refuse()`` is to close the socket (after a pause: frames sent in
    /// the same read as the 101 answer can be lost by some clients, seen with swift-websocket's WSClient).
    mutating func open() -> Bool {
        switch session.opening {
        case .agent(let agent, let version):
            attach(.agent(agent), style: .brand(version: version))
        case .consumer(let token?):
            return authenticate(token: token)
        case .consumer(nil):
            let outbox = self.outbox
            schedule(after: session.configuration.initConnectionTimeout) {
                outbox.close(code: CloseCode.unauthorized, reason: "Authorization token is missing")
            }
        }
        return true
    }

    /// The socket is gone: its timers stop, and the store forgets it (which the caller does, with ``connection``,
    /// outside any store call that may be running on this thread).
    mutating func close() {
        for timer in timers { timer.cancel() }
        timers.removeAll()
    }

    /// Closes the socket with the code and reason of the failed authentication.
    func refuse() {
        let (code, reason) = refusal ?? (CloseCode.unauthorized, "Authorization token is invalid")
        outbox.close(code: code, reason: reason)
    }

    mutating func attach(_ participant: Participant, style: SocketStyle) {
        self.participant = participant
        let (account, outbox) = (session.account, outbox)
        connection = store.withState {
            $0.connect(account: account, participant: participant, style: style, outbox: outbox)
        }
    }

    /// Checks a consumer JWT; on success registers the socket and arms the expiry close, on failure closes with
    /// 4401 (or 4407 for an expired unauthenticated identity).
    mutating func authenticate(token: String) -> Bool {
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
        let tokenHash = TokenHash.of(token)
        if store.withState({ $0.isRevoked(tokenHash: tokenHash) }) {
            refusal = (CloseCode.unauthorized, "Authorization token was revoked")
            return false
        }
        attach(.consumer(id: claims.sub), style: .consumer)
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
