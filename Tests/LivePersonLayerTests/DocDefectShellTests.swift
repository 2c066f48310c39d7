import Foundation
import ShellTestSupport
import Testing

/// Issue 15 item 2 through the built lp-shell and its sandbox: each doc defect the pages print is one line naming
/// it with the corrected command (not run), and `./set_site_property.sh` works without the docker image.
@Suite("doc defects in the shell")
struct DocDefectShellTests {
    /// The publish-images page's login line, with the page's missing `|` before `jq`.
    static let brokenLogin =
        #"LP_BEARER=`curl -c cookies -X POST -H "Content-Type: application/json" -H "Accept: application/json" -H "Cache-Control: no-cache" -d '{"username": "'$LP_USER'","password":"'$LP_PASS'"}' "https://$LP_AGENTVEP/api/account/$LP_ACCOUNT/login?v=1.1"  jq -r .bearer`"#
    /// The file-sharing page's login line, which has the `|`.
    static let login = brokenLogin.replacingOccurrences(of: "\"  jq", with: "\" | jq")
    static let connect =
        #"wscat -H "Authorization:jwt $LP_JWT" -c "wss://$LP_ASYNCMESSAGINGENT/ws_api/account/$LP_ACCOUNT/messaging/consumer?v=3""#
    static let signup = #"LP_JWT=`curl -s -X POST https://$LP_IDP/api/account/$LP_ACCOUNT/signup | jq -r .jwt`"#
    static func uploadRequest(_ id: Int) -> String {
        #"{"kind":"req","id":"\#(id)","body":{"fileSize":1000,"fileType":"PNG"},"type":"ms.GenerateURLForUploadFile"    }"#
    }

