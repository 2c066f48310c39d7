import Foundation
import Testing

@testable import LivePersonSandbox

/// The sandbox's key files across starts: created once (0600), reused as they are, and `ca-bundle.pem` rewritten only
/// when the CA or the system bundle is newer than it (an ordinary start reads neither).
@Suite struct CertificateAuthorityFilesTests {
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "lp-ca-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func modificationTime(_ path: String) throws -> Date {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
    }

    @Test func aSecondStartKeepsTheFilesAndTheBundle() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try CertificateAuthority.loadOrCreate(directory: directory)
        let bundle = try String(contentsOfFile: first.bundlePath, encoding: .utf8)
        #expect(bundle.hasSuffix(first.caCertificatePEM + "\n"))
        let permissions = try FileManager.default.attributesOfItem(atPath: first.bundlePath)[.posixPermissions]
        #expect(permissions as? Int == 0o600)
        let bundleTime = try Self.modificationTime(first.bundlePath)

        let second = try CertificateAuthority.loadOrCreate(directory: directory)
        #expect(second.caCertificatePEM == first.caCertificatePEM)
        #expect(second.serverCertificatePEM == first.serverCertificatePEM)
        #expect(try Self.modificationTime(second.bundlePath) == bundleTime)
    }

    @Test func aNewCAOrAMissingBundleIsWrittenAgain() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try CertificateAuthority.loadOrCreate(directory: directory)
        try FileManager.default.removeItem(atPath: first.bundlePath)
        let again = try CertificateAuthority.loadOrCreate(directory: directory)
        #expect(try String(contentsOfFile: again.bundlePath, encoding: .utf8).hasSuffix(first.caCertificatePEM + "\n"))

        // A CA that has expired is replaced; the bundle then carries the new one, not the old.
        let later = Date().addingTimeInterval(11 * 365 * 86400)
        let renewed = try CertificateAuthority.loadOrCreate(directory: directory, now: later)
        #expect(renewed.caCertificatePEM != first.caCertificatePEM)
        let bundle = try String(contentsOfFile: renewed.bundlePath, encoding: .utf8)
        #expect(bundle.hasSuffix(renewed.caCertificatePEM + "\n"))
        #expect(!bundle.contains(first.caCertificatePEM))
    }

    /// The CA's key is read only when a server certificate must be issued; a damaged one then means a new CA.
    @Test func aDamagedCAKeyIsReplacedWhenItIsNeeded() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try CertificateAuthority.loadOrCreate(directory: directory)
        try "not a key".write(toFile: directory + "/ca-key.pem", atomically: true, encoding: .utf8)
        // The server certificate is still good: the damaged key is not even read.
        let unchanged = try CertificateAuthority.loadOrCreate(directory: directory)
        #expect(unchanged.caCertificatePEM == first.caCertificatePEM)
        // Without it, a new server certificate needs the key: the CA is made again, and the bundle carries it.
        try FileManager.default.removeItem(atPath: directory + "/server.pem")
        let renewed = try CertificateAuthority.loadOrCreate(directory: directory)
        #expect(renewed.caCertificatePEM != first.caCertificatePEM)
        #expect(
            try String(contentsOfFile: renewed.bundlePath, encoding: .utf8).hasSuffix(renewed.caCertificatePEM + "\n"))
    }
}
