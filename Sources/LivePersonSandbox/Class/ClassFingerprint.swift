import Base64Codec
import Crypto

/// The fingerprint a join line carries (`#CODE.FINGERPRINT`): SHA-256 of the class CA certificate's DER, base64url
/// without padding. The class prints it and `lp-shell --join` checks the CA it downloads against it: one definition
/// for both sides.
public enum ClassFingerprint {
    /// The fingerprint of the first certificate in `pem`; nil when the text holds no certificate.
    public static func of(pem: String) -> String? {
        guard let der = firstCertificateDER(pem) else { return nil }
        return Base64Coding.encodeURL(Array(SHA256.hash(data: der)))
    }

    /// The DER bytes of the first `CERTIFICATE` block: the base64 of the lines between its markers.
    static func firstCertificateDER(_ pem: String) -> [UInt8]? {
        var body: [UInt8] = []
        var inside = false
        for line in pem.split(whereSeparator: \.isNewline) {
            let trimmed = SpaceTrimming.spaces(line.filter { $0 != "\r" })
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
}
