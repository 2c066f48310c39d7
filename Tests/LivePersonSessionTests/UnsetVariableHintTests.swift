import ShellRuntime
import Testing

@testable import LivePersonSession

/// The advice for an `LP_*` variable that is not set (issue 15: `$LP_AGENT_PID`, which the agent pages use but never
/// set, was reported as a missing CSDS service).
struct UnsetVariableHintTests {
    static func state() -> ShellState {
        ShellState(environment: ["LP_ACCOUNT": "sandbox", "LP_AGENTVEP": "127.0.0.1:8443"])
    }

    @Test func theAgentParticipantIdSaysWhereItComesFrom() throws {
        let hint = try #require(SessionAdvisor.hint(forUnset: "LP_AGENT_PID", state: Self.state()))
        #expect(hint.hasPrefix("no page sets it: it is the agent's participant id"), "\(hint)")
        #expect(hint.contains("jq -r .config.userPid"))
        #expect(!hint.contains("service"))
    }

    @Test func anotherUnknownNameMayBeAServiceOrAnEarlierStep() throws {
        let hint = try #require(SessionAdvisor.hint(forUnset: "LP_SOMETHING", state: Self.state()))
        #expect(hint.contains("no CSDS service of that name"), "\(hint)")
        #expect(hint.hasSuffix("if the page sets it in an earlier step, run that step first"))
    }
}
