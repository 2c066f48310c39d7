import Base64Codec
import Crypto
import SwiftASN1
import X509

/// `lp-shell class …`: one sandbox for a class, in the foreground. Prints the learners' join line and the teacher's
/// dashboard URL on stdout, a banner on stderr; stops cleanly on SIGINT or SIGTERM.
public enum ClassCommand {
    /// Runs the class with `steps` (the tutorials' steps, for the dashboard); blocks until a signal arrives.
    public static func run(arguments: [String], steps: [ClassStep]) -> Int32 {
        SandboxCommand.run(
            arguments: arguments, table: SandboxConfiguration.classTable,
            over: SandboxConfiguration.classDefaults(steps: steps)
        ) {
            sandbox, configuration, startup in
            await announce(sandbox, configuration: configuration, startup: startup)
        }
    }

    static func announce(_ sandbox: RunningSandbox, configuration: SandboxConfiguration, startup: Duration) async {
        guard let room = sandbox.services.classroom else { return }
        SandboxCommand.warnAboutExposure(sandbox, configuration: configuration, command: "lp-shell class")
        let joinLine = await room.joinLine
        let dashboard = await room.dashboardURL
        var banner = """
            lp-shell class "\(room.settings.name)": listening on https://\(room.learnerHostPort) \
            (started in \(SandboxCommand.milliseconds(startup)) ms)
              learners run the join line below; each gets an account of their own
              the dashboard URL carries the teacher key: open it yourself, do not project or share it
              the dashboard's browser must trust the class CA \(sandbox.caCertificatePath)
            """
        if let spki = serverKeyPin(sandbox) {
            banner += "\n    (Chromium without importing it: --ignore-certificate-errors-spki-list=\(spki))"
        }
        if configuration.dataDirectory == nil {
            banner += "\n  no --data: the class and its conversations are lost when it stops"
        }
        SandboxCommand.printError(banner + "\n  Ctrl-C stops the class")
        StandardStream.output("join line: \(joinLine)\ndashboard: \(dashboard)\n")
    }

    /// The SHA-256 of the server certificate's SubjectPublicKeyInfo, base64: what Chromium's
    /// `--ignore-certificate-errors-spki-list` takes.
    static func serverKeyPin(_ sandbox: RunningSandbox) -> String? {
        guard let pem = sandbox.serverCertificatePEM, let certificate = try? Certificate(pemEncoded: pem),
            let key = P256.Signing.PublicKey(certificate.publicKey)
        else { return nil }
        return Base64Coding.encode(Array(SHA256.hash(data: Array(key.derRepresentation))))
    }
}
