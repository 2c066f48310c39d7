/// What one transfer measured, for `-w` and the progress meter.
struct CurlTransferStats: Sendable {
    /// The last response's status, 0 when there was none.
    var httpCode = 0
    /// The proxy's answer to the last `CONNECT`, 0 when there was none.
    var httpConnect = 0
    /// The last URL requested.
    var urlEffective = ""
    /// The last response's headers, as received.
    var responseHeaders: [(name: String, value: String)] = []
    /// Body bytes received (after decompression).
    var sizeDownload = 0
    /// Body bytes sent.
    var sizeUpload = 0
    /// Header bytes received, status lines included.
    var sizeHeader = 0
    /// Seconds from start to the end of the transfer.
    var timeTotal = 0.0
    /// Seconds until the first response head arrived.
    var timeStartTransfer = 0.0
    /// Redirects followed.
    var numRedirects = 0
    /// `1.1`, `2`, `1.0`.
    var httpVersion = "0"
    /// `HTTP` or `HTTPS` (curl's upper-case spelling).
    var scheme = ""
    /// The last request's method.
    var method = "GET"
    /// The `Location` a redirect pointed to when it was not followed.
    var redirectURL = ""
    /// The port of the last connection.
    var remotePort = 0
    /// The host of the last connection.
    var remoteHost = ""
    /// The transfer's error, if it failed.
    var error: CurlError?

    /// The first value of a response header, case-insensitively.
    func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return responseHeaders.first { $0.name.lowercased() == lowered }?.value
    }
}
