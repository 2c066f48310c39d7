import Foundation
import HTTPTypes
import Logging
import NIOSSL
import ShellTestSupport
import WSClient

@testable import LivePersonSandbox

#if canImport(Glibc)
    import Glibc
#endif

extension SocketDriver {
    /// Connects a consumer socket to a sandbox at `hostPort` whose CA certificate is `caPath`.
    @discardableResult
    static func connect(
        hostPort: String, caPath: String, account: String, token: String,
        _ body: @escaping @Sendable (SocketDriver) async throws -> Void
    ) async throws -> WebSocketCloseFrame? {
        var tls = TLSConfiguration.makeClientConfiguration()
        let pem = try String(contentsOfFile: caPath, encoding: .utf8)
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8)))
        var configuration = WebSocketClientConfiguration()
        configuration.additionalHeaders = [.authorization: "jwt \(token)"]
        configuration.maxFrameSize = 1 << 24
        configuration.sniHostname = "localhost"
        return try await WebSocketClient.connect(
            url: "wss://\(hostPort)\(consumerPath(account))", configuration: configuration, tlsConfiguration: tls,
            logger: Logger(label: "test-client")
        ) { inbound, outbound, _ in
            try await body(SocketDriver(inbound: inbound, outbound: outbound))
        }
    }
}
