import ShellRuntime

/// `-#`/`--progress-bar`: curl's bar of `#` on stderr instead of the meter.
///
/// Only the final state is drawn (curl redraws as bytes come): `\r`, the bar, ` 100.0%`, then, after any error
/// message, the newline curl ends the bar with. The bar is as wide as `COLUMNS` says (21…9999), else 79 columns,
/// less the 7 of the percentage.
struct CurlProgressBar {
    private let stderr: ByteOutput
    private let width: Int

    init(stderr: ByteOutput, environment: [String: String]) {
        self.stderr = stderr
        let columns = environment["COLUMNS"].flatMap { Int($0) }.flatMap { (21..<10_000).contains($0) ? $0 : nil }
        width = (columns ?? 79) - 7
    }

    /// The bar for `done` bytes of `total` (nil: unknown, nothing drawn).
    func draw(done: Int, total: Int?) {
        guard let total, total > 0 || done == 0 else { return }
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let hashes = Int(Double(width) * fraction)
        let percent = (fraction * 1000).rounded() / 10
        let text = percent == 100 ? "100.0" : String(format1: percent)
        stderr.write(
            "\r" + String(repeating: "#", count: hashes) + String(repeating: " ", count: width - hashes) + " "
                + String(repeating: " ", count: max(0, 5 - text.count)) + text + "%")
    }

    /// The newline that ends the bar.
    func finish() {
        stderr.write("\n")
    }
}

extension String {
    /// One decimal, as `%.1f` prints it.
    fileprivate init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(tenths % 10)"
    }
}
