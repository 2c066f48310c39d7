import HTTPTransfer
import ShellRuntime

/// Fetches a JWKS document with the builtin curl's HTTP clients and trust rules, as `curl -sSfL URL` would.
enum JWKSFetcher {
    /// What a fetch ended with.
    enum Outcome: Sendable {
        /// The response body.
        case document([UInt8])
        /// curl's numbered error (`(7) Failed to connect to …`).
        case failed(CurlError)
        /// Ctrl-C stopped the transfer.
        case interrupted
    }

    /// The longest a fetch may take, in seconds (curl's `-m`).
    static let maximumSeconds = 30.0

    /// Fetches `url`, trusting what `trust` trusts, through the proxy `environment` names (as curl would);
    /// redirects are followed and a status of 400 or more fails.
    static func fetch(_ url: String, trust: TrustStore, environment: [String: String]) -> Outcome {
        let target: CurlURL
        do {
            target = try CurlURL(parsing: url)
        } catch {
            return .failed(error)
        }
        var options = CurlOptions()
        options.urls = [url]
        options.silent = true
        options.failOnHTTPError = true
        options.followRedirects = true
        options.maxTime = maximumSeconds
        options.insecure = trust.insecure
        options.caCertificatePath = trust.caFile
        let body = ByteOutput.capturing()
        let unused = ByteOutput.capturing()
        let output = CurlOutput(stdout: body, stderr: unused, path: nil, shownPath: "")
        output.muted = true
        let transfer = CurlTransfer(
            options: options, builder: CurlRequestBuilder(options: options, body: nil), trust: trust,
            choice: .automatic, environment: environment, jar: nil, stderr: unused, output: output)
        transfer.run(url: target)
        if transfer.interrupted { return .interrupted }
        if let error = transfer.stats.error { return .failed(error) }
        return .document(body.capturedBytes)
    }
}
