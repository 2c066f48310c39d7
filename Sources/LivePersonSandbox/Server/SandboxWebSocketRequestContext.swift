import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// The request context of the messaging sockets: Hummingbird's WebSocket context plus the connection's channel, so
/// that a socket's text frames can be written straight to it (``ChannelTextWriter``).
struct SandboxWebSocketRequestContext: RequestContext, WebSocketRequestContext {
    var coreContext: CoreRequestContextStorage
    let webSocket: WebSocketHandlerReference<Self>
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        webSocket = .init()
        channel = source.channel
    }
}
