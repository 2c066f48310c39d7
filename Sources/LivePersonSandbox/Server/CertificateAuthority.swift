import Crypto
import NIOSSL
import SwiftASN1
import X509
import _CryptoExtras

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The sandbox's key material: a local CA, a server certificate for `127.0.0.1`, `::1` and `localhost`, and the
/// RSA key consumer JWTs are signed with.
///
/// Generated once (RSA key generation is slow) and kept, mode 0600, in the sandbox directory; later starts only read
/// the PEM files. The server certificate is issued again when it has expired or expires within a day.
public struct CertificateAuthority: Sendable {
    /// File names inside the sandbox directory.
    enum FileName {
        static let caCertificate = "ca.pem"
        static let caKey = "ca-key.pem"
        static let serverCertificate = "server.pem"
        static let serverKey = "server-key.pem"
        static let signingKey = "jwt-signing-key.pem"
        static let bundle = "ca-bundle.pem"
    }

    /// The system CA bundles tried, in order, for the combined bundle file.
    public static let systemBundles = [
        "/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem",
    ]

    public let directory: String
    public let caCertificatePEM: String
    public let serverCertificatePEM: String
    public let serverKeyPEM: String
    let signingKey: _RSA.Signing.PrivateKey

    public var caCertificatePath: String { Self.path(of: FileName.caCertificate, in: directory) }
    public var bundlePath: String { Self.path(of: FileName.bundle, in: directory) }

    /// Where one of the files lives in a sandbox directory.
    static func path(of file: String, in directory: String) -> String { directory + "/" + file }

    /// Reads the material from `directory`, creating whatever is missing or expired; the server certificate names
    /// localhost, 127.0.0.1 and ::1, and also `serverNames` (host names or IP addresses: a class reached from other
    /// machines), issued anew when it does not name them all.
    public static func loadOrCreate(directory: String, now: Date = Date(), serverNames: [String] = [])
        throws -> CertificateAuthority
    {
        let files = SecretFiles(directory: directory)
        try files.prepareDirectory()

        // The CA's key is parsed only when a server certificate has to be issued: at an ordinary start the files
        // are valid and the key is not needed (each P256 PEM parse cost ~4% of the embedded sandbox's start-up).
        var caKey: P256.Signing.PrivateKey?
        let caCertificate: Certificate
        let caPEM: String
        var caIsNew = false
        if files.read(FileName.caKey) != nil, let certificatePEM = files.read(FileName.caCertificate),
            let certificate = try? Certificate(pemEncoded: certificatePEM), certificate.notValidAfter > now
        {
            caCertificate = certificate
            caPEM = certificatePEM
        } else {
            let key = P256.Signing.PrivateKey()
            caKey = key
            caCertificate = try makeCACertificate(key: key, now: now)
            caPEM = try caCertificate.serializeAsPEM().pemString
            caIsNew = true
            try files.write(FileName.caKey, key.pemRepresentation)
            try files.write(FileName.caCertificate, caPEM)
            files.remove(FileName.serverCertificate)
        }

        var serverCertificatePEM = files.read(FileName.serverCertificate)
        var serverKeyPEM = files.read(FileName.serverKey)
        if !isUsableServerCertificate(
            serverCertificatePEM, key: serverKeyPEM, issuer: caCertificate, now: now, names: serverNames)
        {
            guard
                let issuerKey = caKey
                    ?? files.read(FileName.caKey).flatMap({ try? P256.Signing.PrivateKey(pemRepresentation: $0) })
            else {
                // The CA's key file is damaged: start over with a new CA (the bundle follows it).
                files.remove(FileName.caKey)
                files.remove(FileName.caCertificate)
                return try loadOrCreate(directory: directory, now: now, serverNames: serverNames)
            }
            let serverKey = P256.Signing.PrivateKey()
            let certificate = try makeServerCertificate(
                key: serverKey, issuer: caCertificate, issuerKey: issuerKey, now: now, names: serverNames)
            serverCertificatePEM = try certificate.serializeAsPEM().pemString
            serverKeyPEM = serverKey.pemRepresentation
            try files.write(FileName.serverKey, serverKeyPEM!)
            try files.write(FileName.serverCertificate, serverCertificatePEM!)
        }

        let signingKey: _RSA.Signing.PrivateKey
        if let pem = files.read(FileName.signingKey), let key = try? _RSA.Signing.PrivateKey(pemRepresentation: pem) {
            signingKey = key
        } else {
            signingKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            try files.write(FileName.signingKey, signingKey.pemRepresentation)
        }

        try writeBundle(files: files, caPEM: caPEM, caIsNew: caIsNew)
        return CertificateAuthority(
            directory: directory, caCertificatePEM: caPEM, serverCertificatePEM: serverCertificatePEM!,
            serverKeyPEM: serverKeyPEM!, signingKey: signingKey)
    }

