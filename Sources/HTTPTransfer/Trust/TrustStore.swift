import NIOSSL
import ShellRuntime
import Synchronization

/// Which certificates a curl transfer trusts, and the TLS configuration that follows.
///
/// The system store is always trusted; a CA file from `--cacert`, else `CURL_CA_BUNDLE`, else `SSL_CERT_FILE`,
/// is trusted in addition. `-k` turns verification off. Where the system has a hashed certificate directory, the
/// system roots are looked up there on demand and only the CA file's certificates that the system bundle lacks are
/// parsed (a cold `curl` to the sandbox spent ~6 ms parsing the system's roots twice).
package struct TrustStore: Sendable, Equatable {
    /// `-k`/`--insecure`.
    package var insecure: Bool
    /// The extra CA file, if any.
    package var caFile: String?
    /// `--tlsv1.2` (12), `--tlsv1.3` (13): the lowest TLS version offered; nil for 1.2, curl's default with OpenSSL 3.
    package var minimumTLSVersion: Int?
    /// `--cert`, `--key`: the client certificate and its key (PEM files), as read and as typed (for messages).
    package var clientCertificatePath: String?
    package var clientKeyPath: String?
    package var clientCertificateName: String?
    package var clientKeyName: String?

    /// Picks the CA file the way curl does: the option first, then the environment.
    package init(insecure: Bool, caCertificatePath: String?, environment: [String: String]) {
        self.insecure = insecure
        self.caFile =
            caCertificatePath
            ?? environment["CURL_CA_BUNDLE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["SSL_CERT_FILE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// What to trust, decided once for both TLS back ends (NIOSSL for AHC, BoringSSL for the direct transport).
    enum Roots: Equatable {
        /// `-k`: no verification.
        case unverified
        /// The system's hashed directory, plus the CA file's certificates the system bundle lacks (PEM blocks).
        case systemDirectory(String, extra: [[UInt8]])
        /// The TLS library's default roots, plus the CA file if there is one (no hashed system directory here).
        case defaultRoots(extraFile: String?)
    }

    /// What this store trusts.
    /// - Throws: `CurlError` 77 when the CA file cannot be read as PEM certificates (even with `-k`, as curl).
    func roots() throws(CurlError) -> Roots {
        if insecure {
            if let caFile, !Self.holdsPEMCertificate(caFile) { throw .caCertificateFile(caFile) }
            return .unverified
        }
        guard let system = SystemTrustDirectory.current else {
            if let caFile, !Self.holdsPEMCertificate(caFile) { throw .caCertificateFile(caFile) }
            return .defaultRoots(extraFile: caFile)
        }
        guard let caFile else { return .systemDirectory(system.directory, extra: []) }
        let version = FileReading.version(of: caFile)
        if let version, let known = Self.extraRoots.withLock({ $0[caFile] }), known.version == version {
            return .systemDirectory(system.directory, extra: known.extra)
        }
        guard let bytes = FileReading.readBytes(caFile), Self.holdsPEMCertificate(bytes) else {
            throw .caCertificateFile(caFile)
        }
        let extra = system.certificatesMissing(from: bytes)
        if let version { Self.extraRoots.withLock { $0[caFile] = (version, extra) } }
        return .systemDirectory(system.directory, extra: extra)
    }

    /// What ``roots()`` found in each CA file, by the file's version: every curl of a session names the same
    /// bundle (the sandbox's holds the system's ~140 roots), and reading and comparing it was a tenth of each
    /// tutorial curl's time.
    private static let extraRoots = Mutex<[String: (version: FileVersion, extra: [[UInt8]])]>([:])

    /// The client certificate and key, read from `--cert`/`--key`; nil without `--cert`.
    func clientIdentity() throws(CurlError) -> ClientIdentity? {
        guard let clientCertificatePath else { return nil }
        return try ClientIdentity(
            certificatePath: clientCertificatePath, keyPath: clientKeyPath,
            names: (clientCertificateName ?? clientCertificatePath, clientKeyName ?? clientKeyPath))
    }

    /// The client TLS configuration for AHC.
    /// - Throws: `CurlError` 77 when the CA file cannot be used.
    package func tlsConfiguration() throws(CurlError) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if minimumTLSVersion == 13 { configuration.minimumTLSVersion = .tlsv13 }
        if let identity = try clientIdentity() {
            guard let chain = try? NIOSSLCertificate.fromPEMBytes(identity.certificateChain),
                let key = try? NIOSSLPrivateKey(bytes: identity.privateKey, format: .pem)
            else {
                throw CurlError(
                    code: 58,
                    message:
                        "unable to set private key file: '\(clientKeyName ?? clientCertificateName ?? "")' type PEM")
            }
            configuration.certificateChain = chain.map { NIOSSLCertificateSource.certificate($0) }
            configuration.privateKey = .privateKey(key)
        }
        switch try roots() {
        case .unverified:
            configuration.certificateVerification = .none
        case .systemDirectory(let directory, let extra):
            configuration.trustRoots = .file(directory)
            if !extra.isEmpty {
                guard let certificates = try? NIOSSLCertificate.fromPEMBytes(Array(extra.joined(separator: [10])))
                else { throw .caCertificateFile(caFile ?? "") }
                configuration.additionalTrustRoots = [.certificates(certificates)]
            }
        case .defaultRoots(let extraFile):
            // Handed to BoringSSL as a file: it parses the PEM itself, much faster than NIOSSLCertificate one by
            // one, and AHC's pool key hashes a path instead of every certificate (the sandbox's bundle holds the
            // system's ~140 roots): a cold `curl` spent a third of its time there.
            if let extraFile { configuration.additionalTrustRoots = [.file(extraFile)] }
        }
        return configuration
    }

    /// True when `path` is a readable file with at least one PEM certificate in it (curl's exit 77 otherwise).
    static func holdsPEMCertificate(_ path: String) -> Bool {
        FileReading.readBytes(path).map(holdsPEMCertificate) ?? false
    }

    /// True when the bytes hold at least one PEM certificate.
    static func holdsPEMCertificate(_ bytes: [UInt8]) -> Bool {
        bytes.containsBytes("-----BEGIN CERTIFICATE-----")
    }
}
