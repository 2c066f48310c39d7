/// Keeps a loopback server (the embedded sandbox) out of the user's proxy: with `https_proxy` set for a corporate
/// network, curl would send the tutorial's requests for `127.0.0.1` to that proxy, which cannot reach them.
public enum ProxyExemption {
    /// The variables a proxy can come from (curl reads `http_proxy` only in lower case).
    static let proxyVariables = ["http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]

    /// The `no_proxy` and `NO_PROXY` values that add `host` to the exceptions, or nil when no proxy is set or the
    /// host is already an exception.
    public static func adding(_ host: String, to environment: [String: String]) -> [(name: String, value: String)]? {
        guard proxyVariables.contains(where: { !(environment[$0] ?? "").isEmpty }) else { return nil }
        let lower = environment["no_proxy"]
        let upper = environment["NO_PROXY"]
        // curl reads `no_proxy` first, then `NO_PROXY`.
        if let current = lower ?? upper, NoProxyList(current).matches(host) { return nil }
        func extended(_ value: String?) -> String {
            guard let value, !value.isEmpty else { return host }
            return value + "," + host
        }
        return [("no_proxy", extended(lower ?? upper)), ("NO_PROXY", extended(upper ?? lower))]
    }
}
