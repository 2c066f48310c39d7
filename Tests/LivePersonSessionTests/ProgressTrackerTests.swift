import Base64Codec
import ShellRuntime
import Testing

@testable import LivePersonSession

/// What a learner's shell reports to its class: steps, the first error line of a failed command, token states and
/// conversations, never a token's value.
@Suite("Class progress snapshot")
struct ProgressTrackerTests {
    static let now: Int64 = 1_765_100_000

    /// A JWT (unsigned) expiring at `exp`.
    static func jwt(exp: Int64) -> String {
        let header = Base64Coding.encodeURL(Array(#"{"alg":"RS256","typ":"JWT"}"#.utf8))
        let payload = Base64Coding.encodeURL(Array("{\"sub\":\"learner-7\",\"exp\":\(exp),\"iat\":\(exp - 600)}".utf8))
        return header + "." + payload + ".c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl"
    }

    func state(_ variables: [String: String], done: Set<String> = []) -> ShellState {
        var state = ShellState(environment: [:])
        for (name, value) in variables { try? state.variables.set(name, to: value, exported: false) }
        state.completedSteps = done
        return state
    }

    @Test func stepsDoneAndTheNextOneOfTheChosenTutorial() {
        let tracker = ProgressTracker()
        let snapshot = tracker.snapshot(
            state: state([:], done: ["unauthenticated:1", "unauthenticated:2", "other:3"]), environment: [:])
        #expect(snapshot.tutorial == "unauthenticated")
        #expect(snapshot.stepsDone == ["1", "2"])
        #expect(snapshot.currentStep == "3")
    }

    @Test func tokensAreStatesNeverValues() {
        let valid = Self.jwt(exp: Self.now + 540)
        let expiring = Self.jwt(exp: Self.now + 30)
        let expired = Self.jwt(exp: Self.now - 5)
        let tracker = ProgressTracker()
        let snapshot = tracker.snapshot(
            state: state(["LP_EXT_JWT": valid, "LP_JWT": expired, "MY_TOKEN": expiring]), environment: [:])
        let json = snapshot.json(now: Self.now)
        #expect(
            json.contains(
                #""tokens":[{"name":"LP_EXT_JWT","state":"valid","expiresIn":540},{"name":"LP_JWT","state":"expired"},"#
                    + #"{"name":"MY_TOKEN","state":"expiring","expiresIn":30}]"#), "\(json)")
        for token in [valid, expiring, expired] {
            #expect(!json.contains(token))
            #expect(!json.contains(String(token.split(separator: ".")[1])))
        }
        #expect(!json.contains("eyJ"))
        #expect(!json.contains("learner-7"))
    }

    @Test func aMissingTutorialTokenIsNamedMissing() {
        let json = ProgressTracker().snapshot(state: state([:]), environment: [:]).json(now: Self.now)
        #expect(json.contains(#"{"name":"LP_EXT_JWT","state":"missing"}"#))
        #expect(json.contains(#"{"name":"LP_JWT","state":"missing"}"#))
    }

    @Test func aFailedLineKeepsItsFirstErrorLineUntilTheNextFailure() {
        var tracker = ProgressTracker()
        var shell = state([:])
        shell.lastStatus = .init(7)
        var snapshot = tracker.record(
            status: .init(7),
            errorLines: [
                "curl: (7) Failed to connect to 127.0.0.1 port 9 after 0 ms: Connection refused", "jq: error",
            ],
            state: shell, environment: [:], nowMilliseconds: 1000)
        #expect(snapshot.lastError == "curl: (7) Failed to connect to 127.0.0.1 port 9 after 0 ms: Connection refused")
        #expect(snapshot.lastErrorAt == 1000)
        #expect(snapshot.commands == 1)
        snapshot = tracker.record(
            status: .success, errorLines: [], state: shell, environment: [:], nowMilliseconds: 2000)
        #expect(snapshot.lastErrorAt == 1000)
        #expect(snapshot.commands == 2)
        snapshot = tracker.record(
            status: .failure, errorLines: [], state: shell, environment: [:], nowMilliseconds: 3000)
        #expect(snapshot.lastError == "the command exited with status 1")
        let long = String(repeating: "x", count: 500)
        snapshot = tracker.record(
            status: .failure, errorLines: [long], state: shell, environment: [:], nowMilliseconds: 4000)
        #expect(snapshot.lastError?.count == ProgressSnapshot.errorLength)
    }

    @Test func conversationsSeenAreKeptInOrder() {
        var tracker = ProgressTracker()
        _ = tracker.record(
            status: .success, errorLines: [], state: state(["LP_CONV_ID": "c-1"]), environment: [:], nowMilliseconds: 1)
        _ = tracker.record(
            status: .success, errorLines: [], state: state(["LP_CONV_ID": "c-2"]), environment: [:], nowMilliseconds: 2)
        let snapshot = tracker.record(
            status: .success, errorLines: [], state: state(["LP_CONV_ID": "c-1"]), environment: [:], nowMilliseconds: 3)
        #expect(snapshot.conversations == ["c-2", "c-1"])
        #expect(snapshot.json(now: Self.now).hasSuffix(#""conversations":["c-2","c-1"]}"#))
    }
}
