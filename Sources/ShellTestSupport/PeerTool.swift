import Foundation
import Testing

/// A real tool that a differential test compares lp-shell with, and the Debian package versions the comparison was
/// run against and holds for.
///
/// Debian's patch levels of one upstream version answer differently now and then (jq 1.6-2.1+deb12u1 prints `null`
/// for `"ab" * 1e10` where the build the case was written against failed), so a differential test names the
/// versions it holds for. On one of them every difference fails the test. On any other version the comparison
/// still runs, and a difference is recorded as a known issue that names the installed version: CI does not depend on
/// which patch level the machine has, and the report says what to check before adding the version to `heldFor`.
public struct PeerTool: Sendable, CustomStringConvertible {
    /// The program run for the comparison.
    public let executable: String
    /// The Debian package that provides it.
    public let debianPackage: String
    /// The Debian package versions every comparison in the suite was run against and holds for.
    public let heldFor: [String]

    public init(executable: String, debianPackage: String, heldFor: [String]) {
        self.executable = executable
        self.debianPackage = debianPackage
        self.heldFor = heldFor
    }

    /// Whether the program is there to compare with.
    public var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    /// The installed package's Debian version (`dpkg-query`), nil where dpkg does not know the package.
    public var installedVersion: String? { PeerVersions.shared.version(of: debianPackage) }

    /// Whether the installed version is one the suite holds for.
    public var isHeldFor: Bool { installedVersion.map(heldFor.contains) ?? false }

    public var description: String {
        "\(debianPackage) \(installedVersion ?? "(version unknown)") (held for \(heldFor.joined(separator: ", ")))"
    }

    /// Runs `body`, whose expectations compare lp-shell with this peer. On a version the suite does not hold for, a
    /// failed expectation is a known issue naming the installed version instead of a failure.
    public func compare(
        sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
    ) async rethrows {
        if isHeldFor {
            try await body()
            return
        }
        let comment = Comment(
            rawValue:
                "\(debianPackage) \(installedVersion ?? "of unknown version") is not a version this suite holds for "
                + "(\(heldFor.joined(separator: ", "))): a difference here may be the patch level's")
        await withKnownIssue(comment, isIntermittent: true, sourceLocation: sourceLocation) {
            try await body()
        }
    }
}

/// The real tools the differential tests compare with, each with the versions it was checked against.
public enum Peers {
    /// Debian bookworm's jq 1.6.
    public static let jq = PeerTool(
        executable: "/usr/bin/jq", debianPackage: "jq", heldFor: ["1.6-2.1+deb12u1", "1.6-2.1+deb12u3"])
    /// Debian bookworm's curl 7.88.1.
    public static let curl = PeerTool(
        executable: "/usr/bin/curl", debianPackage: "curl", heldFor: ["7.88.1-10+deb12u14", "7.88.1-10+deb12u15"])
}

/// Installed package versions, asked of dpkg once per package.
final class PeerVersions: @unchecked Sendable {
    static let shared = PeerVersions()
    private let lock = NSLock()
    private var known: [String: String?] = [:]

    func version(of package: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = known[package] { return cached }
        let answer = try? ChildProcess.run(
            executable: "/usr/bin/dpkg-query", arguments: ["-W", "-f=${Version}", package], stdin: nil,
            environment: ["PATH": "/usr/bin:/bin"], directory: nil, timeout: 10)
        let version = answer.flatMap { $0.status == 0 && !$0.stdout.isEmpty ? $0.stdout : nil }
        known[package] = version
        return version
    }
}
