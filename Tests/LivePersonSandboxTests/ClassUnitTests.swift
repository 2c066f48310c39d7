import Testing

@testable import LivePersonSandbox

/// The class's pure rules: secrets, redaction, the account gate's path reading, being stuck, report limits.
@Suite struct ClassUnitTests {
    @Test func aJWTAndLongSecretsAreMaskedButTheErrorStaysReadable() {
        let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLWJ5dGVz"
        #expect(
            SecretRedaction.masked("curl: (22) 401 for Bearer \(jwt) at step 3")
                == "curl: (22) 401 for Bearer [redacted] at step 3")
        let hex = String(repeating: "ab12", count: 16)
        #expect(SecretRedaction.masked("bearer=\(hex);") == "bearer=[redacted];")
        #expect(
            SecretRedaction.masked("jq: error (at <stdin>:1): null (null)") == "jq: error (at <stdin>:1): null (null)")
        #expect(SecretRedaction.masked("file a.b.c not found") == "file a.b.c not found")
    }

    @Test func constantTimeComparisonAnswersLikeEquality() {
        #expect(ClassSecrets.constantTimeEqual("abc", "abc"))
        #expect(!ClassSecrets.constantTimeEqual("abc", "abd"))
        #expect(!ClassSecrets.constantTimeEqual("abc", "abcd"))
        #expect(!ClassSecrets.constantTimeEqual("", "a"))
        #expect(ClassSecrets.constantTimeEqual("", ""))
    }

    @Test func codesAndAccountsHaveTheirShapes() {
        let code = ClassSecrets.joinCode()
        #expect(code.count == 8 && code.allSatisfy(ClassSecrets.codeAlphabet.contains))
        #expect(ClassSecrets.normalizedCode("k7qx-2p9a") == "K7QX2P9A")
        let account = ClassSecrets.accountID()
        #expect(account.count == 16 && account.allSatisfy(\.isNumber) && account.first != "0")
        #expect(ClassSecrets.randomKey().count == 43)
        #expect(ClassSecrets.randomKey() != ClassSecrets.randomKey())
    }

    @Test(arguments: [
        ("/api/account/123/anonymous/authorize", "123"),
        ("/ws_api/account/abc/messaging/consumer", "abc"),
        ("/sentinel/api/account/9/app/token", "9"),
        ("/messaging_history/api/account/77/agent-view/status", "77"),
        ("/v1/AUTH_async-images/55/x.PNG", "55"),
        ("/api/account/sandbox/service/baseURI.json", "sandbox"),
    ])
    func theGateFindsTheAccountOfEveryAccountRoute(path: String, account: String) {
        #expect(AccountGate.account(inPath: path) == account)
    }

    @Test func pathsWithoutAnAccountPassTheGate() {
        #expect(AccountGate.account(inPath: "/class/join") == nil)
        #expect(AccountGate.account(inPath: "/.well-known/jwks.json") == nil)
        #expect(AccountGate.account(inPath: "/api/account") == nil)
    }

    @Test func threeFailuresInARowOrAMinuteOfFailingIsStuck() {
        var learner = Learner(id: "l-1", name: "Ada", account: "1", tokenHash: "h", joinedAt: 0, lastSeen: 0)
        func failure(at time: Int64, step: String = "2") -> LearnerProgress {
            LearnerProgress(stepsDone: ["1"], currentStep: step, lastError: "curl: (7) refused", lastErrorAt: time)
        }
        learner.record(failure(at: 1000), at: 1000)
        #expect(!learner.isStuck(at: 2000))
        #expect(learner.isStuck(at: 61_000))
        learner.record(failure(at: 3000), at: 3000)
        learner.record(failure(at: 3000), at: 3500)  // the same error reported again is not a new failure
        #expect(learner.failuresInARow == 2)
        learner.record(failure(at: 4000), at: 4000)
        #expect(learner.isStuck(at: 4000))
        learner.record(LearnerProgress(stepsDone: ["1", "2"], currentStep: "3"), at: 5000)
        #expect(!learner.isStuck(at: 100_000))
    }

    @Test func aCommandThatWorksAfterAFailureEndsTheRun() {
        var learner = Learner(id: "l-1", name: "Ada", account: "1", tokenHash: "h", joinedAt: 0, lastSeen: 0)
        let failed = LearnerProgress(
            stepsDone: ["1"], currentStep: "2", lastError: "curl: (7) refused", lastErrorAt: 1000, commands: 4)
        learner.record(failed, at: 1000)
        #expect(learner.isStuck(at: 61_000))
        var fixed = failed
        fixed.commands = 5  // one more command, and the last error is still the old one: it worked
        learner.record(fixed, at: 2000)
        #expect(!learner.isStuck(at: 120_000))
    }

    @Test func reportsAreCutToWhatTheDashboardShows() {
        var progress = LearnerProgress()
        progress.lastError = String(repeating: "word ", count: 100) + "\nsecond line"
        progress.tokens = [
            .init(name: "LP_JWT", state: "valid", expiresIn: 10), .init(name: "LP_X", state: "eyJhbGciOi.secret"),
        ]
        progress.stepsDone = (1...500).map(String.init)
        let kept = progress.sanitized()
        #expect(kept.lastError!.count == 200 && !kept.lastError!.contains("second"))
        #expect(kept.tokens == [.init(name: "LP_JWT", state: "valid", expiresIn: 10)])
        #expect(kept.stepsDone!.count == 100)
        #expect(kept.conversations == nil)
    }

    @Test func aWildcardClassIsJoinedAtTheMachinesAddress() {
        #expect(ClassRoom.learnerHost(for: "0.0.0.0", addresses: ["10.0.0.5"]) == "10.0.0.5")
        #expect(ClassRoom.learnerHost(for: "10.0.0.5", addresses: ["10.0.0.5"]) == nil)
        // An address is named as its bytes, anything else as a DNS name, each once.
        #expect(CertificateAuthority.generalNames(["10.0.0.5", "class.local", "10.0.0.5"]).count == 2)
    }
}
