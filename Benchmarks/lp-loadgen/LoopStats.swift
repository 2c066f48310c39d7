import Histogram
import NIOCore

/// Everything the sockets of one client event loop share; touched only on that loop, so recording an ack takes no
/// lock.
final class LoopStats {
    /// Ack latencies in nanoseconds, 3 significant digits, up to a minute.
    var latency = Histogram<UInt64>(
        lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
    var acks = 0
    var errors = 0
    var firstError: String?
    /// Sockets upgraded and not yet closed.
    var open = 0
    var sockets: [LoadSocketHandler] = []

    func recordError(_ message: String) {
        errors += 1
        if firstError == nil { firstError = message }
    }
}

/// What every socket of a run does once started.
struct LoadPlan: Sendable {
    let target: LoadTarget
    let messages: Int
    let inFlight: Int
    /// Open loop: nanoseconds between two sends of one socket; `nil` for closed loop.
    let sendInterval: Int64?
}
