import Foundation
import HTTPTypes
import LivePersonAPI
import ShellTestSupport
import Synchronization
import Testing

@testable import LivePersonSandbox

/// File sharing end to end against a real sandbox on 127.0.0.1 (spec §3.6.8): URL generation on both sockets, the
/// emulated Swift store driven by the tutorials' own curl lines, hosted-file events, and the site setting that
/// gates it all, written with an agent bearer.
///
/// The curl lines run Debian bookworm's curl 7.88.1 (`Peers.curl`, held for 7.88.1-10+deb12u14 and deb12u15): the
/// upload and download lines are verbatim from the publish-images tutorial (`curl -i "https://${LP_SWIFT}…"`).
@Suite(.timeLimit(.minutes(1)), .enabled(if: Peers.curl.isInstalled, "needs /usr/bin/curl (Debian's curl 7.88.1)"))
struct FileSharingTests {
    // MARK: Helpers

    /// The tutorial's upload line, verbatim.
    static let uploadLine =
        #"curl -i "https://${LP_SWIFT}$LP_REL_PATH?temp_url_sig=$LP_TUS&temp_url_expires=$LP_TUE" --upload-file file"#
    /// The tutorial's download line, verbatim but for the output file's name. With `-i` curl writes the answer's
    /// head into the file too, before the bytes.
    static let downloadLine =
        #"curl -i "https://${LP_SWIFT}$LP_REL_PATH?temp_url_sig=$LP_TUS&temp_url_expires=$LP_TUE" --output downloaded"#
    /// The download without the head, for comparing bytes.
    static let exactDownloadLine =
        #"curl -sS --fail "https://${LP_SWIFT}$LP_REL_PATH?temp_url_sig=$LP_TUS&temp_url_expires=$LP_TUE" --output exact"#
    /// A `GET` whose head and body go to stdout.
    static let fetchLine =
        #"curl -sS -i "https://${LP_SWIFT}$LP_REL_PATH?temp_url_sig=$LP_TUS&temp_url_expires=$LP_TUE""#

    /// What curl printed: the status code of the (last) answer head, its headers and body.
    struct CurlAnswer {
        let exitStatus: Int32
        let output: String
        let errors: String

