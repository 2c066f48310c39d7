import OptionParsing
import ShellRuntime
import Testing

@testable import ShellBuiltins

@Suite struct JWTTests {
    /// The sample token from the tutorial corpus (messaging-window-api-getting-started, step 6), signature cut.
    static let corpusHeader = "eyJraWQiOiIwMDAwMSIsInR5cCI6IkpXVCIsImFsZyI6IlJTMjU2In0"
    static let corpusPayload =
        "eyJzdWIiOiJmMDY4ZTllZi1lMzkzLTQxYTEtYmMyYy1hOTZhOWZmMGY2ZmIiLCJhdWQiOiJhY2M6cWE1NzIyMTY3NiIsImlzcyI6Imh0dHBzOlwvXC9pZHAubGl2ZXBlcnNvbi5uZXQiLCJleHAiOjE4ODIwMjM2MzIsImlhdCI6MTQ3MTc4MzU5Mn0"
    static let token = "\(corpusHeader).\(corpusPayload).HUJe1CZzqzRoJJxoTll_vDvRalKIeJJRt2MEhY-aFq__V6lrN-eb"

    @Test func decodesTheCorpusToken() {
        let result = runBuiltin(JWT.self, ["decode", Self.token])
        #expect(result.status == .success)
        let text = result.stdoutText
        #expect(
            text.hasPrefix(
                "header:\n{\n  \"kid\": \"00001\",\n  \"typ\": \"JWT\",\n  \"alg\": \"RS256\"\n}\npayload:\n"))
        #expect(text.contains("  \"iss\": \"https://idp.liveperson.net\",\n"))
        #expect(text.contains("  \"exp\": 1882023632,\n"))
        #expect(text.contains("exp: 2029-08-21 16:20:32 UTC (expires in "))
        #expect(text.contains("iat: 2016-08-21 12:46:32 UTC (issued "))
        #expect(text.hasSuffix("signature: not checked (use --jwks URL)\n"))
    }

    @Test func readsStandardInputWithBearerPrefix() {
        let result = runBuiltin(JWT.self, ["decode"], stdin: "Bearer \(Self.token)\n")
        #expect(result.status == .success)
        #expect(result.stdoutText.contains("\"aud\": \"acc:qa57221676\""))
    }

    @Test func jsonOutputForScripts() {
        let result = runBuiltin(JWT.self, ["decode", "--json", Self.token])
        #expect(result.stdoutText.hasPrefix("{\n  \"header\": {\n    \"kid\": \"00001\","))
        #expect(result.stdoutText.contains("\"payload\": {\n    \"sub\": \"f068e9ef-e393-41a1-bc2c-a96a9ff0f6fb\","))
        #expect(result.stdoutText.hasSuffix("  },\n  \"signature\": {\n    \"status\": \"not checked\"\n  }\n}\n"))
    }

    @Test func relativeTimes() {
        #expect(JWTTime.expiry(1000 + 540, now: 1000) == "expires in 9 min")
        #expect(JWTTime.expiry(1000 - 180, now: 1000) == "expired 3 min ago")
        #expect(JWTTime.expiry(1000 + 30, now: 1000) == "expires in 30 s")
        // Rounded to the nearest unit: a 10-minute token a second after it was minted still reads 10 min.
        #expect(JWTTime.expiry(1000 + 599, now: 1000) == "expires in 10 min")
        #expect(JWTTime.expiry(1000 + 569, now: 1000) == "expires in 9 min")
        #expect(JWTTime.expiry(1000 + 3590, now: 1000) == "expires in 1 h")
        #expect(JWTTime.expiry(1000 + 5400, now: 1000) == "expires in 2 h")
        #expect(JWTTime.expiry(1000 + 2 * 86_400 - 1, now: 1000) == "expires in 48 h")
        #expect(
            [59, 60, 599, 3569, 3570, 86_400, 3 * 86_400].map(JWTTime.compactSpan) == [
                "59s", "1m", "10m", "59m", "1h", "24h", "3d",
            ])
        #expect(JWTTime.issued(1000 - 7200, now: 1000) == "issued 2 h ago")
        #expect(JWTTime.format(0) == "1970-01-01 00:00:00 UTC")
        #expect(JWTTime.format(1_882_023_632) == "2029-08-21 16:20:32 UTC")
    }

    @Test func badSegmentIsOneLineWithoutTheWholeToken() {
        let result = runBuiltin(JWT.self, ["decode", "\(Self.corpusHeader).%%%%notbase64.sig"])
        #expect(result.status == .failure)
        #expect(
            result.stderr == "jwt: decode: segment 2 (payload) is not base64url: '%%%%notbase64' (13 characters)\n"
                || result.stderr.hasPrefix("jwt: decode: segment 2 (payload) is not base64url: '%%%%notbase6"))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(!result.stderr.contains(Self.corpusHeader))
    }

    @Test func wrongSegmentCount() {
        let result = runBuiltin(JWT.self, ["decode", "abc.def"])
        #expect(result.stderr == "jwt: decode: not a JWT: expected 3 dot-separated segments, found 2\n")
        #expect(result.status == .failure)
    }

    @Test func payloadThatIsNotJSON() {
        let result = runBuiltin(JWT.self, ["decode", "\(Self.corpusHeader).bm90IGpzb24.c2ln"])
        #expect(result.stderr.hasPrefix("jwt: decode: segment 2 (payload) is not JSON: 'bm90IGpzb24'"))
    }

    @Test func usageErrors() {
        #expect(runBuiltin(JWT.self, []).status == .usage)
        #expect(runBuiltin(JWT.self, ["check"]).stderr == "jwt: unknown subcommand 'check'; try 'jwt decode TOKEN'\n")
        #expect(runBuiltin(JWT.self, ["verify", Self.token]).stderr == "jwt: verify: --jwks URL is required\n")
        #expect(runBuiltin(JWT.self, ["verify", Self.token]).status == .usage)
        #expect(runBuiltin(JWT.self, ["decode", Self.token, "--jwks"]).stderr == "jwt: decode: --jwks needs a value\n")
        #expect(runBuiltin(JWT.self, ["decode", "--bogus"]).status == .usage)
        #expect(runBuiltin(JWT.self, ["decode", "-kz"]).stderr == "jwt: decode: unknown option '-kz'\n")
        #expect(runBuiltin(JWT.self, ["decode", "a", "b"]).stderr == "jwt: decode: more than one token given\n")
    }

    @Test func helpListsEveryOption() {
        #expect(JWTOptions.table(.decode).undocumentedOptions(in: JWT.usage).isEmpty)
    }
}
