import ShellRuntime

/// The HTTP client's value API: a GET as `curl -sSfL -m SECONDS URL` does it, with curl's transports, TLS trust,
/// proxy rules and numbered errors. `jwt --jwks` and the CSDS look-up at start-up use it; the `curl` builtin drives
/// the same `CurlTransfer` with a whole command line's options.
///
/// ```swift
/// let request = HTTPFetch.Request(url: url, trust: trust, environment: environment, maximumSeconds: 10)
/// switch HTTPFetch.get(request) {
/// case .body(let bytes): …
/// case .failed(let error): print("curl: (\(error.code)) \(error.message)")
/// case .interrupted: …
/// }
/// ```
package enum HTTPFetch {
    /// What to fetch, and under which rules.
    package struct Request: Sendable {
        /// The URL (http or https).
        package var url: String
        /// The certificates trusted (`-k`, `--cacert`, `SSL_CERT_FILE`, `CURL_CA_BUNDLE`).
        package var trust: TrustStore
        /// The environment the proxy variables are read from (`https_proxy`, `no_proxy`, …).
        package var environment: [String: String]
        /// The longest the fetch may take, in seconds (curl's `-m`).
        package var maximumSeconds: Double

        package init(url: String, trust: TrustStore, environment: [String: String], maximumSeconds: Double) {
            self.url = url
            self.trust = trust
            self.environment = environment
            self.maximumSeconds = maximumSeconds
        }
    }

    /// What a fetch ended with.
    package enum Outcome: Sendable {
        /// The response body (status below 400, after redirects).
        case body([UInt8])
        /// curl's numbered error (`(7) Failed to connect to …`, `(22) The requested URL returned error: 404`).
        case failed(CurlError)
        /// Ctrl-C stopped the transfer.
        case interrupted
    }

    /// Fetches `request.url`: redirects are followed and a status of 400 or more fails, as with `curl -sSfL`.
    package static func get(_ request: Request) -> Outcome {
        let ended = transfer(request, body: nil) { options in
            options.failOnHTTPError = true
            options.followRedirects = true
        }
        switch ended {
        case .failed(let error): return .failed(error)
        case .interrupted: return .interrupted
        case .finished(_, let body): return .body(body)
        }
    }

    /// How one transfer ended: curl's error, Ctrl-C, or its statistics and the body it received.
    enum TransferEnd {
        case failed(CurlError)
        case interrupted
        case finished(CurlTransferStats, [UInt8])
    }

    /// One silent transfer of `request.url` with `body`, the options `configure` adds, and the output captured:
    /// what ``get(_:)`` and ``exchange(_:method:headers:body:)`` share.
    static func transfer(_ request: Request, body: [UInt8]?, configure: (inout CurlOptions) -> Void) -> TransferEnd {
        let target: CurlURL
        do {
            target = try CurlURL(parsing: request.url)
        } catch {
            return .failed(error)
        }
        var options = CurlOptions()
        options.urls = [request.url]
        options.silent = true
        options.maxTime = request.maximumSeconds
        options.insecure = request.trust.insecure
        options.caCertificatePath = request.trust.caFile
        configure(&options)
        let received = ByteOutput.capturing()
        let unused = ByteOutput.capturing()
        let output = CurlOutput(stdout: received, stderr: unused, path: nil, shownPath: "")
        output.muted = true
        let transfer = CurlTransfer(
            options: options, builder: CurlRequestBuilder(options: options, body: body), trust: request.trust,
            choice: CurlTransportChoice(environment: request.environment), environment: request.environment,
            jar: nil, stderr: unused, output: output)
        transfer.run(url: target)
        if transfer.interrupted { return .interrupted }
        if let error = transfer.stats.error { return .failed(error) }
        return .finished(transfer.stats, received.capturedBytes)
    }
}
