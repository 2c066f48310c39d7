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
        let target: CurlURL
        do {
            target = try CurlURL(parsing: request.url)
        } catch {
            return .failed(error)
        }
        var options = CurlOptions()
        options.urls = [request.url]
        options.silent = true
        options.failOnHTTPError = true
        options.followRedirects = true
        options.maxTime = request.maximumSeconds
        options.insecure = request.trust.insecure
        options.caCertificatePath = request.trust.caFile
        let body = ByteOutput.capturing()
        let unused = ByteOutput.capturing()
        let output = CurlOutput(stdout: body, stderr: unused, path: nil, shownPath: "")
        output.muted = true
        let transfer = CurlTransfer(
            options: options, builder: CurlRequestBuilder(options: options, body: nil), trust: request.trust,
            choice: CurlTransportChoice(environment: request.environment), environment: request.environment,
            jar: nil, stderr: unused, output: output)
        transfer.run(url: target)
        if transfer.interrupted { return .interrupted }
        if let error = transfer.stats.error { return .failed(error) }
        return .body(body.capturedBytes)
    }
}
