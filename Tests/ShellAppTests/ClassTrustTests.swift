import Foundation
import LivePersonSandbox
import ShellTestSupport
import Testing

@testable import ShellApp

/// The class CA's fingerprint: SHA-256 of the certificate's DER, base64url without padding.
@Suite("Class trust")
struct ClassTrustTests {
    @Test func fingerprintIsOpenSSLsDigestOfTheDER() throws {
        let authority = try TestCertificateAuthority.make()
        let pem = try String(contentsOfFile: authority.caPath, encoding: .utf8)
        // openssl x509 -outform der | openssl dgst -sha256 -binary | basenc --base64url (padding dropped).
        let expected = try offThreadShell(
            "openssl x509 -in '\(authority.caPath)' -outform der | openssl dgst -sha256 -binary | basenc --base64url"
        ).replacingOccurrences(of: "=", with: "").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(expected.count == 43)
        #expect(ClassFingerprint.of(pem: pem) == expected)
        let other = try String(contentsOfFile: authority.otherCAPath, encoding: .utf8)
        #expect(ClassFingerprint.of(pem: other) != expected)
    }

    @Test func noCertificateNoFingerprint() {
        #expect(ClassFingerprint.of(pem: "") == nil)
        #expect(ClassFingerprint.of(pem: "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n") == nil)
        #expect(ClassFingerprint.of(pem: "<html>not found</html>") == nil)
    }

    @Test func bundleEndsWithTheClassCA() {
        let pem = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"
        let bundle = CertificateAuthority.bundleText(caPEM: pem)
        #expect(bundle.hasSuffix(pem + "\n"))
        if FileManager.default.fileExists(atPath: CertificateAuthority.systemBundles[0]) {
            #expect(bundle.count > pem.count + 1000)
        }
    }

    func offThreadShell(_ command: String) throws -> String {
        try ChildProcess.run(
            executable: "/bin/sh", arguments: ["-c", command], stdin: nil, environment: nil, directory: nil,
            timeout: 30
        ).stdout
    }
}
