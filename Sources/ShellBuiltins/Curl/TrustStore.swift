import NIOSSL

/// Which certificates a curl transfer trusts, and the TLS configuration that follows.
///
/// The system store is always trusted; a CA file from `--cacert`, else `CURL_CA_BUNDLE`, else `SSL_CERT_FILE`,
/// is trusted in addition. `-k` turns verification off.
struct TrustStore: Sendable, Equatable {
    /// `-k`/`--insecure`.
    var insecure: Bool
    /// The extra CA file, if any.
    var caFile: String?

    /// Picks the CA file the way curl does: the option first, then the environment.
    init(insecure: Bool, caCertificatePath: String?, environment: [String: String]) {
        self.insecure = insecure
        self.caFile =
            caCertificatePath
            ?? environment["CURL_CA_BUNDLE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["SSL_CERT_FILE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The client TLS configuration.
    /// - Throws: `CurlError` 77 when the CA file cannot be read as PEM certificates.
    func tlsConfiguration() throws(CurlError) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if insecure {
            configuration.certificateVerification = .none
        }
        if let caFile {
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(caFile)
            } catch {
                throw .caCertificateFile(caFile)
            }
            guard !certificates.isEmpty else { throw .caCertificateFile(caFile) }
            configuration.additionalTrustRoots = [.certificates(certificates)]
        }
        return configuration
    }
}
