import ShellBuiltins

@testable import HTTPTransfer

/// curl's direct transport reads response heads and chunked bodies from any server. For every input: the head
/// parser either waits, refuses with curl's error (8, or 1 for a version other than HTTP/1.x) or returns a head
/// that prints (`-i`) to text it reads back the same; the chunked decoder gives the same bytes, the same count used and the same verdict whether the input
/// comes at once or split in two.
enum HTTPResponseFuzz {
    static func run(_ bytes: [UInt8]) -> String? {
        if let finding = checkHead(bytes) { return finding }
        return checkChunked(bytes)
    }

    private static func checkHead(_ bytes: [UInt8]) -> String? {
        let parsed: (head: CurlResponseHead, length: Int)?
        do {
            parsed = try HTTP1Response.parseHead(bytes[...])
        } catch {
            return [1, 8].contains(error.code) ? nil : "the head parser threw curl's code \(error.code)"
        }
        guard let (head, length) = parsed else { return nil }
        guard length > 0, length <= bytes.count else { return "the head took \(length) of \(bytes.count) bytes" }
        _ = try? HTTP1Response.framing(of: head, method: "GET")
        let printed = Array(head.block.utf8)
        guard let again = try? HTTP1Response.parseHead(printed[...]) else {
            return "the printed head does not parse back: \(head.block.debugDescription)"
        }
        guard again.head == head, again.length == printed.count else {
            return "the printed head reads back differently: \(head.block.debugDescription)"
        }
        return nil
    }

    private static func checkChunked(_ bytes: [UInt8]) -> String? {
        let whole = decode([bytes[...]])
        let cut = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
        let split = decode([bytes[..<cut], bytes[cut...]])
        guard whole == split else {
            return "the chunked decoder reads \(bytes.count) bytes differently when split at \(cut)"
        }
        return nil
    }

    /// What decoding `parts` in order gives: the body, the bytes used, and whether it ended or failed.
    private struct Outcome: Equatable {
        var body: [UInt8] = []
        var used = 0
        var done = false
        var failed = false
    }

    private static func decode(_ parts: [ArraySlice<UInt8>]) -> Outcome {
        var decoder = ChunkedDecoder()
        var outcome = Outcome()
        for part in parts where !decoder.isDone {
            do {
                outcome.used += try decoder.feed(part) { outcome.body += $0 }
            } catch {
                outcome.failed = true
                return Outcome(failed: true)
            }
        }
        outcome.done = decoder.isDone
        return outcome
    }
}
