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
}
