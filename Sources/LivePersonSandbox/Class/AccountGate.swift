import HTTPTypes
import Hummingbird
import Synchronization

/// In a class, the accounts the sandbox serves: the class's own and each learner's. Any other account id gets
/// `404` on every account route and no messaging socket, so a learner cannot make up an account to look around in,
/// and learner account ids (16 random digits) cannot be found by trying.
final class AccountGate: Sendable {
    /// The accounts served; a learner's has a request bucket (a learner flooding the class gets `429`s, the others
    /// do not notice), the class's own account has none.
    private let accounts: Mutex<[String: RateLimiter?]>
    /// HTTP requests a second one learner's account may make (bursts up to as many).
    let learnerRequestsPerSecond: Int
    /// Messaging sockets one learner's account may have open at once.
    static let socketsPerLearner = 20

    init(accounts: Set<String>, learnerRequestsPerSecond: Int = 50) {
        self.accounts = Mutex(Dictionary(uniqueKeysWithValues: accounts.map { ($0, nil) }))
        self.learnerRequestsPerSecond = learnerRequestsPerSecond
    }

    /// Serves a learner's account from now on.
    func open(_ account: String) {
        accounts.withLock { $0[account] = RateLimiter(requestsPerSecond: learnerRequestsPerSecond) }
    }

    func isOpen(_ account: String) -> Bool {
        accounts.withLock { $0[account] != nil }
    }

    /// Whether a request to `account` may go on: `false` when the account is not served or a learner's account is
    /// over its rate (``isOpen(_:)`` tells which).
    func admit(_ account: String) -> Bool {
        accounts.withLock { accounts in
            guard let entry = accounts[account] else { return false }
            guard var bucket = entry else { return true }
            let allowed = bucket.allow()
            accounts[account] = bucket
            return allowed
        }
    }

    /// The one-line reason an account outside the class is refused, over HTTP and on a socket upgrade alike.
    static func notInClass(_ account: String) -> String {
        "account '\(account)' is not in this class (lp-shell --join gives you yours)"
    }

    /// The account a request path names: the segment after `account` (`/api/account/{a}/…`,
    /// `/ws_api/account/{a}/…`, `/sentinel/api/account/{a}/…`), or the Swift store's `/v1/AUTH_async-images/{a}/…`.
    static func account(inPath path: some StringProtocol) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        for index in parts.indices.dropLast() where parts[index] == "account" || parts[index].hasPrefix("AUTH_") {
            return String(parts[index + 1])
        }
        return nil
    }
}

/// Answers `404` before any route runs for a request naming an account the ``AccountGate`` does not serve.
struct AccountGateMiddleware<Context: RequestContext>: RouterMiddleware {
    let gate: AccountGate

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if let account = AccountGate.account(inPath: request.uri.path), !gate.admit(account) {
            guard gate.isOpen(account) else {
                return JSONResponse.make(.notFound, ["error": AccountGate.notInClass(account)])
            }
            return JSONResponse.make(
                .tooManyRequests,
                [
                    "error":
                        "too many requests for account \(account): at most \(gate.learnerRequestsPerSecond) a second"
                ],
                headers: [.retryAfter: "1"])
        }
        return try await next(request, context)
    }
}
