/// The two messaging socket URLs: `/ws_api/account/{a}/messaging/consumer` and
/// `/ws_api/account/{a}/messaging/brand/{bearer}` (empty path segments skipped, as the router matched them).
enum MessagingSocketRoute: Equatable {
    case consumer(account: String)
    /// With the `v` query parameter (`2`, `2.1`: the notification names depend on it).
    case brand(account: String, bearer: String, version: String?)

    /// The route of a request target (path and query), or `nil` for any other path.
    init?(uri: String) {
        let (path, query) =
            if let mark = uri.firstIndex(of: "?") {
                (uri[..<mark], uri[uri.index(after: mark)...])
            } else {
                (Substring(uri), Substring(""))
            }
        let parts = path.split(separator: "/")
        guard parts.count >= 5, parts[0] == "ws_api", parts[1] == "account", parts[3] == "messaging" else {
            return nil
        }
        let account = String(parts[2])
        switch (parts.count, parts[4]) {
        case (5, "consumer"):
            self = .consumer(account: account)
        case (6, "brand"):
            self = .brand(account: account, bearer: String(parts[5]), version: Self.parameter("v", in: query))
        default:
            return nil
        }
    }

    /// The first value of `name` in a query string, percent-decoded.
    static func parameter(_ name: String, in query: Substring) -> String? {
        for pair in query.split(separator: "&") {
            let (key, value) =
                if let equals = pair.firstIndex(of: "=") {
                    (pair[..<equals], pair[pair.index(after: equals)...])
                } else {
                    (pair, Substring(""))
                }
            if PercentDecoding.decoded(key) == name {
                return PercentDecoding.decoded(String(value.map { $0 == "+" ? " " : $0 })) ?? String(value)
            }
        }
        return nil
    }
}
