import Foundation
import LivePersonAPI
import ShellTestSupport
import Synchronization
import Testing

@testable import LivePersonSandbox

#if canImport(Glibc)
    import Glibc
#endif

/// `lp-shell sandbox --data DIR`: the real binary as a child process, SIGKILLed under load and restarted on the same
/// directory; every publish acknowledged before the kill must be in the conversation afterwards.
@Suite(.timeLimit(.minutes(2)))
struct DurableStateTests {
    static let account = "durable"
    static let consumers = 6
    /// In-flight publishes per socket.
    static let window = 24
    /// Acks (over all sockets) after which the sandbox is killed, while the sockets keep publishing. No bot: its
    /// events would make most of the stored tail events no client has seen acknowledged yet (checked: with the
    /// bot off, a store that commits only every 100 events fails this test).
    static let killAfter = 1200

    /// One acknowledged publish.
    struct Ack: Hashable, Sendable {
        let conversation: String
        let sequence: Int
        let text: String
    }

    /// Every ack seen, from all sockets.
    final class AckLog: Sendable {
        private let acks = Mutex<[Ack]>([])
        private let refusals = Mutex<[String]>([])
        func record(_ ack: Ack) { acks.withLock { $0.append(ack) } }
        func refused(_ frame: String) { refusals.withLock { $0.append(frame) } }
        var count: Int { acks.withLock { $0.count } }
        var all: [Ack] { acks.withLock { $0 } }
        var refusedFrames: [String] { refusals.withLock { $0 } }
    }

    static func publish(_ id: String, _ conversation: String, _ text: String) -> String {
        #"{"kind":"req","id":""# + id + #"","type":"ms.PublishEvent","body":{"dialogId":""# + conversation
            + #"","event":{"type":"ContentEvent","contentType":"text/plain","message":""# + text + #""}}}"#
    }

