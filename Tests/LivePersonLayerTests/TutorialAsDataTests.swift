import Foundation
import ShellTestSupport
import Testing

/// A new tutorial is data only: a `.tutorial` file with its own step numbers and token names gets the advice for
/// its unset variables, `tokens refresh` runs its `refresh:` steps, and no code names them.
@Suite("A tutorial as data") struct TutorialAsDataTests {
    static let mini = #"""
        # A tutorial written only as data
        name: mini
        needs: LP_ACCOUNT LP_IDP LP_APP_CONN_ID
        summary: The unauthenticated flow with other step numbers and another token name.
        refresh: 3 2

        ## 1. Get an external token
        explain: The IdP's anonymous token.
        run: LP_MY_EXT=`curl -s -X POST https://$LP_IDP/api/account/$LP_ACCOUNT/anonymous/authorize | jq -r .token`
        check: jwt LP_MY_EXT

        ## 2. Exchange it
        explain: The connector trades it for a LivePerson token.
        run: LP_JWT=`curl -s -X POST -H "Content-Type: application/json" -d '{"id_token" : "'$LP_MY_EXT'"}' https://$LP_IDP/api/account/$LP_ACCOUNT/app/$LP_APP_CONN_ID/authenticate?v=3.0 | jq -r .token`
        check: jwt LP_JWT

        ## 3. Refresh the external token
        explain: Send it back for a fresh one.
        run: LP_MY_EXT=`curl -s -X POST -H "Content-Type: application/json" -d '{ "id_token":"'$LP_MY_EXT'" }' https://$LP_IDP/api/account/$LP_ACCOUNT/anonymous/authorize | jq -r .token`
        check: jwt LP_MY_EXT
        """#

    @Test func itsRolesComeFromTheFile() async throws {
        let session = try Session()
        defer { session.remove() }
        let folder = session.root.path + "/data/lp-shell/tutorials"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.mini.write(toFile: folder + "/mini.tutorial", atomically: true, encoding: .utf8)
        let result = try await session.sandbox([
            "tutorial use mini", "echo \"[$LP_MY_EXT]\"", "tokens refresh", "echo refresh=$?",
            "step 1", "step 2", "tokens refresh", "echo refresh=$?",
        ])
        #expect(
            result.stderr.contains(
                "lp-shell: warning: LP_MY_EXT is not set; step 1 of the mini tutorial creates it (`step 1`)"),
            "\(result)")
        #expect(
            result.stderr.contains("tokens: LP_MY_EXT is not set: create it first (step 1 of `tutorial use mini`)"))
        #expect(result.stdout.contains("refresh=1\n") && result.stdout.contains("refresh=0\n"), "\(result)")
        // The refresh ran the file's step 3, then its step 2 (each checked: a valid token came back).
        let third = try #require(result.stderr.range(of: "$ LP_MY_EXT=`curl", options: .backwards))
        let exchange = try #require(result.stderr.range(of: "$ LP_JWT=`curl", options: .backwards))
        #expect(third.lowerBound < exchange.lowerBound)
    }
}
