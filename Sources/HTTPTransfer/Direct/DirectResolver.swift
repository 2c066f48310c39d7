import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Host names to socket addresses for the direct transport. Numeric addresses and `localhost` need no lookup (curl
/// answers `localhost` itself too); other names go to getaddrinfo on a thread of their own, so that a resolver
/// that hangs cannot hold Ctrl-C or `-m` back: the wait gives up and the thread finishes alone.
enum DirectResolver {
    /// One address to try.
    struct Address: Sendable {
        var family: Int32
        var storage: sockaddr_storage
        var length: socklen_t
    }

    /// The addresses of `host`, in the order to try them.
    /// - Parameter stop: called every 50 ms while a lookup runs; throws to give up.
    /// - Throws: `CurlError` 6 when the name does not resolve, or what `stop` throws.
    static func resolve(_ host: String, port: Int, stop: () throws -> Void) throws -> [Address] {
        if let numeric = numeric(host, port: port) { return [numeric] }
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered.hasSuffix(".localhost") {
            return [numeric("127.0.0.1", port: port), numeric("::1", port: port)].compactMap { $0 }
        }
        let lookup = Lookup(host: host, port: port)
        lookup.start()
        while lookup.done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            try stop()
        }
        guard let addresses = lookup.result.withLock({ $0 }), !addresses.isEmpty else {
            throw CurlError.couldNotResolve(host)
        }
        return addresses
    }

    /// An IPv4 or IPv6 literal as an address; nil for a name.
    static func numeric(_ host: String, port: Int) -> Address? {
        let networkPort = in_port_t(UInt16(port).bigEndian)
        switch IPLiteral(host) {
        case .v4(let ipv4):
            return address(AF_INET) { (socket: inout sockaddr_in) in
                socket.sin_family = sa_family_t(AF_INET)
                socket.sin_port = networkPort
                socket.sin_addr = ipv4
            }
        case .v6(let ipv6):
            return address(AF_INET6) { (socket: inout sockaddr_in6) in
                socket.sin6_family = sa_family_t(AF_INET6)
                socket.sin6_port = networkPort
                socket.sin6_addr = ipv6
            }
        case nil:
            return nil
        }
    }

    /// An address of the socket type `Socket` (`sockaddr_in`, `sockaddr_in6`) filled in by `fill`.
    private static func address<Socket>(_ family: Int32, _ fill: (inout Socket) -> Void) -> Address {
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { raw in
            fill(&raw.baseAddress!.assumingMemoryBound(to: Socket.self).pointee)
        }
        return Address(family: family, storage: storage, length: socklen_t(MemoryLayout<Socket>.size))
    }

    /// One getaddrinfo call on a detached thread.
    private final class Lookup: Sendable {
        let host: String
        let port: Int
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<[Address]?>(nil)

        init(host: String, port: Int) {
            self.host = host
            self.port = port
        }

        func start() {
            var thread = pthread_t()
            let context = Unmanaged.passRetained(self).toOpaque()
            let status = pthread_create(
                &thread, nil,
                { raw in
                    let lookup = Unmanaged<Lookup>.fromOpaque(raw!).takeRetainedValue()
                    lookup.run()
                    return nil
                }, context)
            if status == 0 {
                pthread_detach(thread)
            } else {
                Unmanaged<Lookup>.fromOpaque(context).release()
                run()
            }
        }

        private func run() {
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            hints.ai_flags = AI_ADDRCONFIG
            var list: UnsafeMutablePointer<addrinfo>?
            var addresses: [Address] = []
            if getaddrinfo(host, String(port), &hints, &list) == 0 {
                var entry = list
                while let current = entry {
                    var storage = sockaddr_storage()
                    withUnsafeMutableBytes(of: &storage) { raw in
                        raw.baseAddress!.copyMemory(
                            from: current.pointee.ai_addr, byteCount: Int(current.pointee.ai_addrlen))
                    }
                    addresses.append(
                        Address(family: current.pointee.ai_family, storage: storage, length: current.pointee.ai_addrlen)
                    )
                    entry = current.pointee.ai_next
                }
                freeaddrinfo(list)
            }
            result.withLock { $0 = addresses }
            done.signal()
        }
    }
}