    /// Opens a conversation, then publishes with `window` requests in flight until the socket dies.
    static func load(consumer: Int, hostPort: String, caPath: String, token: String, log: AckLog) async -> String? {
        let conversation = Mutex<String?>(nil)
        do {
            try await SocketDriver.connect(hostPort: hostPort, caPath: caPath, account: account, token: token) {
                socket in
                try await socket.send(#"{"kind":"req","id":"open","type":"cm.ConsumerRequestConversation"}"#)
                let opened = try await socket.next(ofType: UMSType.requestConversationResponse)
                guard let id = opened["body"]?["conversationId"]?.stringValue else { return }
                conversation.withLock { $0 = id }
                var texts: [String: String] = [:]
                var next = 0
                func send() async throws {
                    let text = "c\(consumer)-m\(next)"
                    texts[String(next)] = text
                    try await socket.send(publish(String(next), id, text))
                    next += 1
                }
                for _ in 0..<window { try await send() }
                while let frame = try await socket.next() {
                    guard frame["type"]?.stringValue == UMSType.publishEventResponse,
                        let reqId = frame["reqId"]?.stringValue, let text = texts.removeValue(forKey: reqId),
                        let sequence = frame["body"]?["sequence"]?.intValue
                    else {
                        log.refused(socket.received.last ?? "")
                        continue
                    }
                    log.record(Ack(conversation: id, sequence: sequence, text: text))
                    try await send()
                    // The frames may all be buffered already; let the other sockets' tasks run.
                    await Task.yield()
                }
            }
        } catch {
            // The kill ends the socket mid-frame; what was acknowledged is already in the log.
        }
        return conversation.withLock { $0 }
    }

    /// The conversation's stored events (the backlog of `ms.SubscribeMessagingEvents` from sequence 0).
    static func backlog(hostPort: String, caPath: String, token: String, conversation: String) async throws
        -> [MessagingEventChange]
    {
        let changes = Mutex<[MessagingEventChange]>([])
        try await SocketDriver.connect(hostPort: hostPort, caPath: caPath, account: account, token: token) { socket in
            try await socket.send(
                #"{"kind":"req","id":"s","type":"ms.SubscribeMessagingEvents","body":{"dialogId":""# + conversation
                    + #"","fromSeq":0}}"#)
            let answer = try await socket.next()
            try #require(answer?["type"]?.stringValue == UMSType.genericSubscribeResponse, "\(socket.received)")
            let notification = try await socket.next(ofType: UMSType.messagingEventNotification)
            let data = try JSONEncoder().encode(notification["body"]?["changes"] ?? .array([]))
            changes.withLock { $0 = (try? JSONDecoder().decode([MessagingEventChange].self, from: data)) ?? [] }
        }
        return changes.withLock { $0 }
    }

    @Test func sigkillUnderLoadLosesNoAcknowledgedMessage() async throws {
        let directory = try TemporaryDirectory(prefix: "lp-durable-")
        defer { directory.remove() }
        let data = directory.path + "/data"
        let arguments = ["--data", data, "--account", Self.account, "--no-bot", "--rate-limit", "1000000"]

        let acks = AckLog()
        let first = try StandaloneSandbox(arguments: arguments)
        // The keys were created in DIR; tokens signed with them stay valid after the restart.
        let authority = try CertificateAuthority.loadOrCreate(directory: data)
        let signer = TokenSigner(key: authority.signingKey)
        let now = SandboxServices.nowSeconds()
        let tokens = (0..<Self.consumers).map { index in
            signer.sign(
                TokenClaims(
                    sub: "durable-consumer-\(index)", aud: "acc:\(Self.account)", iss: TokenSigner.issuer,
                    exp: now + 3600, iat: now, kind: .consumer))
        }
        let caPath = data + "/ca.pem"
        let conversations = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            for index in 0..<Self.consumers {
                group.addTask {
                    let id = await Self.load(
                        consumer: index, hostPort: first.hostPort, caPath: caPath, token: tokens[index], log: acks)
                    return (index, id)
                }
            }
            // The killer polls on a thread of its own, outside the busy cooperative pool.
            let killed = AsyncStream<Void>.makeStream()
            Thread.detachNewThread {
                let deadline = Date().addingTimeInterval(60)
                while acks.count < Self.killAfter && Date() < deadline {
                    usleep(2000)
                }
                first.killHard()
                killed.continuation.finish()
            }
            for await _ in killed.stream {}
            var ids = [String?](repeating: nil, count: Self.consumers)
            for try await (index, id) in group { ids[index] = id }
            return ids
        }
        #expect(first.exitStatus == 128 + SIGKILL)
        let acknowledged = acks.all
        #expect(acknowledged.count >= Self.killAfter, "refused: \(acks.refusedFrames.prefix(3))")
        #expect(conversations.compactMap { $0 }.count == Self.consumers)

        for name in ["sandbox.sqlite", "jwt-signing-key.pem", "ca-key.pem"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: data + "/" + name)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(name)")
        }

        let second = try StandaloneSandbox(arguments: arguments)
        defer { second.stop() }
        for (index, conversation) in conversations.enumerated() {
            guard let conversation else { continue }
            let stored = try await Self.backlog(
                hostPort: second.hostPort, caPath: caPath, token: tokens[index], conversation: conversation)
            // Content events by sequence (receipts from the bot have no text).
            var bySequence: [Int: String] = [:]
            let sequences = stored.compactMap(\.sequence)
            #expect(Set(sequences).count == sequences.count, "a sequence is stored twice")
            #expect(sequences == Array(0..<sequences.count), "sequences have gaps or are out of order")
            for change in stored {
                if let sequence = change.sequence, let text = change.event["message"]?.stringValue {
                    bySequence[sequence] = text
                }
            }
            let mine = acknowledged.filter { $0.conversation == conversation }
            #expect(!mine.isEmpty)
            let lost = mine.filter { bySequence[$0.sequence] != $0.text }
            #expect(lost.isEmpty, "\(lost.count) of \(mine.count) acknowledged messages lost, e.g. \(lost.prefix(3))")
        }

        // The restored conversation is still open (a second request is refused) and continues its sequence.
        let conversation = try #require(conversations[0])
        let stored = try await Self.backlog(
            hostPort: second.hostPort, caPath: caPath, token: tokens[0], conversation: conversation)
        let nextSequence = (stored.compactMap(\.sequence).max() ?? -1) + 1
        try await SocketDriver.connect(
            hostPort: second.hostPort, caPath: caPath, account: Self.account, token: tokens[0]
        ) { socket in
            try await socket.send(#"{"kind":"req","id":"again","type":"cm.ConsumerRequestConversation"}"#)
            let refused = try await socket.next()
            #expect(refused?["code"]?.intValue == 400)
            try await socket.send(Self.publish("after", conversation, "after restart"))
            let ack = try await socket.next(ofType: UMSType.publishEventResponse)
            #expect(ack["body"]?["sequence"]?.intValue == nextSequence)
        }
    }

    @Test func corruptDataFileIsOneLineAndStatusOne() async throws {
        let directory = try TemporaryDirectory(prefix: "lp-durable-")
        defer { directory.remove() }
        try directory.write(String(repeating: "not a database ", count: 100), to: "sandbox.sqlite")
        // Private, as the sandbox makes them: loose modes would add their warnings (SecurityTests checks those).
        chmod(directory.path, 0o700)
        chmod(directory.path + "/sandbox.sqlite", 0o600)
        let binary = try LPShellBinary.locate()
        let result = try await binary.runOffPool([
            "sandbox", "--port", "0", "--data", directory.path, "--ca-dir", SandboxHarness.keyDirectory,
        ])
        #expect(result.status == SandboxCommand.Status.failure)
        #expect(
            result.stderr
                == "lp-shell sandbox: cannot open the sandbox data \(directory.path)/sandbox.sqlite: file is not a database\n"
        )
        #expect(result.stdout.isEmpty)
    }

    @Test func dataDirectoryThatCannotBeCreatedIsOneLineAndStatusOne() async throws {
        let directory = try TemporaryDirectory(prefix: "lp-durable-")
        defer { directory.remove() }
        let file = try directory.write("x", to: "file")
        let binary = try LPShellBinary.locate()
        let result = try await binary.runOffPool([
            "sandbox", "--port", "0", "--data", file.path + "/data", "--ca-dir", SandboxHarness.keyDirectory,
        ])
        #expect(result.status == SandboxCommand.Status.failure)
        #expect(
            result.stderr
                == "lp-shell sandbox: cannot use data directory \(file.path)/data: cannot write \(file.path)/data: Not a directory\n"
        )
    }
}
