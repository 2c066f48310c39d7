import OptionParsing
import Testing

@testable import HTTPTransfer
@testable import ShellBuiltins

/// The options issue 15 added to the builtin curl, parsed and built as curl 7.88.1 (Debian's 7.88.1-10) does.
@Suite("curl options: parsing, forms, ranges, retries, URL queries")
struct CurlNewOptionsTests {
    private func parse(_ arguments: [String]) throws(UsageError) -> CurlOptions {
        try CurlOptionParser.parse(arguments)
    }

    private func message(_ arguments: [String]) -> String? {
        do {
            _ = try parse(arguments)
            return nil
        } catch {
            return CurlOptionParser.table.message(for: error)
        }
    }

    @Test func everyNewOptionParses() throws {
        let options = try parse([
            "-r", "0-9", "-F", "a=1", "-D", "-", "--retry", "3", "--retry-delay", "2", "--retry-max-time", "9",
            "--retry-all-errors", "--retry-connrefused", "--oauth2-bearer", "tok", "--no-progress-meter", "-#",
            "--create-dirs", "--resolve", "h:443:127.0.0.1", "--http1.1", "--tlsv1.2", "--cert", "c.pem", "--key",
            "k.pem", "--url-query", "q=1", "--path-as-is", "--stderr", "e.txt", "-4", "http://h/",
        ])
        #expect(options.range == "0-9")
        #expect(options.form == ["a=1"])
        #expect(options.dumpHeaderPath == "-")
        #expect(options.retry == 3 && options.retryDelay == 2 && options.retryMaxTime == 9)
        #expect(options.retryAllErrors && options.retryConnectionRefused)
        #expect(options.oauth2Bearer == "tok")
        #expect(options.noProgressMeter && options.progressBar && options.createDirectories && options.pathAsIs)
        #expect(options.resolve == ["h:443:127.0.0.1"])
        #expect(options.http1Only == true)
        #expect(options.minimumTLSVersion == 12)
        #expect(options.clientCertificatePath == "c.pem" && options.clientKeyPath == "k.pem")
        #expect(options.urlQueries == ["q=1"])
        #expect(options.stderrPath == "e.txt")
        #expect(options.ipVersion == 4)
    }

    @Test func shortFormsBundleAndAttach() throws {
        let options = try parse(["-sr5-", "-Fa=b", "-6", "-E", "c.pem", "http://h/"])
        #expect(options.silent && options.range == "5-" && options.form == ["a=b"] && options.ipVersion == 6)
        #expect(options.clientCertificatePath == "c.pem")
        #expect(try parse(["--http2", "http://h/"]).http1Only == false)
    }

