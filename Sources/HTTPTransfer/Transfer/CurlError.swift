import ShellRuntime

/// A failed curl transfer: curl's numbered exit code and its message, in one place.
///
/// `description` is the text after `curl: (N) `, as curl 7.88.1 prints it with `-S` or without `-s`.
public struct CurlError: Error, Sendable, Equatable, CustomStringConvertible {
    /// curl's documented exit code (`man curl`, "EXIT CODES").
    public let code: Int32
    /// The message curl prints after `curl: (code) `.
    public let message: String
    /// Extra lines printed after the message (curl's certificate help for code 60).
    package var trailer: String = ""

    public var description: String { message }

    /// curl's error `code` with `message` (and `trailer` lines after it).
    package init(code: Int32, message: String, trailer: String = "") {
        self.code = code
        self.message = message
        self.trailer = trailer
    }

    /// The exit status the shell sees.
    package var status: ExitStatus { ExitStatus(code) }

    /// Code 1: the scheme is neither http nor https.
    static func unsupportedProtocol(_ scheme: String) -> CurlError {
        CurlError(code: 1, message: "Protocol \"\(scheme)\" not supported or disabled in libcurl")
    }

    /// Code 3: the URL cannot be parsed.
    package static let malformedURL = CurlError(code: 3, message: "URL using bad/illegal format or missing URL")

    /// Code 6: the host name does not resolve.
    static func couldNotResolve(_ host: String) -> CurlError {
        CurlError(code: 6, message: "Could not resolve host: \(host)")
    }

    /// Code 7: the TCP connection was refused or failed.
    static func couldNotConnect(host: String, port: Int, milliseconds: Int) -> CurlError {
        CurlError(
            code: 7,
            message: "Failed to connect to \(host) port \(port) after \(milliseconds) ms: Couldn't connect to server")
    }

    /// Code 18: the server closed the connection before the end of the body.
    static func transferClosed(remaining: Int?) -> CurlError {
        guard let remaining else {
            return CurlError(code: 18, message: "transfer closed with outstanding read data remaining")
        }
        return CurlError(code: 18, message: "transfer closed with \(remaining) bytes remaining to read")
    }

    /// Code 22: `-f` and a status of 400 or more.
    static func httpError(_ status: Int) -> CurlError {
        CurlError(code: 22, message: "The requested URL returned error: \(status)")
    }

    /// Code 23: the output could not be written.
    static let writeError = CurlError(code: 23, message: "Failure writing output to destination")

    /// Code 26: an upload file could not be read.
    package static let readError = CurlError(code: 26, message: "Failed to open/read local data from file/application")

    /// Code 28: `-m` or `--connect-timeout` expired.
    static func timedOut(milliseconds: Int, received: Int) -> CurlError {
        CurlError(
            code: 28,
            message: "Operation timed out after \(milliseconds) milliseconds with \(received) bytes received")
    }

    /// Code 28 while connecting.
    static func connectTimedOut(milliseconds: Int) -> CurlError {
        CurlError(code: 28, message: "Connection timed out after \(milliseconds) milliseconds")
    }

    /// Code 35: the TLS handshake failed for a reason other than the peer's certificate.
    static func tlsConnect(_ detail: String) -> CurlError {
        CurlError(code: 35, message: detail)
    }

    /// Code 47: more redirects than `--max-redirs`.
    static func tooManyRedirects(_ maximum: Int) -> CurlError {
        CurlError(code: 47, message: "Maximum (\(maximum)) redirects followed")
    }

    /// Code 52: the server closed the connection without a response.
    static let emptyReply = CurlError(code: 52, message: "Empty reply from server")

    /// Code 56: the connection broke while receiving.
    static func receiveFailure(_ detail: String) -> CurlError {
        CurlError(code: 56, message: "Recv failure: \(detail)")
    }

    /// Code 60: the server's certificate does not verify.
    static func peerCertificate(_ detail: String) -> CurlError {
        CurlError(code: 60, message: "SSL certificate problem: \(detail)", trailer: certificateHelp)
    }

    /// Code 77: `--cacert` or a CA bundle variable names a file that cannot be used.
    static func caCertificateFile(_ path: String) -> CurlError {
        CurlError(code: 77, message: "error setting certificate file: \(path)")
    }

    /// curl's text after a code-60 error, verbatim from 7.88.1.
    static let certificateHelp = """
        More details here: https://curl.se/docs/sslcerts.html

        curl failed to verify the legitimacy of the server and therefore could not
        establish a secure connection to it. To learn more about this situation and
        how to fix it, please visit the web page mentioned above.

        """
}

/// curl's `warnf`: `Warning: ` before each line, the text cut at a space so lines stay within 79 columns.
package func curlWarning(_ message: String) -> String {
    let width = 70
    var rest = Array((message + "\n").utf8)
    var output = ""
    while !rest.isEmpty {
        output += "Warning: "
        if rest.count > width {
            var cut = width - 1
            while cut > 0 && rest[cut] != UInt8(ascii: " ") { cut -= 1 }
            if cut == 0 { cut = width - 1 }
            output += String(decoding: rest[...cut], as: UTF8.self) + "\n"
            rest.removeFirst(cut + 1)
        } else {
            output += String(decoding: rest, as: UTF8.self)
            rest = []
        }
    }
    return output
}
