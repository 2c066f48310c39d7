import OptionParsing
import ShellRuntime
import Testing

@testable import Base64Codec
@testable import ShellBuiltins

@Suite struct Base64Tests {
    @Test func encodesWithGNUWrapping() {
        let result = runBuiltin(Base64.self, ["-w", "10"], stdin: String(repeating: "a", count: 20))
        #expect(result.stdoutText == "YWFhYWFhYW\nFhYWFhYWFh\nYWFhYWE=\n")
        #expect(result.status == .success)
    }

    @Test func wrapZeroHasNoNewline() {
        #expect(runBuiltin(Base64.self, ["-w0"], stdin: "a").stdoutText == "YQ==")
        #expect(runBuiltin(Base64.self, ["--wrap=0"], stdin: "a").stdoutText == "YQ==")
    }

    @Test func defaultWrapIs76() {
        let result = runBuiltin(Base64.self, [], stdin: String(repeating: "x", count: 100))
        #expect(result.stdoutText.split(separator: "\n").first?.count == 76)
    }

    @Test func emptyInputPrintsNothing() {
        #expect(runBuiltin(Base64.self, [], stdin: "").stdout.isEmpty)
    }

    @Test func decodesStandardInputAcrossLines() {
        let result = runBuiltin(Base64.self, ["-d"], stdin: "YWJj\nZGVm\n")
        #expect(result.stdoutText == "abcdef")
        #expect(result.stderr.isEmpty)
    }

    @Test func decodesGroupsAfterPadding() {
        #expect(runBuiltin(Base64.self, ["--decode"], stdin: "YQ==YQ==").stdoutText == "aa")
    }

    @Test func jwtSegmentDecodesWithOneNote() {
        // {"kid":"00001","typ":"JWT","alg":"RS256"}: base64url, no padding (real base64 -d fails on it).
        let segment = "eyJraWQiOiIwMDAwMSIsInR5cCI6IkpXVCIsImFsZyI6IlJTMjU2In0"
        let result = runBuiltin(Base64.self, ["-d"], stdin: segment)
        #expect(result.stdoutText == #"{"kid":"00001","typ":"JWT","alg":"RS256"}"#)
        #expect(result.status == .success)
        #expect(result.stderr.hasPrefix("base64: note: "))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test func urlSafeAlphabetDecodes() {
        let result = runBuiltin(Base64.self, ["-d"], stdin: "-_8")
        #expect(result.stdout == [0xFB, 0xFF])
        #expect(result.status == .success)
    }

    @Test func realGarbageFailsLikeGNU() {
        let result = runBuiltin(Base64.self, ["-d"], stdin: "YW Jj")
        #expect(result.stderr == "base64: invalid input\n")
        #expect(result.status == .failure)
        #expect(result.stdoutText == "a")
    }

    @Test func ignoreGarbageSkipsIt() {
        #expect(runBuiltin(Base64.self, ["-di"], stdin: "YW Jj").stdoutText == "abc")
    }

    @Test func optionErrorsMatchGNU() {
        let bad = runBuiltin(Base64.self, ["-q"])
        #expect(bad.stderr == "base64: invalid option -- 'q'\nTry 'base64 --help' for more information.\n")
        #expect(bad.status == .failure)
        #expect(runBuiltin(Base64.self, ["-w", "x"]).stderr == "base64: invalid wrap size: \u{2018}x\u{2019}\n")
        #expect(runBuiltin(Base64.self, ["a", "b"]).stderr.hasPrefix("base64: extra operand \u{2018}b\u{2019}"))
    }

    @Test func longOptionErrorsMatchGNU() {
        let hint = "Try 'base64 --help' for more information.\n"
        #expect(runBuiltin(Base64.self, ["--wr"]).stderr == "base64: option '--wrap' requires an argument\n" + hint)
        #expect(runBuiltin(Base64.self, ["-w"]).stderr == "base64: option requires an argument -- 'w'\n" + hint)
        #expect(runBuiltin(Base64.self, ["--bogus=1"]).stderr == "base64: unrecognized option '--bogus=1'\n" + hint)
        #expect(
            runBuiltin(Base64.self, ["--decode=1"]).stderr == "base64: option '--decode' doesn't allow an argument\n"
                + hint)
        #expect(runBuiltin(Base64.self, ["--wr=0", "--dec"], stdin: "YQ==").stdoutText == "a")
    }

    @Test func helpListsEveryOption() {
        #expect(Base64.table.undocumentedOptions(in: Base64.usage).isEmpty)
    }

    @Test func missingFileNamesIt() {
        let result = runBuiltin(Base64.self, ["/nonexistent/file"])
        #expect(result.stderr == "base64: /nonexistent/file: No such file or directory\n")
        #expect(result.status == .failure)
    }

    @Test func roundTripsBinary() {
        let bytes = (0...255).map { UInt8($0) }
        let encoded = Base64Coding.encode(bytes)
        #expect(Base64Coding.decodeStrict(Array(encoded.utf8)).bytes == bytes)
    }
}
