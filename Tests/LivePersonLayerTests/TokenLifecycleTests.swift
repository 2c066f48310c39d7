import Foundation
import ShellTestSupport
import Testing

/// Tokens as session state: a 2-second external-token lifetime, the expiry warning, `tokens refresh`, `tokens --json`.
@Suite("Token lifecycle")
struct TokenLifecycleTests {
    @Test func expiryWarningAndRefresh() async throws {
        let session = try Session()
        defer { session.remove() }
        let result = try await session.sandbox(
            [
                "step 1", "step 2", "tokens --json", "OLD_JWT=$LP_JWT",
                // Wait (inside the shell) until the token has certainly expired.
                #"while [ "$(date +%s)" -le "$(tokens --json | jq '.[] | select(.name == "LP_JWT") | .expiresAt')" ]; do sleep 0.2; done"#,
                "tokens", "echo $LP_JWT > /dev/null", "printf 'REFRESH_START=%s\\n' \"$(date +%s)\"", "tokens refresh",
                "echo refresh-status=$?", probe("LP_JWT"), probe("OLD_JWT"), "tokens --json",
            ], options: ["--ext-token-ttl", "2s"], timeout: 60)
        #expect(result.status == 0, "\(result)")
        #expect(!result.timedOut && !result.crashed, "\(result)")

        #expect(result.stderr.contains("step: LP_EXT_JWT set, external token, expires in 2 s"), "\(result)")
        // The consumer token ends with the external one: 1 s left when step 2 ran a second after step 1 (loaded CI).
        #expect(result.stderr.contains(#/step: LP_JWT set, LP consumer token, expires in [12] s/#), "\(result)")

        // `tokens` after expiry says so; using the expired token warns and says how to refresh.
        #expect(result.stdout.contains(#/LP_JWT +LP consumer +eyJr…. +sub [^ ]+ +issued \d+ s ago +expired \d+ s ago/#))
        #expect(
            result.stderr.contains(
                #/lp-shell: warning: LP_JWT expired \d+ s ago; refresh it with `tokens refresh` \(the tutorial's step 4, then step 2\)/#
            ), "\(result)")

        // `tokens refresh` ran step 4 then step 2 and restored a valid token.
        #expect(result.stdout.contains("refresh-status=0\n"), "\(result)")
        #expect(result.stderr.contains("tokens: LP_EXT_JWT set, external token, expires in 2 s"))
        #expect(result.stderr.contains(#/tokens: LP_JWT set, LP consumer token, expires in [12] s/#), "\(result)")
        let old = try #require(result.probe("OLD_JWT").flatMap(JWTClaims.init))
        let new = try #require(result.probe("LP_JWT").flatMap(JWTClaims.init), "\(result)")
        let refreshStart = try #require(result.probe("REFRESH_START").flatMap { Int($0) })
        #expect(result.probe("LP_JWT") != result.probe("OLD_JWT"))
        #expect(new.subject == old.subject)
        #expect((new.expiresAt ?? 0) > refreshStart, "the refreshed token was already expired")
        #expect(new.lifetime == 2)

        // Step 4 sends the expired external token on purpose: no warning telling to run step 4 while it runs.
        #expect(!result.stderr.contains("warning: LP_EXT_JWT expired"), "\(result)")

        // The LP_APP_CONN_ID note is shown once per session, though step 2 ran twice.
        #expect(result.stderrCount("note: $LP_APP_CONN_ID is your LP_CONN_ID") == 1, "\(result)")

        // `tokens --json`: one object per JWT variable, with this shape; values masked.
        let jsonLines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("[") }
        #expect(jsonLines.count == 2)
        for line in jsonLines {
            let array = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [[String: Any]])
            #expect(Set(array.compactMap { $0["name"] as? String }).isSuperset(of: ["LP_EXT_JWT", "LP_JWT"]))
            for token in array {
                #expect(
                    Set(token.keys) == [
                        "name", "kind", "subject", "issuedAt", "expiresAt", "expiresIn", "refreshableUntil", "masked",
                    ])
                let masked = try #require(token["masked"] as? String)
                #expect(masked.hasPrefix("eyJr…") && masked.count == 6)
                #expect(
                    token["issuedAt"] is NSNumber && token["expiresAt"] is NSNumber && token["expiresIn"] is NSNumber)
                let isExternal = token["name"] as? String == "LP_EXT_JWT"
                #expect(token["kind"] as? String == (isExternal ? "external" : "LP consumer"))
                #expect((token["refreshableUntil"] is NSNumber) == isExternal)
            }
            #expect(!line.contains(result.probe("LP_JWT") ?? "no token"))
        }
    }

    @Test func noTokensYet() async throws {
        let session = try Session()
        defer { session.remove() }
        let result = try await session.sandbox([
            "tokens", "tokens --json", "tokens refresh", "echo status=$?", "tokens x",
        ])
        #expect(
            result.stdout
                == "no tokens yet; `step` shows how the tutorial creates them\n[]\nstatus=1\n", "\(result)")
        #expect(
            result.stderr.contains(
                "tokens: LP_EXT_JWT is not set: create it first (step 1 of `tutorial use unauthenticated`)"))
        #expect(result.stderr.contains("tokens: x: unexpected arguments"))
        #expect(result.status == 2)
    }
}
