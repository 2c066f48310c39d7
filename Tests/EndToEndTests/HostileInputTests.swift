import Foundation
import ShellTestSupport
import Testing

/// Whatever the input, lp-shell reports errors in its own words: never a Swift trap, a stack trace or a signal.
@Suite("Hostile input")
struct HostileInputTests {
    static let inputs: [(String, [UInt8])] = [
        ("10 MB line", Array(("echo " + String(repeating: "a", count: 10_000_000) + " | wc -c\n").utf8)),
        ("NUL bytes", Array("echo a".utf8) + [0] + Array("b\nprintf 'x\\0y' | wc -c\n".utf8)),
        ("invalid UTF-8", Array("echo ".utf8) + [0xFF, 0xFE, 0xC3] + Array(" '".utf8) + [0x80] + Array("'\n".utf8)),
        ("10,000 nested $(", Array((String(repeating: "$(", count: 10_000) + "\n").utf8)),
        ("10,000 nested ${", Array(("echo " + String(repeating: "${X:-", count: 10_000) + "\n").utf8)),
        ("10,000 nested (", Array((String(repeating: "(", count: 10_000) + "\n").utf8)),
        ("10,000 nested {", Array((String(repeating: "{ ", count: 10_000) + "\n").utf8)),
        ("deep arithmetic", Array(("echo $((" + String(repeating: "(", count: 100_000) + "1))\n").utf8)),
        ("many unary minus", Array(("echo $((" + String(repeating: "- ", count: 100_000) + "1))\n").utf8)),
        ("arithmetic overflow", Array("echo $(( (-9223372036854775807 - 1) / -1 )) $(( 2 ** 100000000000 ))\n".utf8)),
        ("division by zero", Array("echo $((1 / 0)); echo $((1 % 0))\n".utf8)),
        ("unterminated double quote", Array("echo \"abc\n".utf8)),
        ("unterminated single quote", Array("echo 'abc\n".utf8)),
        ("unterminated backtick", Array("echo `abc\n".utf8)),
        ("unterminated $(", Array("echo $(abc\n".utf8)),
        ("unterminated ${", Array("echo ${abc\n".utf8)),
        ("unterminated $((", Array("echo $((1\n".utf8)),
        ("unterminated heredoc", Array("cat <<EOF\nabc\n".utf8)),
        ("unterminated if", Array("if true; then\n".utf8)),
        ("unterminated case", Array("case x in\n".utf8)),
        ("unterminated everything", Array("if [ \"$(echo `x ${y:-'z\n".utf8)),
        ("stray closers", Array(") } fi done esac ;; then\n".utf8)),
        ("only operators", Array("| & ; && || < > >> <<\n".utf8)),
        ("huge positional", Array("echo ${99999999999999999999} $99999999999999999999\n".utf8)),
        ("bad redirection fds", Array("echo a 99999999999999999999>x; echo b >&99999; echo c <&-1\n".utf8)),
        ("long pipeline", Array((Array(repeating: "true", count: 200).joined(separator: " | ") + "\n").utf8)),
    ]

    @Test("no crash", arguments: inputs.indices)
    func noCrash(index: Int) throws {
        let (name, input) = Self.inputs[index]
        let shell = try Shell()
        defer { shell.home.remove() }
        let result = try shell.run([], input: input, timeout: 120)
        #expect(!result.timedOut, "\(name) timed out")
        for signature in crashSignatures {
            #expect(!result.stderr.contains(signature), "\(name): \(result.stderr.prefix(2000))")
        }
        #expect(result.status < 128, "\(name): killed by a signal (status \(result.status))")
    }

    @Test func tenMegabyteLineIsEchoedWhole() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let result = try shell.run([], input: Self.inputs[0].1, timeout: 120)
        #expect(result.stdout.trimmingCharacters(in: .whitespaces) == "10000001\n")
    }

    @Test func nulAndInvalidUTF8AreNotFatal() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let result = try shell.run([], input: Self.inputs[1].1)
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("3\n"), "\(result.stdout)")
    }

    @Test func deepNestingIsASyntaxError() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let result = try shell.run([], input: Self.inputs[3].1)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("lp-shell: syntax error: nesting is deeper than"))
    }
}
