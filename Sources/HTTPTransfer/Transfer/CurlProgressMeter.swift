import ShellRuntime

/// curl's default progress meter on stderr: two header lines, then a line rewritten with `\r`.
///
/// Only the start and final states are drawn (curl redraws once a second); the numbers follow curl's
/// `progress.c` layout column for column.
package struct CurlProgressMeter {
    private let stderr: ByteOutput
    private let enabled: Bool

    /// A meter that draws on `stderr` when `enabled`.
    package init(stderr: ByteOutput, enabled: Bool) {
        self.stderr = stderr
        self.enabled = enabled
    }

    /// Draws the header and the all-zero first line.
    package func start() {
        guard enabled else { return }
        stderr.write(
            "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
                + "                                 Dload  Upload   Total   Spent    Left  Speed\n")
        stderr.write(Self.line(expectedDownload: nil, downloaded: 0, expectedUpload: 0, uploaded: 0, seconds: 0))
    }

    /// Draws the final line and ends it with a newline.
    package func finish(expectedDownload: Int?, downloaded: Int, uploaded: Int, seconds: Double) {
        guard enabled else { return }
        stderr.write(
            Self.line(
                expectedDownload: expectedDownload, downloaded: downloaded, expectedUpload: uploaded,
                uploaded: uploaded, seconds: seconds) + "\n")
    }

    /// One meter line, starting with `\r`.
    static func line(expectedDownload: Int?, downloaded: Int, expectedUpload: Int, uploaded: Int, seconds: Double)
        -> String
    {
        let totalExpected = (expectedDownload ?? downloaded) + expectedUpload
        let totalDone = downloaded + uploaded
        let totalPercent = totalExpected > 0 ? totalDone * 100 / totalExpected : 0
        let downloadPercent =
            (expectedDownload ?? 0) > 0 ? downloaded * 100 / (expectedDownload ?? 1) : 0
        let uploadPercent = expectedUpload > 0 ? uploaded * 100 / expectedUpload : 0
        let downloadSpeed = seconds > 0 ? Int(Double(downloaded) / seconds) : 0
        let uploadSpeed = seconds > 0 ? Int(Double(uploaded) / seconds) : 0
        return "\r" + pad(String(totalPercent), 3) + " " + size(totalExpected) + "  "
            + pad(String(downloadPercent), 3) + " " + size(downloaded) + "  "
            + pad(String(uploadPercent), 3) + " " + size(uploaded) + "  "
            + size(downloadSpeed) + "  " + size(uploadSpeed) + " "
            + "--:--:-- " + time(seconds) + " --:--:-- " + size(max(downloadSpeed, uploadSpeed))
    }

    /// curl's `max5data`: five columns, switching to k, M, G units.
    static func size(_ bytes: Int) -> String {
        let kilo = 1024
        let mega = kilo * kilo
        if bytes < 100_000 { return pad(String(bytes), 5) }
        if bytes < 10_000 * kilo { return pad(String(bytes / kilo), 4) + "k" }
        if bytes < 100 * mega { return pad(String(bytes / mega), 2) + "." + String((bytes % mega) / (mega / 10)) + "M" }
        if bytes < 10_000 * mega { return pad(String(bytes / mega), 4) + "M" }
        return pad(String(bytes / (mega * kilo)), 4) + "G"
    }

    private static func time(_ seconds: Double) -> String {
        let whole = Int(seconds)
        guard whole > 0 else { return "--:--:--" }
        let minutes = (whole / 60) % 60
        let secondsPart = whole % 60
        return pad(String(whole / 3600), 2) + ":" + twoDigits(minutes) + ":" + twoDigits(secondsPart)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
