import HTTPTransfer
import ShellRuntime

/// One try of one URL: its output (`-o`, `-O`, stdout), `-D` file, progress meter or bar, and the transfer.
/// `--retry` makes a new one for each try, so a file written by a failed try is truncated by the next.
struct CurlAttempt {
    /// What every try of a command line shares.
    struct Setup {
        var options: CurlOptions
        var trust: TrustStore
        var choice: CurlTransportChoice
        var builder: CurlRequestBuilder
        var environment: [String: String]
        /// `-D`: the resolved path, or `-` for standard output.
        var dumpHeaderPath: String?
    }

    /// Where the body goes: a file (`path`, shown in messages as `shown`) or standard output (`path` nil).
    struct OutputTarget {
        var path: String?
        var shown = ""
    }

    /// Whether the try ran to its end.
    enum Outcome {
        case finished, interrupted
    }

    private let setup: Setup
    private let io: IOStreams
    /// The cookie engine, handed from try to try and URL to URL.
    var jar: CookieJar?
    /// What the transfer measured.
    private(set) var stats = CurlTransferStats()
    /// Bytes written to an output file (curl's "Throwing away N bytes" before a retry).
    private(set) var writtenToFile = 0
    private var bar: CurlProgressBar?

    init(setup: Setup, io: IOStreams) {
        self.setup = setup
        self.io = io
    }

    private var options: CurlOptions { setup.options }

    /// `-o` for the first URL, `-O` for any, else standard output; nil (after curl's message) when `-O` finds no
    /// file name in the URL.
    func outputTarget(for url: CurlURL, index: Int, context: CommandContext) -> OutputTarget? {
        if index == 0, let path = options.outputPath {
            return OutputTarget(path: context.resolvePath(path), shown: path)
        }
        guard options.remoteName else { return OutputTarget() }
        guard let name = url.path.split(separator: "/").last, !name.isEmpty else {
            io.stderr.writeDiagnostic("curl: Remote file name has no length!\n" + CurlOptionParser.hint)
            return nil
        }
        return OutputTarget(path: context.resolvePath(String(name)), shown: String(name))
    }

    /// Runs the transfer of `url` into `target`.
    mutating func run(url: CurlURL, output target: OutputTarget) -> Outcome {
        let output = CurlOutput(stdout: io.stdout, stderr: io.stderr, path: target.path, shownPath: target.shown)
        output.muted = options.silent
        if options.pretty && target.path == nil && io.stdout.isTerminal {
            output.pretty = CurlPrettyPrinter(environment: setup.environment)
        }
        if options.createDirectories, let path = target.path { LocalFile.createParentDirectories(of: path) }
        let quiet = options.silent || options.noProgressMeter
        let meter = CurlProgressMeter(
            stderr: io.stderr,
            enabled: !quiet && !options.progressBar && !(target.path == nil && io.stdout.isTerminal))
        bar = !quiet && options.progressBar ? CurlProgressBar(stderr: io.stderr, environment: setup.environment) : nil
        meter.start()
        let running = CurlTransfer(
            options: options, builder: setup.builder, trust: setup.trust, choice: setup.choice,
            environment: setup.environment, jar: jar, stderr: io.stderr, output: output)
        if let path = setup.dumpHeaderPath {
            running.headerDump = CurlOutput(
                stdout: io.stdout, stderr: io.stderr, path: path == "-" ? nil : path, shownPath: path)
        }
        running.run(url: url)
        if running.interrupted { return .interrupted }
        stats = running.stats
        jar = running.jar
        if stats.error?.code != 6 {
            meter.finish(
                expectedDownload: running.expectedDownload, downloaded: stats.sizeDownload,
                uploaded: stats.sizeUpload, seconds: stats.timeTotal)
            if stats.error == nil { bar?.draw(done: stats.sizeDownload, total: running.expectedDownload) }
        }
        if target.path != nil {
            writtenToFile = stats.sizeDownload + (options.includeHeaders || options.headOnly ? stats.sizeHeader : 0)
        }
        return .finished
    }

    /// Ends the progress bar's line (after the error message, as curl).
    func finishProgressBar() {
        bar?.finish()
    }
}
