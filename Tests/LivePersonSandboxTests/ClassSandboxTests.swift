import Foundation
import LivePersonAPI
import ShellTestSupport
import Testing

@testable import LivePersonSandbox

/// The class sandbox over loopback with real curl: joining, reporting, the teacher's roster and event stream, and
/// every refusal (wrong key, wrong code, another account, a huge report, a flood).
@Suite(.enabled(if: Peers.curl.isInstalled, "needs curl"))
struct ClassSandboxTests {
    @Test func aLearnerJoinsReportsAndAppearsOnTheRosterWithoutSecrets() async throws {
        try await ClassHarness.withClass { harness in
            let (token, account, answer) = try await harness.join(name: "Ada")
            #expect(answer.status == 200, "\(answer)")
            #expect(account.count == 16 && account.allSatisfy(\.isNumber))
            let exports = answer.json?["exports"]?.arrayValue ?? []
            let names = exports.compactMap { $0["name"]?.stringValue }
            #expect(names.contains("LP_IDP") && names.contains("LP_CONN_ID") && !names.contains("SSL_CERT_FILE"))
            #expect(exports.first { $0["name"]?.stringValue == "LP_ACCOUNT" }?["value"]?.stringValue == account)

            let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLWJ5dGVz"
            let report = try await harness.report(
                #"{"tutorial":"unauthenticated","stepsDone":["1","2"],"currentStep":"3","lastError":"curl: 401 with \#(jwt)","lastErrorAt":5,"tokens":[{"name":"LP_EXT_JWT","state":"valid","expiresIn":500}]}"#,
                token: token)
            #expect(report.status == 204, "\(report)")

            let learner = try #require(try await harness.state()["learners"]?.arrayValue.first)
            #expect(learner["name"]?.stringValue == "Ada")
            #expect(learner["account"]?.stringValue == account)
            #expect(learner["stepsDone"]?.arrayValue.count == 2)
            #expect(learner["currentStep"]?.stringValue == "3")
            #expect(learner["lastError"]?.stringValue == "curl: 401 with [redacted]")
            #expect(learner["online"] == .bool(true))
            let roster = try await harness.get("/class/state", key: await harness.teacherKey).body
            #expect(!roster.contains(jwt) && !roster.contains(token))
        }
    }

    @Test func wrongOrMissingTeacherKeysGet401AndNothingElse() async throws {
        try await ClassHarness.withClass { harness in
            let (token, _, _) = try await harness.join(name: "Eve")
            for path in ["/class/state", "/class/events"] {
                for key in [nil, "wrong", token, String(await harness.teacherKey.dropLast())] as [String?] {
                    let answer = try await harness.get(path, key: key)
                    #expect(answer.status == 401, "\(path) \(key ?? "-")")
                    #expect(answer.body == #"{"error":"teacher key required"}"#)
                }
            }
            let agent = try await Curl.post(
                harness.sandbox, "/class/learners/l-1/agent", headers: ["Authorization: Bearer \(token)"])
            #expect(agent.status == 401 && agent.body == #"{"error":"teacher key required"}"#)
            let rotate = try await Curl.post(harness.sandbox, "/class/code")
            #expect(rotate.status == 401)
            let session = try await Curl.post(
                harness.sandbox, "/class/session", headers: ["Authorization: Bearer nope"])
            #expect(session.status == 401)
        }
    }

    @Test func theTeacherKeyOpensADashboardSessionCookie() async throws {
        try await ClassHarness.withClass { harness in
            let jar = FileManager.default.temporaryDirectory.appendingPathComponent("class-jar-\(UUID())").path
            defer { try? FileManager.default.removeItem(atPath: jar) }
            let opened = try await Curl.run(
                harness.sandbox,
                [
                    "-X", "POST", "-c", jar, "-H", "Authorization: Bearer \(await harness.teacherKey)",
                    "https://\(harness.sandbox.hostPort)/class/session",
                ])
            #expect(opened.status == 204, "\(opened)")
            let cookies = try String(contentsOfFile: jar, encoding: .utf8)
            #expect(cookies.contains("lp_class") && cookies.contains("#HttpOnly_"))
            let state = try await Curl.run(
                harness.sandbox, ["-b", jar, "https://\(harness.sandbox.hostPort)/class/state"])
            #expect(state.status == 200 && state.json?["class"]?["name"]?.stringValue == "Test class")
        }
    }

