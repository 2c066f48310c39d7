import NIOCore

/// A per-socket token bucket: `rate` requests a second with bursts of up to `rate`.
struct RateLimiter {
    let rate: Double
    var tokens: Double
    var last: NIODeadline

    init(requestsPerSecond: Int) {
        rate = Double(requestsPerSecond)
        tokens = rate
        last = .now()
    }

    /// Takes one token; `false` when the socket is over its rate.
    mutating func allow(now: NIODeadline = .now()) -> Bool {
        let elapsed = Double((now - last).nanoseconds) / 1e9
        last = now
        tokens = min(rate, tokens + elapsed * rate)
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
