import NIOCore

/// Reads the few fields the load generator needs out of a JSON frame without decoding it: decoding every ack with
/// `JSONDecoder` would make the client, not the server, the bottleneck on two cores.
enum FrameScanner {
    /// The integer after `"name":` (quoted or not), e.g. `reqId` of `"reqId":"12"` or `id` of `"id":12`.
    static func integer(_ name: StaticString, in buffer: ByteBuffer) -> Int? {
        guard var index = valueStart(name, in: buffer) else { return nil }
        let view = buffer.readableBytesView
        if index < view.endIndex, view[index] == UInt8(ascii: "\"") { index += 1 }
        var number = 0
        var digits = 0
        while index < view.endIndex, view[index] >= UInt8(ascii: "0"), view[index] <= UInt8(ascii: "9") {
            number = number * 10 + Int(view[index] - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        return digits > 0 ? number : nil
    }

    /// The string after `"name":"` up to the next quote (no escapes: ids are UUIDs).
    static func string(_ name: StaticString, in buffer: ByteBuffer) -> String? {
        guard var index = valueStart(name, in: buffer) else { return nil }
        let view = buffer.readableBytesView
        guard index < view.endIndex, view[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        guard let end = view[index...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return String(decoding: view[index..<end], as: UTF8.self)
    }

    /// Index just past `"name":` in the buffer's readable bytes.
    static func valueStart(_ name: StaticString, in buffer: ByteBuffer) -> Int? {
        let view = buffer.readableBytesView
        let key = UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        let needed = key.count + 3
        guard view.count >= needed else { return nil }
        var start = view.startIndex
        let last = view.endIndex - needed
        while start <= last {
            guard let quote = view[start...last].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            var matches = true
            for offset in 0..<key.count where view[quote + 1 + offset] != key[offset] {
                matches = false
                break
            }
            if matches, view[quote + 1 + key.count] == UInt8(ascii: "\""),
                view[quote + 2 + key.count] == UInt8(ascii: ":")
            {
                return quote + 3 + key.count
            }
            start = quote + 1
        }
        return nil
    }
}

/// The request frames a load socket sends, built without `JSONEncoder`.
enum RequestFrames {
    static func requestConversation(id: Int) -> String {
        #"{"kind":"req","id":\#(id),"type":"cm.ConsumerRequestConversation"}"#
    }

    /// Writes `ms.PublishEvent` number `id` for `dialogId` into `buffer`.
    static func writePublish(id: Int, prefix: ByteBuffer, suffix: ByteBuffer, into buffer: inout ByteBuffer) {
        buffer.writeImmutableBuffer(prefix)
        buffer.writeString(String(id))
        buffer.writeImmutableBuffer(suffix)
    }

    static func publishPrefix() -> ByteBuffer {
        ByteBuffer(string: #"{"kind":"req","id":"#)
    }

    static func publishSuffix(dialogId: String) -> ByteBuffer {
        ByteBuffer(
            string:
                #","type":"ms.PublishEvent","body":{"dialogId":"\#(dialogId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"hello from lp-loadgen"}}}"#
        )
    }
}
