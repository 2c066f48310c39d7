import JSONQuery
import ShellRuntime

/// Runs a compiled program over every input and turns outcomes into jq's output and exit status.
struct JQRunner {
    let program: JQProgram
    let session: JQSession
    let reader: JQInputReader
    var writer: JSONWriter
    let options: JQOptions
    let io: IOStreams

    /// jq's per-input result: no output, last output false/null, ok, or a final status.
    enum Outcome: Equatable {
        case noOutput, falsy, ok
        case status(ExitStatus)
        case halted(ExitStatus)
    }

    mutating func runAll() -> ExitStatus {
        var outcome = Outcome.noOutput
        var lastResult: Bool?
        if options.nullInput {
            outcome = process(.null)
        } else {
            while true {
                let value: JSONValue?
                do {
                    value = try reader.nextInput()
                } catch {
                    flush()
                    io.stderr.writeDiagnostic("jq: error (at \(reader.position)): \(error)\n")
                    outcome = .status(.usage)
                    break
                }
                guard let value else { break }
                outcome = process(value)
                switch outcome {
                case .ok: lastResult = true
                case .falsy: lastResult = false
                default: break
                }
                if case .halted = outcome { break }
                if io.stdout.isBroken { break }
            }
        }
        flush()
        if reader.hadFileError, case .halted = outcome {} else if reader.hadFileError { outcome = .status(.usage) }
        switch outcome {
        case .halted(let status): return status
        case .status(let status): return status
        case .ok: return .success
        case .falsy: return options.exitStatus ? .failure : .success
        case .noOutput:
            guard options.exitStatus else { return .success }
            switch lastResult {
            case nil: return .jqNoOutput
            case false?: return .failure
            case true?: return .success
            }
        }
    }

    private mutating func flush() {
        guard !writer.buffer.isEmpty else { return }
        io.stdout.write(writer.buffer)
        writer.buffer.removeAll(keepingCapacity: true)
    }

    private mutating func process(_ input: JSONValue) -> Outcome {
        var outcome = Outcome.noOutput
        do {
            try program.run(input: input, session: session) { value in
                if options.rawOutput, case .string(let string) = value {
                    if options.asciiOutput {
                        writer.write(value)
                    } else {
                        writer.writeRaw(string)
                    }
                    outcome = .ok
                } else {
                    if options.sequence { writer.buffer.append(0x1E) }
                    writer.write(value)
                    outcome = value.isTruthy ? .ok : .falsy
                }
                if !options.joinOutput { writer.buffer.append(10) }
                if options.rawOutputNul { writer.buffer.append(0) }
                if writer.buffer.count >= 1 << 16 { flush() }
                if io.stdout.isBroken { throw JQRuntimeFailure.halt(exitCode: 0, message: nil) }
            }
        } catch {
            return report(error)
        }
        return outcome
    }

    private mutating func report(_ failure: JQRuntimeFailure) -> Outcome {
        switch failure {
        case .error(let message):
            flush()
            if case .string(let text) = message {
                io.stderr.writeDiagnostic("jq: error (at \(reader.position)): \(text)\n")
            } else {
                io.stderr.writeDiagnostic(
                    "jq: error (at \(reader.position)) (not a string): \(JSONWriter.compactString(message))\n")
            }
            return .status(.jqRuntimeError)
        case .halt(let code, let message):
            flush()
            if let message {
                if case .string(let text) = message {
                    io.stderr.write(text)
                } else {
                    io.stderr.write(JSONWriter.compactString(message) + "\n")
                }
            }
            return .halted(ExitStatus(code))
        }
    }
}
