import Foundation
import Testing

@testable import HTTPTransfer

/// The on-demand system trust: which certificates of a CA file still need parsing.
@Suite struct SystemTrustDirectoryTests {
    let first = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"
    let second = "-----BEGIN CERTIFICATE-----\nBBBB\n-----END CERTIFICATE-----"

    @Test func pemBlocksAreSplitByteForByte() {
        let text = "# comment\n\(first)\n\n\(second)\n-----BEGIN CERTIFICATE-----\nunfinished"
        let blocks = SystemTrustDirectory.pemBlocks(Array(text.utf8))
        #expect(blocks.map { String(decoding: $0, as: UTF8.self) } == [first, second])
    }

    @Test func onlyCertificatesTheSystemBundleLacksRemain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = folder.appendingPathComponent("system.crt")
        try Data("\(first)\n".utf8).write(to: bundle)
        let system = SystemTrustDirectory(directory: folder.path, bundle: bundle.path)
        let missing = system.certificatesMissing(from: Array("\(second)\n\(first)\n".utf8))
        #expect(missing.map { String(decoding: $0, as: UTF8.self) } == [second])
    }

    @Test func anUnreadableCAFileIsCurlsError77() {
        let absent = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID().uuidString).pem")
        let trust = TrustStore(insecure: false, caCertificatePath: absent.path, environment: [:])
        #expect(throws: CurlError.caCertificateFile(absent.path)) { try trust.tlsConfiguration() }
    }

    @Test func debianSystemDirectoryIsFoundWhenPresent() {
        guard FileManager.default.fileExists(atPath: "/etc/ssl/certs/ca-certificates.crt") else { return }
        #expect(SystemTrustDirectory.find()?.directory == "/etc/ssl/certs")
    }
}
