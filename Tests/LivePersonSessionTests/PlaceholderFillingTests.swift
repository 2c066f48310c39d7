import ShellRuntime
import Testing

@testable import LivePersonSession

/// The tutorials' placeholders filled from the session's variables (pure logic; the capture from real sockets is
/// in WSCatTests.PlaceholderSandboxTests).
@Suite("placeholder filling")
struct PlaceholderFillingTests {
    static let variables: [String: String] = [
        "LP_CONV_ID": "conv-1", "LP_DIALOG_ID": "conv-1", "LP_SURVEY_DIALOG_ID": "survey-1",
        "LP_RING_ID": "conv-1_acc_1", "LP_USER_ID": "acc.42", "LP_ACCOUNT": "acc", "LP_CONSUMER_PID": "pid-7",
        "LP_JWT": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzdWItOSJ9.c2ln", "LP_REL_PATH": "/v1/AUTH_async-images/acc/f.PNG",
        "LP_TUS": "abc123", "LP_TUE": "1474973420", "LP_SEQUENCE": "3",
    ]

    private func fill(_ text: String, _ variables: [String: String] = variables) -> PlaceholderFilling {
        PlaceholderFilling.fill(text) { VariablePlaceholders.lookup($0) { variables[$0] } }
    }

    /// Every placeholder the pages print, with the value and the note naming what replaced what.
    @Test(arguments: [
        ("__CONVERSATION_ID__", "conv-1", "($LP_CONV_ID)"),
        ("__YOUR_CONVERSATION_ID__", "conv-1", "($LP_CONV_ID)"),
        ("__DIALOG_ID__", "conv-1", "($LP_DIALOG_ID)"),
        ("__YOUR_POST_SURVEY_DIALOG_ID__", "survey-1", "($LP_SURVEY_DIALOG_ID)"),
        ("__RING_ID__", "conv-1_acc_1", "($LP_RING_ID)"),
        ("__USER_ID__", "acc.42", "($LP_USER_ID)"),
        ("__ACCOUNT__", "acc", "($LP_ACCOUNT)"),
        ("__CONSUMER_PID__", "pid-7", "($LP_CONSUMER_PID)"),
        ("__relative_path__", "/v1/AUTH_async-images/acc/f.PNG", "($LP_REL_PATH)"),
        ("__relativePath__", "/v1/AUTH_async-images/acc/f.PNG", "($LP_REL_PATH)"),
        ("__temp_url_sig__", "abc123", "($LP_TUS)"),
        ("__temp_url_expires__", "1474973420", "($LP_TUE)"),
        ("___temp_url_expires__", "1474973420", "($LP_TUE)"),
        ("__SEQUENCE__", "3", "($LP_SEQUENCE)"),
    ])
    func eachPlaceholderIsFilled(placeholder: String, value: String, source: String) {
        let filling = fill("x=\(placeholder);")
        #expect(filling.text == "x=\(value);")
        #expect(filling.notes == ["replaced \(placeholder) with \(value) \(source)"])
        #expect(filling.missing.isEmpty)
    }

    @Test func theTokenIsNamedNeverShown() {
        let filling = fill(#"{"jwt":"__YOUR_JWT__"}"#)
        #expect(filling.text == #"{"jwt":"\#(Self.variables["LP_JWT"]!)"}"#)
        #expect(filling.notes == ["replaced __YOUR_JWT__ with the token ($LP_JWT)"])
    }

    @Test func thePreviewComesFromLPPreviewOrIsBuiltIn() {
        let builtIn = fill(#""preview":"data:image/png;base64,<Base64Image>""#)
        #expect(builtIn.text == #""preview":"data:image/png;base64,\#(VariablePlaceholders.builtInPreview)""#)
        #expect(
            builtIn.notes == [
                "replaced <Base64Image> with \(VariablePlaceholders.builtInPreview) (a built-in 1×1 PNG; set LP_PREVIEW to your image's base64)"
            ])
        let own = fill("<Base64Image>", ["LP_PREVIEW": "R0lGODlh"])
        #expect(own.text == "R0lGODlh" && own.notes == ["replaced <Base64Image> with R0lGODlh ($LP_PREVIEW)"])
        // A long value is shortened in the note, never in the frame.
        let long = String(repeating: "QUJD", count: 100)
        let large = fill("<Base64Image>", ["LP_PREVIEW": long])
        #expect(
            large.text == long
                && large.notes == ["replaced <Base64Image> with QUJDQUJDQUJD… (400 characters) ($LP_PREVIEW)"])
    }

    /// The read-and-accept page's `[ __SEQUENCE__ ]` is not JSON until filled.
    @Test func theUnquotedSequenceBecomesJSON() throws {
        let frame =
            #"{"kind":"req","id":2,"type":"ms.PublishEvent","body":{"dialogId":"__DIALOG_ID__","event":{"type" : "AcceptStatusEvent" , "status" : "ACCEPT", "sequenceList" : [ __SEQUENCE__ ]}}}"#
        let filling = fill(frame)
        #expect(filling.text.contains(#""sequenceList" : [ 3 ]"#) && filling.text.contains(#""dialogId":"conv-1""#))
        #expect(filling.notes.count == 2)
    }

