import Foundation
import LivePersonAPI
import Logging
import NIOCore
import WSCore

/// Close codes of the messaging service (spec §3.3).
enum CloseCode {
    /// Authorization token missing or expired.
    static let unauthorized: UInt16 = 4401
    /// Unauthenticated identity expired: refresh it with the IdP.
    static let identityExpired: UInt16 = 4407
}

/// The reading half of a ``SocketSession``: authentication, throttling and request dispatch.
struct SocketReader {
    let session: SocketSession
    let outbox: Outbox
    var connection: ConnectionID?
    var participant: Participant?
    var limiter: RateLimiter
    var timers: [Task<Void, Never>] = []

    init(session: SocketSession, outbox: Outbox) {
        self.session = session
        self.outbox = outbox
        self.limiter = RateLimiter(requestsPerSecond: session.configuration.requestsPerSecond)
    }

    var store: any SandboxStore { session.store }

    mutating func run(inbound: WebSocketInboundStream) async {
        defer {
            for timer in timers { timer.cancel() }
        }
        switch session.opening {
        case .agent(let agent):
            await attach(.agent(agent))
        case .consumer(let token?):
            guard await authenticate(token: token) else { return }
        case .consumer(nil):
            let outbox = self.outbox
            let timeout = session.configuration.initConnectionTimeout
            timers.append(
                Task {
                    try? await Task.sleep(for: timeout)
                    if !Task.isCancelled {
                        outbox.close(code: CloseCode.unauthorized, reason: "Authorization token is missing")
                    }
                })
        }
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
        }
        if let connection {
            await store.disconnect(connection)
        }
    }

    mutating func attach(_ participant: Participant) async {
        self.participant = participant
        connection = await store.connect(account: session.account, participant: participant, outbox: outbox)
    }

    /// Checks a consumer JWT; on success registers the socket and arms the expiry close, on failure closes with
    /// 4401 (or 4407 for an expired unauthenticated identity).
    mutating func authenticate(token: String) async -> Bool {
        let now = Int64(Date().timeIntervalSince1970)
        let claims: TokenClaims
        do {
            claims = try session.signer.verify(token, now: now)
        } catch .expired(let expired) {
            close(expiredKind: expired.kind)
            return false
        } catch {
            outbox.close(code: CloseCode.unauthorized, reason: "Authorization token is invalid")
            return false
        }
        guard claims.kind != .external, claims.account == session.account else {
            outbox.close(code: CloseCode.unauthorized, reason: "Authorization token is not for account \(session.account)")
            return false
        }
        await attach(.consumer(id: claims.sub))
        let outbox = self.outbox
        let kind = claims.kind
        let remaining = Duration.milliseconds(max(0, claims.exp * 1000 - Int64(Date().timeIntervalSince1970 * 1000)))
        timers.append(
            Task {
                try? await Task.sleep(for: remaining)
                if !Task.isCancelled { SocketReader.closeExpired(outbox, kind: kind) }
            })
        return true
    }

    func close(expiredKind kind: TokenClaims.Kind) {
        Self.closeExpired(outbox, kind: kind)
    }

    static func closeExpired(_ outbox: Outbox, kind: TokenClaims.Kind) {
        if kind == .unauthenticatedConsumer {
            outbox.close(code: CloseCode.identityExpired, reason: "Unauthenticated identity expired, refresh it")
        } else {
            outbox.close(code: CloseCode.unauthorized, reason: "Authorization token expired")
        }
    }
}