        var status: Int? {
            let heads = output.components(separatedBy: "\r\n").filter { $0.hasPrefix("HTTP/") }
            return heads.last.flatMap { $0.split(separator: " ").dropFirst().first.flatMap { Int($0) } }
        }
        var body: String {
            guard let range = output.range(of: "\r\n\r\n", options: .backwards) else { return output }
            return String(output[range.upperBound...])
        }
        func header(_ name: String) -> String? {
            output.components(separatedBy: "\r\n").last { $0.lowercased().hasPrefix(name.lowercased() + ":") }
                .map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) }
        }
    }

    /// A scratch directory with the sandbox's exports, for running shell lines in.
    struct Shell {
        let work: URL
        let environment: [String: String]

        init(_ sandbox: RunningSandbox) throws {
            work = FileManager.default.temporaryDirectory.appendingPathComponent("lp-files-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            var environment = ["PATH": "/usr/bin:/bin", "HOME": work.path]
            for (name, value) in sandbox.exports {
                environment[name] = value
            }
            self.environment = environment
        }

        func run(_ line: String, _ variables: [String: String] = [:]) async throws -> CurlAnswer {
            let environment = self.environment.merging(variables) { $1 }
            let work = self.work
            let result = try await offThreadProcess {
                try ChildProcess.run(
                    executable: "/bin/bash", arguments: ["-c", line], stdin: nil, environment: environment,
                    directory: work, timeout: 30)
            }
            return CurlAnswer(exitStatus: result.status, output: result.stdout, errors: result.stderr)
        }

        func write(_ name: String, _ data: Data) throws {
            try data.write(to: work.appendingPathComponent(name))
        }

        func read(_ name: String) -> Data? {
            FileManager.default.contents(atPath: work.appendingPathComponent(name).path)
        }

        func remove() {
            try? FileManager.default.removeItem(at: work)
        }
    }

    /// A made-up PNG: the signature and some bytes that are not UTF-8, so the bytes must arrive untouched.
    static let image = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<1000).map { UInt8($0 % 256) })

    static func enableFileSharing(_ sandbox: RunningSandbox, _ enabled: Bool = true) async throws {
        _ = try await sandbox.services.store.setSiteProperty(
            account: sandbox.account,
            SiteProperty(id: InMemorySandboxStore.fileSharingSetting, type: 1, value: .bool(enabled)))
    }

    static func consumer(
        _ sandbox: RunningSandbox, sub: String = UUID().uuidString.lowercased(),
        _ body: @escaping @Sendable (SocketDriver) async throws -> Void
    ) async throws {
        try await SocketDriver.connect(
            sandbox, path: SocketDriver.consumerPath(sandbox.account),
            headers: [.authorization: "jwt \(sandbox.consumerToken(sub: sub))"], body)
    }

    static func brandPath(_ sandbox: RunningSandbox, bearer: String) -> String {
        "/ws_api/account/\(sandbox.account)/messaging/brand/\(bearer)?v=2"
    }

    /// The answer to request `reqId`, skipping notifications.
    static func answer(_ socket: SocketDriver, _ reqId: String) async throws -> WireJSON {
        while let frame = try await socket.next() {
            if frame["kind"]?.stringValue == "resp", frame["reqId"]?.stringValue == reqId { return frame }
        }
        throw SocketDriver.SocketClosed(waitingFor: "answer \(reqId)", received: socket.received)
    }

    /// Sends an upload URL request and returns the generated URL's parts.
    static func uploadURL(_ socket: SocketDriver, type: String = "ms.GenerateURLForUploadFile", id: String = "3")
        async throws -> (path: String, signature: String, expires: String)
    {
        try await socket.send(
            #"{"kind":"req","id":"\#(id)","body":{"fileSize":1000,"fileType":"PNG"},"type":"\#(type)"}"#)
        return try parts(of: try await answer(socket, id))
    }

    static func parts(of frame: WireJSON) throws -> (path: String, signature: String, expires: String) {
        #expect(frame["code"]?.intValue == 200, "\(frame)")
        #expect(frame["type"]?.stringValue == "ms.BaseGenerateURLResponse")
        let body = try #require(frame["body"])
        return (
            try #require(body["relativePath"]?.stringValue),
            try #require(body["queryParams"]?["temp_url_sig"]?.stringValue),
            try #require(body["queryParams"]?["temp_url_expires"]?.stringValue)
        )
    }

    static func variables(_ url: (path: String, signature: String, expires: String)) -> [String: String] {
        ["LP_REL_PATH": url.path, "LP_TUS": url.signature, "LP_TUE": url.expires]
    }

    // MARK: Tests

    @Test func bothSocketsGenerateURLs() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            try await Self.enableFileSharing(sandbox)
            try await Self.consumer(sandbox) { consumer in
                let url = try await Self.uploadURL(consumer)
                #expect(url.path.hasPrefix("/v1/AUTH_async-images/\(sandbox.account)/"))
                #expect(url.path.hasSuffix(".PNG"))
                #expect(url.signature.count == 40 && url.signature.allSatisfy(\.isHexDigit))
                let expires = try #require(Int64(url.expires))
                #expect(abs(expires - (SandboxServices.nowSeconds() + 60)) <= 2)

                // The tutorial's string size, and each documented type.
                for (index, type) in ["JPG", "JPEG", "GIF"].enumerated() {
                    try await consumer.send(
                        #"{"kind":"req","id":"t\#(index)","body":{"fileSize":"1000","fileType":"\#(type)"},"type":"ms.GenerateURLForUploadFile"}"#
                    )
                    #expect(try await Self.parts(of: try await Self.answer(consumer, "t\(index)")).path.hasSuffix(type))
                }

                let refusals = [
                    (#"{"fileSize":1000,"fileType":"BMP"}"#, 400, "fileType 'BMP' is not supported"),
                    (#"{"fileSize":1000,"fileType":"png"}"#, 400, "fileType 'png' is not supported"),
                    (#"{"fileSize":1000}"#, 400, "fileType is missing"),
                    (#"{"fileType":"PNG"}"#, 400, "fileSize is missing"),
                    (#"{"fileSize":"big","fileType":"PNG"}"#, 400, "fileSize 'big' is not a number"),
                    (#"{"fileSize":0,"fileType":"PNG"}"#, 400, "fileSize 0 is not a number"),
                    (#"{"fileSize":3145729,"fileType":"PNG"}"#, 400, "fileSize 3145729 is over the 3 MB limit"),
                ]
                for (index, (body, code, message)) in refusals.enumerated() {
                    try await consumer.send(
                        #"{"kind":"req","id":"r\#(index)","body":\#(body),"type":"ms.GenerateURLForUploadFile"}"#)
                    let frame = try await Self.answer(consumer, "r\(index)")
                    #expect(frame["code"]?.intValue == code, "\(body)")
                    #expect(frame["body"]?.stringValue?.contains(message) == true, "\(frame)")
                }

                // A download URL needs an uploaded file of this account.
                try await consumer.send(
                    #"{"kind":"req","id":"33","body":{"relativePath":"\#(url.path)"},"type":"ms.GenerateURLForDownloadFile"}"#
                )
                let missing = try await Self.answer(consumer, "33")
                #expect(missing["code"]?.intValue == 404)
                #expect(missing["body"]?.stringValue?.contains(url.path) == true)
                try await consumer.send(
                    #"{"kind":"req","id":"34","body":{"relativePath":"/v1/AUTH_async-images/other/x.PNG"},"type":"ms.GenerateURLForDownloadFile"}"#
                )
                let foreign = try await Self.answer(consumer, "34")
                #expect(foreign["code"]?.intValue == 403)
                #expect(foreign["body"]?.stringValue?.contains("belongs to account other") == true)
            }

            // The brand socket, as node-agent-sdk's file-sharing example sends it.
            let agent = await sandbox.services.store.agentLogin(account: sandbox.account, loginName: "filer")
            try await SocketDriver.connect(sandbox, path: Self.brandPath(sandbox, bearer: agent.bearer)) { brand in
                try await brand.send(
                    #"{"kind":"req","id":"1","type":".ams.ms.GenerateURLForUploadFile","body":{"fileSize":5020,"fileType":"JPEG"}}"#
                )
                let url = try Self.parts(of: try await Self.answer(brand, "1"))
                #expect(url.path.hasSuffix(".JPEG"))
                try await brand.send(
                    #"{"kind":"req","id":"2","type":".ams.ms.GenerateURLForDownloadFile","body":{"relativePath":"\#(url.path)"}}"#
                )
                #expect(try await Self.answer(brand, "2")["code"]?.intValue == 404)
                try await brand.send(
                    #"{"kind":"req","id":"3","type":".ams.ms.token.GenerateDownloadToken","body":{"downloadable":{"type":"HostedFile"}}}"#
                )
                let token = try await Self.answer(brand, "3")
                #expect(token["code"]?.intValue == 400)
                #expect(token["body"]?.stringValue?.contains("downloadable.type 'HostedFile'") == true)
            }
        }
    }

    @Test func curlUploadsAndDownloadsWithTheSignedURLs() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            try await Self.enableFileSharing(sandbox)
            let shell = try Shell(sandbox)
            defer { shell.remove() }
            try shell.write("file", Self.image)
            try await Self.consumer(sandbox) { consumer in
                let upload = try await Self.uploadURL(consumer)
                let put = try await shell.run(Self.uploadLine + " -v", Self.variables(upload))
                #expect(put.status == 201, "\(Peers.curl): \(put.output) \(put.errors)")
                #expect(put.header("Etag")?.count == 32)
                // curl asks before sending over 1 KiB; unanswered, it would wait a second.
                #expect(put.errors.contains("> Expect: 100-continue"))
                #expect(put.errors.contains("< HTTP/1.1 100 Continue"), "\(put.errors)")

                // The upload URL does not download, and a changed signature does not upload.
                let getWithPut = try await shell.run(Self.fetchLine, Self.variables(upload))
                #expect(getWithPut.status == 401)
                var forged = upload
                forged.signature = String(repeating: "0", count: 40)
                let wrong = try await shell.run(Self.uploadLine, Self.variables(forged))
                #expect(wrong.status == 401)
                #expect(wrong.body.hasPrefix("401 Unauthorized: Temp URL invalid"), "\(wrong.output)")

                try await consumer.send(
                    #"{"kind":"req","id":"33","body":{"relativePath":"\#(upload.path)"},"type":"ms.GenerateURLForDownloadFile"}"#
                )
                let download = try Self.parts(of: try await Self.answer(consumer, "33"))
                #expect(download.path == upload.path)
                let get = try await shell.run(Self.downloadLine, Self.variables(download))
                #expect(get.exitStatus == 0, "\(get.errors)")
                let saved = try #require(shell.read("downloaded"))
                #expect(saved.starts(with: Data("HTTP/1.1 200 OK\r\n".utf8)))
                #expect(saved.suffix(Self.image.count) == Self.image)
                #expect(try await shell.run(Self.exactDownloadLine, Self.variables(download)).exitStatus == 0)
                #expect(shell.read("exact") == Self.image)
                let head = try await shell.run(Self.fetchLine + " -o /dev/null -D -", Self.variables(download))
                #expect(head.status == 200)
                #expect(head.header("Content-Type") == "image/png")
                #expect(head.header("Content-Length") == String(Self.image.count))
                let store = try #require(sandbox.services.store as? InMemorySandboxStore)
                // Swift's X-Timestamp (seconds, five decimals) and Last-Modified (an HTTP date) name the object's
                // time as Foundation's String(format:) and DateFormatter wrote them.
                let objectPath = try #require(SwiftObjectPath(parsing: download.path))
                let stored = try #require(await store.swiftObject(objectPath))
                let seconds = stored.lastModified.timeIntervalSince1970
                #expect(head.header("X-Timestamp") == String(format: "%.5f", seconds))
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "en_US_POSIX")
                formatter.timeZone = TimeZone(identifier: "GMT")
                formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
                #expect(head.header("Last-Modified") == formatter.string(from: stored.lastModified))

                // A correctly signed URL that expired ten seconds ago.
                let expired = await store.tempURL(
                    method: "GET", path: download.path, expires: SandboxServices.nowSeconds() - 10)
                let late = try await shell.run(
                    Self.fetchLine,
                    Self.variables((download.path, expired.signature, expired.expires)))
                #expect(late.status == 401)
                #expect(late.body.hasPrefix("401 Unauthorized: Temp URL invalid (expired at"), "\(late.output)")

                // A signed URL for an object nobody uploaded.
                let nothing = "/v1/AUTH_async-images/\(sandbox.account)/nothing.PNG"
                let absent = await store.tempURL(method: "GET", path: nothing)
                let missing = try await shell.run(
                    Self.fetchLine, Self.variables((nothing, absent.signature, absent.expires)))
                #expect(missing.status == 404)
                #expect(missing.body.contains(nothing))

                // Over 3 MB: refused before it is stored.
                try shell.write("file", Data(count: InMemorySandboxStore.maxFileSize + 1))
                let big = try await Self.uploadURL(consumer, id: "4")
                let tooLarge = try await shell.run(Self.uploadLine, Self.variables(big))
                #expect(tooLarge.status == 413, "\(tooLarge.output)")
                #expect(await store.swiftObject(try #require(SwiftObjectPath(parsing: big.path))) == nil)
            }
        }
    }

    @Test func hostedFileFromTheConsumerReachesTheAgent() async throws {
        try await SandboxHarness.withSandbox({ $0.botEnabled = false }) { sandbox in
            try await Self.enableFileSharing(sandbox)
            let shell = try Shell(sandbox)
            defer { shell.remove() }
            try shell.write("file", Self.image)
            let agent = await sandbox.services.store.agentLogin(account: sandbox.account, loginName: "alice")
            try await SocketDriver.connect(sandbox, path: Self.brandPath(sandbox, bearer: agent.bearer)) { brand in
                try await brand.send(
                    #"{"kind":"req","id":"1","type":".ams.routing.SetAgentState","body":{"channels":["MESSAGING"],"agentUserId":"\#(agent.userId)","availability":"ONLINE"}}"#
                )
                _ = try await Self.answer(brand, "1")
                try await brand.send(
                    #"{"kind":"req","id":"2","type":".ams.routing.SubscribeRoutingTasks","body":{"brandId":"\#(sandbox.account)","agentId":"\#(agent.userId)","channelType":"MESSAGING"}}"#
                )
                _ = try await Self.answer(brand, "2")
                try await Self.consumer(sandbox, sub: "bob") { consumer in
                    try await consumer.send(#"{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"#)
                    let conversationId = try #require(
                        try await Self.answer(consumer, "1")["body"]?["conversationId"]?.stringValue)
                    var ringId: String?
                    while ringId == nil, let frame = try await brand.next() {
                        let ring = frame["body"]?["changes"]?.elements.first?["result"]?["ringsDetails"]?.elements.first
                        if ring?["convId"]?.stringValue == conversationId { ringId = ring?["ringId"]?.stringValue }
                    }
                    try await brand.send(
                        #"{"kind":"req","id":"3","body":{"ringId":"\#(try #require(ringId))","ringState":"ACCEPTED"},"type":".ams.routing.UpdateRingState"}"#
                    )
                    _ = try await Self.answer(brand, "3")

                    let upload = try await Self.uploadURL(consumer, id: "2")
                    #expect(try await shell.run(Self.uploadLine, Self.variables(upload)).status == 201)

                    // Refused hosted files name what is wrong.
                    let refusals = [
                        (
                            #""relativePath":"/v1/AUTH_async-images/\#(sandbox.account)/nothing.PNG","fileType":"PNG""#,
                            "is not an uploaded file"
                        ),
                        (#""relativePath":"\#(upload.path)","fileType":"EXE""#, "fileType 'EXE' is not supported"),
                        (
                            #""relativePath":"\#(upload.path)","fileType":"PNG","preview":"\#(String(repeating: "A", count: 31_000))""#,
                            "preview is 31000 bytes"
                        ),
                        (#""relativePath":"not a path","fileType":"PNG""#, "'not a path' is not a file path"),
                    ]
                    for (index, (fields, message)) in refusals.enumerated() {
                        try await consumer.send(
                            #"{"kind":"req","id":"p\#(index)","type":"ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"hosted/file","message":{"caption":"logo",\#(fields)}}}}"#
                        )
                        let frame = try await Self.answer(consumer, "p\(index)")
                        #expect(frame["code"]?.intValue != 200, "\(fields)")
                        #expect(frame["body"]?.stringValue?.contains(message) == true, "\(frame)")
                    }

                    // The tutorial's frame, with the preview it publishes.
                    try await consumer.send(
                        #"{"kind":"req","id":"22","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","message":{"caption":"LivePerson logo","relativePath":"\#(upload.path)","fileType":"PNG","preview":"data:image/png;base64,iVBORw0KGgo="},"contentType":"hosted/file"}},"type":"ms.PublishEvent"}"#
                    )
                    #expect(try await Self.answer(consumer, "22")["code"]?.intValue == 200)

                    var delivered: WireJSON?
                    while delivered == nil, let frame = try await brand.next() {
                        let texts = brand.received.last ?? ""
                        if texts.contains("hosted/file") && texts.contains(upload.path) { delivered = frame }
                    }
                    let text = try #require(brand.received.last)
                    #expect(text.contains(#""caption":"LivePerson logo""#))
                    #expect(text.contains(#""fileType":"PNG""#))
                    #expect(delivered != nil)

                    // The agent downloads it with a URL of its own.
                    try await brand.send(
                        #"{"kind":"req","id":"4","type":".ams.ms.GenerateURLForDownloadFile","body":{"relativePath":"\#(upload.path)"}}"#
                    )
                    let download = try Self.parts(of: try await Self.answer(brand, "4"))
                    _ = try await shell.run(Self.exactDownloadLine, Self.variables(download))
                    #expect(shell.read("exact") == Self.image)

                    try await brand.send(
                        #"{"kind":"req","id":"5","type":".ams.ms.token.GenerateDownloadToken","body":{"downloadable":{"type":"SecureForm","dialogId":"\#(conversationId)","submissionId":"s1","invitationId":"i1"}}}"#
                    )
                    let token = try await Self.answer(brand, "5")
                    #expect(token["code"]?.intValue == 200)
                    #expect(token["type"]?.stringValue == ".ams.ms.token.GenerateDownloadToken$Response")
                    #expect(token["body"]?["token"]?["type"]?.stringValue == "SecureFormReadToken")
                    #expect(token["body"]?["token"]?["readOtk"]?.stringValue?.count == 36)
                }
            }
        }
    }

    @Test func siteSettingNeedsTheAgentBearerAndGatesUploads() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let shell = try Shell(sandbox)
            defer { shell.remove() }
            let agent = await sandbox.services.store.agentLogin(account: sandbox.account, loginName: "admin")
            let other = await sandbox.services.store.agentLogin(account: "elsewhere", loginName: "admin")
            let collection =
                #"https://$LP_ACCOUNTCONFIGREADWRITE/api/account/$LP_ACCOUNT/configuration/setting/properties"#
            let property = collection + "/messaging.file.sharing.enabled?v=3.0"

            let anonymous = try await shell.run(#"curl -s -i "\#(collection)?v=3.0""#)
            #expect(anonymous.status == 401)
            #expect(anonymous.body.contains("Authorization: Bearer"))
            let foreign = try await shell.run(
                #"curl -s -i -H "Authorization: Bearer $B" "\#(property)""#, ["B": other.bearer])
            #expect(foreign.status == 401)
            #expect(foreign.body.contains("belongs to account elsewhere"))
            let unknown = try await shell.run(#"curl -s -i -H "Authorization: Bearer nope" "\#(property)""#)
            #expect(unknown.status == 401)

            // Off for a new account, and enforced.
            let list = try await shell.run(
                #"curl -s -i -H "Authorization: Bearer $B" "https://$LP_ACCOUNTCONFIGREADONLY/api/account/$LP_ACCOUNT/configuration/setting/properties?v=3.0""#,
                ["B": agent.bearer])
            #expect(list.status == 200)
            #expect(
                list.body.contains(
                    #"{"deleted":false,"id":"messaging.file.sharing.enabled","propertyValue":{"value":false},"type":1}"#
                ))
            try await Self.consumer(sandbox) { consumer in
                try await consumer.send(
                    #"{"kind":"req","id":"3","body":{"fileSize":1000,"fileType":"PNG"},"type":"ms.GenerateURLForUploadFile"}"#
                )
                let refused = try await Self.answer(consumer, "3")
                #expect(refused["code"]?.intValue == 403)
                #expect(refused["body"]?.stringValue?.contains("messaging.file.sharing.enabled") == true)
            }

            // The write set_site_property.sh makes (the value quoted, as a shell script sends it).
            let write =
                #"curl -s -i -X PUT -H "Authorization: Bearer $B" -H "If-Match: -1" -H "Content-Type: application/json" -d '{"id":"messaging.file.sharing.enabled","type":1,"propertyValue":{"value":"true"},"deleted":false}' "\#(property)""#
            #expect(try await shell.run(write.replacingOccurrences(of: "Bearer $B", with: "Bearer nope")).status == 401)
            let written = try await shell.run(write, ["B": agent.bearer])
            #expect(written.status == 200, "\(written.output)")
            #expect(written.body.contains(#""propertyValue":{"value":true}"#))
            #expect(written.header("ac-revision") != nil)
            let read = try await shell.run(
                #"curl -s -i -H "Authorization: Bearer $B" "\#(property)""#, ["B": agent.bearer])
            #expect(read.body.contains(#""propertyValue":{"value":true}"#))
            let bad = try await shell.run(
                write.replacingOccurrences(of: #""value":"true""#, with: #""value":"yes""#), ["B": agent.bearer])
            #expect(bad.status == 400)
            #expect(bad.body.contains("'yes' is not a boolean"))
            try await Self.consumer(sandbox) { consumer in
                _ = try await Self.uploadURL(consumer)
            }

            // Off again: refused again; another account was never enabled.
            _ = try await shell.run(
                write.replacingOccurrences(of: #""value":"true""#, with: "\"value\":false"), ["B": agent.bearer])
            try await Self.consumer(sandbox) { consumer in
                try await consumer.send(
                    #"{"kind":"req","id":"5","body":{"fileSize":1000,"fileType":"PNG"},"type":"ms.GenerateURLForUploadFile"}"#
                )
                #expect(try await Self.answer(consumer, "5")["code"]?.intValue == 403)
            }
            #expect(
                await sandbox.services.store.siteProperty(account: "elsewhere", id: "messaging.file.sharing.enabled")
                    == SiteProperty(id: "messaging.file.sharing.enabled", type: 1, value: .bool(false)))
        }
    }

    @Test func filesAndSettingsSurviveARestartWithData() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("lp-files-data-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let path = try await SandboxHarness.withSandbox({ $0.dataDirectory = data.path }) { sandbox in
            try await Self.enableFileSharing(sandbox)
            let shell = try Shell(sandbox)
            defer { shell.remove() }
            try shell.write("file", Self.image)
            let path = Mutex<String?>(nil)
            try await Self.consumer(sandbox) { consumer in
                let upload = try await Self.uploadURL(consumer)
                #expect(try await shell.run(Self.uploadLine, Self.variables(upload)).status == 201)
                path.withLock { $0 = upload.path }
            }
            return try #require(path.withLock { $0 })
        }
        try await SandboxHarness.withSandbox({ $0.dataDirectory = data.path }) { sandbox in
            let store = sandbox.services.store
            #expect(await store.fileSharingEnabled(account: sandbox.account))
            let shell = try Shell(sandbox)
            defer { shell.remove() }
            try await Self.consumer(sandbox) { consumer in
                try await consumer.send(
                    #"{"kind":"req","id":"33","body":{"relativePath":"\#(path)"},"type":"ms.GenerateURLForDownloadFile"}"#
                )
                let download = try Self.parts(of: try await Self.answer(consumer, "33"))
                let get = try await shell.run(Self.exactDownloadLine, Self.variables(download))
                #expect(get.exitStatus == 0, "\(get.errors)")
                #expect(shell.read("exact") == Self.image)
            }
        }
    }
}
