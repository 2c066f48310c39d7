import JSONQuery
import ShellRuntime
import Testing

@testable import LivePersonSession
@testable import ShellBuiltins

/// What the messaging dialect captures from frames and fills into the next ones (pure: frames given as text).
struct PlaceholderConversationTests {
    private func send(_ conversation: inout MessagingConversation, _ frame: String) -> WSCatOutgoing {
        conversation.prepare(frame, json: try? FrameJSON.parse(frame))
    }

    @Test func aNewConversationRequestForgetsTheOldOneAtOnce() {
        var conversation = MessagingConversation(capture: SessionCapture { $0 == "LP_CONV_ID" ? "old" : nil })
        let request = send(&conversation, CorpusFrames.requestConversation)
        #expect(request.notes == ["a new conversation is requested: old is not filled in any more"])
        // The publish waits for the answer instead of taking the old id.
        #expect(conversation.awaitsValue(for: CorpusFrames.publish))
        _ = conversation.receive(
            #"{"kind":"resp","reqId":"1","code":200,"body":{"conversationId":"new"},"type":"cm.RequestConversationResponse"}"#
        )
        #expect(!conversation.awaitsValue(for: CorpusFrames.publish))
        let publish = send(&conversation, CorpusFrames.publish)
        #expect(publish.text.contains(#""dialogId":"new""#) && publish.refusal == nil)
        #expect(conversation.capture.changed == ["LP_CONV_ID": "new"])
    }

