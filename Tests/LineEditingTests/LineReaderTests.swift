import Foundation
import Testing

@testable import LineEditing

/// The readers used for pipes, files and `-c`: lines without their newline, a last line without one, and input
/// far larger than one read.
struct LineReaderTests {
    func lines(_ reader: some LineReader) -> [String] {
        var result: [String] = []
        while case .line(let line) = reader.readLine(prompt: "$ ") { result.append(line) }
        return result
    }

    @Test func aStringReaderGivesEachLineAndNoEmptyLastOne() {
        #expect(lines(StringLineReader("a\nb\n")) == ["a", "b"])
        #expect(lines(StringLineReader("a\n\nb")) == ["a", "", "b"])
        #expect(lines(StringLineReader("")) == [])
        let reader = StringLineReader("x")
        #expect(reader.readLine(prompt: "") == .line("x"))
        #expect(reader.readLine(prompt: "") == .endOfInput)
        #expect(reader.readLine(prompt: "") == .endOfInput)
    }

    /// A pipe with much more than the reader's 64 KB buffer: every line comes back whole, in order.
    @Test func aPlainReaderReadsAPipeLineByLine() throws {
        var fds: [Int32] = [-1, -1]
        try #require(pipe(&fds) == 0)
        let expected = (0..<20_000).map { "line \($0) " + String(repeating: "x", count: $0 % 50) }
        let text = Array((expected.joined(separator: "\n") + "\nlast without newline").utf8)
        let writer = fds[1]
        let thread = Thread {
            var offset = 0
            while offset < text.count {
                let written = text[offset...].withUnsafeBytes { write(writer, $0.baseAddress, $0.count) }
                if written <= 0 { break }
                offset += written
            }
            close(writer)
        }
        thread.start()
        let read = lines(PlainLineReader(fileDescriptor: fds[0]))
        close(fds[0])
        #expect(read.count == expected.count + 1)
        #expect(Array(read.prefix(expected.count)) == expected)
        #expect(read.last == "last without newline")
    }
}

/// Where the history file goes and how it is created: 0600 in a 0700 folder.
struct HistoryFileTests {
    @Test func theDefaultPathFollowsXDGThenHome() {
        #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/lp-shell/history")
        #expect(
            HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])
                == "/h/.local/state/lp-shell/history")
        #expect(HistoryFile.defaultPath(environment: ["HOME": ""]) == nil)
        #expect(HistoryFile.defaultPath(environment: [:]) == nil)
    }

    @Test func itIsCreatedPrivateWithItsFolders() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("lp-history-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let path = base + "/state/lp-shell/history"
        #expect(HistoryFile.ensurePrivate(path) == nil)
        let file = try FileManager.default.attributesOfItem(atPath: path)
        #expect((file[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: base + "/state/lp-shell")
        #expect((folder[.posixPermissions] as? Int) == 0o700)
        // A directory where the file should be is reported with the system's reason, not a crash.
        #expect(HistoryFile.ensurePrivate(base + "/state") == "Is a directory")
    }
}