    @Test func aPlaceholderWithoutValueIsNamedWithHowToGetIt() {
        let filling = fill(#"{"ringId":"__RING_ID__","x":"__USER_ID__"}"#, ["LP_RING_ID": ""])
        #expect(filling.text == #"{"ringId":"__RING_ID__","x":"__USER_ID__"}"#)
        #expect(filling.notes.isEmpty)
        #expect(filling.missing.count == 2)
        #expect(
            filling.missing[0]
                == "__RING_ID__: no value yet: subscribe with .ams.routing.SubscribeRoutingTasks and wait for a consumer's conversation; the notification's ringId goes into $LP_RING_ID"
        )
        #expect(filling.missing[1].hasPrefix("__USER_ID__: no value yet: send {\"kind\":\"req\",\"id\":\"2\""))
    }

    /// The Read and Accept Events page waits for the agent's message without subscribing: the hint says how.
    @Test func aSequenceWithoutMessageSaysTheConsumerMustSubscribe() {
        let filling = fill(#"{"sequenceList" : [ __SEQUENCE__ ]}"#, [:])
        #expect(filling.missing.count == 1)
        #expect(filling.missing.first?.contains("once subscribed: ms.SubscribeMessagingEvents, or /subscribe") == true)
    }

    /// A closed conversation is never filled in, except for the CSAT that follows the close.
    @Test func aClosedConversationIsNotFilledInButForACSAT() {
        let variables = ["LP_CLOSED_CONV_ID": "old-1"]
        let filling = fill(#"{"conversationId":"__CONVERSATION_ID__"}"#, variables)
        #expect(filling.missing.count == 1)
        #expect(
            filling.missing.first?.hasPrefix(
                "__CONVERSATION_ID__: conversation old-1 is closed, so it is not filled in: send") == true)
        let csat = PlaceholderFilling.fill(#"{"conversationId":"__CONVERSATION_ID__","field":"CSATRate"}"#) {
            VariablePlaceholders.lookup($0, afterClose: true) { variables[$0] }
        }
        #expect(csat.text == #"{"conversationId":"old-1","field":"CSATRate"}"#)
        #expect(
            csat.notes == ["replaced __CONVERSATION_ID__ with old-1 (the conversation closed last, $LP_CLOSED_CONV_ID)"]
        )
    }

    @Test func theConsumerPIDFallsBackToTheTokensSubject() {
        let filling = fill(#"{"userId": "__CONSUMER_PID__"}"#, ["LP_JWT": Self.variables["LP_JWT"]!])
        #expect(filling.text == #"{"userId": "sub-9"}"#)
        #expect(filling.notes == ["replaced __CONSUMER_PID__ with sub-9 (the sub of $LP_JWT)"])
    }

    @Test func textWithoutPlaceholdersIsLeftAlone() {
        for text in ["", "__name__ __main__", "__YOUR_CONVERSATION_ID_", "<Base64>", "echo __ACCOUNT_"] {
            #expect(PlaceholderFilling.placeholders(in: text).isEmpty, "\(text)")
            #expect(fill(text) == PlaceholderFilling(text: text))
        }
    }

    // MARK: Shell lines

    private func shellLine(_ source: String, _ variables: [String: String] = variables) -> (
        text: String, notes: [String], missing: [String]
    )? {
        var store = VariableStore()
        for (name, value) in variables { try? store.set(name, to: value) }
        return ShellLinePlaceholders.fill(source, variables: store)
    }

    /// The publish-images page's upload lines, as printed (with its three-underscore misprint).
    @Test func thePublishImagesLinesAreFilled() throws {
        let path = try #require(shellLine("LP_REL_PATH=__relativePath__"))
        #expect(path.text == "LP_REL_PATH=/v1/AUTH_async-images/acc/f.PNG" && path.missing.isEmpty)
        #expect(path.notes == ["replaced __relativePath__ with /v1/AUTH_async-images/acc/f.PNG ($LP_REL_PATH)"])
        #expect(shellLine("LP_TUS=__temp_url_sig__")?.text == "LP_TUS=abc123")
        #expect(shellLine("LP_TUE=___temp_url_expires__")?.text == "LP_TUE=1474973420")
        #expect(shellLine("echo hello") == nil)
        #expect(shellLine("python3 -c 'print(__name__)'") == nil)
    }

    @Test func aShellLineWithAnUnfilledPlaceholderNamesIt() throws {
        let line = try #require(shellLine("LP_TUS=__temp_url_sig__", [:]))
        #expect(
            line.missing == [
                "__temp_url_sig__: no value yet: send {\"kind\":\"req\",\"id\":\"3\",\"body\":{\"fileSize\":1000,\"fileType\":\"PNG\"},\"type\":\"ms.GenerateURLForUploadFile\"} first; its relativePath and queryParams go into $LP_REL_PATH, $LP_TUS and $LP_TUE"
            ])
        let unsafe = try #require(shellLine("echo __ACCOUNT__", ["LP_ACCOUNT": "a b;rm"]))
        #expect(
            unsafe.missing.first?.hasPrefix("__ACCOUNT__: $LP_ACCOUNT holds characters the shell would interpret")
                == true)
    }
}
