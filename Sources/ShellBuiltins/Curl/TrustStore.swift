import NIOSSL
import ShellRuntime

/// Which certificates a curl transfer trusts, and the TLS configuration that follows.
///
/// The system store is always trusted; a CA file from `--cacert`, else `CURL_CA_BUNDLE`, else `SSL_CERT_FILE`,
/// is trusted in addition. `-k` turns verification off. Where the system has a hashed certificate directory, the
/// system roots are looked up there on demand and only the CA file's certificates that the system bundle lacks are
/// parsed (a cold `curl` to the sandbox spent ~6 ms parsing the system's roots twice).
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
            // As curl: a CA file that cannot be read is exit 77 even with -k.
            if let caFile, !Self.holdsPEMCertificate(caFile) { throw .caCertificateFile(caFile) }
            return configuration
        }
        if let system = SystemTrustDirectory.current {
            configuration.trustRoots = .file(system.directory)
            guard let caFile else { return configuration }
            guard let bytes = LocalFile.read(caFile), Self.holdsPEMCertificate(bytes) else {
                throw .caCertificateFile(caFile)
            }
            let missing = system.certificatesMissing(from: bytes)
            if !missing.isEmpty {
                guard let certificates = try? NIOSSLCertificate.fromPEMBytes(Array(missing.joined(separator: [10])))
                else { throw .caCertificateFile(caFile) }
                configuration.additionalTrustRoots = [.certificates(certificates)]
            }
            return configuration
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
        LocalFile.read(path).map(holdsPEMCertificate) ?? false
    }

    /// True when the bytes hold at least one PEM certificate.
    static func holdsPEMCertificate(_ bytes: [UInt8]) -> Bool {
        bytes.containsBytes("-----BEGIN CERTIFICATE-----")
    }
}
