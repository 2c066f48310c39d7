import JSONQuery
import ShellBuiltins
import ShellRuntime
import ShellSyntax

/// A JWT put into the input at a place the first byte picks, then the text given to every kind of diagnostic
/// lp-shell prints: a syntax error with its caret (plain, coloured, in a file), a jq compile error in jq's layout,
/// and the error paths of the builtins and the interpreter (a folder to `cd` to, a command name, arithmetic,
/// `${VAR:?}`, numbers, options, JSON, JWTs). No diagnostic may show the token's payload or signature, all of
/// them reaching stderr through the one masking point.
enum DiagnosticMaskFuzz {
    static let token =
        "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmdXp6IiwiZXhwIjo0MTAyNDQ0ODAwfQ.ZnV6ei1zaWduYXR1cmUtZnV6ei1zaWduYXR1cmU"
    static let secretParts = token.split(separator: ".").dropFirst().map(String.init)

    /// Commands that end in a diagnostic quoting `$F`; none runs a program, writes a file, loops or reads the
    /// network (options are prefixed so that none is a real one; `eval` is left out: it would run the text, whose
    /// syntax errors go through the renderer checked above).
    static let commands = [
        #"cd "$F""#, #"echo $(( $F ))"#, #": ${NOPE:?$F}"#, #"test "$F" -eq 1"#, #"printf %d "$F""#,
        #"shift "$F""#, #"set -o "$F""#, #"export "$F=1""#, #"base64 -d "$F""#, #"jwt decode "$F""#,
        #"jwt decode x"$F""#, #"jq -n "if false then ($F) else empty end""#, #"jq -n --argjson a "$F" 1"#,
        #"echo "$F" | jq ."#, #"curl --lp-fuzz-"$F""#, #"wscat --lp-fuzz-"$F""#, #"jq --lp-fuzz-"$F""#,
        #"base64 --lp-fuzz-"$F""#, #"exit "$F""#,
    ]

    static func run(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        let characters = Array(text)
        let at = characters.isEmpty ? 0 : Int(bytes.first ?? 0) % (characters.count + 1)
        let source = String(characters[..<at]) + token + String(characters[at...])
        if let leak = renderedSyntaxError(source) ?? renderedJQError(source) ?? interpreterErrors(source) {
            return leak
        }
        return nil
    }

    /// Where a secret part shows in `output`, if it does.
    static func leak(in output: String, from path: String) -> String? {
        secretParts.contains(where: output.contains) ? "\(path) shows the token in clear:\n\(output)" : nil
    }

    static func renderedSyntaxError(_ source: String) -> String? {
        let error: SyntaxError
        do {
            _ = try ShellSyntax.Parser.parse(source)
            return nil
        } catch let failure {
            error = failure
        }
        for renderer in [DiagnosticRenderer(), DiagnosticRenderer(usesColor: true)] {
            if let leak = leak(in: renderer.render(error, in: source, fileName: "s.sh"), from: "a syntax error") {
                return leak
            }
        }
        return nil
    }

    static func renderedJQError(_ source: String) -> String? {
        let error: JQCompileFailure
        do {
            _ = try JQProgram(source)
            return nil
        } catch let failure as JQCompileFailure {
            error = failure
        } catch {
            return nil
        }
        let renderer = DiagnosticRenderer(programName: "jq")
        for error in error.errors {
            let range = SourceRange(start: error.offset, end: error.offset + error.length)
            let diagnostic = Diagnostic(
                .error, error.message, kind: "error", location: SourceLocation(range, in: SourceText(source)))
            if let leak = leak(in: renderer.renderInJQLayout(diagnostic), from: "a jq compile error") { return leak }
        }
        return nil
    }

    /// Runs each command with `F` set to the text and PATH a folder that does not exist (no program runs; a name
    /// with a `/` is not run at all), and reads stderr.
    static func interpreterErrors(_ source: String) -> String? {
        let interpreter = Interpreter(builtins: StandardBuiltins.all)
        for command in commands + (source.contains("/") ? [] : [#""$F""#]) {
            var state = ShellState(environment: [
                "F": source, "PATH": "/nonexistent-lp-fuzz", "HOME": "/nonexistent-lp-fuzz",
            ])
            let io = IOStreams.capturing()
            _ = interpreter.run(source: command, name: "-c", state: &state, io: io)
            if let leak = leak(in: io.stderr.capturedString, from: "`\(command)`") { return leak }
        }
        return nil
    }
}
