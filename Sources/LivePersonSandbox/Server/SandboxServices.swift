import LivePersonAPI
import Logging
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The `host:port` the sandbox advertises in CSDS answers; known only once the server is listening (port 0).
final class AdvertisedAddress: Sendable {
    private let value: Mutex<String>

    init(_ initial: String) {
        value = Mutex(initial)
    }

    var hostPort: String {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }

    /// Whether `host` binds every interface (`0.0.0.0`, `::`, or empty).
    static func isWildcard(_ host: String) -> Bool {
        ["0.0.0.0", "::", ""].contains(host)
    }

    /// `127.0.0.1:8443`, `[::1]:8443`; wildcard binds advertise loopback, which the certificate covers.
    static func format(host: String, port: Int) -> String {
        let advertised =
            switch host {
            case "0.0.0.0", "": "127.0.0.1"
            case "::": "::1"
            default: host
            }
        return advertised.contains(":") ? "[\(advertised)]:\(port)" : "\(advertised):\(port)"
    }
}

/// Everything the controllers share.
struct SandboxServices: Sendable {
    let configuration: SandboxConfiguration
    /// The ``SandboxStore``; its type is named because the messaging sockets reach it under its lock
    /// (``InMemorySandboxStore/withState(_:)``).
    let store: InMemorySandboxStore
    let signer: TokenSigner
    let address: AdvertisedAddress
    let logger: Logger
    /// The open messaging sockets, closed when the sandbox stops.
    let sockets = OpenSockets()
    /// The class, when `lp-shell class` runs this sandbox.
    var classroom: ClassRoom? = nil

    /// In a class, why a messaging socket on `account` may not open: `404` outside the class, `429` over a learner's
    /// socket limit; `nil` when it may (and always outside a class).
    func socketRefusal(account: String) -> BrandUpgradeCheck.Refusal? {
        guard let classroom else { return nil }
        guard classroom.gate.isOpen(account) else {
            return .init(status: 404, reason: AccountGate.notInClass(account))
        }
        guard store.withState({ $0.openSocketCount(account: account) }) < AccountGate.socketsPerLearner else {
            return .init(
                status: 429,
                reason: "account \(account) has \(AccountGate.socketsPerLearner) sockets open, the most a learner may")
        }
        return nil
    }

    /// The CSDS entries of an account: every service lives on the sandbox itself.
    func baseURIs(account: String) -> [ServiceBaseURI] {
        let hostPort = address.hostPort
        return ServiceName.allCases.map { ServiceBaseURI(service: $0.rawValue, account: account, baseURI: hostPort) }
    }

    static func nowSeconds() -> Int64 {
        Int64(Date().timeIntervalSince1970)
    }

    static func seconds(_ duration: Duration) -> Int64 {
        max(1, duration.components.seconds + (duration.components.attoseconds >= 500_000_000_000_000_000 ? 1 : 0))
    }
}
