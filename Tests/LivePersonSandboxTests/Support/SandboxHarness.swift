import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LivePersonAPI
import Logging
import NIOCore
import NIOSSL

@testable import LivePersonSandbox

/// Shared fixtures: one key directory for the whole test run (RSA key generation happens once), sandboxes on
/// 127.0.0.1 port 0, and a REST client over `app.test(.router)`.
enum SandboxHarness {
    /// Created once, before any sandbox starts, so parallel tests never race to generate keys.
    static let keyDirectory: String = {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lp-sandbox-tests-\(getpid())").path
        _ = try? CertificateAuthority.loadOrCreate(directory: directory)
        return directory
    }()

    static func configuration(_ adjust: (inout SandboxConfiguration) -> Void = { _ in }) -> SandboxConfiguration {
        var configuration = SandboxConfiguration()
        configuration.port = 0
        configuration.caDirectory = keyDirectory
        configuration.botReplyDelay = .milliseconds(50)
        adjust(&configuration)
        return configuration
    }

    /// Starts a sandbox, runs `body`, stops it.
    static func withSandbox<T>(
        _ adjust: (inout SandboxConfiguration) -> Void = { _ in }, _ body: (RunningSandbox) async throws -> T
    ) async throws -> T {
        let sandbox = try await RunningSandbox.start(configuration(adjust))
        do {
            let value = try await body(sandbox)
            await sandbox.stop()
            return value
        } catch {
            await sandbox.stop()
            throw error
        }
    }

    /// TLS settings that trust only the sandbox CA.
    static func clientTLS() throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        let pem = try String(contentsOfFile: keyDirectory + "/ca.pem", encoding: .utf8)
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8)))
        return tls
    }

    static func services(_ adjust: (inout SandboxConfiguration) -> Void = { _ in }) throws -> SandboxServices {
        let authority = try CertificateAuthority.loadOrCreate(directory: keyDirectory)
        let configuration = configuration(adjust)
        return SandboxServices(
            configuration: configuration,
            store: InMemorySandboxStore(bot: BotAgent(enabled: configuration.botEnabled, delay: configuration.botReplyDelay)),
            signer: TokenSigner(key: authority.signingKey), address: AdvertisedAddress("127.0.0.1:8443"),
            logger: Logger(label: "test"))
    }

    /// Runs `body` against the REST router without a network.
    static func withRouter<T: Sendable>(
        _ adjust: (inout SandboxConfiguration) -> Void = { _ in }, _ body: @Sendable (RESTClient) async throws -> T
    ) async throws -> T {
        let services = try services(adjust)
        let app = Application(router: buildRouter(services: services))
        return try await app.test(.router) { client in
            try await body(RESTClient(client: client, services: services))
        }
    }
}

/// A REST answer: status, headers and the body parsed as JSON when it is JSON.
struct RESTAnswer: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let text: String

    var json: WireJSON? { try? JSONDecoder().decode(WireJSON.self, from: Data(text.utf8)) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

/// Thin wrapper over the HummingbirdTesting client.
struct RESTClient: Sendable {
    let client: any TestClientProtocol
    let services: SandboxServices

    func send(
        _ method: HTTPRequest.Method, _ uri: String, body: String? = nil, headers: HTTPFields = [:]
    ) async throws -> RESTAnswer {
        var fields = headers
        if body != nil { fields[.contentType] = "application/json" }
        return try await client.execute(uri: uri, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) }) {
            response in
            RESTAnswer(status: response.status, headers: response.headers, text: String(buffer: response.body))
        }
    }
}
