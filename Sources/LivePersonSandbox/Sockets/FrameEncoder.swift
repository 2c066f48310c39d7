import Foundation
import LivePersonAPI

/// Turns response and notification values into the one-line JSON text of a frame.
enum FrameEncoder {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func response(reqId: String?, code: Int = 200, type: String, body: some Codable & Sendable) -> String {
        encode(UMSResponse(reqId: reqId, code: code, type: type, body: body))
    }

    static func response(reqId: String?, code: Int = 200, type: String) -> String {
        encode(UMSResponse<EmptyBody>(reqId: reqId, code: code, type: type, body: nil))
    }

    static func stringResponse(reqId: String?, code: Int = 200, _ text: String) -> String {
        response(reqId: reqId, code: code, type: UMSType.stringResponse, body: text)
    }

    static func failure(reqId: String?, _ failure: UMSFailure) -> String {
        stringResponse(reqId: reqId, code: failure.code, failure.message)
    }

    static func notification(type: String, body: some Codable & Sendable) -> String {
        encode(UMSNotification(type: type, body: body))
    }
}
