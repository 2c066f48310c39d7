import Base64Codec
import Crypto
import ShellRuntime

/// Trusting a class by the fingerprint in its join line: the CA certificate is fetched once without verification
/// (as `curl -k` would), and kept only when the SHA-256 of its DER is the fingerprint the teacher printed.
enum ClassTrust {
    /// The system CA bundles tried, in order (the embedded sandbox's list, `CertificateAuthority.systemBundles`).
    static let systemBundles = [
        "/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem",
    ]

    /// The fingerprint of the first certificate in `pem`: SHA-256 of its DER, base64url without padding; nil when
    /// the text holds no certificate.
    static func fingerprint(ofPEM pem: String) -> String? {
        guard let der = firstCertificateDER(pem) else { return nil }
        return Base64Coding.encodeURL(Array(SHA256.hash(data: der)))
    }

    /// The DER bytes of the first `CERTIFICATE` block: the base64 of the lines between its markers.
    static func firstCertificateDER(_ pem: String) -> [UInt8]? {
        var body: [UInt8] = []
        var inside = false
        for line in pem.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: " \t\r")
            if trimmed == "-----BEGIN CERTIFICATE-----" {
                inside = true
            } else if trimmed == "-----END CERTIFICATE-----" {
                guard inside else { return nil }
                let (bytes, valid) = Base64Coding.decodeStrict(body)
                return valid && !bytes.isEmpty ? bytes : nil
            } else if inside {
                body += Array(trimmed.utf8)
            }
        }
        return nil
    }

    /// The bundle for the class: the system's CA bundle, then the class CA (as the embedded sandbox writes its own).
    static func bundle(caPEM: String) -> String {
        let system = systemBundles.lazy.compactMap { FileReading.readText($0) }.first ?? ""
        let separator = system.isEmpty || system.hasSuffix("\n") ? "" : "\n"
        return system + separator + caPEM + (caPEM.hasSuffix("\n") ? "" : "\n")
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = self
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
