import HTTPTypes
import LivePersonAPI
import Testing

@testable import LivePersonSandbox

/// The bot answers a burst of messages in the order they were sent, and never before it took the conversation.
@Suite(.timeLimit(.minutes(1)))
struct BotOrderTests {
    @Test func aBurstIsEchoedInOrder() async throws {
        // No delay: every answer is due at once, the case where separate timers raced.
        try await SandboxHarness.withSandbox({ $0.botReplyDelay = .zero }) { sandbox in
            let token = sandbox.consumerToken()
            try await SocketDriver.connect(
                sandbox, path: SocketDriver.consumerPath(sandbox.account), headers: [.authorization: "jwt \(token)"]
            ) { socket in
                try await socket.send(#"{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"#)
                let created = try await socket.next(ofType: "cm.RequestConversationResponse")
                let conversationId = try #require(created["body"]?["conversationId"]?.stringValue)
                try await socket.send(
                    #"{"kind":"req","id":2,"body":{"fromSeq":0,"dialogId":"\#(conversationId)"},"type":"ms.SubscribeMessagingEvents"}"#
                )
                // Sent in one burst, most before the bot took the conversation.
                let count = 200
                for index in 1...count {
                    try await socket.send(
                        #"{"kind":"req","id":"p\#(index)","type":"ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"m-\#(index)"}}}"#
                    )
                }
                var echoes: [String] = []
                while echoes.count < count {
                    let frame = try await socket.next(ofType: "ms.MessagingEventNotification")
                    for change in frame["body"]?["changes"]?.elements ?? [] {
                        if let text = change["event"]?["message"]?.stringValue, text.hasPrefix("echo: ") {
                            echoes.append(text)
                        }
                    }
                }
                let expected = (1...count).map { "echo: m-\($0)" }
                let firstMisplaced = zip(echoes, expected).first { $0 != $1 }
                #expect(
                    firstMisplaced == nil,
                    "out of order: got \(firstMisplaced?.0 ?? "") where \(firstMisplaced?.1 ?? "") was due")
            }
        }
    }
}
