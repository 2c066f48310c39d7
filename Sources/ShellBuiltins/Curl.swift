import HTTPTransfer
import OptionParsing
import ShellRuntime

/// `curl`: an HTTP(S) client that matches curl 7.88.1's options, output bytes, exit codes and messages.
///
/// Two transports carry the requests (see `CurlTransportChoice`): HTTP/1.1 on a socket of its own with BoringSSL
/// for TLS, which starts in a fraction of the time, and AsyncHTTPClient with one shared client per process (see
/// `CurlHTTPClients`) for HTTP/2, pooled connections and `--compressed`. Servers see what real curl sends,
/// `User-Agent: curl/7.88.1` included, except that `Content-Length` comes last and a body-less POST or PUT
/// sends `Content-Length: 0` (as AHC does; both transports send the same bytes).
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
            io.stderr.writeDiagnostic(CurlOptionParser.table.message(for: error))
            return .usage
        }
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
        let trust = TrustStore(
            insecure: options.insecure, caCertificatePath: options.caCertificatePath, environment: context.environment)
        let choice = CurlTransportChoice(environment: context.environment)
        let builder = CurlRequestBuilder(options: options, body: options.dataInQuery ? nil : body.bytes)
        var status = ExitStatus.success
        for (index, text) in options.urls.enumerated() {
            var stats = CurlTransferStats()
            do {
                var url = try CurlURL(parsing: text)
                if options.dataInQuery, let data = body.bytes {
                    let query = String(decoding: data, as: UTF8.self)
                    url.query = url.query.map { $0.isEmpty ? query : "\($0)&\(query)" } ?? query
                }
                if let upload = options.uploadPath, upload != "-", url.path.hasSuffix("/") {
                    url.path += upload.split(separator: "/").last.map(String.init) ?? ""
                }
                let outputPath: String?
                var shownPath = ""
                if index == 0, let path = options.outputPath {
                    outputPath = context.resolvePath(path)
                    shownPath = path
                } else if options.remoteName {
                    guard let name = url.path.split(separator: "/").last, !name.isEmpty else {
                        io.stderr.writeDiagnostic("curl: Remote file name has no length!\n" + CurlOptionParser.hint)
                        status = ExitStatus(23)
                        continue
                    }
                    outputPath = context.resolvePath(String(name))
                    shownPath = String(name)
                } else {
                    outputPath = nil
                }
                let output = CurlOutput(stdout: io.stdout, stderr: io.stderr, path: outputPath, shownPath: shownPath)
                output.muted = options.silent
                if options.pretty && outputPath == nil && io.stdout.isTerminal {
                    output.pretty = CurlPrettyPrinter(environment: context.environment)
                }
                let meter = CurlProgressMeter(
                    stderr: io.stderr, enabled: !options.silent && !(outputPath == nil && io.stdout.isTerminal))
                meter.start()
                let running = CurlTransfer(
                    options: options, builder: builder, trust: trust, choice: choice,
                    environment: context.environment, jar: jar, stderr: io.stderr, output: output)
                running.run(url: url)
                if running.interrupted {
                    io.flush()
                    return .interrupted
                }
                stats = running.stats
                jar = running.jar
                if stats.error?.code != 6 {
                    meter.finish(
                        expectedDownload: running.expectedDownload, downloaded: stats.sizeDownload,
                        uploaded: stats.sizeUpload, seconds: stats.timeTotal)
                }
            } catch {
                stats.error = error
                stats.urlEffective = text
            }
            if let error = stats.error {
                if !options.silent || options.showError {
                    io.stderr.writeDiagnostic("curl: (\(error.code)) \(error.message)\n" + error.trailer)
                }
                status = error.status
            } else {
                status = .success
            }
            if let writeOut {
                let rendered = CurlWriteOut.render(writeOut, stats: stats)
                for warning in rendered.warnings { io.stderr.writeDiagnostic(warning + "\n") }
                io.stdout.write(rendered.output)
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
}
