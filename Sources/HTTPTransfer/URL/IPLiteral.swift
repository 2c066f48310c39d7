#if canImport(Glibc)
    import Glibc
#endif

/// An IPv4 or IPv6 address written as text (`127.0.0.1`, `::1`), read by `inet_pton`: the resolver's numeric
/// addresses, the TLS host check (IP or name) and `no_proxy`'s CIDR ranges.
enum IPLiteral {
    case v4(in_addr)
    case v6(in6_addr)

    /// Nil for anything but an address literal (a host name).
    init?(_ text: String) {
        var ipv4 = in_addr()
        if inet_pton(AF_INET, text, &ipv4) == 1 {
            self = .v4(ipv4)
            return
        }
        var ipv6 = in6_addr()
        if inet_pton(AF_INET6, text, &ipv6) == 1 {
            self = .v6(ipv6)
            return
        }
        return nil
    }

    /// The address in network byte order: 4 or 16 bytes.
    var bytes: [UInt8] {
        switch self {
        case .v4(var address): withUnsafeBytes(of: &address) { Array($0) }
        case .v6(var address): withUnsafeBytes(of: &address) { Array($0) }
        }
    }
}
