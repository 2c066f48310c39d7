import JSONQuery
import ShellRuntime
import Testing

@testable import LivePersonSession
@testable import ShellBuiltins

struct ConversationTests {
    @Test func closeCodeExplanations() {
        #expect(
            CloseCodes.explain(4401, reason: nil, dialect: LivePersonMessaging.self)
                == "4401 token expired: refresh the token (step 4) and reconnect")
        #expect(
            CloseCodes.explain(4407, reason: "identity expired", dialect: LivePersonMessaging.self).hasPrefix(
                "4407 identity expired: create a new token"))
        #expect(CloseCodes.explain(1000, reason: nil, dialect: LivePersonMessaging.self) == "1000 normal closure")
        #expect(
            CloseCodes.explain(1006, reason: nil, dialect: LivePersonMessaging.self).hasPrefix("1006 connection lost"))
        #expect(
            LivePersonMessaging.meansRejectedCredentials(4401) && LivePersonMessaging.meansRejectedCredentials(1008)
                && !LivePersonMessaging.meansRejectedCredentials(1006))
        #expect(CloseCodes.isTransient(1006) && !CloseCodes.isTransient(4407))
    }

    /// Issue 15: a 4401 for a token no refresh can save is not advised as "token expired: refresh". The reasons are
    /// the sandbox's close reasons.
    @Test(arguments: [
        ("Authorization token expired", "4401 token expired: refresh the token (step 4)"),
        ("Authorization token is invalid", "4401 token rejected as invalid"),
        ("Authorization token was revoked", "4401 token revoked: create a new token"),
        ("Authorization token is not for account sandbox", "4401 token for another account"),
        ("Authorization token is missing", "4401 no token: connect with -H"),
    ])
    func a4401IsExplainedByItsReason(reason: String, advice: String) {
        let text = CloseCodes.explain(4401, reason: reason, dialect: LivePersonMessaging.self)
        #expect(text.hasPrefix(advice), "\(text)")
        #expect(text.hasSuffix("(server said: \(reason))"))
    }

    @Test func responsesMatchRequestsAndCaptureTheConversationID() {
        var conversation = MessagingConversation()
        let sent = conversation.prepare(
            CorpusFrames.requestConversation, json: try? FrameJSON.parse(CorpusFrames.requestConversation))
        #expect(sent.text == CorpusFrames.requestConversation && sent.notes.isEmpty)
        #expect(conversation.waiting.map(\.type) == ["cm.ConsumerRequestConversation"])
        let received = conversation.receive(
            #"{"kind":"resp","reqId":"1","code":200,"body":{"conversationId":"c-1"},"type":"cm.RequestConversationResponse"}"#
        )
        #expect(received.answers == "cm.ConsumerRequestConversation")
        #expect(received.notes == ["conversation c-1 is in $LP_CONV_ID"])
        #expect(conversation.waiting.isEmpty)

        let publish = conversation.prepare(CorpusFrames.publish, json: try? FrameJSON.parse(CorpusFrames.publish))
        #expect(publish.text.contains(#""dialogId":"c-1""#))
        #expect(publish.notes == ["replaced __YOUR_CONVERSATION_ID__ with c-1 ($LP_CONV_ID)"])
        #expect(conversation.waiting.map(\.id) == ["2"])
    }

    @Test func failedResponsesAreMarked() {
        var conversation = MessagingConversation()
        _ = conversation.prepare(
            #"{"id":"7","type":"ms.PublishEvent"}"#,
            json: try? FrameJSON.parse(#"{"id":"7","type":"ms.PublishEvent"}"#))
        let received = conversation.receive(
            #"{"kind":"resp","reqId":"7","code":400,"type":".ReqBody$StringResp","body":"dialogId is missing"}"#)
        #expect(received.failed && received.answers == "ms.PublishEvent" && received.notes.isEmpty)
    }

    @Test func slashCommandsBuildFramesWithAutomaticIDs() throws {
        var messaging = LivePersonMessaging(variable: { _ in nil })
        #expect(
            SlashCommands.run("/publish hi", dialect: &messaging)
                == .error("no conversation yet: /request-conversation first"))
        guard case .send(let request) = SlashCommands.run("/request-conversation", dialect: &messaging) else {
            Issue.record("expected a frame")
            return
        }
        #expect(request == #"{"kind":"req","id":"1","type":"cm.ConsumerRequestConversation"}"#)
        messaging.conversation.conversationID = "c-9"
        #expect(
            SlashCommands.run("/publish hello there", dialect: &messaging)
                == .send(
                    #"{"kind":"req","id":"2","type":"ms.PublishEvent","body":{"dialogId":"c-9","event":{"type":"ContentEvent","contentType":"text/plain","message":"hello there"}}}"#
                ))
        #expect(
            SlashCommands.run("/subscribe", dialect: &messaging)
                == .send(
                    #"{"kind":"req","id":"3","type":"ms.SubscribeMessagingEvents","body":{"fromSeq":0,"dialogId":"c-9"}}"#
                ))
        #expect(
            SlashCommands.run("/close-conversation", dialect: &messaging)
                == .send(
                    #"{"kind":"req","id":"4","type":"cm.UpdateConversationField","body":{"conversationId":"c-9","conversationField":{"field":"ConversationStateField","conversationState":"CLOSE"}}}"#
                ))
        #expect(SlashCommands.run("/accept", dialect: &messaging) == .error("no agent message to accept yet"))
        _ = messaging.receive(
            #"{"kind":"notification","type":"ms.MessagingEventNotification","body":{"changes":[{"sequence":3,"originatorMetadata":{"role":"ASSIGNED_AGENT"},"event":{"type":"ContentEvent","message":"hi"}}]}}"#
        )
        #expect(
            SlashCommands.run("/accept", dialect: &messaging)
                == .send(
                    #"{"kind":"req","id":"5","type":"ms.PublishEvent","body":{"dialogId":"c-9","event":{"type":"AcceptStatusEvent","status":"ACCEPT","sequenceList":[3]}}}"#
                ))
        #expect(
            SlashCommands.run("/close 4000 bye now", dialect: &messaging)
                == .close(code: 4000, reason: "bye now"))
        #expect(SlashCommands.run("/close", dialect: &messaging) == .close(code: 1000, reason: nil))
        #expect(
            SlashCommands.run("/close 1006", dialect: &messaging)
                == .error("/close: the code must be 1000 or 3000–4999, got '1006'"))
        #expect(
            SlashCommands.run("/nope", dialect: &messaging)
                == .error("unknown command /nope (/help lists them)"))
        guard case .show(let ids) = SlashCommands.run("/ids", dialect: &messaging) else {
            Issue.record("expected text")
            return
        }
        #expect(ids.hasPrefix("conversation: c-9\n"))
    }

    @Test func completion() {
        #expect(
            SlashCommands.completions(word: "/re", before: "", dialect: LivePersonMessaging.self) == [
                "/request-conversation", "/read",
            ])
        #expect(
            SlashCommands.completions(word: "\"ms.Pub", before: "{\"type\":", dialect: LivePersonMessaging.self) == [
                "\"ms.PublishEvent\""
            ])
        #expect(SlashCommands.isCommand("/close") && !SlashCommands.isCommand("/") && !SlashCommands.isCommand("{"))
    }
}
