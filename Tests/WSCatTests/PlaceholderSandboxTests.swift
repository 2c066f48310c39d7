import Foundation
import JSONQuery
import LivePersonAPI
import ShellRuntime
import Testing

@testable import LivePersonSandbox
@testable import ShellBuiltins

/// The tutorials' placeholders filled from what the real sandbox sends on the consumer and agent sockets: the
/// pages' frames pasted as printed into `wscat`.
@Suite(.serialized)
struct PlaceholderSandboxTests {
    private func withSandbox(
        bot: Bool, _ body: (RunningSandbox, [String: String]) async throws -> Void
    ) async throws {
        var configuration = SandboxConfiguration()
        configuration.port = 0
        configuration.caDirectory = SandboxTests.keyDirectory
        configuration.botEnabled = bot
        configuration.botReplyDelay = .milliseconds(0)
        let sandbox = try await RunningSandbox.start(configuration)
        var environment: [String: String] = [:]
        for (name, value) in sandbox.exports { environment[name] = value }
        environment["LP_ACCOUNT"] = sandbox.account
        do {
            try await body(sandbox, environment)
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }

    private func consumerToken(_ sandbox: RunningSandbox, sub: String) -> String {
        let now = SandboxServices.nowSeconds()
        return sandbox.services.signer.sign(
            TokenClaims(
                sub: sub, aud: "acc:\(sandbox.account)", iss: TokenSigner.issuer, exp: now + 3600, iat: now,
                kind: .consumer))
    }

    private func consumerLine(_ environment: [String: String], jwt: String, headers: [String] = []) -> [String] {
        ["-k", "60", "-H", "Authorization:jwt \(jwt)"] + headers.flatMap { ["-H", $0] } + [
            "-c",
            "wss://\(environment["LP_ASYNCMESSAGINGENT"] ?? "")/ws_api/account/\(environment["LP_ACCOUNT"] ?? "")/messaging/consumer?v=3",
        ]
    }

    private func response(_ result: WSCatResult, to id: String) -> JSONValue? {
        result.frames.compactMap { try? FrameJSON.parse($0) }.first { $0["reqId"] == .string(id) }
    }

    static let requestConversation = #"{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"#
    static let publish =
        #"{"kind":"req","id":2,"type":"ms.PublishEvent","body":{"dialogId":"__YOUR_CONVERSATION_ID__","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi there"}}}"#

    /// Issue 15's stale id: `$LP_CONV_ID` holds another consumer's conversation; a new request is answered with a
    /// new id and the publish goes there, never into the old one (which the sandbox refuses with a 403).
    @Test func aNewConversationReplacesTheOldOneBeforeThePublish() async throws {
        try await withSandbox(bot: false) { sandbox, environment in
            let first = await WSCatHarness.run(
                consumerLine(environment, jwt: consumerToken(sandbox, sub: "first")) + ["-w", "0.3"],
                script: [Self.requestConversation, "/close"], environment: environment)
            let old = try #require(first.variables["LP_CONV_ID"], "\(first.stderr)")

            let second = await WSCatHarness.run(
                consumerLine(environment, jwt: consumerToken(sandbox, sub: "second")) + ["-w", "0.3"],
                script: [
                    Self.requestConversation, Self.publish, Self.requestConversation.replacing("1", with: "3"),
                    Self.publish.replacing(#""id":2"#, with: #""id":4"#), "/close",
                ],
                environment: environment, variables: ["LP_CONV_ID": old])
            #expect(second.stderr.contains("a new conversation is requested: \(old) is not filled in any more"))
            let conversation = try #require(response(second, to: "1")?["body"]?["conversationId"]?.text)
            #expect(conversation != old)
            #expect(second.stderr.contains("replaced __YOUR_CONVERSATION_ID__ with \(conversation) ($LP_CONV_ID)"))
            #expect(!second.stderr.contains("with \(old)"))
            #expect(response(second, to: "2")?["code"] == .number(200), "\(second.stdout)")
            // The sandbox refuses a second open conversation: the one before is not used in its place either.
            #expect(response(second, to: "3")?["code"] == .number(400), "\(second.stdout)")
            #expect(
                second.stderr.contains("a new conversation is requested: \(conversation) is not filled in any more"))
            #expect(second.stderr.contains("wscat: __YOUR_CONVERSATION_ID__: no value yet: send"), "\(second.stderr)")
            #expect(response(second, to: "4") == nil, "\(second.stdout)")
            #expect(second.variables["LP_CONV_ID"] == nil)
            #expect(second.status == .failure)
        }
    }

    /// The agent getting-started page, steps 4–9, with a consumer asking for a conversation meanwhile: user id,
    /// account, ring, conversation and consumer pid filled in; after the close the conversation is not.
    @Test func theAgentPageIsFilledFromTheBrandSocket() async throws {
        try await withSandbox(bot: false) { sandbox, environment in
            let agent = await sandbox.services.store.agentLogin(account: sandbox.account, loginName: "alice")
            let brand =
                "wss://\(environment["LP_ASYNCMESSAGINGENT"] ?? "")/ws_api/account/\(sandbox.account)/messaging/brand/\(agent.bearer)?v=2"
            let script = [
                #"{"kind":"req","id":"2","type":".ams.userprofile.GetUserProfile","body":{}}"#,
                #"{"kind":"req","id":"3","type":".ams.routing.SetAgentState","body":{"channels":["MESSAGING"],"agentUserId":"__USER_ID__","availability":"ONLINE"}}"#,
                #"{"kind":"req","id":"4","type":".ams.routing.SubscribeRoutingTasks","body":{"brandId":"__ACCOUNT__","agentId":"__USER_ID__","channelType":"MESSAGING"}}"#,
                "/wait-for ringsDetails",
                #"{"kind":"req","id":5,"body":{"ringId":"__RING_ID__","ringState":"ACCEPTED"},"type":".ams.routing.UpdateRingState"}"#,
                #"{"kind":"req","id":6,"type":"ms.PublishEvent","body":{"dialogId":"__YOUR_CONVERSATION_ID__","event":{"type":"ContentEvent","contentType":"text/plain","message":"Response from agent"}}}"#,
                #"{"kind":"req","id":"7","type":".ams.userprofile.GetUserProfile","body":{"userId": "__CONSUMER_PID__"}}"#,
                #"{"kind":"req","id":8,"body":{"conversationId":"__CONVERSATION_ID__","conversationField":{"field":"ConversationStateField","conversationState":"CLOSE"}},"type":"cm.UpdateConversationField"}"#,
                #"{"kind":"req","id":9,"type":"ms.PublishEvent","body":{"dialogId":"__YOUR_CONVERSATION_ID__","event":{"type":"ContentEvent","contentType":"text/plain","message":"too late"}}}"#,
                "/close",
            ]
            async let agentRun = WSCatHarness.run(
                ["-k", "60", "-c", brand, "-w", "0.5"], script: script, environment: environment)
            try await Task.sleep(for: .seconds(2))
            let consumer = await WSCatHarness.run(
                consumerLine(environment, jwt: consumerToken(sandbox, sub: "carol")) + ["-w", "0.3"],
                script: [Self.requestConversation, "/wait 1", "/close"], environment: environment)
            let result = await agentRun
            let conversation = try #require(consumer.variables["LP_CONV_ID"], "\(consumer.stderr)")
            let userID = "\(sandbox.account).\(agent.userId)"
            let stderr = result.stderr
            #expect(stderr.contains("user id \(userID) is in $LP_USER_ID"), "\(stderr)")
            #expect(stderr.contains("replaced __USER_ID__ with \(userID) ($LP_USER_ID)"))
            #expect(stderr.contains("replaced __ACCOUNT__ with \(sandbox.account) ($LP_ACCOUNT)"))
            let ringNote = stderr.split(separator: "\n").first { $0.hasSuffix(" is in $LP_RING_ID") }
            let ring = try #require(ringNote?.split(separator: " ").dropFirst(3).first.map(String.init), "\(stderr)")
            #expect(ring.hasPrefix(conversation))
            #expect(stderr.contains("ring \(ring) is in $LP_RING_ID"))
            #expect(stderr.contains("replaced __RING_ID__ with \(ring) ($LP_RING_ID)"))
            #expect(response(result, to: "5")?["code"] == .number(202), "\(result.stdout)")
            #expect(stderr.contains("conversation \(conversation) is in $LP_CONV_ID"))
            #expect(response(result, to: "6")?["code"] == .number(200), "\(result.stdout)")
            #expect(stderr.contains("replaced __CONSUMER_PID__ with carol ($LP_CONSUMER_PID)"))
            #expect(response(result, to: "8")?["code"] == .number(200), "\(result.stdout)")
            #expect(stderr.contains("replaced __CONVERSATION_ID__ with \(conversation) ($LP_CONV_ID)"))
            #expect(stderr.contains("conversation \(conversation) is closed: it is not filled in any more"))
            // The frame after the close names the placeholder and is not sent.
            #expect(
                stderr.contains(
                    "wscat: __YOUR_CONVERSATION_ID__: conversation \(conversation) is closed, so it is not filled in"),
                "\(stderr)")
            #expect(stderr.contains("  (not sent)"))
            #expect(response(result, to: "9") == nil)
            #expect(result.variables["LP_CONV_ID"] == nil)
            #expect(result.variables["LP_RING_ID"] == nil, "an accepted ring is not answered twice")
            #expect(result.variables["LP_CLOSED_CONV_ID"] == conversation)
            #expect(result.status == .failure)
        }
    }

