import Testing

@testable import HTTPTransfer

/// Which proxy curl picks for a URL, how it parses one, and which hosts skip it (pure logic; the transfers
/// through a real proxy are in `Cases/curl.test.sh`).
struct CurlProxyTests {
    private func proxy(for url: String, _ environment: [String: String], options: CurlOptions = CurlOptions()) throws
        -> CurlProxy?
    {
        try CurlProxy.resolve(for: try CurlURL(parsing: url), options: options, environment: environment)
    }

    @Test func parsesCurlsProxyForms() throws {
        #expect(try CurlProxy.parse("proxy.corp:3128") == CurlProxy(host: "proxy.corp", port: 3128))
        #expect(try CurlProxy.parse("http://proxy.corp") == CurlProxy(host: "proxy.corp", port: 1080))
        #expect(try CurlProxy.parse("HTTP://proxy.corp:8080/") == CurlProxy(host: "proxy.corp", port: 8080))
        #expect(
            try CurlProxy.parse("http://me:p%40ss@[::1]:3128")
                == CurlProxy(host: "::1", port: 3128, credentials: "me:p@ss"))
        #expect(try CurlProxy.parse("http://me:pw@proxy:1").authorization == "Basic bWU6cHc=")
        #expect(try CurlProxy.parse("http://me@proxy:1").authorization == "Basic bWU6")
    }

    @Test func refusesWhatCurlRefusesAndSaysWhy() {
        #expect(throws: CurlError(code: 5, message: "Unsupported proxy syntax in 'proxy:'")) {
            try CurlProxy.parse("proxy:")
        }
        #expect(throws: CurlError(code: 5, message: "Unsupported proxy syntax in 'proxy:70000'")) {
            try CurlProxy.parse("proxy:70000")
        }
        #expect(throws: CurlError(code: 7, message: "Unsupported proxy scheme for 'gopher://proxy'")) {
            try CurlProxy.parse("gopher://proxy")
        }
        #expect(throws: CurlError.self) { try CurlProxy.parse("socks5h://proxy:1080") }
    }

    @Test func environmentVariablesByScheme() throws {
        let all = [
            "http_proxy": "h:1", "HTTP_PROXY": "H:1", "https_proxy": "s:1", "HTTPS_PROXY": "S:1", "all_proxy": "a:1",
        ]
        #expect(try proxy(for: "http://x/", all)?.host == "h")
        #expect(try proxy(for: "https://x/", all)?.host == "s")
        #expect(try proxy(for: "https://x/", ["HTTPS_PROXY": "S:1"])?.host == "S")
        // HTTP_PROXY in capitals is never read (curl: it can come from a CGI request header).
        #expect(try proxy(for: "http://x/", ["HTTP_PROXY": "H:1"]) == nil)
        #expect(try proxy(for: "http://x/", ["HTTP_PROXY": "H:1", "ALL_PROXY": "A:1"])?.host == "A")
        #expect(try proxy(for: "http://x/", ["http_proxy": ""]) == nil)
        var options = CurlOptions()
        options.proxy = ""
        #expect(try proxy(for: "http://x/", all, options: options) == nil)
        options.proxy = "given:2"
        options.proxyUser = "u:p"
        #expect(
            try proxy(for: "http://x/", all, options: options) == CurlProxy(host: "given", port: 2, credentials: "u:p"))
    }

    @Test func noProxyLists() {
        let list = NoProxyList(" .corp.example, localhost ,10.0.0.0/8, [::1], fd00::/8")
        #expect(list.matches("corp.example"))
        #expect(list.matches("api.corp.example"))
        #expect(!list.matches("notcorp.example"))
        #expect(list.matches("LOCALHOST"))
        #expect(list.matches("10.20.30.40"))
        #expect(!list.matches("11.0.0.1"))
        #expect(list.matches("::1"))
        #expect(list.matches("fd12::1"))
        #expect(!list.matches("fe80::1"))
        #expect(NoProxyList("*").matches("anything"))
        #expect(!NoProxyList("").matches("anything"))
        #expect(!NoProxyList("127.0.0.1/33").matches("127.0.0.1"))
    }

    @Test func noProxyBeatsTheProxyAndDashDashNoproxyBeatsTheEnvironment() throws {
        #expect(try proxy(for: "http://127.0.0.1:9/", ["http_proxy": "p:1", "NO_PROXY": "127.0.0.1"]) == nil)
        #expect(try proxy(for: "http://127.0.0.1:9/", ["http_proxy": "p:1", "no_proxy": "127.0.0.0/8"]) == nil)
        var options = CurlOptions()
        options.noProxy = ""
        #expect(try proxy(for: "http://127.0.0.1:9/", ["http_proxy": "p:1", "no_proxy": "*"], options: options) != nil)
    }

    @Test func theSandboxIsKeptOutOfTheUsersProxy() {
        #expect(ProxyExemption.adding("127.0.0.1", to: [:]) == nil)
        #expect(ProxyExemption.adding("127.0.0.1", to: ["https_proxy": "p:1", "no_proxy": "127.0.0.0/8"]) == nil)
        let added = ProxyExemption.adding("127.0.0.1", to: ["https_proxy": "p:1", "NO_PROXY": "corp.example"])
        #expect(added?.map(\.name) == ["no_proxy", "NO_PROXY"])
        #expect(added?.map(\.value) == ["corp.example,127.0.0.1", "corp.example,127.0.0.1"])
        #expect(
            ProxyExemption.adding("127.0.0.1", to: ["ALL_PROXY": "p:1"])?.map(\.value) == ["127.0.0.1", "127.0.0.1"])
    }
}
