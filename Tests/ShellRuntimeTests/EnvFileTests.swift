import ShellRuntime
import ShellTestSupport
import Testing

/// docker's `--env-file` format, tolerant of the tutorials' broken sample.
@Suite("Env file")
struct EnvFileTests {
    func values(_ file: EnvFile) -> [String: String] {
        Dictionary(file.entries.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    @Test func keyValueLines() {
        let file = EnvFile.parse("A=1\nB=two words\nC=\nD=x=y\n", name: "f.env", environment: [:])
        #expect(
            file.entries == [
                .init(name: "A", value: "1"), .init(name: "B", value: "two words"),
                .init(name: "C", value: ""), .init(name: "D", value: "x=y"),
            ])
        #expect(file.warnings.isEmpty)
    }

    @Test func quotesAreKeptAsDockerDoes() {
        let file = EnvFile.parse("A=\"quoted\"\nB='single'", name: "f.env", environment: [:])
        #expect(values(file) == ["A": "\"quoted\"", "B": "'single'"])
    }

    @Test func bareKeyCopiesFromTheEnvironment() {
        let file = EnvFile.parse("HOME\nMISSING\n", name: "f.env", environment: ["HOME": "/home/me"])
        #expect(file.entries == [.init(name: "HOME", value: "/home/me")])
        #expect(file.warnings.isEmpty)
    }

    @Test func commentsBlankLinesAndCarriageReturns() {
        let file = EnvFile.parse("# comment\n\n   # indented\r\nA=1\r\n  B=2\n", name: "f.env", environment: [:])
        #expect(values(file) == ["A": "1", "B": "2"])
        #expect(file.warnings.isEmpty)
    }

    @Test func laterLinesWin() {
        let file = EnvFile.parse("A=1\nA=2\n", name: "f.env", environment: [:])
        #expect(values(file) == ["A": "2"])
    }

    @Test func invalidLinesWarnWithTheirLineNumber() {
        let file = EnvFile.parse("A=1\nnot a var\n1X=2\nB=ok\n", name: "x.env", environment: [:])
        #expect(values(file) == ["A": "1", "B": "ok"])
        #expect(file.warnings.count == 2)
        #expect(file.warnings[0].hasPrefix("x.env:2: "))
        #expect(file.warnings[1].hasPrefix("x.env:3: "))
    }

    @Test(arguments: [
        (TutorialEnvFiles.current, [1, 3, 4]),
        (TutorialEnvFiles.historical, [2, 4, 5]),
    ])
    func tutorialSample(text: String, warningLines: [Int]) {
        let file = EnvFile.parse(text, name: "lp.env", environment: [:])
        #expect(values(file) == ["LP_ACCOUNT": TutorialEnvFiles.account, "LP_JWT": TutorialEnvFiles.jwt])
        #expect(
            file.warnings.map { $0.split(separator: ":").prefix(2).joined(separator: ":") }
                == warningLines.map { "lp.env:\($0)" })
        #expect(file.warnings[0].contains("LP_ACCOUNT"))
        #expect(file.warnings[1].contains("not NAME=VALUE"))
    }

    @Test func warningsNeverShowAJWTInClear() {
        let file = EnvFile.parse(
            "LP JWT=\(TutorialEnvFiles.jwt)\nX=1\t\(TutorialEnvFiles.jwt)\n", name: "lp.env", environment: [:])
        #expect(file.warnings.count == 2)
        for warning in file.warnings {
            #expect(!warning.contains(TutorialEnvFiles.jwt.prefix(30)), "\(warning)")
        }
    }

    @Test(
        .enabled(if: FileManagerCheck.corpusTestsRun, "needs ../shared/corpus beside the package (required under CI)"))
    func fixturesMatchTheCorpus() throws {
        let texts = try FileManagerCheck.corpusTexts(seqs: [7, 8])
        #expect(texts[7] == TutorialEnvFiles.current)
        #expect(texts[8] == TutorialEnvFiles.historical)
    }
}
