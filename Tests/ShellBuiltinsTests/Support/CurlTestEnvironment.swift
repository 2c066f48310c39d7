import Foundation
import NIOSSL
import ShellTestSupport

/// The servers every curl test shares: plain HTTP and HTTPS signed by a throw-away CA.
final class CurlTestEnvironment: Sendable {
    let http: HTTPTestServer
    let https: HTTPTestServer
    let authority: TestCertificateAuthority
    /// A forward proxy, and one that wants `Proxy-Authorization` for `user:secret`.
    let proxy: HTTPTestProxy
    let authProxy: HTTPTestProxy

    private init(
        http: HTTPTestServer, https: HTTPTestServer, authority: TestCertificateAuthority, proxy: HTTPTestProxy,
        authProxy: HTTPTestProxy
    ) {
        self.http = http
        self.https = https
        self.authority = authority
        self.proxy = proxy
        self.authProxy = authProxy
    }

    private static let instance = Task { try await make() }
    private static let differentialInstance = Task { try await make() }

    /// The servers the differential suite uses, apart from the spec suite's so recorded requests don't mix.
    static func differential() async throws -> CurlTestEnvironment {
        try await differentialInstance.value
    }

    private static func make() async throws -> CurlTestEnvironment {
        let authority = try TestCertificateAuthority.make()
        let tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(authority.certificatePath).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: authority.keyPath, format: .pem)))
        let http = try await HTTPTestServer.start()
        let https = try await HTTPTestServer.start(tls: tls)
        return CurlTestEnvironment(
            http: http, https: https, authority: authority, proxy: try HTTPTestProxy(),
            authProxy: try HTTPTestProxy(credentials: "user:secret"))
    }

    /// The shared servers, started on first use.
    static func shared() async throws -> CurlTestEnvironment {
        try await instance.value
    }

    /// Replaces `{URL}`, `{TLSURL}`, `{HOSTPORT}`, `{TLSHOSTPORT}`, `{PORT}`, `{CA}`, `{OTHERCA}`, `{TMP}`,
    /// `{PROXY}` and `{AUTHPROXY}` (the proxies' `127.0.0.1:PORT`), `{SERVERCERT}` and `{SERVERKEY}` (the HTTPS
    /// server's certificate and key, PEM, usable as a client certificate).
    func substitute(_ text: String, temporaryDirectory: String) -> String {
        text.replacingOccurrences(of: "{URL}", with: http.baseURL)
            .replacingOccurrences(of: "{AUTHPROXY}", with: authProxy.hostPort)
            .replacingOccurrences(of: "{PROXY}", with: proxy.hostPort)
            .replacingOccurrences(of: "{TLSURL}", with: https.baseURL)
            .replacingOccurrences(of: "{HOSTPORT}", with: "127.0.0.1:\(http.port)")
            .replacingOccurrences(of: "{TLSHOSTPORT}", with: "127.0.0.1:\(https.port)")
            .replacingOccurrences(of: "{PORT}", with: String(http.port))
            .replacingOccurrences(of: "{OTHERCA}", with: authority.otherCAPath)
            .replacingOccurrences(of: "{CA}", with: authority.caPath)
            .replacingOccurrences(of: "{SERVERCERT}", with: authority.certificatePath)
            .replacingOccurrences(of: "{SERVERKEY}", with: authority.keyPath)
            .replacingOccurrences(of: "{TMP}", with: temporaryDirectory)
    }

    /// A new empty directory.
    static func makeTemporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lp-curl-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
