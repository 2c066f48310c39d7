import HTTPTransfer
import OptionParsing
import ShellRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// `curl`: an HTTP(S) client that matches curl 7.88.1's options, output bytes, exit codes and messages.
///
/// Two transports carry the requests (see `CurlTransportChoice`): HTTP/1.1 on a socket of its own with BoringSSL
/// for TLS, which starts in a fraction of the time, and AsyncHTTPClient with one shared client per process (see
/// `CurlHTTPClients`) for HTTP/2, pooled connections and `--compressed`. Servers see what real curl sends,
/// `User-Agent: curl/7.88.1` included, except that `Content-Length` comes last. A body-less POST or PUT sends no
/// `Content-Length`, as curl (it goes over the direct transport: AHC would add `Content-Length: 0`).
public struct Curl: Builtin {
    public static let name = "curl"
    public static let summary = "transfer a URL (HTTP and HTTPS, curl-compatible)"
    public static let usage =
        "Usage: curl [options...] <url>\n"
        + CurlOptionParser.table.helpLines(indent: " ", maximumNameWidth: 25, wideNamesShareTheLine: true)

    public init() {}

    public func run(_ context: inout CommandContext) -> ExitStatus {
        let io = context.io
        let options: CurlOptions
        do {
            options = try CurlOptionParser.parse(context.arguments)
        } catch {
            if case .unknownOption = error.kind, CurlUnbuiltOptions.isCurlOption(error.spelling) {
                let path = context.state.variables["PATH"] ?? ShellState.defaultPath
                io.stderr.writeDiagnostic(
                    CurlUnbuiltOptions.message(
                        option: error.spelling, arguments: context.arguments,
                        systemCurl: TypeCommand.find("curl", in: path)))
            } else {
                io.stderr.writeDiagnostic(CurlOptionParser.table.message(for: error))
            }
            return .usage
        }
        // `--stderr FILE` (created or truncated) or `--stderr -` (standard output) takes curl's messages.
        let original = io.stderr
        var descriptor: Int32 = -1
        if let path = options.stderrPath {
            if path == "-" {
                context.io.stderr = io.stdout
            } else {
                descriptor = open(context.resolvePath(path), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                if descriptor >= 0 { context.io.stderr = ByteOutput(fileDescriptor: descriptor) }
            }
        }
        let status = perform(options, &context)
        if descriptor >= 0 {
            context.io.stderr.flush()
            close(descriptor)
        }
        context.io.stderr = original
        return status
    }

    private func perform(_ options: CurlOptions, _ context: inout CommandContext) -> ExitStatus {
        let io = context.io
        for warning in options.parseWarnings { io.stderr.writeDiagnostic(warning) }
        if options.help {
            io.stdout.write(Self.usage)
            return .success
        }
        if options.version {
            io.stdout.write(
                "curl 7.88.1 (lp-shell builtin: HTTP/1.1 sockets with BoringSSL, AsyncHTTPClient for HTTP/2)\n"
                    + "Protocols: http https\n"
                    + "Features: HTTP2 SSL libz cookies\n")
            return .success
        }
        let body: CurlBody
        do {
            body = try CurlBody(options: options, context: context)
        } catch {
            io.stderr.writeDiagnostic(CurlOptionParser.table.message(for: error))
            return ExitStatus(26)  // CURLE_READ_ERROR
        }
        for warning in body.warnings { io.stderr.writeDiagnostic(warning) }
        var requestBody = options.dataInQuery ? nil : body.bytes
        var contentType: String?
        if !options.form.isEmpty {
            do {
                let form = try CurlForm(specs: options.form) { name in
                    name == "-" ? io.stdin.readAll() : FileReading.readBytes(context.resolvePath(name))
                }
                if !options.silent { for warning in form.warnings { io.stderr.writeDiagnostic(warning) } }
                requestBody = form.body
                contentType = form.contentType
            } catch .badlyUsed {
                io.stderr.writeDiagnostic("curl: option -F: is badly used here\n" + CurlOptionParser.hint)
                return .usage
            } catch {
                if !options.silent || options.showError {
                    io.stderr.writeDiagnostic("curl: (26) \(CurlError.readError.message)\n")
                }
                return ExitStatus(26)
            }
        }
        let queries = CurlURLQuery.encoded(options.urlQueries) { text in
            let name = String(text.dropFirst())
            return (name == "-" ? io.stdin.readAll() : FileReading.readBytes(context.resolvePath(name))) ?? []
        }
        var writeOut = options.writeOut
        if let format = writeOut, format.hasPrefix("@") {
            let name = String(format.dropFirst())
            let bytes = name == "-" ? io.stdin.readAll() : FileReading.readBytes(context.resolvePath(name))
            writeOut = bytes.map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        var jar: CookieJar?
        if !options.cookies.isEmpty || options.cookieJarPath != nil {
            var loaded = CookieJar()
            for file in options.cookies where !file.contains("=") {
                if let bytes = file == "-" ? io.stdin.readAll() : FileReading.readBytes(context.resolvePath(file)) {
                    loaded.load(String(decoding: bytes, as: UTF8.self), now: CurlTransfer.epochSeconds)
                }
            }
            jar = loaded
        }
        var trust = TrustStore(
            insecure: options.insecure, caCertificatePath: options.caCertificatePath, environment: context.environment)
        trust.minimumTLSVersion = options.minimumTLSVersion
        trust.clientCertificatePath = options.clientCertificatePath.map(context.resolvePath)
        trust.clientKeyPath = options.clientKeyPath.map(context.resolvePath)
        trust.clientCertificateName = options.clientCertificatePath
        trust.clientKeyName = options.clientKeyPath
        let setup = CurlAttempt.Setup(
            options: options, trust: trust, choice: CurlTransportChoice(environment: context.environment),
            builder: CurlRequestBuilder(options: options, body: requestBody, contentType: contentType),
            environment: context.environment,
            dumpHeaderPath: options.dumpHeaderPath.map { $0 == "-" ? "-" : context.resolvePath($0) })
        var status = ExitStatus.success
        for (index, text) in options.urls.enumerated() {
            var stats = CurlTransferStats()
            var retry = CurlRetry(options: options)
            while true {
                var attempt = CurlAttempt(setup: setup, io: io)
                attempt.jar = jar
                do {
                    var url = try CurlURL(parsing: text)
                    if !options.pathAsIs { url.squashDotSegments() }
                    if options.dataInQuery, let data = body.bytes {
                        let query = String(decoding: data, as: UTF8.self)
                        url.query = url.query.map { $0.isEmpty ? query : "\($0)&\(query)" } ?? query
                    }
                    try CurlURLQuery.append(queries, to: &url)
                    if let upload = options.uploadPath, upload != "-", url.path.hasSuffix("/") {
                        url.path += upload.split(separator: "/").last.map(String.init) ?? ""
                    }
                    guard let target = attempt.outputTarget(for: url, index: index, context: context) else {
                        status = ExitStatus(23)
                        break
                    }
                    if attempt.run(url: url, output: target) == .interrupted {
                        io.flush()
                        return .interrupted
                    }
                    stats = attempt.stats
                    jar = attempt.jar
                } catch {
                    stats.error = error
                    stats.urlEffective = text
                }
                if let error = stats.error, !options.silent || options.showError {
                    io.stderr.writeDiagnostic("curl: (\(error.code)) \(error.message)\n" + error.trailer)
                }
                if let next = retry.next(error: stats.error, stats: stats) {
                    if !options.silent {
                        io.stderr.writeDiagnostic(curlWarning(next.warning))
                        if attempt.writtenToFile > 0 {
                            io.stderr.writeDiagnostic("Throwing away \(attempt.writtenToFile) bytes\n")
                        }
                    }
                    io.flush()
                    if !Self.sleep(milliseconds: next.milliseconds) { return .interrupted }
                    continue
                }
                attempt.finishProgressBar()
                status = stats.error?.status ?? .success
                if let writeOut {
                    let rendered = CurlWriteOut.render(writeOut, stats: stats)
                    for warning in rendered.warnings { io.stderr.writeDiagnostic(warning + "\n") }
                    io.stdout.write(rendered.output)
                }
                break
            }
        }
        if let path = options.cookieJarPath, let jar {
            let target = path == "-" ? nil : context.resolvePath(path)
            if let target {
                if !LocalFile.write(Array(jar.netscapeText.utf8), to: target) {
                    io.stderr.writeDiagnostic("curl: WARNING: failed to save cookies in \(path)\n")
                }
            } else {
                io.stdout.write(jar.netscapeText)
            }
        }
        return status
    }

    /// Waits between tries; false when Ctrl-C ended the wait.
    private static func sleep(milliseconds: Int) -> Bool {
        let end = ContinuousClock.now + .milliseconds(milliseconds)
        while ContinuousClock.now < end {
            if InterruptState.isInterrupted { return false }
            let left = end - ContinuousClock.now
            sleepThread(min(left, .milliseconds(50)))
        }
        return !InterruptState.isInterrupted
    }
}

/// Sleeps the calling thread (a builtin's own thread, never Swift's cooperative pool).
private func sleepThread(_ duration: Duration) {
    let (seconds, attoseconds) = duration.components
    var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
    _ = nanosleep(&request, nil)
}
