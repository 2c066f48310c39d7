/// What one transfer measured, for `-w` and the progress meter.
package struct CurlTransferStats: Sendable {
    package init() {}

    /// The last response's status, 0 when there was none.
    package var httpCode = 0
    /// The proxy's answer to the last `CONNECT`, 0 when there was none.
    package var httpConnect = 0
    /// The last URL requested.
    package var urlEffective = ""
    /// The last response's headers, as received.
    package var responseHeaders: [(name: String, value: String)] = []
    /// Body bytes received (after decompression).
    package var sizeDownload = 0
    /// Body bytes sent.
    package var sizeUpload = 0
    /// Header bytes received, status lines included.
    package var sizeHeader = 0
    /// Seconds from start to the end of the transfer.
    package var timeTotal = 0.0
    /// Seconds until the first response head arrived.
    package var timeStartTransfer = 0.0
    /// Redirects followed.
    package var numRedirects = 0
    /// `1.1`, `2`, `1.0`.
    package var httpVersion = "0"
    /// `HTTP` or `HTTPS` (curl's upper-case spelling).
    package var scheme = ""
    /// The last request's method.
    package var method = "GET"
    /// The `Location` a redirect pointed to when it was not followed.
    package var redirectURL = ""
    /// The port of the last connection.
    package var remotePort = 0
    /// The host of the last connection.
    package var remoteHost = ""
    /// The transfer's error, if it failed.
    package var error: CurlError?

    /// The first value of a response header, case-insensitively.
    package func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return responseHeaders.first { $0.name.lowercased() == lowered }?.value
    }
}
