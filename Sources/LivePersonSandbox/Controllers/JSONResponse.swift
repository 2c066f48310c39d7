import HTTPTypes
import Hummingbird
import LivePersonAPI
import NIOCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// JSON answers and request-body reading shared by the REST controllers.
enum JSONResponse {
    static func make(_ status: HTTPResponse.Status, _ value: some Encodable, headers: HTTPFields = [:]) -> Response {
        // Sorted keys: the same bytes on every run (Foundation otherwise follows hash order, which changes per process).
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The request body's bytes (up to 1 MiB); empty when there is none.
    static func body(of request: Request) async -> Data {
        guard let buffer = try? await request.body.collect(upTo: 1 << 20) else { return Data() }
        return Data(buffer.readableBytesView)
    }

    /// Whether the body holds nothing but whitespace or an empty object.
    static func isEmpty(_ data: Data) -> Bool {
        let text = SpaceTrimming.spacesAndNewlines(String(decoding: data, as: UTF8.self))
        return text.isEmpty || String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != " " })) == "{}"
    }
}