    @Test func aWrongCodeIsRefusedAndRotationKeepsJoinedLearners() async throws {
        try await ClassHarness.withClass { harness in
            let wrong = try await Curl.post(
                harness.sandbox, "/class/join", body: #"{"code":"AAAAAAAA","name":"Mallory"}"#)
            #expect(wrong.status == 401 && wrong.body == #"{"error":"wrong join code"}"#)
            let (token, account, _) = try await harness.join(name: "Ada")
            let oldCode = await harness.code
            let rotated = try await Curl.post(
                harness.sandbox, "/class/code", headers: ["Authorization: Bearer \(await harness.teacherKey)"])
            let newCode = try #require(rotated.json?["code"]?.stringValue)
            #expect(newCode != oldCode && rotated.json?["joinLine"]?.stringValue?.contains("#\(newCode).") == true)
            let stale = try await Curl.post(
                harness.sandbox, "/class/join", body: #"{"code":"\#(oldCode)","name":"Bob"}"#)
            #expect(stale.status == 401)
            let rejoin = try await Curl.post(harness.sandbox, "/class/join", body: #"{"token":"\#(token)"}"#)
            #expect(rejoin.status == 200 && rejoin.json?["account"]?.stringValue == account, "\(rejoin)")
            let badName = try await Curl.post(
                harness.sandbox, "/class/join", body: #"{"code":"\#(newCode)","name":""}"#)
            #expect(badName.status == 400)
        }
    }

    @Test func aLearnerCannotReachAnAccountOutsideTheClass() async throws {
        try await ClassHarness.withClass { harness in
            let (_, account, _) = try await harness.join(name: "Ada")
            let own = try await Curl.post(harness.sandbox, "/api/account/\(account)/anonymous/authorize")
            #expect(own.status == 200)
            for other in ["1234567890123456", "le12345678"] {
                for path in [
                    "/api/account/\(other)/anonymous/authorize", "/api/account/\(other)/login",
                    "/api/account/\(other)/service/baseURI.json?version=1.0",
                ] {
                    let answer = try await Curl.post(harness.sandbox, path, body: "{}")
                    #expect(answer.status == 404, "\(path): \(answer)")
                    #expect(answer.body.contains("is not in this class"))
                }
            }
            // No consumer socket on an account outside the class: the upgrade is refused.
            let socket = try await Curl.run(
                harness.sandbox,
                [
                    "-H", "Connection: Upgrade", "-H", "Upgrade: websocket", "-H", "Sec-WebSocket-Version: 13",
                    "-H", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
                    "https://\(harness.sandbox.hostPort)/ws_api/account/1234567890123456/messaging/consumer?v=3",
                ])
            #expect(socket.status != 101, "\(socket)")
        }
    }

    @Test func aHugeReportGets413AndAFloodGets429WithRetryAfter() async throws {
        try await ClassHarness.withClass { harness in
            let (token, _, _) = try await harness.join(name: "Ada")
            let huge = try await harness.report(
                #"{"lastError":""# + String(repeating: "x", count: 20_000) + #""}"#, token: token)
            #expect(huge.status == 413, "\(huge)")
            let url = "https://\(harness.sandbox.hostPort)/class/progress"
            // 60 reports at once from one learner (curl's parallel mode): over the 20 a second allowed.
            let summary = try await Curl.run(
                harness.sandbox,
                [
                    "-Z", "--parallel-max", "50", "-o", "/dev/null", "-w", "%{http_code} ", "-H",
                    "Authorization: Bearer \(token)", "-d", "{}",
                ] + Array(repeating: url, count: 60))
            let codes = summary.body.split(separator: " ").map(String.init)
            #expect(codes.contains("429"), "\(summary)")
            #expect(codes.contains("204"))
            // The learner's account over HTTP: 50 requests a second, then 429 with Retry-After.
            let (_, account, _) = try await harness.join(name: "Flooder")
            let authorize = "https://\(harness.sandbox.hostPort)/api/account/\(account)/anonymous/authorize"
            let storm = try await Curl.run(
                harness.sandbox,
                ["-Z", "--parallel-max", "50", "-o", "/dev/null", "-w", "%{http_code} ", "-X", "POST"]
                    + Array(repeating: authorize, count: 120))
            let stormCodes = storm.body.split(separator: " ").map(String.init)
            #expect(stormCodes.contains("429") && stormCodes.contains("200"), "\(storm)")
            let bad = try await harness.report("not json", token: token)
            #expect(bad.status == 400)
            let unknown = try await harness.report("{}", token: "not-a-token")
            #expect(unknown.status == 401)
        }
    }

    @Test func theEventStreamSendsTheSnapshotThenEachChange() async throws {
        try await ClassHarness.withClass { harness in
            let (token, _, _) = try await harness.join(name: "Ada")
            let key = await harness.teacherKey
            let sandbox = harness.sandbox
            async let stream = Curl.run(
                sandbox,
                [
                    "-N", "--max-time", "3", "-H", "Authorization: Bearer \(key)",
                    "https://\(sandbox.hostPort)/class/events",
                ])
            try await Task.sleep(for: .milliseconds(800))
            _ = try await harness.report(#"{"stepsDone":["1","2","3"],"currentStep":"4"}"#, token: token)
            let text = try await stream.body
            #expect(text.hasPrefix("event: snapshot\ndata: {"), "\(text.prefix(200))")
            let learnerEvents = text.components(separatedBy: "event: learner\n")
            #expect(learnerEvents.count >= 2, "\(text)")
            #expect(learnerEvents.last?.contains(#""currentStep":"4""#) == true)
        }
    }

    @Test func aDurableClassKeepsItsKeyAndLearnersAcrossARestart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("class-data-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (key, token, account) = try await ClassHarness.withClass({ $0.dataDirectory = directory }) { harness in
            let (token, account, _) = try await harness.join(name: "Ada")
            return (await harness.teacherKey, token, account)
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/class.json")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let saved = try String(contentsOfFile: directory + "/class.json", encoding: .utf8)
        #expect(!saved.contains(token))
        try await ClassHarness.withClass({ $0.dataDirectory = directory }) { harness in
            #expect(await harness.teacherKey == key)
            let rejoin = try await Curl.post(harness.sandbox, "/class/join", body: #"{"token":"\#(token)"}"#)
            #expect(rejoin.json?["account"]?.stringValue == account, "\(rejoin)")
            let own = try await Curl.post(harness.sandbox, "/api/account/\(account)/anonymous/authorize")
            #expect(own.status == 200)
        }
    }

    @Test func theTeacherGetsAnAgentSessionOnALearnersAccount() async throws {
        try await ClassHarness.withClass { harness in
            let (_, account, _) = try await harness.join(name: "Ada")
            let agent = try await Curl.post(
                harness.sandbox, "/class/learners/l-1/agent",
                headers: ["Authorization: Bearer \(await harness.teacherKey)"])
            #expect(agent.status == 200)
            #expect(agent.json?["account"]?.stringValue == account)
            let socket = try #require(agent.json?["socket"]?.stringValue)
            #expect(socket.hasPrefix("wss://\(harness.sandbox.hostPort)/ws_api/account/\(account)/messaging/brand/"))
            let missing = try await Curl.post(
                harness.sandbox, "/class/learners/l-9/agent",
                headers: ["Authorization: Bearer \(await harness.teacherKey)"])
            #expect(missing.status == 404)
        }
    }

    /// `--host 0.0.0.0`: learners on other machines use the machine's address, which the join line, the exports,
    /// CSDS and the certificate all name (curl verifies it against the class CA).
    @Test(.enabled(if: !InterfaceAddresses.list().isEmpty, "needs a non-loopback interface"))
    func aWildcardClassAdvertisesTheAddressOtherMachinesReach() async throws {
        // Keys of its own: the certificate it issues names the machine's addresses, and rewriting the shared key
        // folder's certificate while other tests' sandboxes start would race with them.
        let keys = FileManager.default.temporaryDirectory.appendingPathComponent("class-wild-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: keys) }
        try await ClassHarness.withClass({
            $0.host = "0.0.0.0"
            $0.caDirectory = keys
        }) { harness in
            let address = try #require(InterfaceAddresses.list().first)
            #expect(harness.sandbox.hostPort.hasPrefix(address + ":"))
            #expect(await harness.room.joinLine.hasPrefix("lp-shell --join https://\(address):"))
            let (_, account, answer) = try await harness.join(name: "Remote")
            #expect(answer.status == 200, "\(answer)")
            let idp = answer.json?["exports"]?.arrayValue.first { $0["name"]?.stringValue == "LP_IDP" }
            #expect(idp?["value"]?.stringValue == harness.sandbox.hostPort)
            // Curl.run trusts the sandbox's own CA (this test's folder).
            let csds = try await Curl.run(
                harness.sandbox,
                ["https://\(harness.sandbox.hostPort)/api/account/\(account)/service/idp/baseURI.json?version=1.0"])
            #expect(csds.json?["baseURI"]?.stringValue == harness.sandbox.hostPort, "\(csds)")
        }
    }
}
