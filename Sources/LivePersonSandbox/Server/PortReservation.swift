import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback port held for a server that has not bound it yet, so that its address is known (and can be printed and
/// exported) before the server starts.
///
/// The port is bound with `SO_REUSEADDR` and never listened on: Linux then lets the server's own socket, also
/// `SO_REUSEADDR`, bind the same address and listen, while every other socket's bind to it fails. Release it once the
/// server listens (or has failed to).
public final class PortReservation: Sendable {
    /// The port held.
    public let port: Int
    private let descriptor: Mutex<Int32>

    /// Holds a free port on `host` (an IPv4 address); nil when no socket could be bound there.
    public static func hold(host: String) -> PortReservation? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var reuse: Int32 = 1
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        guard setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size)) == 0,
            inet_pton(AF_INET, host, &address.sin_addr) == 1,
            let port = Self.bind(descriptor, address)
        else {
            close(descriptor)
            return nil
        }
        return PortReservation(port: port, descriptor: descriptor)
    }

    private init(port: Int, descriptor: Int32) {
        self.port = port
        self.descriptor = Mutex(descriptor)
    }

    deinit { release() }

    /// Lets the port go (later calls do nothing).
    public func release() {
        descriptor.withLock { descriptor in
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
        }
    }

    /// Binds `address` with port 0 and returns the port the kernel chose.
    private static func bind(_ descriptor: Int32, _ address: sockaddr_in) -> Int? {
        var address = address
        let size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(descriptor, $0, size) }
        }
        guard bound == 0 else { return nil }
        var chosen = sockaddr_in()
        var length = size
        let named = withUnsafeMutablePointer(to: &chosen) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { return nil }
        return Int(UInt16(bigEndian: chosen.sin_port))
    }
}
