import Foundation
import LivePersonAPI
import Testing

@testable import LivePersonSandbox

/// A class sandbox on loopback, its secrets, and real curl as learners and teacher.
struct ClassHarness {
    let sandbox: RunningSandbox
    let room: ClassRoom

    /// Starts a class (`lp-shell class --port 0`), runs `body`, stops it.
    static func withClass<T>(
        _ adjust: (inout SandboxConfiguration) -> Void = { _ in }, _ body: (ClassHarness) async throws -> T
    ) async throws -> T {
        try await SandboxHarness.withSandbox({ configuration in
            var settings = ClassSettings()
            settings.name = "Test class"
            settings.steps = [ClassStep(tutorial: "unauthenticated", id: "1", title: "Get the domains")]
            configuration.classroom = settings
            adjust(&configuration)
        }) { sandbox in
            let room = try #require(sandbox.services.classroom)
            return try await body(ClassHarness(sandbox: sandbox, room: room))
        }
    }

    var teacherKey: String { get async { await room.teacherKey } }
    var code: String { get async { await room.code } }

    /// `POST /class/join` with the class's code.
    func join(name: String) async throws -> (token: String, account: String, answer: Curl.Answer) {
        let answer = try await Curl.post(
            sandbox, "/class/join", headers: ["Content-Type: application/json"],
            body: #"{"code":"\#(await code)","name":"\#(name)"}"#)
        return (answer.json?["token"]?.stringValue ?? "", answer.json?["account"]?.stringValue ?? "", answer)
    }

    func report(_ json: String, token: String) async throws -> Curl.Answer {
        try await Curl.post(sandbox, "/class/progress", headers: ["Authorization: Bearer \(token)"], body: json)
    }

    /// `GET path` with `Authorization: Bearer key` (none when `key` is nil).
    func get(_ path: String, key: String?) async throws -> Curl.Answer {
        try await Curl.run(
            sandbox, ["https://\(sandbox.hostPort)\(path)"] + (key.map { ["-H", "Authorization: Bearer \($0)"] } ?? []))
    }

    /// The teacher's roster, parsed.
    func state() async throws -> WireJSON {
        let answer = try await get("/class/state", key: await teacherKey)
        return try #require(answer.json, "\(answer)")
    }
}

extension WireJSON {
    var arrayValue: [WireJSON] {
        if case .array(let items) = self { return items }
        return []
    }
}
