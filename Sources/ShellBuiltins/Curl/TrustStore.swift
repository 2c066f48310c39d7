import NIOSSL
import ShellRuntime

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
            // Handed to BoringSSL as a file: it parses the PEM itself, much faster than NIOSSLCertificate one by
            // one, and AHC's pool key hashes a path instead of every certificate (the sandbox's bundle holds the
            // system's ~140 roots): a cold `curl` spent a third of its time there.
            guard Self.holdsPEMCertificate(caFile) else { throw .caCertificateFile(caFile) }
            configuration.additionalTrustRoots = [.file(caFile)]
        }
        return configuration
    }

    /// True when `path` is a readable file with at least one PEM certificate in it (curl's exit 77 otherwise).
    static func holdsPEMCertificate(_ path: String) -> Bool {
        LocalFile.read(path)?.containsBytes("-----BEGIN CERTIFICATE-----") ?? false
    }
}
