import Foundation
import Testing

@testable import ShellBuiltins

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
        let caFile = folder.appendingPathComponent("sandbox-bundle.pem")
        try Data("\(first)\n".utf8).write(to: bundle)
        try Data("\(second)\n\(first)\n".utf8).write(to: caFile)
        let system = SystemTrustDirectory(directory: folder.path, bundle: bundle.path)
        let missing = try #require(system.certificatesMissing(from: caFile.path))
        #expect(missing.map { String(decoding: $0, as: UTF8.self) } == [second])
        #expect(system.certificatesMissing(from: folder.appendingPathComponent("absent").path) == nil)
    }

    @Test func debianSystemDirectoryIsFoundWhenPresent() {
        guard FileManager.default.fileExists(atPath: "/etc/ssl/certs/ca-certificates.crt") else { return }
        #expect(SystemTrustDirectory.find()?.directory == "/etc/ssl/certs")
    }
}