    /// Writes `ca-bundle.pem` (the system's CA bundle, then the sandbox CA) unless it is newer than both of them:
    /// at an ordinary start nothing is read (the system bundle is ~200 KB; comparing it cost 1–2 ms of start-up).
    static func writeBundle(files: SecretFiles, caPEM: String, caIsNew: Bool) throws {
        let system = systemBundles.lazy.compactMap { path in
            SecretFiles.modificationTime(path).map { (path: path, time: $0) }
        }
        .first
        if !caIsNew, let bundleTime = SecretFiles.modificationTime(files.directory + "/" + FileName.bundle),
            let caTime = SecretFiles.modificationTime(files.directory + "/" + FileName.caCertificate),
            bundleTime >= caTime, bundleTime >= system?.time ?? .distantPast
        {
            return
        }
        let systemText = system.flatMap { try? String(contentsOfFile: $0.path, encoding: .utf8) } ?? ""
        let bundle = bundleText(systemText: systemText, caPEM: caPEM)
        if files.read(FileName.bundle) != bundle {
            try files.write(FileName.bundle, bundle)
        }
    }

    /// A CA bundle of the system's CAs (the first of ``systemBundles`` there is) followed by `caPEM`: what
    /// `ca-bundle.pem` holds, and what a class learner writes beside the class CA it pinned.
    public static func bundleText(caPEM: String) -> String {
        let systemText = systemBundles.lazy.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }.first ?? ""
        return bundleText(systemText: systemText, caPEM: caPEM)
    }

    static func bundleText(systemText: String, caPEM: String) -> String {
        systemText + (systemText.isEmpty || systemText.hasSuffix("\n") ? "" : "\n") + caPEM
            + (caPEM.hasSuffix("\n") ? "" : "\n")
    }

    static func makeCACertificate(key: P256.Signing.PrivateKey, now: Date) throws -> Certificate {
        let name = try DistinguishedName {
            OrganizationName("lp-shell")
            CommonName("lp-shell sandbox CA")
        }
        let publicKey = Certificate.PublicKey(key.publicKey)
        return try Certificate(
            version: .v3, serialNumber: .init(), publicKey: publicKey,
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(10 * 365 * 86400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: publicKey)
            },
            issuerPrivateKey: .init(key))
    }

    static func makeServerCertificate(
        key: P256.Signing.PrivateKey, issuer: Certificate, issuerKey: P256.Signing.PrivateKey, now: Date,
        names: [String] = []
    ) throws -> Certificate {
        let subject = try DistinguishedName {
            OrganizationName("lp-shell")
            CommonName("localhost")
        }
        let issuerKeyID = try issuer.extensions.subjectKeyIdentifier?.keyIdentifier
        return try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(365 * 86400),
            issuer: issuer.subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
                try ExtendedKeyUsage([.serverAuth])
                AuthorityKeyIdentifier(keyIdentifier: issuerKeyID)
                SubjectAlternativeNames(Self.generalNames(["localhost", "127.0.0.1", "::1"] + names))
            },
            issuerPrivateKey: .init(issuerKey))
    }

    /// Host names and IP addresses as certificate names (an address as its bytes, anything else as a DNS name).
    static func generalNames(_ names: [String]) -> [GeneralName] {
        var result: [GeneralName] = []
        for name in names {
            let general: GeneralName =
                IPAddressBytes.parse(name).map { .ipAddress(ASN1OctetString(contentBytes: ArraySlice($0))) }
                ?? .dnsName(name)
            if !result.contains(general) { result.append(general) }
        }
        return result
    }

    static func isUsableServerCertificate(
        _ pem: String?, key: String?, issuer: Certificate, now: Date, names: [String] = []
    ) -> Bool {
        // The key is checked with BoringSSL's own PEM reader, as the server will load it (swift-crypto's costs more).
        guard let pem, let key, (try? NIOSSLPrivateKey(bytes: Array(key.utf8), format: .pem)) != nil,
            let certificate = try? Certificate(pemEncoded: pem)
        else { return false }
        let named = (try? certificate.extensions.subjectAlternativeNames).map { Array($0) } ?? []
        return certificate.issuer == issuer.subject && certificate.notValidAfter > now.addingTimeInterval(86400)
            && certificate.notValidBefore <= now && generalNames(names).allSatisfy(named.contains)
    }
}
