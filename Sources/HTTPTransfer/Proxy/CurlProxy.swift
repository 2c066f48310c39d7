/// An HTTP proxy a request goes through, from `-x`/`--proxy` or the environment, as curl 7.88.1 picks it.
///
/// Plain `http://` URLs are sent to the proxy in absolute form (`GET http://host/path HTTP/1.1`); `https://` URLs
/// go through a `CONNECT host:443` tunnel. Only `http://` proxies are spoken to: curl's other proxy schemes
/// (`https://`, `socks4://`, `socks5://`, …) are refused with curl's code 7, like a scheme curl does not know.
package struct CurlProxy: Sendable, Hashable {
    package var host: String
    package var port: Int
    /// `user:password` for `Proxy-Authorization: Basic` (`-U`, or the user part of the proxy URL).
    var credentials: String?

    /// The host as it is written in a URL or `-v` line (IPv6 literals in brackets).
    var hostForURL: String { host.contains(":") ? "[\(host)]" : host }

    /// `host:port` as curl prints it.
    package var hostPort: String { "\(hostForURL):\(port)" }

    /// The credentials in base64, as `Proxy-Authorization: Basic` carries them.
    var encodedCredentials: String? { credentials.map(CurlRequestBuilder.basicCredentials) }

    /// The `Proxy-Authorization` value, if credentials were given.
    package var authorization: String? { encodedCredentials.map { "Basic " + $0 } }

    /// The proxy for `url`, or nil for a direct connection.
    ///
    /// `-x` beats the environment; an empty `-x ""` means no proxy. From the environment: `http_proxy` for http
    /// (never `HTTP_PROXY`, as in curl: CGI programs get that one from a request header), `https_proxy` or
    /// `HTTPS_PROXY` for https, then `all_proxy` or `ALL_PROXY`. `--noproxy`, else `no_proxy`/`NO_PROXY`, lists
    /// the hosts reached directly.
    /// - Throws: `CurlError` 5 or 7 for a proxy that cannot be parsed or spoken to.
    static func resolve(for url: CurlURL, options: CurlOptions, environment: [String: String]) throws(CurlError)
        -> CurlProxy?
    {
        try resolve(
            host: url.host, secure: url.scheme == "https", given: options.proxy, noProxy: options.noProxy,
            user: options.proxyUser, environment: environment)
    }

    /// The proxy for a connection to `host` (`secure`: https or wss), from `given` (`-x`, `--proxy`) or the
    /// environment, unless `noProxy` (or the environment's `no_proxy`) exempts the host.
    package static func resolve(
        host: String, secure: Bool, given: String?, noProxy: String?, user: String?, environment: [String: String]
    ) throws(CurlError) -> CurlProxy? {
        if let exceptions = noProxy ?? exceptions(in: environment), NoProxyList(exceptions).matches(host) {
            return nil
        }
        var text = given
        if given == nil {
            // A plain loop: this runs in every cold `curl`, where each generic adaptor costs a type lookup.
            for name in variables(secure: secure) {
                if let value = environment[name], !value.isEmpty {
                    text = value
                    break
                }
            }
        }
        guard let text, !text.isEmpty else { return nil }
        var proxy = try parse(text)
        if let user { proxy.credentials = user }
        return proxy
    }

    /// The environment variables a proxy comes from, in curl's order: `http_proxy` for http (never `HTTP_PROXY`),
    /// `https_proxy`/`HTTPS_PROXY` for https, then `all_proxy`/`ALL_PROXY`.
    static func variables(secure: Bool) -> [String] {
        secure ? ["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] : ["http_proxy", "all_proxy", "ALL_PROXY"]
    }

    /// The environment's exception list: `no_proxy`, else `NO_PROXY`.
    static func exceptions(in environment: [String: String]) -> String? {
        environment["no_proxy"] ?? environment["NO_PROXY"]
    }

    /// Parses `[scheme://][user:password@]host[:port][/]`; the port defaults to 1080, as in curl.
    static func parse(_ text: String) throws(CurlError) -> CurlProxy {
        var rest = Substring(text)
        if let range = rest.firstRange(of: "://") {
            let scheme = rest[..<range.lowerBound].lowercased()
            guard scheme == "http" else {
                let known = ["https", "socks4", "socks4a", "socks5", "socks5h"].contains(scheme)
                throw CurlError(
                    code: 7,
                    message: "Unsupported proxy scheme for '\(text)'"
                        + (known ? " (lp-shell's curl speaks to http:// proxies only)" : ""))
            }
            rest = rest[range.upperBound...]
        }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        var credentials: String?
        if let at = rest.lastIndex(of: "@") {
            credentials = CurlRequestBuilder.percentDecoded(String(rest[..<at]))
            rest = rest[rest.index(after: at)...]
        }
        let syntaxError = CurlError(code: 5, message: "Unsupported proxy syntax in '\(text)'")
        var host = rest
        var portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw syntaxError }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw syntaxError }
                portText = after.dropFirst()
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
        }
        var port = 1080
        if let portText {
            guard !portText.isEmpty, portText.allSatisfy(\.isASCIIDigit), let number = Int(portText),
                number <= 65_535
            else { throw syntaxError }
            port = number
        }
        guard !host.isEmpty else { throw syntaxError }
        return CurlProxy(host: String(host), port: port, credentials: credentials)
    }
}

/// `--noproxy` / `no_proxy`: comma-separated host names, domains (matching their subdomains), IP addresses with
/// an optional CIDR prefix length, or `*` for every host.
struct NoProxyList {
    private let entries: [Substring]

    init(_ text: String) {
        entries = text.split(separator: ",").map { entry in
            var trimmed = entry.drop { $0 == " " || $0 == "\t" }
            while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
            if trimmed.hasPrefix("[") && trimmed.hasSuffix("]") { trimmed = trimmed.dropFirst().dropLast() }
            return trimmed.hasPrefix(".") ? trimmed.dropFirst() : trimmed
        }.filter { !$0.isEmpty }
    }

    /// True when `host` is reached without the proxy.
    func matches(_ host: String) -> Bool {
        let name = host.lowercased()
        for entry in entries {
            if entry == "*" { return true }
            if let slash = entry.firstIndex(of: "/") {
                if let bits = Int(entry[entry.index(after: slash)...]),
                    Self.sameNetwork(name, String(entry[..<slash]), bits: bits)
                {
                    return true
                }
                continue
            }
            let lowered = entry.lowercased()
            if name == lowered || name.hasSuffix("." + lowered) { return true }
        }
        return false
    }

    /// True when the first `bits` bits of two IP addresses of the same family agree.
    private static func sameNetwork(_ host: String, _ network: String, bits: Int) -> Bool {
        guard let address = IPLiteral(host)?.bytes, let prefix = IPLiteral(network)?.bytes,
            address.count == prefix.count, bits >= 0, bits <= address.count * 8
        else { return false }
        for index in 0..<address.count {
            let covered = min(8, max(0, bits - index * 8))
            let mask: UInt8 = covered == 0 ? 0 : ~UInt8(0) << (8 - covered)
            if address[index] & mask != prefix[index] & mask { return false }
        }
        return true
    }
}
