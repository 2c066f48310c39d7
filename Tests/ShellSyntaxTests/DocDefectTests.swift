import Foundation
import ShellSyntax
import ShellTestSupport
import Testing

/// Issue 15 item 2: the pages' defects the parser and the missing-pipe check find, each one line naming the defect
/// with the corrected command, on the pages' exact lines; and the legitimate text next to each still parses.
@Suite("Doc defects")
struct DocDefectTests {
    /// The publish-images page's login line (the agent page's is the same with `v=1.2`), verbatim.
    static let loginLine =
        #"LP_BEARER=`curl -c cookies -X POST -H "Content-Type: application/json" -H "Accept: application/json" -H "Cache-Control: no-cache" -d '{"username": "'$LP_USER'","password":"'$LP_PASS'"}' "https://$LP_AGENTVEP/api/account/$LP_ACCOUNT/login?v=1.1"  jq -r .bearer`"#

    static let correctedLogin =
        #"LP_BEARER=`curl -c cookies -X POST -H "Content-Type: application/json" -H "Accept: application/json" -H "Cache-Control: no-cache" -d '{"username": "'$LP_USER'","password":"'$LP_PASS'"}' "https://$LP_AGENTVEP/api/account/$LP_ACCOUNT/login?v=1.1" | jq -r .bearer`"#

