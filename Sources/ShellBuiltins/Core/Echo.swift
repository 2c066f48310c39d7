import ShellRuntime

/// `echo [-neE] [ARG ...]`, as bash's builtin.
struct Echo: Builtin {
    static let name = "echo"
    static let summary = "write arguments to standard output"
    static let usage = """
        usage: echo [-neE] [ARG ...]

        Writes the arguments separated by spaces, then a newline.
          -n  do not write the trailing newline
          -e  interpret backslash escapes (\\n \\t \\\\ \\c \\0NNN \\xHH …)
          -E  do not interpret backslash escapes (the default)
        """
    static let handlesHelpFlag = false

    func run(_ context: inout CommandContext) -> ExitStatus {
        var newline = true
        var escapes = false
        var arguments = context.arguments[...]
        while let first = arguments.first, first.count > 1, first.hasPrefix("-"),
            first.dropFirst().allSatisfy({ "neE".contains($0) })
        {
            for flag in first.dropFirst() {
                switch flag {
                case "n": newline = false
                case "e": escapes = true
                default: escapes = false
                }
            }
            arguments.removeFirst()
        }
        var output = arguments.concatenated(separator: " ").shellBytes
        if escapes {
            let (bytes, stop) = EscapeSequences.interpret(output, octal: .zeroFirst)
            output = bytes
            if stop { newline = false }
        }
        if newline { output.append(UInt8(ascii: "\n")) }
        context.io.stdout.write(output)
        return context.io.stdout.isBroken ? .failure : .success
    }
}
