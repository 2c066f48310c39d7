import ShellRuntime

/// `--cert`/`--key`: the client certificate (PEM, with its chain) and private key (PEM; in the certificate file when
/// `--key` is not given) a TLS server may ask for. Read and checked once, before any connection.
struct ClientIdentity: Sendable, Equatable {
    /// The certificate file's bytes (one or more PEM certificates, the client's first).
    var certificateChain: [UInt8]
    /// The key file's bytes (a PEM private key).
    var privateKey: [UInt8]

    /// Reads the files; messages name them as `names` (as typed). - Throws: curl 7.88.1's 58 with its messages
    /// (OpenSSL's words for the reason).
    init(certificatePath: String, keyPath: String?, names: (certificate: String, key: String?)) throws(CurlError) {
        guard let certificate = FileReading.readBytes(certificatePath) else {
            throw Self.certificateError(
                names.certificate, reason: "error:80000002:system library::No such file or directory")
        }
        guard certificate.containsBytes("-----BEGIN CERTIFICATE-----") else {
            throw Self.certificateError(names.certificate, reason: "error:0480006C:PEM routines::no start line")
        }
        let keyFile = keyPath ?? certificatePath
        guard let key = FileReading.readBytes(keyFile), key.containsBytes("PRIVATE KEY-----") else {
            throw CurlError(
                code: 58, message: "unable to set private key file: '\(names.key ?? names.certificate)' type PEM")
        }
        certificateChain = certificate
        privateKey = key
    }

    private static func certificateError(_ path: String, reason: String) -> CurlError {
        CurlError(
            code: 58,
            message: "could not load PEM client certificate from \(path), OpenSSL error \(reason), "
                + "(no key found, wrong pass phrase, or wrong file format?)")
    }
}
