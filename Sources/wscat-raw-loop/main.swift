// The baseline `scripts/bench wscat` compares batch-mode wscat with: a bare swift-websocket WSClient loop that
// sends the frames of a file (one per line) and reads one response per frame, then closes.
//   wscat-raw-loop URL HEADER FRAMES-FILE   (TLS trusts $SSL_CERT_FILE)
import Foundation
import HTTPTypes
import Logging
import NIOSSL
import WSClient

let arguments = CommandLine.arguments
guard arguments.count == 4, let text = try? String(contentsOfFile: arguments[3], encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: wscat-raw-loop URL NAME:VALUE FRAMES-FILE\n".utf8))
    exit(2)
}
let frames = text.split(separator: "\n").map(String.init)
let header = arguments[2].split(separator: ":", maxSplits: 1).map(String.init)
var configuration = WebSocketClientConfiguration()
configuration.maxFrameSize = 1 << 24
if header.count == 2, let name = HTTPField.Name(header[0]) { configuration.additionalHeaders[name] = header[1] }
var tls = TLSConfiguration.makeClientConfiguration()
if let bundle = ProcessInfo.processInfo.environment["SSL_CERT_FILE"] { tls.trustRoots = .file(bundle) }
let url = arguments[1]
let done = DispatchSemaphore(value: 0)
/// Answers received so far, for the watchdog's message.
nonisolated(unsafe) var receivedSoFar = 0
// Detached: a plain Task in main.swift is main-actor isolated and would wait forever behind `done.wait()`.
Task.detached {
    do {
        try await WebSocketClient.connect(
            url: url, configuration: configuration, tlsConfiguration: tls, logger: Logger(label: "raw")
        ) { inbound, outbound, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for frame in frames { try await outbound.write(.text(frame)) }
                }
                var received = 0
                for try await message in inbound.messages(maxSize: 1 << 24) {
                    if case .text = message {
                        received += 1
                        receivedSoFar = received
                    }
                    if received == frames.count { break }
                }
                try await group.waitForAll()
            }
        }
    } catch {
        FileHandle.standardError.write(Data("wscat-raw-loop: \(error)\n".utf8))
    }
    done.signal()
}
// A lost answer must end the benchmark with an error rather than hang it.
if done.wait(timeout: .now() + 60) == .timedOut {
    FileHandle.standardError.write(
        Data("wscat-raw-loop: timed out after 60 s, \(receivedSoFar) of \(frames.count) answers\n".utf8))
    exit(1)
}
