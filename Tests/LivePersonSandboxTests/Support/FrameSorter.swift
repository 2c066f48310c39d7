import LivePersonAPI

/// Reads a socket's frames and hands them out by kind, each kind in the order it arrived: responses by request id,
/// ExConversation notifications, and messaging events one change at a time. Notifications of different kinds may
/// interleave on the wire (the bot answers on its own clock); within a kind the order is what the tests check.
final class FrameSorter: @unchecked Sendable {
    let socket: SocketDriver
    private var frames: [WireJSON] = []
    private var changes: [WireJSON] = []

    init(_ socket: SocketDriver) {
        self.socket = socket
    }

    func send(_ text: String) async throws {
        try await socket.send(text)
    }

    /// The next frame that satisfies `predicate` (messaging notifications are split into ``change(_:)``s instead).
    func frame(_ what: String, _ predicate: (WireJSON) -> Bool) async throws -> WireJSON {
        if let index = frames.firstIndex(where: predicate) { return frames.remove(at: index) }
        while let frame = try await socket.next() {
            if frame["type"]?.stringValue == UMSType.messagingEventNotification, !predicate(frame) {
                changes += frame["body"]?["changes"]?.elements ?? []
                continue
            }
            if predicate(frame) { return frame }
            frames.append(frame)
        }
        throw SocketDriver.SocketClosed(waitingFor: what, received: socket.received)
    }

    /// The response to request `reqId`.
    func response(_ reqId: String) async throws -> WireJSON {
        try await frame("response \(reqId)") {
            $0["kind"]?.stringValue == "resp" && $0["reqId"]?.stringValue == reqId
        }
    }

    /// The next ExConversation notification's first change.
    func conversationChange() async throws -> WireJSON {
        let frame = try await frame("ExConversation notification") {
            $0["type"]?.stringValue == UMSType.exConversationChangeNotification
        }
        return frame["body"]?["changes"]?.elements.first ?? .null
    }

    /// The next messaging event (one change of an `ms.MessagingEventNotification`) that satisfies `predicate`; the
    /// ones skipped stay for later calls.
    func change(_ what: String, _ predicate: (WireJSON) -> Bool) async throws -> WireJSON {
        while true {
            if let index = changes.firstIndex(where: predicate) { return changes.remove(at: index) }
            guard let frame = try await socket.next() else {
                throw SocketDriver.SocketClosed(waitingFor: what, received: socket.received)
            }
            if frame["type"]?.stringValue == UMSType.messagingEventNotification {
                changes += frame["body"]?["changes"]?.elements ?? []
            } else {
                frames.append(frame)
            }
        }
    }

    /// The next sequenced event of `dialogId` (chat states, which have no sequence, are skipped).
    func event(in dialogId: String) async throws -> WireJSON {
        try await change("an event in \(dialogId)") {
            $0["dialogId"]?.stringValue == dialogId && $0["sequence"]?.intValue != nil
        }
    }

    /// Every messaging change read so far and not yet handed out.
    var unclaimedChanges: [WireJSON] { changes }
}
