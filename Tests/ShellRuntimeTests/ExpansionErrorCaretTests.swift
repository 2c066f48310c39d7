import ShellBuiltins
import ShellRuntime
import Testing

/// Runtime errors that stem from a word show the word's line with carets under it, as syntax errors do.
@Suite("Expansion error carets")
struct ExpansionErrorCaretTests {
    /// Runs `source` in-process as `-c` would (or as the named script) and returns its stderr.
    func stderr(of source: String, name: String = "-c", state: inout ShellState) -> String {
        let interpreter = Interpreter(builtins: StandardBuiltins.all)
        let io = IOStreams(stdin: ByteInput(string: ""), stdout: .capturing(), stderr: .capturing())
        _ = interpreter.run(source: source, name: name, state: &state, io: io)
        io.flush()
        return io.stderr.capturedString
    }

    func stderr(of source: String, name: String = "-c") -> String {
        var state = ShellState(environment: ["PATH": "/usr/bin:/bin"])
        return stderr(of: source, name: name, state: &state)
    }

    @Test func requiredParameterPointsAtItsWord() {
        #expect(
            stderr(of: "x=; echo a ${x:?need x} b") == """
                lp-shell: x: need x
                  x=; echo a ${x:?need x} b
                             ^^^^^^^^^^^^

                """)
    }

    @Test func badArithmeticPointsAtTheExpansion() {
        #expect(
            stderr(of: "echo $((1+))") == """
                lp-shell: 1+: syntax error: operand expected
                  echo $((1+))
                       ^^^^^^^

                """)
    }

    @Test func unboundVariableUnderSetU() {
        #expect(
            stderr(of: "set -u\necho \"ok\" \"$nope\"")
                == "lp-shell: line 2: nope: unbound variable\n  echo \"ok\" \"$nope\"\n            ^^^^^^^\n")
    }

    @Test func assignmentsAndCaseSubjectsPointAtTheirWord() {
        #expect(
            stderr(of: "v=$((2/0)) true")
                == "lp-shell: 2/0: division by 0\n  v=$((2/0)) true\n    ^^^^^^^^\n")
        #expect(
            stderr(of: "case ${u?no} in *) ;; esac")
                == "lp-shell: u: no\n  case ${u?no} in *) ;; esac\n       ^^^^^^^\n")
    }

    @Test func wordsInsideArithmeticPointAtTheWholeExpansion() {
        // The inner word `${y?}` is re-parsed from the arithmetic text alone: its own offsets would point at `k $((`.
        #expect(
            stderr(of: "echo ok $(( ${x:-${y?}} + 1 ))")
                == "lp-shell: y: parameter null or not set\n  echo ok $(( ${x:-${y?}} + 1 ))\n          "
                + String(repeating: "^", count: 22) + "\n")
    }

    @Test func redirectionTargetsPointAtTheirWord() {
        #expect(
            stderr(of: "echo hi > ${d?no dir}")
                == "lp-shell: d: no dir\n  echo hi > ${d?no dir}\n            ^^^^^^^^^^^\n")
    }

    @Test func scriptsNameTheFileAndLine() {
        #expect(
            stderr(of: "echo one\necho ${z?}\n", name: "setup.sh")
                == "lp-shell: setup.sh: line 2: z: parameter null or not set\n  echo ${z?}\n       ^^^^^\n")
    }

    @Test func aFunctionPointsIntoTheTextThatDefinedIt() {
        var state = ShellState(environment: [:])
        #expect(stderr(of: "f() {\n  echo ${q:?inside f}\n}", name: "lib.sh", state: &state) == "")
        #expect(
            stderr(of: "echo start; f", state: &state)
                == "lp-shell: lib.sh: line 2: q: inside f\n    echo ${q:?inside f}\n         ^^^^^^^^^^^^^^\n")
    }

    @Test func backquotedBodiesHaveNoCaret() {
        // The body of `…` is parsed from an unescaped copy: its offsets do not point into the script.
        #expect(stderr(of: "echo `echo ${w?gone}`") == "lp-shell: w: gone\n")
    }

    @Test func dollarParenBodiesPointIntoTheScript() {
        #expect(
            stderr(of: "echo $(echo ${w?gone})")
                == "lp-shell: w: gone\n  echo $(echo ${w?gone})\n              ^^^^^^^^^\n")
    }
}
