import Foundation
import NIOCore
import ShellTestSupport
import Testing

@testable import LivePersonSandbox

/// Plain `http://` to the sandbox's TLS port: one line saying to use `https://`, which real curl (`Peers.curl`,
/// Debian bookworm's curl 7.88.1) prints, then the connection closes; TLS on the same port is unaffected.
@Suite(.timeLimit(.minutes(1)))
struct PlainHTTPTests {
    @Test(.enabled(if: Peers.curl.isInstalled, "needs /usr/bin/curl (Debian's curl)"))
    func curlOverPlainHTTPPrintsTheHTTPSLine() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let path = "/api/account/\(sandbox.account)/anonymous/authorize"
            let plain = try await Curl.run(sandbox, ["-X", "POST", "http://127.0.0.1:\(sandbox.port)\(path)"])
            #expect(plain.status == 400, "\(plain)")
            #expect(plain.body == "This is an HTTPS port: use https://127.0.0.1:\(sandbox.port)\(path)\n", "\(plain)")
            #expect(plain.stderr.isEmpty, "\(plain)")

            // With a body, as a doc line with `-d` sends it.
            let withBody = try await Curl.run(
                sandbox,
                [
                    "-X", "POST", "-H", "Content-Type: application/json", "-d", #"{"id_token":"x"}"#,
                    "http://localhost:\(sandbox.port)\(path)",
                ])
            #expect(withBody.status == 400, "\(withBody)")
            #expect(withBody.body == "This is an HTTPS port: use https://localhost:\(sandbox.port)\(path)\n")

            let tls = try await Curl.run(sandbox, ["-X", "POST", "https://\(sandbox.hostPort)\(path)"])
            #expect(tls.status == 200, "\(tls)")
        }
    }

    @Test func plainRequestHeadInPiecesGets400AndTheConnectionCloses() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let connection = try await RawConnection.open(port: sandbox.port, tls: false)
            // The head in two writes; the answer ends with the server closing its side.
            let text = try await connection.channel.executeThenClose { inbound, outbound in
                try await outbound.write(ByteBuffer(string: "GET /api/account/a/signup HTTP/1.1\r\n"))
                try await Task.sleep(for: .milliseconds(100))
                try await outbound.write(ByteBuffer(string: "Host: lp\r\n\r\n"))
                var bytes: [UInt8] = []
                for try await buffer in inbound { bytes += buffer.readableBytesView }
                return String(decoding: bytes, as: UTF8.self)
            }
            #expect(text.hasPrefix("HTTP/1.1 400 Bad Request\r\n"), "\(text)")
            #expect(text.hasSuffix("\r\n\r\nThis is an HTTPS port: use https://lp/api/account/a/signup\n"), "\(text)")
        }
    }

    @Test func probeVerdicts() {
        typealias Probe = PlainHTTPProbe
        #expect(Probe.inspect([0x16, 0x03, 0x01]) == .notHTTP)
        #expect(Probe.inspect([0x80, 0x2E]) == .notHTTP)
        #expect(Probe.inspect([UInt8]()) == .needMore)
        #expect(Probe.inspect(Array("POST /x HTTP/1.1\r\nHost: h:1\r\n".utf8)) == .needMore)
        #expect(
            Probe.inspect(Array("POST /x?v=1 HTTP/1.1\r\nhost:  h:1 \r\n\r\n".utf8))
                == .plainHTTP(target: "/x?v=1", host: "h:1"))
        #expect(Probe.inspect(Array("GET / HTTP/1.0\n\n".utf8)) == .plainHTTP(target: "/", host: nil))
        let long = Array("GET /\(String(repeating: "a", count: Probe.headLimit)) HTTP/1.1\r\n".utf8)
        guard case .plainHTTP = Probe.inspect(long) else {
            Issue.record("a head past the limit is answered anyway")
            return
        }
        #expect(
            Probe.httpsURL(target: "http://h:2/p", host: "ignored", fallbackHost: "f")
                == "https://h:2/p")
        #expect(Probe.httpsURL(target: "*", host: nil, fallbackHost: "127.0.0.1:9") == "https://127.0.0.1:9/")
        #expect(Probe.httpsURL(target: "/a\u{1B}b", host: "h\u{7F}", fallbackHost: "f") == "https://h/ab")
    }
}
