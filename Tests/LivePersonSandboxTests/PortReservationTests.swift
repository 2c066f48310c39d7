import Testing

@testable import LivePersonSandbox

#if canImport(Glibc)
    import Glibc
#endif

/// A port held before the sandbox starts (so a shell can print its address and show the prompt while the server
/// is still starting): the sandbox listens on exactly that port, nobody else can take it meanwhile, and the
/// variables planned from it are the ones the running sandbox exports.
@Suite("Port reservation")
struct PortReservationTests {
    @Test func theSandboxListensOnTheHeldPortAndExportsWhatWasPlanned() async throws {
        let reservation = try #require(PortReservation.hold(host: "127.0.0.1"))
        defer { reservation.release() }
        #expect(reservation.port > 0)
        let configuration = SandboxHarness.configuration {
            $0.host = "127.0.0.1"
            $0.port = reservation.port
            $0.defaultAccount = "planned"
        }
        let planned = RunningSandbox.plannedExports(for: configuration)
        let sandbox = try await RunningSandbox.start(configuration)
        reservation.release()
        #expect(sandbox.port == reservation.port)
        #expect(planned.map(\.name) == sandbox.exports.map(\.name))
        #expect(planned.map(\.value) == sandbox.exports.map(\.value))
        let connection = try await RawConnection.open(port: sandbox.port)
        let request = "GET /api/account/planned/service/idp/baseURI.json?version=1.0 HTTP/1.1\r\n"
        let answer = try await connection.exchange(
            Array((request + "Host: x\r\nConnection: close\r\n\r\n").utf8), readingFor: 5)
        await sandbox.stop()
        #expect(answer.text.hasPrefix("HTTP/1.1 200"), "\(answer.text)")
    }

    @Test func onlyASocketThatReusesTheAddressCanBindAHeldPort() throws {
        let reservation = try #require(PortReservation.hold(host: "127.0.0.1"))
        defer { reservation.release() }
        #expect(!Self.canBind(port: reservation.port, reusingAddress: false))
        // What the server does: its own socket, also SO_REUSEADDR, binds the held port and listens.
        #expect(Self.canBind(port: reservation.port, reusingAddress: true, listening: true))
        reservation.release()
        #expect(Self.canBind(port: reservation.port, reusingAddress: false))
    }

    @Test func aHostThatIsNoIPv4AddressHoldsNothing() {
        #expect(PortReservation.hold(host: "localhost") == nil)
        #expect(PortReservation.hold(host: "::1") == nil)
    }

    /// Whether a new socket can bind 127.0.0.1:`port` (and listen on it).
    static func canBind(port: Int, reusingAddress: Bool, listening: Bool = false) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var reuse: Int32 = reusingAddress ? 1 : 0
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return bound == 0 && (!listening || listen(descriptor, 1) == 0)
    }
}
