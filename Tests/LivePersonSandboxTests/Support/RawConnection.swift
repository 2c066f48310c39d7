import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A client connection that writes exactly the bytes a test gives it (hand-made WebSocket frames, a request head
/// sent in pieces) and collects every byte the server sends until it closes: what no well-behaved client does.
struct RawConnection: Sendable {
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>

    /// Connects to the sandbox on 127.0.0.1:`port`, over TLS (trusting the sandbox CA) unless `tls` is false.
    static func open(port: Int, tls: Bool = true) async throws -> RawConnection {
        let context = try NIOSSLContext(configuration: SandboxHarness.clientTLS())
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if tls {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: context, serverHostname: "localhost"))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return RawConnection(channel: channel)
    }

    /// What the server sent, and whether it closed the connection, within `seconds`.
    struct Answer: Sendable {
        var bytes: [UInt8]
        var closed: Bool
        var text: String { String(decoding: bytes, as: UTF8.self) }

        /// The close code of the first WebSocket close frame after the upgrade answer's head, if there is one.
        var closeCode: Int? {
            guard let headEnd = text.range(of: "\r\n\r\n") else { return nil }
            var frames = Array(bytes[text.utf8.distance(from: text.startIndex, to: headEnd.upperBound)...])[...]
            while frames.count >= 2 {
                let opcode = frames[frames.startIndex] & 0x0F
                var length = Int(frames[frames.startIndex + 1] & 0x7F)
                var offset = 2
                if length == 126 {
                    guard frames.count >= 4 else { return nil }
                    length = Int(frames[frames.startIndex + 2]) << 8 | Int(frames[frames.startIndex + 3])
                    offset = 4
                }
                guard frames.count >= offset + length else { return nil }
                let payload = frames.dropFirst(offset).prefix(length)
                if opcode == 8 {
                    guard payload.count >= 2 else { return nil }
                    return Int(payload[payload.startIndex]) << 8 | Int(payload[payload.startIndex + 1])
                }
                frames = frames.dropFirst(offset + length)
            }
            return nil
        }
    }

    /// Sends `bytes`, then reads until the server closes or `seconds` pass.
    func exchange(_ bytes: [UInt8] = [], readingFor seconds: Double) async throws -> Answer {
        try await channel.executeThenClose { inbound, outbound in
            if !bytes.isEmpty { try await outbound.write(ByteBuffer(bytes: bytes)) }
            var iterator = inbound.makeAsyncIterator()
            return await read(&iterator, seconds: seconds)
        }
    }

    /// Sends `first`, waits until the server's answer holds `marker`, then sends `second` and reads on.
    func exchange(_ first: [UInt8], until marker: String, then second: [UInt8], readingFor seconds: Double)
        async throws -> Answer
    {
        try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(bytes: first))
            var iterator = inbound.makeAsyncIterator()
            var received: [UInt8] = []
            while !String(decoding: received, as: UTF8.self).contains(marker) {
                guard let buffer = try await iterator.next() else { return Answer(bytes: received, closed: true) }
                received += buffer.readableBytesView
            }
            try await outbound.write(ByteBuffer(bytes: second))
            let rest = await read(&iterator, seconds: seconds)
            return Answer(bytes: received + rest.bytes, closed: rest.closed)
        }
    }

    /// Reads until the server closes (`closed`) or `seconds` pass (then the client closes, and `closed` is false).
    private func read(
        _ iterator: inout NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator, seconds: Double
    ) async -> Answer {
        let channel = self.channel.channel
        let timer = Task { () -> Bool in
            do { try await Task.sleep(for: .milliseconds(Int(seconds * 1000))) } catch { return false }
            try? await channel.close()
            return true
        }
        var bytes: [UInt8] = []
        do {
            while let buffer = try await iterator.next() { bytes += buffer.readableBytesView }
        } catch {}
        timer.cancel()
        let timedOut = await timer.value
        return Answer(bytes: bytes, closed: !timedOut)
    }
}

/// WebSocket bytes as a client would (or would not) send them.
enum ClientFrame {
    /// The upgrade request for the consumer socket of `account` with `token`.
    static func upgrade(account: String, token: String) -> [UInt8] {
        Array(
            ("GET /ws_api/account/\(account)/messaging/consumer?v=3 HTTP/1.1\r\nHost: localhost\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\nAuthorization: jwt \(token)\r\n\r\n").utf8)
    }

    /// One frame: `opcode` (1 text, 0 continuation), FIN as given, the payload masked unless `masked` is false.
    static func frame(_ payload: [UInt8], opcode: UInt8 = 1, fin: Bool = true, masked: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = [(fin ? 0x80 : 0) | opcode]
        let maskBit: UInt8 = masked ? 0x80 : 0
        switch payload.count {
        case ..<126: bytes.append(maskBit | UInt8(payload.count))
        case ..<65536: bytes += [maskBit | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        default: bytes += [maskBit | 127] + (0..<8).reversed().map { UInt8((payload.count >> ($0 * 8)) & 0xFF) }
        }
        guard masked else { return bytes + payload }
        let key: [UInt8] = [0x12, 0x34, 0x56, 0x78]
        return bytes + key + payload.enumerated().map { $0.element ^ key[$0.offset % 4] }
    }
}
