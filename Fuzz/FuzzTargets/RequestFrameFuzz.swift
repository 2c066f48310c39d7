import Foundation
import LivePersonAPI

/// The sandbox reads request frames with a hand-written parser and falls back to `JSONDecoder` when it declines;
/// whatever it accepts must be exactly what `JSONDecoder` reads.
enum RequestFrameFuzz {
    static func run(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = RequestParser.value(text)
        guard let fast = RequestParser.request(text) else { return nil }
        guard let slow = try? JSONDecoder().decode(UMSRequest.self, from: Data(text.utf8)) else {
            return "accepted a frame JSONDecoder rejects: \(text)"
        }
        return fast == slow ? nil : "reads the frame differently from JSONDecoder: \(text)"
    }
}
