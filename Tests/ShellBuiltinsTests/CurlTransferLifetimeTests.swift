import ShellRuntime
import ShellTestSupport
import Testing

@testable import HTTPTransfer
@testable import ShellBuiltins

/// A finished transfer is freed with its transport: the transport's callbacks into the transfer (the stop check,
/// the proxy-tunnel observer) must not keep it alive. They did, and every `curl` in a session leaked its transfer
/// (about 11 KB each over AsyncHTTPClient).
struct CurlTransferLifetimeTests {
    @Test(arguments: [CurlTransportChoice.direct, .asyncHTTPClient])
    func aFinishedTransferIsFreed(choice: CurlTransportChoice) async throws {
        let url = try await CurlTestEnvironment.shared().http.baseURL + "/json"
        let result = await offThread { () -> (freed: Bool, status: Int) in
            weak var released: CurlTransfer?
            var status = 0
            do {
                var options = CurlOptions()
                options.urls = [url]
                options.silent = true
                let sink = ByteOutput.capturing()
                let transfer = CurlTransfer(
                    options: options, builder: CurlRequestBuilder(options: options, body: nil),
                    trust: TrustStore(insecure: false, caCertificatePath: nil, environment: [:]), choice: choice,
                    environment: [:], jar: nil, stderr: sink,
                    output: CurlOutput(stdout: sink, stderr: sink, path: nil, shownPath: ""))
                if let parsed = try? CurlURL(parsing: url) { transfer.run(url: parsed) }
                status = transfer.stats.httpCode
                released = transfer
            }
            return (released == nil, status)
        }
        #expect(result.status == 200)
        #expect(result.freed, "the transfer outlived its run")
    }
}
