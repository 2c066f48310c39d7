import Foundation

/// The `kind: resp` frames a socket printed (one JSON frame per line on stdout in a script), matched to requests by id.
enum FrameResponses {
    /// The request id of a frame as pasted (the first `"id"` member; the frame may not be valid JSON yet).
    static func requestID(of frame: String) -> String? {
        guard let range = frame.range(of: #""id"\s*:\s*"?([^",}\s]+)"#, options: .regularExpression) else {
            return nil
        }
        let match = String(frame[range])
        guard let colon = match.firstIndex(of: ":") else { return nil }
        return match[match.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: " \t\""))
    }

    /// The codes of the responses to `id` in `stdout`, in order.
    static func codes(for id: String, in stdout: String) -> [Int] {
        stdout.split(separator: "\n").compactMap { line -> Int? in
            guard line.hasPrefix("{"), line.contains("\"resp\""),
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                object["kind"] as? String == "resp"
            else { return nil }
            let reqId = object["reqId"].map { "\($0)" }
            guard reqId == id else { return nil }
            return (object["code"] as? Int) ?? (object["code"] as? NSNumber)?.intValue ?? 200
        }
    }

    /// The codes of every response in `stdout`.
    static func allCodes(in stdout: String) -> [Int] {
        stdout.split(separator: "\n").compactMap { line -> Int? in
            guard line.hasPrefix("{"), line.contains("\"resp\""),
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                object["kind"] as? String == "resp"
            else { return nil }
            return (object["code"] as? Int) ?? 200
        }
    }
}
