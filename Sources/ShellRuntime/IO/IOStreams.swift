/// The three standard streams of one running command.
public struct IOStreams: Sendable {
    /// Standard input.
    public var stdin: ByteInput
    /// Standard output.
    public var stdout: ByteOutput
    /// Standard error.
    public var stderr: ByteOutput

    /// Bundles three streams.
    public init(stdin: ByteInput, stdout: ByteOutput, stderr: ByteOutput) {
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
    }

    /// The process's own descriptors 0, 1 and 2.
    public static func standard() -> IOStreams {
        IOStreams(
            stdin: ByteInput(fileDescriptor: 0),
            stdout: ByteOutput(fileDescriptor: 1),
            stderr: ByteOutput(fileDescriptor: 2)
        )
    }

    /// Streams that read `input` and capture both outputs in memory (tests).
    public static func capturing(input: String = "") -> IOStreams {
        IOStreams(stdin: ByteInput(string: input), stdout: .capturing(), stderr: .capturing())
    }

    /// Flushes both outputs.
    public func flush() {
        stdout.flush()
        stderr.flush()
    }
}
