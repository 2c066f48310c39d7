import HTTPTypes
import HummingbirdCore

/// What Hummingbird's WebSocket channel does with an upgrade request that comes after another request on the same
/// connection (NIO upgrades only a connection's first request): `307` to the same URL with `Connection: close`, so
/// the client asks again on a new connection. Any other request goes to the responder.
enum RedirectingUpgrades {
    struct RedirectClose: Error {}

    static func wrapping(_ responder: @escaping HTTPChannelHandler.Responder) -> HTTPChannelHandler.Responder {
        { request, responseWriter, channel in
            guard request.headers[.upgrade] == "websocket" else {
                try await responder(request, responseWriter, channel)
                return
            }
            var path = request.uri.path
            if let query = request.uri.query { path += "?\(query)" }
            let response = HTTPResponse(
                status: .temporaryRedirect, headerFields: [.connection: "close", .location: path])
            try await responseWriter.writeResponse(response)
            throw RedirectClose()
        }
    }
}
