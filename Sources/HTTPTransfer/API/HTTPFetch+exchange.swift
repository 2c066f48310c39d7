import ShellRuntime

extension HTTPFetch {
    /// What a request with any method ended with: the response whatever its status (no `-f`), or curl's error.
    package enum Exchange: Sendable {
        /// The final response (after redirects): its status, headers and body.
        case response(status: Int, headers: [(name: String, value: String)], body: [UInt8])
        /// curl's numbered error (`(7) Failed to connect to …`, `(60) SSL certificate problem: …`).
        case failed(CurlError)
        /// Ctrl-C stopped the transfer.
        case interrupted
    }

    /// Sends `method` to `request.url` with `headers` (`Name: value`, as curl's `-H`) and `body`, as
    /// `curl -sS -X METHOD -H … --data-binary @-` does; the status is returned, not turned into an error.
    package static func exchange(_ request: Request, method: String, headers: [String] = [], body: [UInt8]? = nil)
        -> Exchange
    {
        let target: CurlURL
        do {
            target = try CurlURL(parsing: request.url)
        } catch {
            return .failed(error)
        }
        var options = CurlOptions()
        options.urls = [request.url]
        options.method = method
        options.headers = headers
        options.silent = true
        options.maxTime = request.maximumSeconds
        options.insecure = request.trust.insecure
        options.caCertificatePath = request.trust.caFile
        let output = ByteOutput.capturing()
        let unused = ByteOutput.capturing()
        let curlOutput = CurlOutput(stdout: output, stderr: unused, path: nil, shownPath: "")
        curlOutput.muted = true
        let transfer = CurlTransfer(
            options: options, builder: CurlRequestBuilder(options: options, body: body), trust: request.trust,
            choice: CurlTransportChoice(environment: request.environment), environment: request.environment,
            jar: nil, stderr: unused, output: curlOutput)
        transfer.run(url: target)
        if transfer.interrupted { return .interrupted }
        if let error = transfer.stats.error { return .failed(error) }
        return .response(
            status: transfer.stats.httpCode, headers: transfer.stats.responseHeaders, body: output.capturedBytes)
    }
}
