import Testing

@testable import LivePersonSandbox

struct SwiftObjectPathTests {
    @Test func readsLivePersonsRelativePath() throws {
        let path = try #require(
            SwiftObjectPath(parsing: "/v1/AUTH_async-images/qa57221676/8a66a22f-81ee-4447-b92f-78e9c3ecc819.PNG"))
        #expect(path.account == "qa57221676")
        #expect(path.object == "8a66a22f-81ee-4447-b92f-78e9c3ecc819.PNG")
        #expect(path.description == "/v1/AUTH_async-images/qa57221676/8a66a22f-81ee-4447-b92f-78e9c3ecc819.PNG")
        #expect(path.guessedContentType == "image/png")
    }

    @Test func newPathsRoundTrip() throws {
        let path = SwiftObjectPath.new(account: "sandbox", fileType: "JPEG")
        #expect(path.object.hasSuffix(".JPEG"))
        #expect(SwiftObjectPath(parsing: path.description) == path)
        #expect(path.guessedContentType == "image/jpeg")
    }

    @Test(arguments: [
        "", "/", "v1/AUTH_async-images/a/b.PNG", "/v1/AUTH_other/a/b.PNG", "/v2/AUTH_async-images/a/b.PNG",
        "/v1/AUTH_async-images/a/../b.PNG", "/v1/AUTH_async-images/a/.hidden", "/v1/AUTH_async-images/a/b/c.PNG",
        "/v1/AUTH_async-images/a.b/c.PNG", "/v1/AUTH_async-images//c.PNG", "/v1/AUTH_async-images/a/",
        "/v1/AUTH_async-images/a/b%2F..", "//v1/AUTH_async-images/a/b.PNG",
    ])
    func refusesOtherPaths(_ text: String) {
        #expect(SwiftObjectPath(parsing: text) == nil)
    }
}
