import Testing

@testable import LivePersonSandbox

@Suite("Messaging socket routes")
struct MessagingSocketRouteTests {
    @Test func theConsumerSocket() {
        #expect(MessagingSocketRoute(uri: "/ws_api/account/123/messaging/consumer?v=3") == .consumer(account: "123"))
        #expect(MessagingSocketRoute(uri: "/ws_api/account/123/messaging/consumer/") == .consumer(account: "123"))
    }

    @Test func theBrandSocketWithItsVersion() {
        #expect(
            MessagingSocketRoute(uri: "/ws_api/account/a1/messaging/brand/b2?v=2.1&x=y")
                == .brand(account: "a1", bearer: "b2", version: "2.1"))
        #expect(
            MessagingSocketRoute(uri: "/ws_api/account/a1/messaging/brand/b2")
                == .brand(account: "a1", bearer: "b2", version: nil))
    }

    @Test(arguments: [
        "/", "/ws_api/account/1/messaging", "/ws_api/account/1/messaging/consumer/extra",
        "/ws_api/account/1/messaging/brand", "/api/account/1/messaging/consumer",
    ])
    func otherPathsAreNoSocket(uri: String) {
        #expect(MessagingSocketRoute(uri: uri) == nil)
    }
}
