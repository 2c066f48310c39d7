import ShellRuntime
import Testing

@testable import LivePersonSession

/// Issue 15's page walk: the doc defects of the pages beyond the seed tutorial, each explained in one line by the
/// LivePerson layer instead of a bare tool error or a wrong guess ("no CSDS service of that name").
struct PageDefectHintTests {
    static func state(_ extra: [String: String] = [:]) -> ShellState {
        ShellState(
            environment: ["LP_ACCOUNT": "sandbox", "LP_IDP": "127.0.0.1:8443", "LP_AGENTVEP": "127.0.0.1:8443"]
                .merging(extra) { $1 })
    }

    /// The older Get Agent Public Profile page: `curl https://$domain/api/account/$accountId/…/users/$userId`, its
    /// placeholder variables unset. Only that URL is explained: `$domain` in a user's own script is not watched.
    @Test func theUsersAPIPagesOwnPlaceholdersNameTheVariablesToUse() throws {
        let observer = LivePersonObserver(renderer: DiagnosticRenderer())
        #expect(!observer.watches(variable: "domain") && !observer.watches(variable: "userId"))
        func warning(_ fields: [String]) -> String {
            let io = IOStreams.capturing()
            var state = Self.state()
            observer.willRun(fields, state: &state, io: io)
            return io.stderr.capturedString
        }
        let text = warning(["curl", "https:///api/account//configuration/le-users/users/"])
        #expect(text.contains("$domain, $accountId and $userId are the older Get Agent Public Profile page's"))
        #expect(text.contains("use curl https://$LP_ACCDNDOMAIN/api/account/$LP_ACCOUNT/configuration"), "\(text)")
        #expect(warning(["curl", "https://example.com/x"]).isEmpty)
    }

    /// The unauthenticated page's early draft stores the authenticate answer in LP_EXT_JWT, then reads LP_AUTH_JWT.
    @Test func anUnsetAuthenticatedTokenPointsAtTheAuthenticationPageAndTheDraftsMixUp() throws {
        let alone = try #require(SessionAdvisor.hint(forUnset: "LP_AUTH_JWT", state: Self.state()))
        #expect(alone.hasPrefix("the Authentication page's step 2 sets it"), "\(alone)")
        #expect(!alone.contains("LP_EXT_JWT") && !alone.contains("service"))
        let draft = try #require(SessionAdvisor.hint(forUnset: "LP_AUTH_JWT", state: Self.state(["LP_EXT_JWT": "eyJ"])))
        #expect(draft.hasSuffix("stored that answer in LP_EXT_JWT instead: LP_AUTH_JWT=$LP_EXT_JWT"), "\(draft)")
    }

    /// `LP_USER= ADMIN_USERNAME` leaves LP_USER unset: the login line's warning says what sets it, not "service".
    @Test func theLoginNameAndPasswordAreThePagesOwn() throws {
        let user = try #require(SessionAdvisor.hint(forUnset: "LP_USER", state: Self.state()))
        #expect(user.contains("`LP_USER=…` line sets it to the agent's (admin's) login name, with no space after `=`"))
        let password = try #require(SessionAdvisor.hint(forUnset: "LP_PASS", state: Self.state()))
        #expect(password.contains("login password"), "\(password)")
        #expect(!user.contains("service") && !password.contains("service"))
    }

    /// The Consumer Token Creation page's `curl -X POST http://$LP_IDP/…`: the services answer on HTTPS only.
    @Test func plainHTTPToAnAccountServiceIsNamedATypo() {
        func warning(_ fields: [String]) -> String {
            let io = IOStreams(stdin: ByteInput(string: ""), stdout: .capturing(), stderr: .capturing())
            SessionAdvisor.checkPlainHTTP(in: fields, state: Self.state(), io: io, renderer: DiagnosticRenderer())
            return io.stderr.capturedString
        }
        let text = warning(["curl", "-X", "POST", "http://127.0.0.1:8443/api/account/sandbox/signup"])
        #expect(text.split(separator: "\n").count == 1, "\(text)")
        #expect(text.contains("127.0.0.1:8443 is a LivePerson service of the account, which answers on HTTPS only"))
        #expect(text.contains("use https://127.0.0.1:8443/api/account/sandbox/signup"), "\(text)")
        #expect(warning(["curl", "https://127.0.0.1:8443/api/account/sandbox/signup"]).isEmpty)
        #expect(warning(["curl", "http://example.com/x"]).isEmpty)
        #expect(warning(["echo", "http://sandbox/x"]).isEmpty, "LP_ACCOUNT's value is no host")
    }

    /// The Publish Images page's `wget` of LivePerson's logo: any small PNG does, and the note says how to make one.
    @Test func theExampleImageDownloadSaysAnyPNGDoes() {
        func note(_ fields: [String]) -> String {
            let io = IOStreams(stdin: ByteInput(string: ""), stdout: .capturing(), stderr: .capturing())
            SessionAdvisor.checkExampleDownload(
                in: fields, state: Self.state(), io: io, renderer: DiagnosticRenderer())
            return io.stderr.capturedString
        }
        let text = note(["wget", "http://www.liveperson.com/sites/default/files/LP_LOGO_1.png"])
        #expect(text.split(separator: "\n").count == 1, "\(text)")
        #expect(text.contains("any PNG under 3 MB named LP_LOGO_1.png does"))
        #expect(text.hasSuffix("| base64 --decode > LP_LOGO_1.png\n"), "\(text)")
        #expect(note(["wget", "http://www.liveperson.com/other.png"]).isEmpty)
    }
}
