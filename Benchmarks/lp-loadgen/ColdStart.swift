import Foundation

/// `lp-loadgen coldstart`: starts a command again and again and times each start up to the first `export` line on
/// its stdout (the sandbox prints those once it is listening), then stops it with SIGTERM.
struct ColdStart {
    let options: ColdStartOptions

    struct Result: Codable {
        let runs: Int
        let medianMs: Double
        let minMs: Double
        let maxMs: Double
        let samplesMs: [Double]
    }

    func run() throws -> Result {
        var samples: [Double] = []
        for _ in 0..<options.runs {
            samples.append(try measureOnce())
        }
        let sorted = samples.sorted()
        let median =
            sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        return Result(
            runs: samples.count, medianMs: LoadRun.rounded(median, 2), minMs: LoadRun.rounded(sorted[0], 2),
            maxMs: LoadRun.rounded(sorted[sorted.count - 1], 2), samplesMs: samples.map { LoadRun.rounded($0, 2) })
    }

    private func measureOnce() throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: options.command[0])
        process.arguments = Array(options.command.dropFirst())
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let started = ContinuousClock.now
        try process.run()
        var seen = Data()
        let reader = output.fileHandleForReading
        while !String(decoding: seen, as: UTF8.self).contains("export ") {
            let chunk = reader.availableData
            if chunk.isEmpty {
                process.waitUntilExit()
                throw LoadFailure(
                    "\(options.command[0]) exited (\(process.terminationStatus)) before printing an export line")
            }
            seen.append(chunk)
        }
        let elapsed = ContinuousClock.now - started
        process.terminate()
        process.waitUntilExit()
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}