    @Test func retryNumbersAreCurlsUnsignedNumbers() {
        #expect(
            message(["--retry", "-1", "http://h/"])
                == "curl: option --retry: expected a positive numerical parameter\n" + CurlOptionParser.hint)
        #expect(
            message(["--retry-delay", "1.5", "http://h/"])
                == "curl: option --retry-delay: expected a proper numerical parameter\n" + CurlOptionParser.hint)
    }

    @Test func formWithDataIsCurlsWarningAndNoHint() {
        #expect(
            message(["-F", "a=1", "-d", "b", "http://h/"])
                == "Warning: You can only select one HTTP request method! You asked for both POST \n"
                + "Warning: (-d, --data) and multipart formpost (-F, --form).\n")
    }

    @Test func rangeWithoutDashGetsOneAndAWarning() throws {
        let options = try parse(["-r", "5", "http://h/"])
        #expect(options.range == "5-")
        #expect(options.parseWarnings.joined().contains("Appending one"))
        #expect(try parse(["-s", "-r", "abc", "http://h/"]).parseWarnings.isEmpty)
        #expect(try parse(["-r", "abc", "-s", "http://h/"]).parseWarnings.count == 1)
        #expect(CurlRange.normalised("0-9,20-").warning == nil)
    }

    @Test func optionsOfTheRealCurlAreToldApartFromTypos() {
        #expect(CurlUnbuiltOptions.isCurlOption("--proxy-insecure"))
        #expect(CurlUnbuiltOptions.isCurlOption("--no-sessionid"))
        #expect(CurlUnbuiltOptions.isCurlOption("-Z"))
        #expect(!CurlUnbuiltOptions.isCurlOption("--bogus"))
        #expect(!CurlUnbuiltOptions.isCurlOption("-9"))
        #expect(
            CurlUnbuiltOptions.message(
                option: "--parallel", arguments: ["--parallel", "-H", "X: 1", "http://h/"],
                systemCurl: "/usr/bin/curl")
                == "curl: option --parallel: is not built into lp-shell's curl; run the system's curl: "
                + "/usr/bin/curl --parallel -H 'X: 1' http://h/\n")
        #expect(CurlUnbuiltOptions.quoted("it's") == #"'it'\''s'"#)
    }

    @Test func formPartsAsCurlWritesThem() throws {
        let files: [String: [UInt8]] = ["a.txt": Array("x".utf8), "dir/pic.PNG": [1, 2], "-": Array("in".utf8)]
        let form = try CurlForm(
            specs: [
                "a=1", "f=@a.txt", "g=<a.txt", "p=@dir/pic.PNG;filename=\"b c.bin\"", "s=@-",
                "t=v;type=text/plain;charset=utf-8", "q=\"x;y\"", "h=@a.txt;headers=\"X-P: 2\"",
            ],
            boundary: "B"
        ) { files[$0] }
        let text = String(decoding: form.body, as: UTF8.self)
        #expect(
            text == "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nx\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"g\"\r\n\r\nx\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"p\"; filename=\"b c.bin\"\r\n"
                + "Content-Type: image/png\r\n\r\n\u{1}\u{2}\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"s\"; filename=\"-\"\r\n\r\nin\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"t\"\r\nContent-Type: text/plain;charset=utf-8\r\n"
                + "\r\nv\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\nx;y\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"h\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\nX-P: 2\r\n\r\nx\r\n--B--\r\n")
        #expect(form.contentType == "multipart/form-data; boundary=B")
    }

    @Test func formFailures() {
        #expect(throws: CurlForm.Failure.badlyUsed) { try CurlForm(specs: ["novalue"]) { _ in [] } }
        #expect(throws: CurlForm.Failure.unreadable("gone")) { try CurlForm(specs: ["f=@gone"]) { _ in nil } }
        let warned = try? CurlForm(specs: ["g=<a;filename=z.txt"]) { _ in [] }
        #expect(warned?.warnings == ["Warning: Field file name not allowed here: z.txt\n"])
    }

    @Test func boundaryIsCurlsShape() {
        let boundary = CurlForm.randomBoundary()
        #expect(boundary.count == 40 && boundary.hasPrefix(String(repeating: "-", count: 24)))
        #expect(boundary.dropFirst(24).allSatisfy { "0123456789abcdef".contains($0) })
        #expect(CurlForm.escaped("a\"b\r\n") == "a%22b%0D%0A")
    }

    @Test func urlQueryEncodesLikeDataURLEncodeInLowerCase() throws {
        let parts = CurlURLQuery.encoded(["a=b c", "+x%2Fy", "=/:", "n@f", "a b"]) { _ in Array("hi\n".utf8) }
        #expect(parts == ["a=b+c", "x%2fy", "%2f%3a", "n=hi%0a", "a+b"])
        var url = try CurlURL(parsing: "http://h/p?z=1")
        try CurlURLQuery.append(parts, to: &url)
        #expect(url.target == "/p?z=1&a=b+c&x%2fy&%2f%3a&n=hi%0a&a+b")
        #expect(throws: CurlError.malformedURL) { try CurlURLQuery.append(["x y"], to: &url) }
    }

    @Test func transientFailuresAsCurl788() {
        var options = CurlOptions()
        #expect(CurlRetry.reason(error: nil, httpCode: 503, scheme: "HTTP", options: options) == .http)
        #expect(CurlRetry.reason(error: nil, httpCode: 404, scheme: "HTTP", options: options) == nil)
        #expect(CurlRetry.reason(error: .httpError(500), httpCode: 500, scheme: "HTTPS", options: options) == nil)
        #expect(
            CurlRetry.reason(error: .couldNotResolve("x"), httpCode: 0, scheme: "HTTP", options: options) == .timeout)
        let refused = CurlError.couldNotConnect(host: "h", port: 1, milliseconds: 0)
        #expect(CurlRetry.reason(error: refused, httpCode: 0, scheme: "HTTP", options: options) == nil)
        options.failOnHTTPError = true
        #expect(CurlRetry.reason(error: .httpError(500), httpCode: 500, scheme: "HTTPS", options: options) == .http)
        options.retryConnectionRefused = true
        #expect(CurlRetry.reason(error: refused, httpCode: 0, scheme: "HTTP", options: options) == .connectionRefused)
        options.retryConnectionRefused = false
        options.retryAllErrors = true
        #expect(CurlRetry.reason(error: refused, httpCode: 0, scheme: "HTTP", options: options) == .allErrors)
    }

    @Test func retryWaitsDoubleFromOneSecondUnlessFixed() {
        var options = CurlOptions()
        options.retry = 3
        var retry = CurlRetry(options: options)
        var stats = CurlTransferStats()
        stats.httpCode = 503
        stats.scheme = "HTTP"
        let waits = (0..<4).map { _ in retry.next(error: nil, stats: stats) }
        #expect(waits.map { $0?.milliseconds } == [1000, 2000, 4000, nil])
        #expect(waits[0]?.warning == "Problem : HTTP error. Will retry in 1 seconds. 3 retries left.")
        options.retryDelay = 5
        var fixed = CurlRetry(options: options)
        #expect(fixed.next(error: nil, stats: stats)?.milliseconds == 5000)
        #expect(fixed.next(error: nil, stats: stats)?.milliseconds == 5000)
    }

    @Test func bodilessPostSendsNoContentLength() {
        var options = CurlOptions()
        options.method = "POST"
        let builder = CurlRequestBuilder(options: options, body: nil)
        let request = builder.request(
            for: try! CurlURL(parsing: "http://h/"), method: "POST", sendBody: true, cookies: nil)
        #expect(!request.headerLinesForDisplay.contains { $0.hasPrefix("Content-Length") })
        #expect(request.ahcWouldAddContentLength)
        let empty = CurlRequestBuilder(options: options, body: []).request(
            for: try! CurlURL(parsing: "http://h/"), method: "POST", sendBody: true, cookies: nil)
        #expect(empty.headerLinesForDisplay.last == "Content-Length: 0")
    }

    @Test func resolveEntriesAndFamilies() {
        var options = CurlOptions()
        options.resolve = ["Example.com:443:127.0.0.1", "+b:80:[::1],127.0.0.2", "bad", "c:x:1.2.3.4", "-d:80"]
        options.ipVersion = 6
        let addressing = DirectAddressing(options: options)
        #expect(addressing.overrides == ["example.com:443": ["127.0.0.1"], "b:80": ["::1", "127.0.0.2"]])
        #expect((try? addressing.addresses("b", port: 80) {})?.count == 1)
        #expect(throws: CurlError.couldNotResolve("example.com")) {
            try addressing.addresses("example.com", port: 443) {}
        }
    }
}
