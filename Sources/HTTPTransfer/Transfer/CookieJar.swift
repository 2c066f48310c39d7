/// curl's cookie engine: cookies read from `-b FILE`, updated by `Set-Cookie`, written by `-c FILE`.
///
/// Files use the Netscape format curl writes (tab-separated: domain, subdomains flag, path, secure flag,
/// expiry in epoch seconds or 0 for a session cookie, name, value; `#HttpOnly_` before the domain for an
/// HttpOnly cookie). Lines in HTTP header form (`Set-Cookie: …`) are read too, as curl does.
package struct CookieJar: Sendable, Equatable {
    /// One stored cookie.
    struct Cookie: Sendable, Equatable {
        var domain: String
        var includeSubdomains: Bool
        var path: String
        var secure: Bool
        var expires: Int64
        var name: String
        var value: String
        var httpOnly = false
        /// Order of creation, for curl's sort orders.
        var created = 0
    }

    /// The cookies, oldest first.
    private(set) var cookies: [Cookie] = []
    private var counter = 0

    /// An empty jar.
    package init() {}

    /// Reads a cookie file's text; unreadable lines are skipped, as curl skips them.
    package mutating func load(_ text: String, now: Int64) {
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var line = Substring(rawLine)
            if line.lowercased().hasPrefix("set-cookie:") {
                let header = line.dropFirst("set-cookie:".count).drop(while: { $0 == " " || $0 == "\t" })
                store(setCookie: String(header), host: "", requestPath: "/", now: now)
                continue
            }
            var httpOnly = false
            if line.hasPrefix("#HttpOnly_") {
                httpOnly = true
                line = line.dropFirst("#HttpOnly_".count)
            } else if line.hasPrefix("#") {
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 6 else { continue }
            var domain = String(fields[0]).lowercased()
            if domain.hasPrefix(".") { domain.removeFirst() }
            let cookie = Cookie(
                domain: domain,
                includeSubdomains: fields[1].uppercased() == "TRUE",
                path: String(fields[2]),
                secure: fields[3].uppercased() == "TRUE",
                expires: Int64(fields[4]) ?? 0,
                name: String(fields[5]),
                value: fields.count > 6 ? String(fields[6]) : "",
                httpOnly: httpOnly)
            insert(cookie, now: now)
        }
    }

    /// Applies one `Set-Cookie` header received from `host` for a request to `requestPath`.
    mutating func store(setCookie header: String, host: String, requestPath: String, now: Int64) {
        var parts = header.split(separator: ";", omittingEmptySubsequences: false).makeIterator()
        guard let pair = parts.next(), let equals = pair.firstIndex(of: "=") else { return }
        let name = pair[..<equals].trimmingSpaces
        guard !name.isEmpty else { return }
        var cookie = Cookie(
            domain: host.lowercased(), includeSubdomains: false, path: Self.defaultPath(requestPath),
            secure: false, expires: 0, name: name, value: pair[pair.index(after: equals)...].trimmingSpaces)
        var maxAge: Int64?
        while let attribute = parts.next() {
            let key: String
            let value: String
            if let equals = attribute.firstIndex(of: "=") {
                key = attribute[..<equals].trimmingSpaces.lowercased()
                value = attribute[attribute.index(after: equals)...].trimmingSpaces
            } else {
                key = attribute.trimmingSpaces.lowercased()
                value = ""
            }
            switch key {
            case "domain":
                var domain = value.lowercased()
                if domain.hasPrefix(".") { domain.removeFirst() }
                guard !domain.isEmpty else { break }
                if !host.isEmpty && !Self.domainMatches(host: host.lowercased(), domain: domain) { return }
                cookie.domain = domain
                cookie.includeSubdomains = true
            case "path":
                if value.hasPrefix("/") { cookie.path = value }
            case "secure":
                cookie.secure = true
            case "httponly":
                cookie.httpOnly = true
            case "max-age":
                maxAge = Int64(value)
            case "expires":
                if let date = HTTPDate.parse(value) { cookie.expires = date }
            default:
                break
            }
        }
        if let maxAge { cookie.expires = maxAge <= 0 ? 1 : now + maxAge }
        insert(cookie, now: now)
    }

    private mutating func insert(_ cookie: Cookie, now: Int64) {
        var cookie = cookie
        let index = cookies.firstIndex {
            $0.name == cookie.name && $0.domain == cookie.domain && $0.path == cookie.path
        }
        if cookie.expires != 0 && cookie.expires <= now {
            if let index { cookies.remove(at: index) }
            return
        }
        if let index {
            cookie.created = cookies[index].created
            cookies[index] = cookie
        } else {
            counter += 1
            cookie.created = counter
            cookies.append(cookie)
        }
    }

    /// The `name=value` pairs to send to `url`, in curl's order (longest path first, newest first), joined by `; `.
    func header(for url: CurlURL, now: Int64) -> String? {
        let host = url.host
        let matching = cookies.filter { cookie in
            (cookie.expires == 0 || cookie.expires > now)
                && (cookie.includeSubdomains
                    ? Self.domainMatches(host: host, domain: cookie.domain) : host == cookie.domain)
                && Self.pathMatches(url.path, cookiePath: cookie.path)
                && (!cookie.secure || url.scheme == "https")
        }
        guard !matching.isEmpty else { return nil }
        let sorted = matching.sorted { left, right in
            if left.path.count != right.path.count { return left.path.count > right.path.count }
            if left.domain.count != right.domain.count { return left.domain.count > right.domain.count }
            if left.name.count != right.name.count { return left.name.count > right.name.count }
            return left.created > right.created
        }
        return sorted.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
    }

    /// The jar in curl's Netscape format, newest cookie first, session cookies included.
    package var netscapeText: String {
        var text = """
            # Netscape HTTP Cookie File
            # https://curl.se/docs/http-cookies.html
            # This file was generated by libcurl! Edit at your own risk.


            """
        for cookie in cookies.sorted(by: { $0.created > $1.created }) {
            let domain = (cookie.httpOnly ? "#HttpOnly_" : "") + (cookie.includeSubdomains ? "." : "") + cookie.domain
            let fields = [
                domain, cookie.includeSubdomains ? "TRUE" : "FALSE", cookie.path, cookie.secure ? "TRUE" : "FALSE",
                String(cookie.expires), cookie.name, cookie.value,
            ]
            text += fields.joined(separator: "\t") + "\n"
        }
        return text
    }

    /// RFC 6265's default path: the request path up to, not including, its last `/`.
    static func defaultPath(_ requestPath: String) -> String {
        guard requestPath.hasPrefix("/"), let slash = requestPath.lastIndex(of: "/"),
            slash != requestPath.startIndex
        else { return "/" }
        return String(requestPath[..<slash])
    }

    static func domainMatches(host: String, domain: String) -> Bool {
        host == domain || host.hasSuffix("." + domain)
    }

    static func pathMatches(_ path: String, cookiePath: String) -> Bool {
        if path == cookiePath { return true }
        guard path.hasPrefix(cookiePath) else { return false }
        return cookiePath.hasSuffix("/") || path.dropFirst(cookiePath.count).hasPrefix("/")
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
