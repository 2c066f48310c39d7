import ShellRuntime
import Testing

@testable import LivePersonSession
@testable import ShellBuiltins

/// wscat knows no protocol of its own: the standard builtins' wscat is protocol-neutral, and LivePerson's messaging
/// comes from the dialect the LivePerson layer registers in its place.
struct DialectTests {
    @Test func thePlainDialectHasOnlyWscatsOwnCommands() {
        var plain = PlainWebSocket(variable: { _ in "c-1" })
        #expect(
            SlashCommands.run("/publish hi", dialect: &plain) == .error("unknown command /publish (/help lists them)"))
        #expect(SlashCommands.run("/ping", dialect: &plain) == .ping)
        guard case .show(let help) = SlashCommands.run("/help", dialect: &plain) else {
            Issue.record("expected the help text")
            return
        }
        #expect(help.hasPrefix("/ping ") && !help.contains("/request-conversation"))
        #expect(SlashCommands.completions(word: "/re", before: "", dialect: PlainWebSocket.self).isEmpty)
        #expect(plain.variablesToKeep.isEmpty)
    }

    @Test func closeCodesMeanWhatTheDialectSays() {
        #expect(
            CloseCodes.explain(4401, reason: nil, dialect: PlainWebSocket.self)
                == "4401 closed by the server (application code)")
        #expect(
            CloseCodes.explain(4401, reason: nil, dialect: LivePersonMessaging.self)
                == "4401 token expired: refresh the token (step 4) and reconnect")
        #expect(
            CloseCodes.explain(1000, reason: "bye", dialect: LivePersonMessaging.self)
                == "1000 normal closure (server said: bye)")
        #expect(!PlainWebSocket.meansRejectedCredentials(4401) && LivePersonMessaging.meansRejectedCredentials(4407))
    }

    @Test func theMessagingDialectReadsAndKeepsTheConversationVariable() {
        var messaging = LivePersonMessaging(variable: { $0 == "LP_CONV_ID" ? "c-7" : nil })
        // Only what changed is written back.
        #expect(messaging.variablesToKeep == [:])
        let frame = #"{"kind":"req","id":"1","type":"ms.PublishEvent","body":{"dialogId":"__YOUR_CONVERSATION_ID__"}}"#
        #expect(!messaging.holdsBack(frame))
        #expect(messaging.prepare(frame, json: nil).text.contains(#""dialogId":"c-7""#))
        _ = messaging.prepare(#"{"kind":"req","id":2,"type":"cm.ConsumerRequestConversation"}"#, json: nil)
        #expect(messaging.holdsBack(frame))
        _ = messaging.receive(#"{"kind":"resp","reqId":"2","code":200,"body":{"conversationId":"c-8"}}"#)
        #expect(messaging.variablesToKeep == ["LP_CONV_ID": "c-8"])
    }

    @Test func theLivePersonLayersWscatTakesTheStandardOnesPlace() {
        #expect(StandardBuiltins.all.contains { $0 == PlainWSCat.self })
        #expect(LivePersonBuiltins.all.contains { $0 == MessagingWSCat.self })
    }
}