    @Test func aFailedRequestLeavesNoConversationToFillIn() {
        var conversation = MessagingConversation(capture: SessionCapture { $0 == "LP_CONV_ID" ? "old" : nil })
        _ = send(&conversation, CorpusFrames.requestConversation)
        _ = conversation.receive(
            #"{"kind":"resp","reqId":"1","code":400,"body":"Consumer already has an open conversation: old"}"#)
        let publish = send(&conversation, CorpusFrames.publish)
        #expect(publish.refusal?.first?.hasPrefix("__YOUR_CONVERSATION_ID__: no value yet: send") == true)
        #expect(conversation.capture.changed == ["LP_CONV_ID": ""])
    }

    @Test func aClosedConversationIsRefusedButForTheCSAT() {
        var conversation = MessagingConversation(capture: SessionCapture { $0 == "LP_CONV_ID" ? "c-1" : nil })
        let close =
            #"{"kind":"req","id":1,"body":{"conversationId":"__CONVERSATION_ID__","conversationField":{"field":"ConversationStateField","conversationState":"CLOSE"}},"type":"cm.UpdateConversationField"}"#
        #expect(send(&conversation, close).notes == ["replaced __CONVERSATION_ID__ with c-1 ($LP_CONV_ID)"])
        // Until the close is answered, a frame naming the conversation waits.
        #expect(conversation.awaitsValue(for: CorpusFrames.publish))
        let closed = conversation.receive(
            #"{"kind":"resp","reqId":"1","code":200,"body":"OK","type":".ReqBody$StringResp"}"#)
        #expect(
            closed.notes == ["conversation c-1 is closed: it is not filled in any more ($LP_CLOSED_CONV_ID keeps it)"])
        let publish = send(&conversation, CorpusFrames.publish)
        #expect(
            publish.refusal == [
                "__YOUR_CONVERSATION_ID__: conversation c-1 is closed, so it is not filled in: send {\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"} (or /request-conversation) first; its response's conversationId goes into $LP_CONV_ID"
            ])
        let csat =
            #"{"kind":"req","id":"AHDJE","type":"cm.UpdateConversationField","body":{"conversationId":"__CONVERSATION_ID__","conversationField":{"field":"CSATRate","csatRate":5,"csatResolutionConfirmation":true,"status":"FILLED"}}}"#
        let rated = send(&conversation, csat)
        #expect(rated.refusal == nil && rated.text.contains(#""conversationId":"c-1""#))
        #expect(conversation.capture.changed == ["LP_CONV_ID": "", "LP_CLOSED_CONV_ID": "c-1"])
    }

    /// Read-and-accept: the unquoted `[ __SEQUENCE__ ]` (not JSON until filled) gets the agent's messages.
    @Test func sequencesOfTheOtherSideFillTheAcceptAndReadFrames() throws {
        var conversation = MessagingConversation(capture: SessionCapture { $0 == "LP_CONV_ID" ? "c-1" : nil })
        _ = conversation.receive(
            #"{"kind":"notification","body":{"changes":[{"sequence":3,"originatorMetadata":{"role":"ASSIGNED_AGENT"},"event":{"type":"ContentEvent","message":"a","contentType":"text/plain"},"dialogId":"c-1"},{"sequence":4,"originatorMetadata":{"role":"CONSUMER"},"event":{"type":"ContentEvent","message":"b","contentType":"text/plain"},"dialogId":"c-1"},{"sequence":5,"originatorMetadata":{"role":"ASSIGNED_AGENT"},"event":{"type":"ContentEvent","message":"c","contentType":"text/plain"},"dialogId":"c-1"}]},"type":"ms.MessagingEventNotification"}"#
        )
        let accept =
            #"{"kind":"req","id":2,"type":"ms.PublishEvent","body":{"dialogId":"__DIALOG_ID__","event":{"type" : "AcceptStatusEvent" , "status" : "ACCEPT", "sequenceList" : [ __SEQUENCE__ ]}}}"#
        #expect(throws: (any Error).self) { try FrameJSON.parse(accept) }
        let accepted = conversation.prepare(accept, json: nil)
        #expect(accepted.refusal == nil)
        #expect(accepted.text.contains(#""sequenceList" : [ 3,5 ]"#) && accepted.text.contains(#""dialogId":"c-1""#))
        #expect(accepted.notes.contains("replaced __SEQUENCE__ with 3,5 (the messages received not yet acknowledged)"))
        #expect(accepted.notes.contains("replaced __DIALOG_ID__ with c-1 (the MAIN dialog of $LP_CONV_ID)"))
        #expect(conversation.capture.changed.isEmpty, "the sequence is kept for the socket's run only")
        let read = conversation.prepare(accept.replacing("ACCEPT", with: "READ"), json: nil)
        #expect(read.text.contains("[ 3,5 ]"))
        // Everything acknowledged: the last sequence received.
        let again = conversation.prepare(accept, json: nil)
        #expect(again.text.contains("[ 5 ]") && again.notes.contains("replaced __SEQUENCE__ with 5 ($LP_SEQUENCE)"))
    }

    @Test func aFrameStillInvalidOnceFilledIsRefused() {
        var conversation = MessagingConversation()
        let outgoing = conversation.prepare(#"{"account":"__ACCOUNT__",}"#, json: nil)
        #expect(outgoing.refusal?.first?.hasPrefix("__ACCOUNT__: no value yet") == true)
        var withAccount = MessagingConversation(capture: SessionCapture { $0 == "LP_ACCOUNT" ? "a1" : nil })
        let invalid = withAccount.prepare(#"{"account":"__ACCOUNT__",}"#, json: nil)
        #expect(invalid.refusal?.count == 1 && invalid.text == #"{"account":"__ACCOUNT__",}"#)
    }

    @Test func theAgentSideCapturesRingUserAndConversation() {
        var conversation = MessagingConversation()
        _ = send(&conversation, #"{"kind":"req","id":"2","type":".ams.userprofile.GetUserProfile","body":{}}"#)
        let profile = conversation.receive(
            #"{"kind":"resp","reqId":"2","code":200,"body":{"userId":"acc.42"},"type":".ams.userprofile.GetUserProfile$Response"}"#
        )
        #expect(profile.notes == ["user id acc.42 is in $LP_USER_ID"])
        _ = send(&conversation, #"{"kind":"req","id":"4","type":".ams.routing.SubscribeRoutingTasks","body":{}}"#)
        let accept =
            #"{"kind":"req","id":4,"body":{"ringId":"__RING_ID__","ringState":"ACCEPTED"},"type":".ams.routing.UpdateRingState"}"#
        #expect(conversation.awaitsValue(for: accept))
        let ring = conversation.receive(
            #"{"kind":"notification","type":".ams.routing.RoutingTaskNotification","body":{"subscriptionId":"s","changes":[{"type":"UPSERT","result":{"ringsDetails":[{"ringId":"c9_acc_1","ringExpiration":72000,"ringState":"WAITING","convId":"c9","consumerId":"p1","skillId":"-1"}]}}]}}"#
        )
        #expect(ring.notes == ["ring c9_acc_1 is in $LP_RING_ID"])
        #expect(send(&conversation, accept).text.contains(#""ringId":"c9_acc_1""#))
        let accepted = conversation.receive(
            #"{"kind":"resp","reqId":"4","code":202,"body":"Ring state updated successfully","type":".ReqBody$StringResp"}"#
        )
        #expect(accepted.notes == ["conversation c9 is in $LP_CONV_ID", "consumer p1 is in $LP_CONSUMER_PID"])
        #expect(send(&conversation, accept).refusal?.first?.hasPrefix("__RING_ID__: no value yet") == true)
        #expect(
            conversation.capture.changed == [
                "LP_USER_ID": "acc.42", "LP_CONV_ID": "c9", "LP_CONSUMER_PID": "p1",
            ])
    }
}

/// `$LP_AGENT_PID` (the agent public profile page reads it, no page sets it): the conversation's assigned agent.
struct AssignedAgentCaptureTests {
    private func capture(_ details: String) -> [String: String] {
        var conversation = MessagingConversation(capture: SessionCapture { $0 == "LP_CONV_ID" ? "c-1" : nil })
        _ = conversation.receive(
            #"{"kind":"notification","type":"cqm.ExConversationChangeNotification","body":{"changes":[{"type":"UPSERT","result":{"convId":"c-1","conversationDetails":\#(details)}}]}}"#
        )
        return conversation.capture.changed
    }

    @Test func consumerSocketsNameItInParticipantsPId() {
        #expect(
            capture(#"{"participantsPId":{"CONSUMER":["me"],"ASSIGNED_AGENT":["agent-9"]},"state":"OPEN"}"#)
                == ["LP_AGENT_PID": "agent-9"])
    }

    @Test func brandSocketsNameItInParticipantsOrTheMainDialog() {
        #expect(
            capture(#"{"participants":[{"id":"me","role":"CONSUMER"},{"id":"agent-7","role":"ASSIGNED_AGENT"}]}"#)
                == ["LP_AGENT_PID": "agent-7"])
        #expect(
            capture(
                #"{"dialogs":[{"dialogType":"MAIN","participantsDetails":[{"id":"agent-5","role":"ASSIGNED_AGENT"}]}]}"#
            )
                == ["LP_AGENT_PID": "agent-5"])
    }

    @Test func noAgentYetCapturesNothing() {
        #expect(capture(#"{"participantsPId":{"CONSUMER":["me"]},"state":"OPEN"}"#).isEmpty)
    }
}
