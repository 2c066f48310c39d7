import ShellRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP connection on a non-blocking socket for the direct transport. Every wait is a `poll(2)` in slices of at
/// most 50 ms, so Ctrl-C and the transfer's deadline end it whatever the peer does.
final class DirectSocket {
    /// The file descriptor, closed by `close()` or at deinit.
    let descriptor: Int32
    /// When the current transfer must end (`-m`), if ever; set again when a pooled connection is reused.
    var deadline: ContinuousClock.Instant?
    private var closed = false

    private init(descriptor: Int32, deadline: ContinuousClock.Instant?) {
        self.descriptor = descriptor
        self.deadline = deadline
    }

    deinit { close() }

    /// Resolves `host` and connects to the first address that accepts, as curl does.
    /// - Throws: `CurlError` 6 (resolve), 7 (refused or unreachable), 28 (connect timeout), `CurlStop` for `-m`
    ///   and Ctrl-C.
    static func connect(
        host: String, port: Int, connectTimeout: Duration, deadline: ContinuousClock.Instant?,
        addressing: DirectAddressing = .system
    ) throws -> DirectSocket {
        let start = ContinuousClock.now
        Self.ignoreBrokenPipes
        let addresses = try addressing.addresses(host, port: port) {
            try checkStop(deadline: deadline, connecting: true)
            if ContinuousClock.now >= start + connectTimeout {
                throw CurlError(code: 28, message: "Resolving timed out after \(start.millisecondsAgo) milliseconds")
            }
        }
        let connectDeadline = start + connectTimeout
        for var address in addresses {
            let descriptor = socket(
                address.family,
                Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue),
                0)
            guard descriptor >= 0 else { continue }
            let candidate = DirectSocket(descriptor: descriptor, deadline: deadline)
            var noDelay: Int32 = 1
            setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            let started = withUnsafePointer(to: &address.storage) { storage in
                storage.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(descriptor, $0, address.length)
                }
            }
            if started == 0 { return candidate }
            guard errno == EINPROGRESS else { continue }
            do {
                try candidate.wait(for: Int16(POLLOUT), until: connectDeadline, connecting: true)
            } catch CurlStop.connectTimeout {
                throw CurlError(
                    code: 28,
                    message: "Failed to connect to \(host) port \(port) after \(start.millisecondsAgo) ms: "
                        + "Timeout was reached")
            }
            var failure: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &failure, &length)
            if failure == 0 { return candidate }
        }
        throw CurlError.couldNotConnect(host: host, port: port, milliseconds: start.millisecondsAgo)
    }

    /// SIGPIPE set to ignored, once per process, if nothing else handles it: BoringSSL writes to the socket with
    /// write(2), and a peer that closed first must give EPIPE, not end the shell (lp-shell ignores it anyway).
    private static let ignoreBrokenPipes: Void = {
        var current = sigaction()
        if sigaction(SIGPIPE, nil, &current) == 0 && current.__sigaction_handler.sa_handler == nil {
            signal(SIGPIPE, SIG_IGN)
        }
    }()

    /// Throws when the transfer must end now: Ctrl-C, or `-m` expired. Called before every read, so a
    /// server that never pauses cannot outrun them.
    func checkStop() throws {
        try Self.checkStop(deadline: deadline, connecting: false)
    }

    /// Ctrl-C, or `deadline` passed (`connecting` picks which of `-m`'s two messages follows).
    private static func checkStop(deadline: ContinuousClock.Instant?, connecting: Bool) throws {
        if InterruptState.isInterrupted { throw CurlStop.interrupted }
        if let deadline, ContinuousClock.now >= deadline {
            throw connecting ? CurlStop.connectDeadline : CurlStop.deadline
        }
    }

    /// Waits until the socket is ready for `events` (`POLLIN`, `POLLOUT`).
    /// - Throws: `CurlStop` on Ctrl-C, at the transfer's deadline, or at `limit` (connect timeout).
    func wait(for events: Int16, until limit: ContinuousClock.Instant? = nil, connecting: Bool = false) throws {
        while true {
            try Self.checkStop(deadline: deadline, connecting: connecting)
            let now = ContinuousClock.now
            if let limit, now >= limit { throw CurlStop.connectTimeout }
            var slice = Duration.milliseconds(50)
            for end in [deadline, limit].compactMap({ $0 }) where end - now < slice { slice = end - now }
            let milliseconds = Int32(max(1, slice.wholeMilliseconds))
            var request = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&request, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { return }
        }
    }

    /// True when the peer has neither closed the connection nor sent anything unasked (a pooled connection that
    /// can carry the next request).
    var isOpenAndQuiet: Bool {
        guard !closed else { return false }
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, 0) == 0
    }

    /// Waits until the socket can be read (or has closed).
    func waitReadable() throws { try wait(for: Int16(POLLIN)) }

    /// Waits until the socket can be written.
    func waitWritable() throws { try wait(for: Int16(POLLOUT)) }

    /// Sends all of `bytes`. - Throws: `CurlError` 55 when the peer is gone, `CurlStop`.
    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                Glibc.send(descriptor, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                offset += sent
            } else if sent < 0 && (errno == EAGAIN || errno == EINTR) {
                try wait(for: Int16(POLLOUT))
            } else {
                throw CurlError(code: 55, message: "Failed sending data to the peer")
            }
        }
    }

    /// Receives into `buffer`; 0 means the peer closed. - Throws: `CurlStop`, `DirectReset`.
    func receive(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if count >= 0 { return count }
            if errno == EAGAIN || errno == EINTR {
                try wait(for: Int16(POLLIN))
            } else {
                throw DirectReset()
            }
        }
    }

    /// Closes the socket (idempotent).
    func close() {
        guard !closed else { return }
        closed = true
        Glibc.close(descriptor)
    }
}

/// The peer reset the connection.
struct DirectReset: Error {}

extension Duration {
    /// The duration in whole milliseconds (rounded down).
    var wholeMilliseconds: Int {
        Int(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000)
    }
}

extension ContinuousClock.Instant {
    /// Whole milliseconds from this instant to now.
    var millisecondsAgo: Int { (ContinuousClock.now - self).wholeMilliseconds }
}
