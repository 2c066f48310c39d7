import ShellRuntime
import ShellTestSupport
import Testing

/// JWTs are masked before they reach the history file or logs.
@Suite("Secret masking")
struct SecretMaskingTests {
    let jwt = TutorialEnvFiles.jwt

    @Test func jwtBecomesItsFirstFourAndLastCharacter() {
        #expect(SecretMasking.mask(jwt) == "eyJr…E")
        #expect(SecretMasking.maskedForm(jwt) == "eyJr…E")
    }

    @Test func jwtInsideACommandLine() {
        let line = "curl -H \"Authorization: Bearer \(jwt)\" https://x; LP_JWT=\(jwt)"
        #expect(SecretMasking.mask(line) == "curl -H \"Authorization: Bearer eyJr…E\" https://x; LP_JWT=eyJr…E")
    }

    @Test func shortJWTShapedTokens() {
        let short = "eyJa.eyJb.cd"
        #expect(SecretMasking.mask(short) == short)
        #expect(SecretMasking.maskedForm("abc") == "…")
    }

    @Test(arguments: [
        "echo hello", "", "eyJ", "eyJhbGciOiJIUzI1NiJ9 without dots", "a.b.c", "echo $LP_JWT",
        "curl https://va.idp.liveperson.net/api/account/$LP_ACCOUNT/signup", "héllo wörld ✓",
    ])
    func nonJWTTextIsUntouched(text: String) {
        #expect(SecretMasking.mask(text) == text)
    }

    @Test(arguments: [
        ("curl -x http://me:s3cret@proxy.corp:3128 https://x", "curl -x http://me:…@proxy.corp:3128 https://x"),
        ("export https_proxy=http://me:s3cret@proxy:3128", "export https_proxy=http://me:…@proxy:3128"),
        ("curl -U me:s3cret -u 'bob:pw word' https://x", "curl -U me:… -u 'bob:… word' https://x"),
        ("wscat --auth \"a:b\" -c wss://h", "wscat --auth \"a:…\" -c wss://h"),
        ("curl https://user@host/ -u justuser", "curl https://user@host/ -u justuser"),
        ("curl --proxy-user me: https://x", "curl --proxy-user me: https://x"),
    ])
    func passwordsInURLsAndCredentialFlags(line: String, masked: String) {
        #expect(SecretMasking.mask(line) == masked)
    }

    @Test func everyJWTInTheTextIsMasked() {
        let masked = SecretMasking.mask("\(jwt) and \(jwt)")
        #expect(masked == "eyJr…E and eyJr…E")
        #expect(!masked.contains(jwt.dropFirst(10).prefix(20)))
    }
}
