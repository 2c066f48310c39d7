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
// NIOSSL refuses an IP address as SNI: name the loopback host the sandbox's certificate also covers.
if url.contains("//127.0.0.1:") { configuration.sniHostname = "localhost" }
// A lost answer must end the benchmark with an error rather than hang it.
let frameCount = frames.count
Task.detached {
    try? await Task.sleep(for: .seconds(60))
    FileHandle.standardError.write(Data("wscat-raw-loop: timed out after 60 s (\(frameCount) frames sent)\n".utf8))
    exit(1)
}
// Top-level await: the main thread runs the main actor, which main.swift's globals belong to (blocking it on a
// semaphore while a task read them deadlocked this loop before it connected).
do {
    try await WebSocketClient.connect(
        url: url, configuration: configuration, tlsConfiguration: tls, logger: Logger(label: "raw")
    ) { [frames] inbound, outbound, _ in
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for frame in frames { try await outbound.write(.text(frame)) }
            }
            var received = 0
            for try await message in inbound.messages(maxSize: 1 << 24) {
                if case .text = message { received += 1 }
                if received == frames.count { break }
            }
            try await group.waitForAll()
        }
    }
} catch {
    FileHandle.standardError.write(Data("wscat-raw-loop: \(error)\n".utf8))
    exit(1)
}
