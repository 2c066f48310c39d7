import Foundation
import ShellTestSupport
import Testing

/// `step`, `step N`, `step N --dry-run` and `step next` of the unauthenticated tutorial, through stdin.
@Suite("step commands")
struct StepTests {
    @Test func stepsOneToFour() async throws {
        let session = try Session()
        defer { session.remove() }
        let result = try await session.sandbox([
            "step", "step 1 --dry-run", probe("LP_EXT_JWT"), "step 1", probe("LP_EXT_JWT"), "step next",
            probe("LP_JWT"), "step 3", probe("LP_CONV_ID"), "step 4", "step", "step next",
        ])
        #expect(result.status == 0, "\(result)")
        #expect(!result.timedOut && !result.crashed, "\(result)")
        let out = result.stdout

        // `step` before anything ran: four steps, none done.
        let listing = """
            Unauthenticated Messaging (unauthenticated)
                1. Create an Unauthenticated External JWT
                2. Exchange the External JWT with internal token
                3. Create a Conversation
                4. Refresh an External Token
            Run one with `step N` (`step N --dry-run` only prints it), or `step next`.

            """
        #expect(out.hasPrefix(listing), "\(result)")

        // `--dry-run` prints the doc's command and runs nothing.
        let step1Command =
            #"$ LP_EXT_JWT=`curl -X POST -H "Content-Type: application/json" https://$LP_IDP/api/account/$LP_ACCOUNT/anonymous/authorize | jq -r .token`"#
        #expect(out.contains("Step 1 - Create an Unauthenticated External JWT\n\(step1Command)\nLP_EXT_JWT=\n"))

        // Steps 1, 2 (`step next`), 3 and 4 each report what changed and get a ✓.
        #expect(result.stderr.contains("step: LP_EXT_JWT set, external token, expires in 10 min\nstep 1 ✓\n"))
        #expect(result.stderr.contains("step: LP_JWT set, LP consumer token, expires in 10 min\nstep 2 ✓\n"))
        #expect(out.contains("Step 2 - Exchange the External JWT with internal token\n"))
        #expect(result.stderr.contains("step: LP_CONV_ID set\nstep 3 ✓\n"), "\(result)")
        #expect(result.stderrCount("step 4 ✓") == 1)
        // Step 4 refreshes it: 10 min again.
        #expect(result.stderrCount("step: LP_EXT_JWT set, external token, expires in 10 min") == 2, "\(result)")

        let tokens = out.split(separator: "\n").filter { $0.hasPrefix("LP_EXT_JWT=eyJ") }
        #expect(tokens.count == 1)
        #expect(JWTClaims(String(tokens.first?.dropFirst(11) ?? ""))?.isUnexpired == true)
        #expect(result.probe("LP_JWT").flatMap(JWTClaims.init)?.isUnexpired == true)

        // Step 3 opened the socket, captured the conversation and showed the bot's reply.
        let conversation = try #require(result.probe("LP_CONV_ID"))
        #expect(UUID(uuidString: conversation) != nil)
        #expect(out.contains(#""message":"echo: hi there""#), "\(result)")

        // `step` afterwards: all four ✓; `step next` has nothing left.
        #expect(out.contains("  ✓ 1. Create an Unauthenticated External JWT\n  ✓ 2. Exchange"))
        #expect(out.contains("  ✓ 3. Create a Conversation\n  ✓ 4. Refresh an External Token\n"))
        #expect(result.stderr.contains("step: every step of Unauthenticated Messaging is done ✓"))
    }

    @Test func unknownStepAndBadArguments() async throws {
        let session = try Session()
        defer { session.remove() }
        let result = try await session.sandbox(["step 9", "echo status=$?", "step 1 2", "echo status=$?"])
        #expect(result.stdout == "status=2\nstatus=2\n", "\(result)")
        #expect(result.stderr.contains("step: 9: no such step in unauthenticated (steps: 1, 2, 3, 4)"), "\(result)")
        #expect(result.stderr.contains("step: 2: unexpected argument"))
    }

    /// The docs' `$LP_APP_CONN_ID` empty (doc inconsistency 1): step 2 fails with the cause in plain words.
    @Test func emptyConnectorIDIsExplained() async throws {
        let session = try Session()
        defer { session.remove() }
        let result = try await session.sandbox(["step 1 2>/dev/null", "LP_APP_CONN_ID=", "step 2", "echo status=$?"])
        #expect(result.stdout.hasSuffix("status=1\n"), "\(result)")
        #expect(result.stderr.contains("step: ✗ LP_JWT is "), "\(result)")
        #expect(
            result.stderr.contains(
                "$LP_APP_CONN_ID is empty, so the URL became …/app//authenticate: start lp-shell with "
                    + "--env LP_CONN_ID=<your connector id>"), "\(result)")
        #expect(!result.stderr.contains("step 2 ✓"))
    }
}
