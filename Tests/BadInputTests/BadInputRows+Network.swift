import Foundation

/// Rows that need a server: unreachable and unknown hosts, TLS, IdP errors, expired tokens, a sandbox that dies.
extension BadInputRows {
    static let trusted = BadInputCase.Server.standalone(arguments: [], trusted: true)
    static let untrusted = BadInputCase.Server.standalone(arguments: [], trusted: false)
    static let socket = "wss://$SB/ws_api/account/a/messaging/consumer?v=3"
    static let signup = "C=$(curl -sS -X POST https://$SB/api/account/a/signup | jq -r .jwt)\n"
    static let csds = "https://$SB/api/account/a/service/idp/baseURI.json?version=1.0"

    static let network: [BadInputCase] = [
        .init(
            "unreachable host (curl 7)", .command, keep("curl -sS http://127.0.0.1:1/"), arguments: ["--plain"],
            stderr: ["curl: (7) Failed to connect to 127.0.0.1 port 1 after {*} ms: Couldn't connect to server"],
            status: 0, stdout: ["after:7 A=kept"]),
        .init(
            "unknown host (curl 6)", .command, keep("curl -sS https://nonexistent.invalid/"), arguments: ["--plain"],
            stderr: ["curl: (6) Could not resolve host: nonexistent.invalid"], status: 0, stdout: ["after:6 A=kept"]),
        .init(
            "proxy not running (curl 7, naming the proxy)", .command,
            keep("https_proxy=http://127.0.0.1:1 curl -sS https://example.invalid/"), arguments: ["--plain"],
            stderr: ["curl: (7) Failed to connect to 127.0.0.1 port 1 after {*} ms: Couldn't connect to server"],
            status: 0, stdout: ["after:7 A=kept"]),
        .init(
            "malformed proxy (curl 5)", .command, keep("curl -sS -x proxy.corp: https://example.invalid/"),
            arguments: ["--plain"], stderr: ["curl: (5) Unsupported proxy syntax in 'proxy.corp:'"], status: 0,
            stdout: ["after:5 A=kept"]),
        .init(
            "proxy not running (wscat)", .command,
            keep("wscat --proxy 127.0.0.1:1 -c ws://example.invalid/ </dev/null"), arguments: ["--plain"],
            stderr: [
                "wscat: error: connect ECONNREFUSED proxy 127.0.0.1:1 (nothing listens there; is the proxy running?)"
            ], status: 0, stdout: ["after:1 A=kept"]),
        .init(
            "self-signed server without -k (curl 60)", .command, keep("curl -sS \(csds)"), arguments: ["--plain"],
            server: untrusted,
            stderr: [
                "curl: (60) SSL certificate problem: unable to get local issuer certificate",
                "More details here: https://curl.se/docs/sslcerts.html", "",
                "curl failed to verify the legitimacy of the server and therefore could not",
                "establish a secure connection to it. To learn more about this situation and",
                "how to fix it, please visit the web page mentioned above.",
            ], status: 0, stdout: ["after:60 A=kept"]),
        .init(
            "self-signed server with -k", .command, keep("curl -sSk -o /dev/null -w '%{http_code}\\n' \(csds)"),
            arguments: ["--plain"], server: untrusted, stderr: [], status: 0, stdout: ["200", "after:0 A=kept"]),
        .init(
            "self-signed server without -n (wscat)", .command, keep("wscat -c \"\(socket)\" </dev/null"),
            arguments: ["--plain"], server: untrusted,
            stderr: [
                "wscat: error: TLS: the certificate of 127.0.0.1:{PORT} is not trusted (use --ca FILE, set SSL_CERT_FILE, or -n)"
            ], status: 0, stdout: ["after:1 A=kept"]),
        .init(
            "self-signed server with wscat -n", .command, keep("wscat -n -c \"\(socket)\" </dev/null"),
            arguments: ["--plain"], server: untrusted, stderr: [LinePattern.clientClose],
            status: 0, stdout: ["after:0 A=kept"]),
        .init(
            "HTTP 500 from the IdP", .command,
            keep(
                "curl -sS -X POST -d '{\"id_token\":\"x\"}' \"https://$SB/api/account/a/app/nope/authenticate?v=3.0\"; echo"
            ),
            arguments: ["--plain"], server: trusted, stderr: [], status: 0,
            stdout: ["{\"internalErrorCode\":\"1024\"}", "after:0 A=kept"]),
        .init(
            "HTTP 500 from the IdP with curl -f", .command,
            keep(
                "curl -sSf -X POST -d '{\"id_token\":\"x\"}' \"https://$SB/api/account/a/app/nope/authenticate?v=3.0\""),
            arguments: ["--plain"], server: trusted, stderr: ["curl: (22) The requested URL returned error: 500"],
            status: 0, stdout: ["after:22 A=kept"]),
        .init(
            "expired token (4401)", .script,
            keep(
                signup + "sleep 2.2\nwscat -H \"Authorization:jwt $C\" -c \"\(socket)\" <<EOF\n"
                    + "{\"kind\":\"req\",\"id\":1,\"type\":\"GetClock\"}\nEOF"),
            arguments: ["--plain"], server: .standalone(arguments: ["--signup-token-ttl", "1s"], trusted: true),
            stderr: [
                "lp-shell: warning: C expired {*} s ago; refresh it with `tokens refresh` (the tutorial's step 4, then step 2)",
                "wscat: disconnected: 4401 token expired: refresh the token (step 4) and reconnect (server said: Authorization token expired)",
            ], status: 0, stdout: ["after:1 A=kept"]),
        .init(
            "expired identity (4407)", .script,
            keep(
                "E=$(curl -sS -X POST https://$SB/api/account/sandbox/anonymous/authorize | jq -r .token)\n"
                    + "U=$(curl -sS -X POST -d '{\"id_token\":\"'$E'\"}' "
                    + "\"https://$SB/api/account/sandbox/app/8742853320/authenticate?v=3.0\" | jq -r .token)\n"
                    + "sleep 3.5\nwscat -H \"Authorization:jwt $U\" -c \"\(socket.replacingOccurrences(of: "/a/", with: "/sandbox/"))\" <<EOF\n"
                    + "{\"kind\":\"req\",\"id\":1,\"type\":\"GetClock\"}\nEOF"),
            // 3 s: both curls must finish while E is still valid, even on a loaded machine.
            arguments: ["--plain"], server: .standalone(arguments: ["--ext-token-ttl", "3s"], trusted: true),
            stderr: [
                "lp-shell: warning: U expired {*} s ago; refresh it with `tokens refresh` (the tutorial's step 4, then step 2)",
                "wscat: disconnected: 4407 identity expired: create a new token (Getting Started step 2) and reconnect (server said: Unauthenticated identity expired, refresh it)",
            ], status: 0, stdout: ["after:1 A=kept"]),
        .init(
            "malformed JSON frame, then the socket still works", .script,
            keep(
                signup
                    + "wscat -H \"Authorization:jwt $C\" -c \"\(socket)\"\n{\"kind\":\"req\",\"id\":1,\"type\":\"GetClock\"\n"
                    + "{\"kind\":\"req\",\"id\":2,\"type\":\"GetClock\"}\n/close"),
            arguments: ["--plain"], server: trusted,
            stderr: [
                "wscat: incomplete frame: invalid JSON (column 39): unexpected end of input: expected , or }",
                "  {\"kind\":\"req\",\"id\":1,\"type\":\"GetClock\"", "                                        ^",
                "  (not sent)", LinePattern.clientClose,
            ], status: 0,
            stdout: [
                "{{*}\"reqId\":\"2\"{*}}",
                "after:1 A=kept",
            ]
        ).echoing("\"id\":1,", as: "\"id\":1,\"t\":\"{T}\","),
        .init(
            "the sandbox killed mid-session: curl", .script,
            keep(
                "curl -sS -o /dev/null -w '%{http_code}\\n' \(csds)\nkill -9 $SB_PID\nsleep 0.3\ncurl -sS \(csds)"),
            arguments: ["--plain"], server: trusted,
            stderr: ["curl: (7) Failed to connect to 127.0.0.1 port {PORT} after {*} ms: Couldn't connect to server"],
            status: 0, stdout: ["200", "after:7 A=kept"]),
        .init(
            "the sandbox killed mid-session: wscat", .script,
            keep(signup + "kill -9 $SB_PID\nsleep 0.3\nwscat -H \"Authorization:jwt $C\" -c \"\(socket)\" </dev/null"),
            arguments: ["--plain"], server: trusted,
            stderr: [
                "wscat: error: connect ECONNREFUSED 127.0.0.1:{PORT} (nothing listens there; is the sandbox running?)"
            ],
            status: 0, stdout: ["after:1 A=kept"]),
        .init(
            "the sandbox killed under an open socket", .script,
            keep(
                signup
                    + "(sleep 3; kill -9 $SB_PID) &\nwscat -w 8 -H \"Authorization:jwt $C\" -c \"\(socket)\" </dev/null"
            ),
            arguments: ["--plain"], server: trusted,
            stderr: ["wscat: disconnected: 1006 connection lost (no close frame): reconnect in a few seconds"],
            status: 0, stdout: ["after:1 A=kept"]),
    ]
}
