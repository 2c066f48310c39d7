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
        let ended = transfer(request, body: body) { options in
            options.method = method
            options.headers = headers
        }
        switch ended {
        case .failed(let error): return .failed(error)
        case .interrupted: return .interrupted
        case .finished(let stats, let received):
            return .response(status: stats.httpCode, headers: stats.responseHeaders, body: received)
        }
    }
}