    @Test func missingPipeInACommandSubstitution() throws {
        let command = try onlySimpleCommand(Self.loginLine)
        let found = try #require(DocDefect.missingPipe(in: command, source: Self.loginLine))
        #expect(found.defect == .missingPipe(corrected: Self.correctedLogin))
        // The caret goes under `jq` in the line as typed.
        let range = try #require(found.jqRange)
        let bytes = Array(Self.loginLine.utf8)
        #expect(String(decoding: bytes[range.start..<range.end], as: UTF8.self) == "jq")
        #expect(
            found.defect.explanation
                == "'jq' here looks like a missing '|' (curl would fetch a URL named 'jq'; nothing was fetched): "
                + "did you mean: \(Self.correctedLogin)")
        #expect(found.defect.programName == "curl")
        // Without the text, the command printed from its syntax tree (`$` escaped in the backtick body).
        let printed = try #require(DocDefect.missingPipe(in: command))
        #expect(printed.jqRange == nil)
        #expect(
            printed.defect == .missingPipe(corrected: Self.correctedLogin.replacingOccurrences(of: "$", with: "\\$")))
        // The corrected command has the defect no more.
        #expect(DocDefect.missingPipe(in: try onlySimpleCommand(Self.correctedLogin)) == nil)
    }

    @Test func missingPipeOnItsOwnAndInDollarParen() throws {
        let line = #"curl -s "https://$LP_IDP/x"  jq -r .jwt > out"#
        let plain = try onlySimpleCommand(line)
        let found = try #require(DocDefect.missingPipe(in: plain, source: line))
        #expect(found.defect == .missingPipe(corrected: #"curl -s "https://$LP_IDP/x" | jq -r .jwt > out"#))
        #expect(found.jqRange == SourceRange(start: 29, end: 31))
        #expect(
            DocDefect.missingPipe(in: plain)?.defect
                == .missingPipe(corrected: #"curl -s "https://$LP_IDP/x" | jq -r .jwt >out"#))
        for line in [#"T=$(curl -s https://h/x  jq '.token')"#, #"echo "$(curl -s https://h/x  jq '.token')""#] {
            let found = try #require(DocDefect.missingPipe(in: try onlySimpleCommand(line), source: line))
            let range = try #require(found.jqRange, "\(line)")
            #expect(Array(Array(line.utf8)[range.start..<range.end]) == Array("jq".utf8), "\(line)")
            #expect(
                found.defect
                    == .missingPipe(corrected: line.replacingOccurrences(of: "  jq", with: " | jq")), "\(line)")
        }
        let dollar = try onlySimpleCommand(#"T=$(curl -s https://h/x jq '.token')"#)
        #expect(
            DocDefect.missingPipe(in: dollar)?.defect
                == .missingPipe(corrected: #"T=$(curl -s https://h/x | jq '.token')"#))
    }

    /// `jq` as an option's value, jq without a filter after it, or another command: no defect.
    @Test func notAMissingPipe() throws {
        for source in [
            "curl -o jq -r .x https://h/", "curl https://h/ jq", "curl https://h/ jq file",
            "echo curl https://h/ jq .x",
            "X=`curl https://h/ | jq .x`", "curl 'jq' https://h/",
        ] {
            #expect(DocDefect.missingPipe(in: try onlySimpleCommand(source)) == nil, "\(source)")
        }
    }

    /// Agent getting started, "Get skill list" (a `json` fence on the page, with its leading blank).
    @Test func braceWithoutCurl() {
        let line =
            #" { 1️⃣"https://$LP_ACCOUNTCONFIGREADONLY/api/account/$LP_ACCOUNT/configuration/le-users/skills?v=2.0"2️⃣ -H "Authorization: Bearer $LP_BEARER" }"#
        let corrected =
            #"curl "https://$LP_ACCOUNTCONFIGREADONLY/api/account/$LP_ACCOUNT/configuration/le-users/skills?v=2.0" -H "Authorization: Bearer $LP_BEARER""#
        assertSyntaxError(line, DocDefect.braceWithoutCurl(corrected: corrected).explanation, incomplete: false)
        #expect(
            DocDefect.braceWithoutCurl(corrected: corrected).explanation
                == #"'{ "https://…" … }' looks like a curl command missing 'curl' (the page's braces are no command): did you mean: "#
                + corrected)
        assertSyntaxError(
            "{ 1️⃣https://h/x2️⃣ -H a; }",
            DocDefect.braceWithoutCurl(corrected: "curl https://h/x -H a").explanation, incomplete: false)
    }

    @Test func braceWithoutCurlNamesTheScheme() {
        #expect(
            DocDefect.braceWithoutCurl(corrected: "curl 'http://h/x'").explanation.hasPrefix(#"'{ "http://…" … }'"#))
        #expect(
            DocDefect.braceWithoutCurl(corrected: "curl https://h/x").explanation.hasPrefix(#"'{ "https://…" … }'"#))
    }

    @Test func groupsStillParse() throws {
        for source in ["{ echo https://h/x; }", "{ curl \"https://h/x\"; }", "{\necho a\n}", "{ \"$URL\" -H a; }"] {
            _ = try Parser.parse(source)
        }
        // A group left open at the end still asks for more input.
        assertSyntaxError("1️⃣{ echo a", "expected `}` to close `{`", incomplete: true)
    }

    /// The early unauthenticated draft: its first line's stray backtick pairs with the next line's opening one.
    @Test func strayBacktick() {
        let first =
            #"UNAUTH_JWT=curl -X POST -H "Content-Type: application/json" http://$LP_IDP/api/account/$LP_ACCOUNT/anonymous/authorize| jq -r .jwt"#
        let second =
            #"LP_EXT_JWT=`curl -X POST -H "Content-Type: application/json" -d '{"authCode" : "'$UNAUTH_JWT'"}' https://$LP_IDP/api/account/$LP_ACCOUNT/authenticate | jq -r .jwt`"#
        let corrected =
            #"UNAUTH_JWT=`curl -X POST -H "Content-Type: application/json" http://$LP_IDP/api/account/$LP_ACCOUNT/anonymous/authorize| jq -r .jwt`"#
        let message = DocDefect.strayBacktick(next: "LP_EXT_JWT=`", corrected: corrected).explanation
        assertSyntaxError(first + "1️⃣`\n" + second + "\n> echo $LP_AUTH_JWT\n", message, incomplete: false)
        // As the REPL sees it after the second line, and with blanks around.
        assertSyntaxError(first + "1️⃣` \n  " + second, message, incomplete: false)
        #expect(
            message
                == "this line ends with a backtick that has no opening one: it would pair with the backtick of "
                + "'LP_EXT_JWT=`' on the next line and swallow the lines after it (neither line ran): did you mean: "
                + corrected)
        // The first line alone is still "more input", as in bash.
        assertSyntaxError(first + "1️⃣`", "unterminated backtick", incomplete: true)
    }

    @Test func multiLineBackticksStillParse() throws {
        for source in [
            "X=`\necho a\n`", "X=`\n  echo a\n  Y=1\n`", "X=`echo a\nY=`", "X=`\nY=1`", "echo \"`\nY=`\"",
            "X=`echo a` Y=`echo b`",
        ] {
            _ = try Parser.parse(source)
        }
    }
}

/// The REPL's view: the draft's first line waits for more (as in bash), the second ends the wait with the
/// explanation instead of collecting the rest of the page; the brace line never waits.
@Suite("Doc defects at the prompt")
struct DocDefectContinuationTests {
    @Test func strayBacktickEndsTheContinuation() {
        var state = ContinuationState()
        #expect(
            state.feed(
                #"UNAUTH_JWT=curl -X POST http://$LP_IDP/api/account/$LP_ACCOUNT/anonymous/authorize| jq -r .jwt`"#)
                == .needsMoreInput)
        let event = state.feed(#"LP_EXT_JWT=`curl -X POST https://$LP_IDP/x | jq -r .jwt`"#)
        guard case .syntaxError(let error, _, _) = event else {
            Issue.record("expected a syntax error, got \(event)")
            return
        }
        #expect(error.message.hasPrefix("this line ends with a backtick that has no opening one"))
        #expect(!error.isIncomplete && !state.isContinuing)
    }

    @Test func braceLineDoesNotWait() {
        var state = ContinuationState()
        let event = state.feed(
            #" { "https://$LP_ACCOUNTCONFIGREADONLY/x?v=2.0" -H "Authorization: Bearer $LP_BEARER" }"#)
        guard case .syntaxError(let error, _, _) = event else {
            Issue.record("expected a syntax error, got \(event)")
            return
        }
        #expect(error.message.contains("looks like a curl command missing 'curl'"))
        #expect(!state.isContinuing)
    }
}
