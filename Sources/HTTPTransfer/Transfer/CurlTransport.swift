/// What carries one curl request and its response: `CurlDirectTransport` (HTTP/1.1 on a socket of its own,
/// BoringSSL for TLS) or `CurlAHCTransport` (AsyncHTTPClient: HTTP/2, pooled connections, `--compressed`).
/// Both run on the builtin's thread and give the same bytes to `CurlTransfer`.
protocol CurlTransport: AnyObject {
    /// Sends `request` and reads the response head (interim 1xx responses are passed over).
    func send(_ request: CurlRequest) throws -> CurlResponseHead
    /// Reads the body of the last response to its end, chunk by chunk.
    func readBody(_ sink: (ArraySlice<UInt8>) throws -> Void) throws
}

/// Why a transfer stopped before the server answered, on either transport.
enum CurlStop: Error {
    /// Ctrl-C.
    case interrupted
    /// `-m` expired after the connection was made.
    case deadline
    /// `-m` expired while connecting.
    case connectDeadline
    /// `--connect-timeout` (or the 300 s default) expired.
    case connectTimeout
}

/// Which transport a transfer uses.
package enum CurlTransportChoice: Sendable, Equatable {
    /// Direct where it shows the same bytes as AHC, else AHC (the default).
    case automatic
    /// AHC always (`LP_CURL_TRANSPORT=ahc`).
    case asyncHTTPClient
    /// Direct wherever it can carry the request at all (`LP_CURL_TRANSPORT=direct`, used by the tests).
    case direct

    /// Reads `LP_CURL_TRANSPORT` (`ahc`, `direct`; anything else is automatic).
    package init(environment: [String: String]) {
        switch environment["LP_CURL_TRANSPORT"] {
        case "ahc": self = .asyncHTTPClient
        case "direct": self = .direct
        default: self = .automatic
        }
    }

    /// True when `url` goes over the direct transport.
    ///
    /// Direct speaks HTTP/1.1 only, so over HTTPS it is chosen only when nothing printed depends on the version
    /// (AHC negotiates HTTP/2 as curl does: `-i`, `-I`, `-v` and `%{http_version}` would show it). AHC keeps
    /// `--compressed` (its decoder) and systems without a hashed certificate directory (its default roots).
    /// Through a proxy, direct is preferred whatever is printed: it sends plain http to the proxy as curl does
    /// (AHC would ask for a `CONNECT` tunnel, which proxies commonly allow only to port 443) and shows the
    /// `CONNECT` exchange to `-v` and `-i`.
    ///
    /// Direct is also chosen over HTTPS whatever is printed for what only it does as curl does: `--resolve`, `-4`/`-6`,
    /// `--http1.1`, and a request without a body whose method AHC would give `Content-Length: 0` (curl 7.88.1 sends
    /// none for a body-less `-X POST`).
    func usesDirect(for url: CurlURL, options: CurlOptions, proxied: Bool = false, bodiless: Bool = false) -> Bool {
        if self == .asyncHTTPClient || options.compressed { return false }
        guard url.scheme == "https" else { return true }
        if !options.insecure && SystemTrustDirectory.current == nil { return false }
        if self == .direct || proxied || bodiless { return true }
        if !options.resolve.isEmpty || options.ipVersion != nil || options.http1Only == true { return true }
        let showsVersion =
            options.includeHeaders || options.headOnly || options.verbose
            || (options.writeOut.map { $0.hasPrefix("@") || $0.contains("http_version") } ?? false)
        return !showsVersion
    }
}
