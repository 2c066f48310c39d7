import HTTPTypes
import HummingbirdCore

/// Answers `Expect: 100-continue` with `100 Continue` before the request is handled, as Swift's proxy server and
/// most HTTP servers do once the body is to be read: curl 7.88 asks for it on every upload over 1 KiB (the
/// tutorials' `--upload-file`) and, unanswered, waits a second before sending the body.
enum ExpectContinue {
    static func wrapping(_ responder: @escaping HTTPChannelHandler.Responder) -> HTTPChannelHandler.Responder {
        { request, responseWriter, channel in
            if let expect = request.headers[.expect], expect.lowercased() == "100-continue" {
                try await responseWriter.writeInformationalHead(HTTPResponse(status: .continue))
            }
            try await responder(request, responseWriter, channel)
        }
    }
}
