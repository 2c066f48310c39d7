import LivePersonAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Turns response and notification values into the one-line JSON text of a frame.
enum FrameEncoder {
    static func encode(_ value: some Encodable) -> String {
        // Sorted keys: the same bytes on every run (Foundation otherwise follows hash order, which changes per process).
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func response(reqId: String?, code: Int = 200, type: String, body: some Codable & Sendable) -> String {
        encode(UMSResponse(reqId: reqId, code: code, type: type, body: body))
    }

    /// `ms.PublishEventResponse`, the one answer sent for every message: written directly rather than through
    /// `JSONEncoder` (a generic encoder per frame showed up in every profile of the load benchmark), into one string
    /// of the right capacity (a chain of `+` built a new string per piece).
    static func publishEventResponse(reqId: String, sequence: Int) -> String {
        var frame = ""
        frame.reserveCapacity(96 + reqId.utf8.count)
        frame += #"{"kind":"resp","reqId":"#
        appendQuoted(reqId, to: &frame)
        frame += #","code":200,"type":""#
        frame += UMSType.publishEventResponse
        frame += #"","body":{"sequence":"#
        frame += String(sequence)
        frame += "}}"
        return frame
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 2)
        appendQuoted(text, to: &result)
        return result
    }

    /// Appends `text` as a JSON string literal; text with nothing to escape (the usual request id) is copied whole.
    static func appendQuoted(_ text: String, to result: inout String) {
        result += "\""
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            result += text
            result += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        result += "\""
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
