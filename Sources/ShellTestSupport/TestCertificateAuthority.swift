import Foundation

/// A throw-away CA and a server certificate for 127.0.0.1 and localhost, made with the `openssl` command.
public struct TestCertificateAuthority: Sendable {
    /// The CA certificate (PEM), to pass to `--cacert`.
    public let caPath: String
    /// The server certificate (PEM).
    public let certificatePath: String
    /// The server's private key (PEM).
    public let keyPath: String
    /// A second, unrelated CA, for "wrong CA" tests.
    public let otherCAPath: String

    /// Creates the files in a new temporary directory.
    public static func make() throws -> TestCertificateAuthority {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lp-shell-ca-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let extensions = "\(directory)/server.ext"
        try "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
            .write(toFile: extensions, atomically: true, encoding: .utf8)
        let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        for name in ["ca", "other"] {
            try openssl(
                ["req", "-x509"] + curve + [
                    "-keyout", "\(directory)/\(name)-key.pem", "-out", "\(directory)/\(name).pem", "-days", "2",
                    "-subj", "/CN=lp-shell test \(name)", "-addext", "basicConstraints=critical,CA:TRUE",
                    "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                ])
        }
        try openssl(
            ["req"] + curve + [
                "-keyout", "\(directory)/server-key.pem", "-out", "\(directory)/server.csr", "-subj", "/CN=localhost",
            ])
        try openssl([
            "x509", "-req", "-in", "\(directory)/server.csr", "-CA", "\(directory)/ca.pem", "-CAkey",
            "\(directory)/ca-key.pem", "-CAcreateserial", "-out", "\(directory)/server.pem", "-days", "2", "-extfile",
            extensions,
        ])
        return TestCertificateAuthority(
            caPath: "\(directory)/ca.pem", certificatePath: "\(directory)/server.pem",
            keyPath: "\(directory)/server-key.pem", otherCAPath: "\(directory)/other.pem")
    }

    private static func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestSupportError("openssl \(arguments.first ?? "") failed with status \(process.terminationStatus)")
        }
    }
}

/// A failure inside a test helper.
public struct TestSupportError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    /// Creates an error with a message.
    public init(_ description: String) { self.description = description }
}
