#if canImport(Glibc)
    import Glibc
#endif

/// How the direct transport turns a host into addresses: `--resolve` entries first, then the resolver; `-4`/`-6`
/// keep one address family.
struct DirectAddressing: Sendable, Equatable {
    /// `host:port` (host lower-cased, `*` for any host) to the address literals `--resolve` gave for it.
    var overrides: [String: [String]] = [:]
    /// `AF_INET` for `-4`, `AF_INET6` for `-6`, nil for both.
    var family: Int32?

    /// Nothing overridden, both families.
    static let system = DirectAddressing()

    /// Reads `--resolve` entries (`[+]host:port:addr[,addr]…`, IPv6 addresses in brackets or not) and `-4`/`-6`.
    /// Entries curl could not parse are left out, as curl does (it mentions them only with `-v`).
    init(options: CurlOptions) {
        for entry in options.resolve {
            var text = Substring(entry)
            if text.hasPrefix("+") { text = text.dropFirst() }
            guard !text.hasPrefix("-") else { continue }
            let pieces = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard pieces.count == 3, !pieces[0].isEmpty, let port = Int(pieces[1]) else { continue }
            let addresses = pieces[2].split(separator: ",").map { address in
                address.hasPrefix("[") && address.hasSuffix("]")
                    ? String(address.dropFirst().dropLast()) : String(address)
            }
            guard !addresses.isEmpty, addresses.allSatisfy({ IPLiteral($0) != nil }) else { continue }
            let key = "\(pieces[0].lowercased()):\(port)"
            if overrides[key] == nil { overrides[key] = addresses }
        }
        switch options.ipVersion {
        case 4: family = AF_INET
        case 6: family = AF_INET6
        default: family = nil
        }
    }

    private init() {}

    /// The addresses to try for `host`, in order.
    /// - Throws: `CurlError` 6 when none is left (none resolved, or none of the family `-4`/`-6` asks for).
    func addresses(_ host: String, port: Int, stop: () throws -> Void) throws -> [DirectResolver.Address] {
        let literals = overrides["\(host.lowercased()):\(port)"] ?? overrides["*:\(port)"]
        let found =
            try literals.map { $0.compactMap { DirectResolver.numeric($0, port: port) } }
            ?? DirectResolver.resolve(host, port: port, stop: stop)
        let kept = family.map { family in found.filter { $0.family == family } } ?? found
        if kept.isEmpty { throw CurlError.couldNotResolve(host) }
        return kept
    }
}
