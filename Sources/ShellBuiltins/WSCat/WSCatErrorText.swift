import HTTPTransfer
import NIOCore
import NIOPosix
import NIOSSL
import WSClient

#if canImport(Glibc)
    import Glibc
#endif

/// One-line descriptions of connection failures, with a hint where one helps.
enum WSCatErrorText {
    /// - Parameter proxy: the proxy the connection went to, if any (connection errors name it).
    static func describe(_ error: any Error, url: WebSocketURL, proxy: CurlProxy? = nil) -> String {
        let address = proxy.map { "proxy \($0.hostPort)" } ?? "\(url.host):\(url.port)"
        switch error {
        case let error as NIOConnectionError:
            if error.dnsAAAAError != nil || error.dnsAError != nil, error.connectionErrors.isEmpty {
                return proxy.map { "cannot resolve proxy \($0.host)" } ?? "cannot resolve host \(url.host)"
            }
            if let first = error.connectionErrors.first { return describe(first.error, url: url, proxy: proxy) }
            return "cannot connect to \(address)"
        case let refused as WSCatTunnelRefused:
            let hint = refused.status == 407 ? " (give credentials: --proxy user:password@host:port)" : ""
            return "the proxy refused the tunnel to \(url.host):\(url.port): \(refused.status) \(refused.reason)"
                + hint
        case let error as IOError:
            switch error.errnoCode {
            case ECONNREFUSED:
                let hint = proxy == nil ? "is the sandbox running?" : "is the proxy running?"
                return "connect ECONNREFUSED \(address) (nothing listens there; \(hint))"
            case ETIMEDOUT: return "connect ETIMEDOUT \(address)"
            case ENETUNREACH, EHOSTUNREACH: return "cannot reach \(address)"
            default: return "cannot connect to \(address): \(String(cString: strerror(error.errnoCode)))"
            }
        case let error as ChannelError:
            switch error {
            case .connectTimeout: return "connect timed out: \(address)"
            case .ioOnClosedChannel, .eof, .alreadyClosed, .outputClosed:
                return "the server at \(address) closed the connection during the handshake"
            default: return "connection to \(address) failed: \(error)"
            }
        case let error as NIOSSLExtraError:
            return "TLS: \(error) (trust the server with --ca FILE, or skip the check with -n)"
        case let error as NIOSSLError:
            let text = "\(error)"
            if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificate verify failed") {
                return "TLS: the certificate of \(address) is not trusted (use --ca FILE, set SSL_CERT_FILE, or -n)"
            }
            if case .uncleanShutdown = error {
                return "TLS: the server at \(address) closed the connection during the handshake (is it plain ws://?)"
            }
            return "TLS handshake with \(address) failed: \(text)"
        case let error as BoringSSLError:
            return "TLS with \(address) failed: \(error)"
        case let error as WebSocketClientError:
            return "\(error)"
        case is CancellationError:
            return "cancelled"
        default:
            let text = "\(error)"
            if text.contains("CERTIFICATE_VERIFY_FAILED") {
                return "TLS: the certificate of \(address) is not trusted (use --ca FILE, set SSL_CERT_FILE, or -n)"
            }
            return "connection to \(address) failed: \(text)"
        }
    }
}
