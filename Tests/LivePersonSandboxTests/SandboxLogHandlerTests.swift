import Logging
import Synchronization
import Testing

@testable import LivePersonSandbox

/// Hummingbird's error for a connection that closed before its first request becomes a notice that explains it;
/// every other event passes unchanged.
struct SandboxLogHandlerTests {
    /// Keeps what reaches it.
    final class Recorder: LogHandler, @unchecked Sendable {
        // @unchecked: the events are behind a lock; the other properties are set once, before logging.
        let events = Mutex<[(Logger.Level, String, Logger.Metadata?)]>([])
        var metadataProvider: Logger.MetadataProvider?
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        func log(event: LogEvent) {
            events.withLock { $0.append((event.level, event.message.description, event.metadata)) }
        }

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
    }

    @Test func earlyCloseBecomesAnExplainedNotice() {
        let recorder = Recorder()
        var logger = Logger(label: "lp-sandbox") { _ in SandboxLogHandler(wrapping: recorder) }
        logger.logLevel = .notice
        logger.error(
            "Error handling upgrade result",
            metadata: ["error.type": .string("Inappropriate operation for state")])
        logger.error("Error handling upgrade result", metadata: ["error.type": .string("something else")])
        logger.notice("listening")
        let events = recorder.events.withLock { $0 }
        #expect(events.map(\.0) == [.notice, .error, .notice])
        #expect(
            events.map(\.1) == [
                SandboxLogHandler.earlyCloseNotice.description, "Error handling upgrade result", "listening",
            ])
        #expect(events[0].2 == nil)
    }
}
