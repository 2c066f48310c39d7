import HTTPTransfer

/// `--retry N` with `--retry-delay`, `--retry-max-time`, `--retry-all-errors` and `--retry-connrefused`, as curl
/// 7.88.1's `post_per_transfer` decides: a timeout (28), a name that does not resolve (6, 5) and the HTTP statuses
/// 408, 429, 500, 502, 503 and 504 (with or without `-f`) are transient; a refused connection with
/// `--retry-connrefused`; any other failure with `--retry-all-errors`. The wait starts at one second and doubles
/// up to ten minutes, unless `--retry-delay` fixes it; a 429 or 503 `Retry-After: SECONDS` sets it instead.
struct CurlRetry {
    /// Why a transfer is tried again; `text` is curl's words after `Problem`.
    enum Reason: Equatable {
        case allErrors, timeout, connectionRefused, http

        var text: String {
            switch self {
            case .allErrors: "(retrying all errors)"
            case .timeout: ": timeout"
            case .connectionRefused: ": connection refused"
            case .http: ": HTTP error"
            }
        }
    }

    private let options: CurlOptions
    /// Tries left.
    private(set) var remaining: Int
    /// The next wait in milliseconds when no `Retry-After` says otherwise.
    private var sleepMilliseconds: Int
    private let start = ContinuousClock.now

    init(options: CurlOptions) {
        self.options = options
        remaining = options.retry
        sleepMilliseconds = options.retryDelay > 0 ? options.retryDelay * 1000 : 1000
    }

    /// The HTTP statuses curl tries again.
    static let transientStatuses: Set<Int> = [408, 429, 500, 502, 503, 504]

    /// Milliseconds since the first try.
    private var elapsedMilliseconds: Int { Int((ContinuousClock.now - start) / .milliseconds(1)) }

    /// The reason to try a finished transfer again, nil when it is not transient.
    static func reason(error: CurlError?, httpCode: Int, scheme: String, options: CurlOptions) -> Reason? {
        var reason: Reason?
        let isHTTP = scheme == "HTTP" || scheme == "HTTPS"
        switch error?.code {
        case 28, 6, 5:
            reason = .timeout
        case 7 where options.retryConnectionRefused:
            reason = .connectionRefused
        case nil:
            if isHTTP && transientStatuses.contains(httpCode) { reason = .http }
        case 22 where options.failOnHTTPError:
            if isHTTP && transientStatuses.contains(httpCode) { reason = .http }
        default:
            break
        }
        if reason == nil && error != nil && options.retryAllErrors { reason = .allErrors }
        return reason
    }

    /// The next try for a transfer that ended with `error` and `stats`, or nil when there is none left (count,
    /// `--retry-max-time`) or the failure is not transient. Counts the try.
    /// - Returns: the wait in milliseconds and curl's warning (without `Warning: `).
    mutating func next(error: CurlError?, stats: CurlTransferStats) -> (milliseconds: Int, warning: String)? {
        guard remaining > 0 else { return nil }
        if options.retryMaxTime > 0 && elapsedMilliseconds >= options.retryMaxTime * 1000 { return nil }
        guard let reason = Self.reason(error: error, httpCode: stats.httpCode, scheme: stats.scheme, options: options)
        else { return nil }
        var milliseconds = sleepMilliseconds
        if reason == .http, let text = stats.header("retry-after"), let seconds = Int(text), seconds > 0 {
            milliseconds = seconds * 1000
            if options.retryMaxTime > 0 && elapsedMilliseconds + milliseconds > options.retryMaxTime * 1000 {
                return nil
            }
        }
        let warning =
            "Problem \(reason.text). Will retry in \(milliseconds / 1000) seconds. \(remaining) retries left."
        remaining -= 1
        if options.retryDelay == 0 { sleepMilliseconds = min(sleepMilliseconds * 2, 600_000) }
        return (milliseconds, warning)
    }
}
