import Base64Codec
import ShellRuntime

/// One HTTP request curl is about to send: everything but the framing headers AHC adds itself.
struct CurlRequest: Sendable {
    /// Where it goes.
    var url: CurlURL
    /// The method, as given to `-X` or chosen from the other options.
    var method: String
    /// Header lines in the order curl sends them (`Host`, `Authorization`, `User-Agent`, `Accept`, …).
    var headers: [(name: String, value: String)]
    /// The body, nil for none.
    var body: [UInt8]?
    /// The HTTP proxy it goes through, if any.
    var proxy: CurlProxy?

    /// True when the request itself goes to the proxy (plain http); https goes through a `CONNECT` tunnel.
    var isSentToProxy: Bool { proxy != nil && url.scheme == "http" }

    /// The request line and headers as `-v` shows them, `Content-Length` where AHC puts it (last). Sent to a
    /// proxy, the target is the absolute URL, and `Proxy-Authorization` (after `Host`) and
    /// `Proxy-Connection: Keep-Alive` (after curl's default headers) are added, in curl's places.
    var headerLinesForDisplay: [String] {
        var lines = ["\(method) \(isSentToProxy ? url.description : url.target) HTTP/1.1"]
        var fields = headers.map { "\($0.name): \($0.value)" }
        if isSentToProxy, let proxy {
            let defaults: Set<String> = ["host", "authorization", "user-agent", "accept", "accept-encoding", "referer"]
            let leading = headers.prefix { defaults.contains($0.name.lowercased()) }.count
            fields.insert("Proxy-Connection: Keep-Alive", at: leading)
            if let authorization = proxy.authorization {
                fields.insert("Proxy-Authorization: \(authorization)", at: headers.first?.name == "Host" ? 1 : 0)
            }
        }
        lines += fields
        if let length = contentLength { lines.append("Content-Length: \(length)") }
        return lines
    }

    /// The `CONNECT` request that opens a tunnel to an https server through `proxy`, as curl 7.88.1 sends it.
    func tunnelRequestLines(userAgent: String) -> [String] {
        var lines = ["CONNECT \(url.authority) HTTP/1.1", "Host: \(url.authority)"]
        if let authorization = proxy?.authorization { lines.append("Proxy-Authorization: \(authorization)") }
        if !userAgent.isEmpty { lines.append("User-Agent: \(userAgent)") }
        lines.append("Proxy-Connection: Keep-Alive")
        return lines
    }

    /// The `Content-Length` curl 7.88.1 sends: the body's size when there is a body (0 for `-d ''`), none without
    /// one, whatever the method (`-X POST` alone sends none).
    var contentLength: Int? {
        body?.count
    }

    /// True when AHC would add a `Content-Length: 0` curl does not send: no body, and a method other than those
    /// AHC leaves without one. Such a request goes over the direct transport (`CurlTransportChoice.usesDirect`).
    var ahcWouldAddContentLength: Bool {
        guard body == nil else { return false }
        return !["GET", "HEAD", "DELETE", "CONNECT", "TRACE"].contains(method)
    }
}

