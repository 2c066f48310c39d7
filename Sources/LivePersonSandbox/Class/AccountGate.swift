import HTTPTypes
import Hummingbird
import Synchronization

/// In a class, the accounts the sandbox serves: the class's own and each learner's. Any other account id gets
/// `404` on every account route and no messaging socket, so a learner cannot make up an account to look around in,
/// and learner account ids (16 random digits) cannot be found by trying.
final class AccountGate: Sendable {
    private let accounts: Mutex<Set<String>>

    init(accounts: Set<String>) {
        self.accounts = Mutex(accounts)
    }

    func open(_ account: String) {
        _ = accounts.withLock { $0.insert(account) }
    }

    func isOpen(_ account: String) -> Bool {
        accounts.withLock { $0.contains(account) }
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
        if let account = AccountGate.account(inPath: request.uri.path), !gate.isOpen(account) {
            return JSONResponse.make(
                .notFound, ["error": "account '\(account)' is not in this class (lp-shell --join gives you yours)"])
        }
        return try await next(request, context)
    }
}
