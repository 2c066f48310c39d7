import Foundation
import LivePersonAPI

/// ``WireJSON`` to compact JSON text and back, for ``StoredEvent``: what is read back is the value that was written
/// (numbers are written as Swift's shortest round-tripping form, keys in sorted order).
enum WireJSONText {
    static func text(of value: WireJSON) -> String {
        var text = ""
        append(value, to: &text)
        return text
    }

    static func value(of text: String) -> WireJSON {
        RequestParser.value(text) ?? (try? JSONDecoder().decode(WireJSON.self, from: Data(text.utf8))) ?? .null
    }

    private static func append(_ value: WireJSON, to text: inout String) {
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .number(let number):
            if number.rounded() == number, abs(number) < 9_007_199_254_740_992, number != 0 || number.sign == .plus {
                text += String(Int64(number))
            } else {
                text += String(describing: number)
            }
        case .string(let string): FrameEncoder.appendQuoted(string, to: &text)
        case .array(let elements):
            text += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { text += "," }
                append(element, to: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { text += "," }
                FrameEncoder.appendQuoted(member.key, to: &text)
                text += ":"
                append(member.value, to: &text)
            }
            text += "}"
        }
    }
}