/// Turns parsed options into requests, with curl's default headers in curl's order.
package struct CurlRequestBuilder: Sendable {
    /// The parsed options.
    let options: CurlOptions
    /// The prepared body (from `-d`…, `--json`, `-T`, `-F`), nil for none.
    let body: [UInt8]?
    /// The body's content type when it is not curl's form default (`multipart/form-data; boundary=…` for `-F`).
    let contentType: String?

    package init(options: CurlOptions, body: [UInt8]?, contentType: String? = nil) {
        self.options = options
        self.body = body
        self.contentType = contentType
    }

    /// The user agent curl 7.88.1 sends; lp-shell sends the same so servers see what real curl sends.
    static let defaultUserAgent = "curl/7.88.1"

    private var customHeaders: [(name: String, value: String?)] {
        var result: [(name: String, value: String?)] = []
        for text in options.headers {
            if let colon = text.firstIndex(of: ":") {
                let name = String(text[..<colon])
                let value = text[text.index(after: colon)...].drop(while: { $0 == " " || $0 == "\t" })
                // `Name:` with nothing after it removes the header curl would send.
                result.append((name, value.isEmpty ? nil : String(value)))
            } else if let semicolon = text.firstIndex(of: ";"),
                text[text.index(after: semicolon)...].allSatisfy({ $0 == " " })
            {
                result.append((String(text[..<semicolon]), ""))
            }
        }
        return result
    }

    private func hasCustom(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return customHeaders.contains { $0.name.lowercased() == lowered }
    }

    private var hasJSON: Bool {
        options.data.contains { if case .json = $0 { true } else { false } }
    }

    /// The method of the first request.
    var method: String {
        if let method = options.method { return method }
        if options.headOnly { return "HEAD" }
        if options.dataInQuery { return "GET" }
        if !options.data.isEmpty || !options.form.isEmpty { return "POST" }
        if options.uploadPath != nil { return "PUT" }
        return "GET"
    }

    /// The request for `url`, with the engine's cookies for it.
    func request(for url: CurlURL, method: String, sendBody: Bool, cookies: String?) -> CurlRequest {
        var headers: [(name: String, value: String)] = []
        let custom = customHeaders
        if let host = custom.first(where: { $0.name.lowercased() == "host" }) {
            if let value = host.value { headers.append(("Host", value)) }
        } else {
            headers.append(("Host", url.hostHeader))
        }
        if let token = options.oauth2Bearer, !hasCustom("Authorization") {
            // curl 7.88.1 sends the bearer token and not the -u credentials when both are given.
            headers.append(("Authorization", "Bearer " + token))
        } else if let credentials = options.user ?? url.userInfo.map(Self.percentDecoded), !hasCustom("Authorization") {
            headers.append(("Authorization", "Basic " + Self.basicCredentials(credentials)))
        }
        if let range = options.range, !hasCustom("Range") { headers.append(("Range", "bytes=" + range)) }
        if !hasCustom("User-Agent") {
            let agent = options.userAgent ?? Self.defaultUserAgent
            if !agent.isEmpty { headers.append(("User-Agent", agent)) }
        }
        if !hasCustom("Accept") && !hasJSON { headers.append(("Accept", "*/*")) }
        if options.compressed && !hasCustom("Accept-Encoding") {
            // AHC's decoder handles deflate and gzip only, so lp-shell does not offer br and zstd as curl does.
            headers.append(("Accept-Encoding", "deflate, gzip"))
        }
        if let referer = options.referer, !hasCustom("Referer") { headers.append(("Referer", referer)) }
        let literal = options.cookies.filter { $0.contains("=") }
        let cookieParts = (cookies.map { [$0] } ?? []) + literal
        if !cookieParts.isEmpty && !hasCustom("Cookie") {
            headers.append(("Cookie", cookieParts.joined(separator: "; ")))
        }
        for header in custom where header.name.lowercased() != "host" {
            if let value = header.value { headers.append((header.name, value)) }
        }
        if hasJSON {
            if !hasCustom("Content-Type") { headers.append(("Content-Type", "application/json")) }
            if !hasCustom("Accept") { headers.append(("Accept", "application/json")) }
        }
        let body = sendBody ? self.body : nil
        if options.uploadPath != nil, let body, !body.isEmpty, !hasCustom("Expect") {
            // curl 7.88.1 asks for 100-continue on every -T upload; AHC passes the interim response over.
            headers.append(("Expect", "100-continue"))
        }
        if body != nil && !hasJSON && options.uploadPath == nil && !hasCustom("Content-Type") {
            headers.append(("Content-Type", contentType ?? "application/x-www-form-urlencoded"))
        }
        return CurlRequest(url: url, method: method, headers: headers, body: body)
    }

    /// `user:password` in base64 for a `Basic` header; a user without a colon gets an empty password, as in curl.
    static func basicCredentials(_ credentials: String) -> String {
        Base64Coding.encode(Array((credentials.contains(":") ? credentials : credentials + ":").utf8))
    }

    static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
