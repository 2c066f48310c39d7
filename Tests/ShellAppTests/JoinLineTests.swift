import OptionParsing
import Testing

@testable import ShellApp

/// `lp-shell --join https://HOST:PORT/#CODE.FINGERPRINT [--name NAME]`.
@Suite("Join line")
struct JoinLineTests {
    static let fingerprint = "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c"

    @Test func readsTheLineTheClassPrints() throws {
        let line = try JoinLine.parse("https://127.0.0.1:8443/#K7QX2P9A.\(Self.fingerprint)")
        #expect(line == JoinLine(host: "127.0.0.1", port: 8443, code: "K7QX2P9A", fingerprint: Self.fingerprint))
        #expect(line.origin == "https://127.0.0.1:8443")
        #expect(line.folderName == "127.0.0.1_8443")
    }

    @Test func acceptsTheShownCodeWithItsDashInLowerCase() throws {
        let line = try JoinLine.parse("https://class.example:9443/#k7qx-2p9a.\(Self.fingerprint)")
        #expect(line.code == "K7QX2P9A")
        #expect(line.host == "class.example")
    }

    @Test func acceptsAnIPv6LiteralAndTheDashboardPath() throws {
        let line = try JoinLine.parse("https://[::1]:8443/class/#K7QX2P9A.\(Self.fingerprint)")
        #expect(line.host == "[::1]")
        #expect(line.folderName == "::1_8443")
    }

    @Test(arguments: [
        ("http://127.0.0.1:8443/#K7QX2P9A.F", "not a class address"),
        ("https://127.0.0.1:8443/", "no #CODE.FINGERPRINT"),
        ("https://127.0.0.1/#K7QX2P9A.F", "is not HOST:PORT"),
        ("https://127.0.0.1:99999/#K7QX2P9A.F", "is not HOST:PORT"),
        ("https://127.0.0.1:8443/#K7QX2P9A", "no CA fingerprint"),
        ("https://127.0.0.1:8443/#K7QX2P9O.\(fingerprint)", "`K7QX2P9O` is not a join code"),
        ("https://127.0.0.1:8443/#K7QX2P9.\(fingerprint)", "is not a join code"),
        ("https://127.0.0.1:8443/#K7QX2P9A.short", "`short` is not a CA fingerprint"),
        ("https://127.0.0.1:8443/#K7QX2P9A.\(fingerprint.dropLast())=", "is not a CA fingerprint"),
    ])
    func refusesWithTheValueNamed(_ text: String, _ expected: String) {
        #expect(throws: JoinLine.ParseError.self) { try JoinLine.parse(text) }
        do {
            _ = try JoinLine.parse(text)
        } catch {
            #expect(error.message.hasPrefix("--join \(text): "))
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }

    @Test func optionsCarryTheLineAndTheName() throws {
        let url = "https://127.0.0.1:8443/#K7QX2P9A.\(Self.fingerprint)"
        let options = try CommandLineOptions.parse(["--join", url, "--name", "Ada", "-c", "step 1"])
        #expect(options.join?.code == "K7QX2P9A")
        #expect(options.learnerName == "Ada")
        #expect(options.mode == .command("step 1"))
        #expect(try CommandLineOptions.parse(["--join=" + url]).learnerName == nil)
    }

    @Test(arguments: [
        (["--join", "https://127.0.0.1:8443/"], "--join https://127.0.0.1:8443/: no #CODE.FINGERPRINT"),
        (["--name", "Ada"], "--name Ada: only with --join"),
        (["--join", "https://h:1/#K7QX2P9A.\(fingerprint)", "--name", ""], "--name : a name is 1 to 60"),
        (["--join", "https://h:1/#K7QX2P9A.\(fingerprint)", "--plain"], "--join: not with --plain"),
    ])
    func badOptionsAreUsageErrorsNamingTheValue(_ arguments: [String], _ expected: String) {
        do {
            _ = try CommandLineOptions.parse(arguments)
            Issue.record("\(arguments) parsed")
        } catch {
            #expect(error.defaultMessage.contains(expected), "\(error.defaultMessage)")
        }
    }
}