    /// The read-and-accept page: `__DIALOG_ID__` and the unquoted `[ __SEQUENCE__ ]` of the bot's reply.
    @Test func readAndAcceptFramesGetTheBotsSequence() async throws {
        try await withSandbox(bot: true) { sandbox, environment in
            let accept =
                #"{"kind":"req","id":5,"type":"ms.PublishEvent","body":{"dialogId":"__DIALOG_ID__","event":{"type" : "AcceptStatusEvent" , "status" : "ACCEPT", "sequenceList" : [ __SEQUENCE__ ]}}}"#
            let read = accept.replacing("ACCEPT", with: "READ").replacing(#""id":5"#, with: #""id":6"#)
            let result = await WSCatHarness.run(
                consumerLine(environment, jwt: consumerToken(sandbox, sub: "dave")) + ["-w", "0.5"],
                script: [
                    Self.requestConversation,
                    #"{"kind":"req","id":3,"type":"ms.SubscribeMessagingEvents","body":{"fromSeq":0,"dialogId":"__YOUR_CONVERSATION_ID__"}}"#,
                    Self.publish, "/wait-for echo: hi there", accept, read, "/close",
                ], environment: environment)
            let conversation = try #require(result.variables["LP_CONV_ID"], "\(result.stderr)")
            #expect(
                result.stderr.contains("replaced __DIALOG_ID__ with \(conversation) (the MAIN dialog of $LP_CONV_ID)"),
                "\(result.stderr)")
            // The bot's reply (ContentEvent, role ASSIGNED_AGENT) is the message acknowledged.
            let reply = result.frames.compactMap { try? FrameJSON.parse($0) }.compactMap { frame -> Int? in
                guard case .array(let changes)? = frame["body"]?["changes"], let change = changes.first,
                    change["event"]?["message"]?.text == "echo: hi there"
                else { return nil }
                return change["sequence"]?.text.flatMap { Int($0) }
            }.first
            let sequence = try #require(reply, "\(result.stdout)")
            #expect(
                result.stderr.contains(
                    "replaced __SEQUENCE__ with \(sequence) (the messages received not yet acknowledged)"),
                "\(result.stderr)")
            #expect(response(result, to: "5")?["code"] == .number(200), "\(result.stdout)")
            #expect(response(result, to: "6")?["code"] == .number(200), "\(result.stdout)")
            #expect(result.status == .success, "\(result.stderr)")
        }
    }

    /// The PCS page: closing the MAIN dialog opens the survey dialog, whose id fills the next frame.
    @Test func theSurveyDialogComesFromTheConversationNotification() async throws {
        try await withSandbox(bot: true) { sandbox, environment in
            let properties =
                #"Client-Properties:{"type":".ClientProperties","appId":"webAsync","features":["RICH_CONTENT","QUICK_REPLIES","MULTI_DIALOG"]}"#
            let result = await WSCatHarness.run(
                consumerLine(environment, jwt: consumerToken(sandbox, sub: "erin"), headers: [properties]) + [
                    "-w", "0.5",
                ],
                script: [
                    #"{"kind":"req","id":"3","type":"cqm.SubscribeExConversations","body":{"stage":["OPEN","CLOSE"],"convState":["OPEN","CLOSE"]}}"#,
                    Self.requestConversation, "/wait-for ASSIGNED_AGENT",
                    #"{"kind":"req","id":"4","type":"cm.UpdateConversationField","body":{"conversationId":"__YOUR_CONVERSATION_ID__","conversationField":{"field":"DialogChange","type":"UPDATE","dialog":{"dialogId":"__YOUR_CONVERSATION_ID__","state":"CLOSE","closedCause":"Closed by consumer"}}}}"#,
                    #"{"kind":"req","id":"5","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"__YOUR_POST_SURVEY_DIALOG_ID__","conversationId":"__YOUR_CONVERSATION_ID__","fromSeq":0}}"#,
                    "/close",
                ], environment: environment)
            let conversation = try #require(result.variables["LP_CONV_ID"], "\(result.stderr)")
            let survey = try #require(result.variables["LP_SURVEY_DIALOG_ID"], "\(result.stderr)")
            #expect(survey != conversation)
            #expect(result.stderr.contains("survey dialog \(survey) is in $LP_SURVEY_DIALOG_ID"))
            #expect(
                result.stderr.contains("replaced __YOUR_POST_SURVEY_DIALOG_ID__ with \(survey) ($LP_SURVEY_DIALOG_ID)"))
            #expect(response(result, to: "4")?["code"] == .number(200), "\(result.stdout)")
            #expect(response(result, to: "5")?["code"] == .number(200), "\(result.stdout)")
            #expect(result.status == .success, "\(result.stderr)")
        }
    }

    /// The file-sharing pages: the upload URL's path and signature are kept for the curl lines and the frames.
    @Test func theUploadURLIsKept() async throws {
        try await withSandbox(bot: false) { sandbox, environment in
            _ = try await sandbox.services.store.setSiteProperty(
                account: sandbox.account,
                SiteProperty(id: InMemorySandboxStore.fileSharingSetting, type: 1, value: .bool(true)))
            let result = await WSCatHarness.run(
                consumerLine(environment, jwt: consumerToken(sandbox, sub: "frank")) + ["-w", "0.3"],
                script: [
                    Self.requestConversation,
                    #"{"kind":"req","id":"3","body":{"fileSize":1000,"fileType":"PNG"},"type":"ms.GenerateURLForUploadFile"    }"#,
                    #"{"kind":"req","id":"33","body":{"relativePath":"__relative_path__"},"type":"ms.GenerateURLForDownloadFile"}"#,
                    "/close",
                ], environment: environment)
            let upload = try #require(response(result, to: "3")?["body"], "\(result.stdout)\n\(result.stderr)")
            let path = try #require(upload["relativePath"]?.text)
            #expect(result.stderr.contains("relativePath and queryParams are in $LP_REL_PATH, $LP_TUS and $LP_TUE"))
            #expect(result.stderr.contains("replaced __relative_path__ with \(path) ($LP_REL_PATH)"))
            // The download request went out with the path (the file was never uploaded: the answer is the sandbox's).
            #expect(response(result, to: "33") != nil, "\(result.stdout)")
            #expect(result.variables["LP_REL_PATH"] == path)
            #expect(result.variables["LP_TUS"] == upload["queryParams"]?["temp_url_sig"]?.text)
            #expect(result.variables["LP_TUE"] == upload["queryParams"]?["temp_url_expires"]?.text)
            #expect(result.variables["LP_TUS"] != nil)
        }
    }
}
