/// Keeps a loopback server (the embedded sandbox) out of the user's proxy: with `https_proxy` set for a corporate
/// network, curl would send the tutorial's requests for `127.0.0.1` to that proxy, which cannot reach them.
public enum ProxyExemption {
    /// The `no_proxy` and `NO_PROXY` values that add `host` to the exceptions, or nil when no proxy is set or the
    /// host is already an exception.
    public static func adding(_ host: String, to environment: [String: String]) -> [(name: String, value: String)]? {
        let variables = CurlProxy.variables(secure: true) + CurlProxy.variables(secure: false)
        guard variables.contains(where: { !(environment[$0] ?? "").isEmpty }) else { return nil }
        if let current = CurlProxy.exceptions(in: environment), NoProxyList(current).matches(host) { return nil }
        let lower = environment["no_proxy"]
        let upper = environment["NO_PROXY"]
        func extended(_ value: String?) -> String {
            guard let value, !value.isEmpty else { return host }
            return value + "," + host
        }
        return [("no_proxy", extended(lower ?? upper)), ("NO_PROXY", extended(upper ?? lower))]
    }
}