    @Test func missingPipeIsExplainedAndNothingIsFetched() async throws {
        let session = try Session()
        defer { session.remove() }
        let result = try await session.sandbox([
            "LP_USER=admin", "LP_PASS=secret", Self.brokenLogin, "echo status=$?", "test -e cookies && echo fetched",
            probe("LP_BEARER"), Self.login, probe("LP_BEARER"),
        ])
        #expect(!result.timedOut && !result.crashed, "\(result)")
        let corrected = Self.login
        #expect(
            result.stderr.contains(
                "curl: line 3: 'jq' here looks like a missing '|' (curl would fetch a URL named 'jq'; nothing was "
                    + "fetched): did you mean: \(corrected)\n"),
            "\(result)")
        // The line as typed, cut to a window around the caret under `jq`.
        #expect(
            result.stderr.contains(
                "  …AGENTVEP/api/account/$LP_ACCOUNT/login?v=1.1\"  jq -r .bearer`\n"
                    + String(repeating: " ", count: 50)
                    + "^^\n"),
            "\(result)")
        #expect(result.stdout.contains("status=2\n"), "\(result)")
        #expect(!result.stdout.contains("fetched"), "\(result)")
        let bearers = result.stdout.split(separator: "\n").filter { $0.hasPrefix("LP_BEARER=") }
        #expect(bearers.count == 2 && bearers[0] == "LP_BEARER=", "\(result)")
        #expect(bearers.last.map { $0.count > "LP_BEARER=".count + 10 && !$0.hasSuffix("null") } == true, "\(result)")
        #expect(result.stderrCount("looks like a missing") == 1, "\(result)")
    }

    /// The file-sharing page's first step without the docker image: the stand-in writes the setting through the
    /// account-config API of the real sandbox, and an upload URL, refused before, is then given and takes a file.
    @Test func setSitePropertyTurnsFileSharingOn() async throws {
        let session = try Session()
        defer { session.remove() }
        let result = try await session.sandbox([
            "LP_USER=admin", "LP_PASS=secret", Self.login, Self.signup,
            Self.connect, Self.uploadRequest(3), "/close",
            "./set_site_property.sh $LP_BEARER true messaging.file.sharing.enabled", "echo status=$?",
            Self.connect, Self.uploadRequest(4), "/close",
            #"printf '\211PNG\r\n\032\n0123456789' > LP_LOGO_1.png"#,
            #"curl -s -o /dev/null -w 'upload=%{http_code}\n' "https://${LP_SWIFT}$LP_REL_PATH?temp_url_sig=$LP_TUS&temp_url_expires=$LP_TUE" --upload-file LP_LOGO_1.png"#,
        ])
        #expect(!result.timedOut && !result.crashed, "\(result)")
        #expect(result.stdout.contains("File sharing is disabled for account"), "\(result)")
        #expect(
            result.stderr.contains(
                "lp-shell: note: ./set_site_property.sh is not a file here: lp-shell runs its built-in stand-in for the "
                    + "lpinc/shell image's script (PUT https://$LP_ACCOUNTCONFIGREADWRITE/api/account/$LP_ACCOUNT/"
                    + "configuration/setting/properties/messaging.file.sharing.enabled?v=3.0)"),
            "\(result)")
        #expect(
            result.stdout.contains(
                #"{"deleted":false,"id":"messaging.file.sharing.enabled","propertyValue":{"value":true},"type":1}"#),
            "\(result)")
        #expect(result.stdout.contains("status=0\n"), "\(result)")
        #expect(result.stdout.contains("temp_url_sig"), "\(result)")
        #expect(result.stdout.contains("upload=201\n"), "\(result)")
    }

    /// What the stand-in says when a step before it did not run, and that a real script of that name still runs.
    @Test func setSitePropertyErrorsAndARealScript() async throws {
        let session = try Session()
        defer { session.remove() }
        let result = try await session.sandbox([
            "./set_site_property.sh $LP_BEARER true messaging.file.sharing.enabled", "echo status=$?",
            "set_site_property.sh null true messaging.file.sharing.enabled", "echo status=$?",
            "(unset LP_ACCOUNTCONFIGREADWRITE; ./set_site_property.sh b true messaging.file.sharing.enabled)",
            "echo status=$?",
            "set_site_property.sh nope true messaging.file.sharing.enabled", "echo status=$?",
            #"printf '#!/bin/sh\necho "script: $1 $2 $3"\n' > set_site_property.sh"#, "chmod +x set_site_property.sh",
            "./set_site_property.sh b true p",
        ])
        #expect(!result.timedOut && !result.crashed, "\(result)")
        let statuses = result.stdout.split(separator: "\n").filter { $0.hasPrefix("status=") }
        #expect(statuses == ["status=2", "status=1", "status=1", "status=22"], "\(result)")
        #expect(
            result.stderr.contains(
                "./set_site_property.sh: the bearer (first argument) is missing: $LP_BEARER is empty; the login line "
                    + "sets it: LP_BEARER=`curl"),
            "\(result)")
        #expect(result.stderr.contains("set_site_property.sh: the bearer is `null`"), "\(result)")
        #expect(
            result.stderr.contains("./set_site_property.sh: $LP_ACCOUNTCONFIGREADWRITE is not set: lp-shell sets it"),
            "\(result)")
        // An unknown bearer: the server's own one-line reason, as curl --fail-with-body prints it.
        #expect(result.stdout.contains("unknown or expired bearer"), "\(result)")
        #expect(result.stdout.contains("script: b true p\n"), "\(result)")
        #expect(result.stderrCount("is not a file here") == 1, "\(result)")
    }

    /// The agent page's "Get skill list" line and the early draft's stray backtick, pasted: one line each with the
    /// corrected command (status 2) instead of waiting for a `}` or a backtick, and the paste goes on after it, as
    /// at the prompt; a script file stops there, as every shell does at a syntax error.
    @Test func braceAndStrayBacktickAreExplainedAndThePasteGoesOn() async throws {
        let session = try Session()
        defer { session.remove() }
        let brace = try await session.sandbox([
            #" { "https://$LP_ACCOUNTCONFIGREADONLY/api/account/$LP_ACCOUNT/configuration/le-users/skills?v=2.0" -H "Authorization: Bearer $LP_BEARER" }"#,
            "echo after",
        ])
        #expect(
            brace.stderr.contains(
                #"lp-shell: syntax error: '{ "https://…" … }' looks like a curl command missing 'curl' (the page's braces are no command): did you mean: curl "https://$LP_ACCOUNTCONFIGREADONLY/api/account/$LP_ACCOUNT/configuration/le-users/skills?v=2.0" -H "Authorization: Bearer $LP_BEARER""#
                    + "\n"),
            "\(brace)")
        #expect(brace.stderr.contains("\n     ^^^^^^"), "\(brace)")
        #expect(brace.stdout.contains("after\n"), "\(brace)")

        let draft = try await session.sandbox([
            #"UNAUTH_JWT=curl -X POST -H "Content-Type: application/json" http://$LP_IDP/api/account/$LP_ACCOUNT/anonymous/authorize| jq -r .jwt`"#,
            #"LP_EXT_JWT=`curl -X POST -H "Content-Type: application/json" -d '{"authCode" : "'$UNAUTH_JWT'"}' https://$LP_IDP/api/account/$LP_ACCOUNT/authenticate | jq -r .jwt`"#,
            "> echo $LP_AUTH_JWT", "echo after",
        ])
        #expect(
            draft.stderr.contains(
                "this line ends with a backtick that has no opening one: it would pair with the backtick of "
                    + "'LP_EXT_JWT=`' on the next line and swallow the lines after it (neither line ran): did you mean: "
                    + #"UNAUTH_JWT=`curl -X POST -H "Content-Type: application/json" http://$LP_IDP/api/account/$LP_ACCOUNT/anonymous/authorize| jq -r .jwt`"#
                    + "\n"),
            "\(draft)")
        #expect(draft.stdout.contains("after\n"), "\(draft)")
        #expect(draft.stderrCount("syntax error") == 1, "\(draft)")

        // A script file is a program: it stops at the defect with status 2.
        let script = session.work.appendingPathComponent("page.sh")
        try (#" { "https://$LP_ACCOUNTCONFIGREADONLY/x" -H "Authorization: Bearer $LP_BEARER" }"# + "\necho after\n")
            .write(to: script, atomically: true, encoding: .utf8)
        let file = try await session.run(["--sandbox", script.path])
        #expect(file.status == 2 && !file.stdout.contains("after"), "\(file)")
    }
}
