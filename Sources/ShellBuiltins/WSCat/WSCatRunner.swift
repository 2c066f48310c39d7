import Dispatch
import HTTPTransfer
import JSONQuery
import ShellRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// The part of `wscat` both modes share: connecting, sending what the user typed or pasted, showing what comes
/// back, matching responses to requests, and closing.
final class WSCatRunner<Dialect: WSCatDialect> {
    let options: WSCatOptions
    let request: WSCatSession.Request
    var formatter: FrameFormatter
    /// What the socket's protocol makes of the frames (see `WSCatDialect`).
    var dialect: Dialect
    var collector = FrameCollector()
    /// Where frames and status lines go (stdout/stderr, or above the prompt at a terminal; tagged `[1] ` while the
    /// socket is a background job).
    var write: (_ text: String, _ isFrame: Bool) -> Void
    /// Set by `/bg` or `/as …`: the socket stays open and goes to (or stays in) the background.
    var handoff: JobForegroundResult?
    /// The values the shell's sockets share (``syncShared()``), nil for a socket on its own.
    var shared: PublishedVariables?
    /// The version of ``shared`` last adopted, and the dialect's values after the last sync.
    var sharedVersion = 0
    private var lastShared: [String: String] = [:]

    private(set) var session: WSCatSession?
    /// The close code and reason once the socket closed (code nil: connection lost).
    private(set) var closed: (code: Int?, reason: String?)?
    private(set) var closingByUs = false
    /// The code we closed with (the server normally echoes it).
    private var ourCloseCode: Int?
    /// Batch mode: `/close` waits for the responses still due, so it is recorded here and done by the caller.
    var defersClose = false
    private(set) var requestedClose: (code: Int, reason: String?)?
    /// A frame was rejected or a `/wait-for` came to nothing: the exit status is 1.
    private(set) var hadFailure = false
    private var retries = 0
    /// The text `/wait-for` is waiting for, and whether a received frame held it.
    private var awaitedText: String?
    private var sawAwaitedText = false
    /// The frames `/wait-for` has not looked at yet: those received since the last `/wait-for` ended (or since
    /// connecting), oldest first. A frame that was already shown, by a `/wait`, by the pump after the line before
    /// or while a frame was held back, still satisfies the next `/wait-for`: a fast server's whole answer can
    /// come back before the `/wait-for` line is read (the seed tutorial's subscribe backlog holding the bot's
    /// `echo:` with `--bot-delay 0ms`, which left `/wait-for echo:` waiting about one run in fifty).
    private var unclaimed = UnclaimedFrames()
    /// The responses that said a request failed (`#2 ms.PublishEvent: 403 …`), for `step` to report.
    private(set) var failedResponses: [String] = []

    init(
        options: WSCatOptions, request: WSCatSession.Request, formatter: FrameFormatter, dialect: Dialect,
        write: @escaping (_ text: String, _ isFrame: Bool) -> Void
    ) {
        self.options = options
        self.dialect = dialect
        self.request = request
        self.formatter = formatter
        self.write = write
        collector.passesUnparsed = { Dialect.mentionsPlaceholder($0) }
    }

    var isOpen: Bool { session != nil && closed == nil }

    /// Starts sharing captured values through `shared` from `version` on (what the shell has applied).
    func share(_ shared: PublishedVariables, from version: Int) {
        self.shared = shared
        sharedVersion = version
        lastShared = dialect.sharedValues
        syncShared()
    }

    /// Publishes what this socket captured since the last sync and adopts what the others did: the agent socket's
    /// accepted conversation fills the consumer socket's `__YOUR_CONVERSATION_ID__`, and a closed one is forgotten
    /// by both.
    func syncShared() {
        guard let shared else { return }
        let mine = dialect.sharedValues
        var own: [String: String] = [:]
        for (name, value) in mine where (lastShared[name] ?? "") != value { own[name] = value }
        shared.publish(own)
        if let update = shared.changes(since: sharedVersion) {
            sharedVersion = update.version
            let foreign = update.values.filter { own[$0.key] == nil && (mine[$0.key] ?? "") != $0.value }
            if !foreign.isEmpty { dialect.adopt(foreign) }
        }
        lastShared = dialect.sharedValues
    }

    /// Connects and waits for the upgrade; on failure prints `error: …` and returns false.
    func connect() -> Bool {
        let session = WSCatSession(request)
        let deadline = Deadline(seconds: options.connectTimeout ?? 30)
        while true {
            if InterruptState.isInterrupted {
                session.abandon()
                write(formatter.problem("interrupted while connecting"), false)
                return false
            }
            let events = session.events.wait(seconds: min(deadline.remaining, 0.05))
            for (index, event) in events.enumerated() {
                switch event {
                case .opened:
                    self.session = session
                    closed = nil
                    // Frames (or a close) may have arrived together with the upgrade.
                    handle(Array(events[(index + 1)...]))
                    for message in options.messages { submit(message) }
                    return true
                case .failed(let message):
                    write("wscat: error: \(message)\n", false)
                    return false
                default: break
                }
            }
            if deadline.remaining <= 0 {
                session.abandon()
                write(
                    "wscat: error: no WebSocket connection after \(Self.seconds(deadline.total)) s (--connect-timeout)\n",
                    false)
                return false
            }
        }
    }

    /// Shows every queued event without blocking.
    func pump() {
        guard let session else { return }
        handle(session.events.drain())
    }

    /// Waits up to `seconds` for events and shows them; returns early when `stop` becomes true, or on Ctrl-C
    /// unless `interruptible` is false.
    func wait(seconds: Double, interruptible: Bool = true, until stop: () -> Bool = { false }) {
        let deadline = Deadline(seconds: seconds)
        while let session, closed == nil, !stop(), deadline.remaining > 0,
            !(interruptible && InterruptState.isInterrupted)
        {
            handle(session.events.wait(seconds: min(deadline.remaining, 0.25)))
        }
    }

    /// Called after a batch of events was shown (batch mode flushes stdout there: once per batch, not per frame).
    var afterEvents: (() -> Void)?

    func handle(_ events: [WSCatEvent]) {
        defer {
            if !events.isEmpty {
                syncShared()
                afterEvents?()
            }
        }
        for event in events {
            switch event {
            case .text(let text):
                let received = dialect.receive(text)
                if let awaitedText, !sawAwaitedText, text.contains(awaitedText) {
                    sawAwaitedText = true
                    unclaimed.removeAll()
                } else {
                    unclaimed.append(text)
                }
                if received.failed { recordFailure(received, text: text) }
                write(formatter.received(text, received), true)
                for note in received.notes { write(formatter.note(note), false) }
            case .binary(let count):
                write(formatter.interactive ? "< (binary frame, \(count) bytes)\n" : "", true)
            case .closed(let code, let reason):
                closed = (code, reason)
                write(formatter.closed(code: code, reason: reason, byUs: closingByUs, dialect: Dialect.self), false)
                reconnectIfAsked(code: code)
            case .failed:
                // After the socket opened, a failure is the connection dropping (the server was killed): shown as
                // 1006 at once instead of being noticed only when the next frame or the close times out.
                guard closed == nil else { break }
                closed = (nil, nil)
                write(formatter.closed(code: nil, reason: nil, byUs: closingByUs, dialect: Dialect.self), false)
                reconnectIfAsked(code: nil)
            case .opened: break
            }
        }
    }

    /// Handles one line of input: a command or (part of) a frame. Returns false when the line closed the socket.
    @discardableResult
    func submit(_ line: String) -> Bool {
        if collector.cannotContinue(with: line) { abandonOpenFrame() }
        if !collector.isCollecting && SlashCommands.isCommand(line) {
            return command(line)
        }
        switch collector.feed(line) {
        case .empty, .needsMore: return true
        case .frame(let text, let json): send(text, json: json)
        case .invalid(let message):
            hadFailure = true
            write(formatter.problem(message + "\n  (not sent)"), false)
        }
        return true
    }

    /// Drops the frame left open (a line that cannot continue it came), reporting it unless it was complete.
    func abandonOpenFrame() {
        guard case .invalid(let message)? = collector.finish() else { return }
        hadFailure = true
        write(formatter.problem("incomplete frame: " + message + "\n  (not sent)"), false)
    }

    /// At end of input: reports a frame left open.
    func finishInput() {
        guard case .invalid(let message)? = collector.finish() else { return }
        hadFailure = true
        write(formatter.problem("incomplete frame at end of input: " + message + "\n  (not sent)"), false)
    }

    private func command(_ line: String) -> Bool {
        switch SlashCommands.run(line, dialect: &dialect) {
        case .send(let frame): send(frame, json: try? FrameJSON.parse(frame))
        case .ping: session?.send(.ping)
        case .pong: session?.send(.pong)
        case .background:
            handoff = .background
            return false
        case .switchTo(let target):
            handoff = .switchTo(target)
            return false
        case .close(let code, let reason):
            if defersClose {
                requestedClose = (code, reason)
            } else {
                close(code: code, reason: reason)
            }
            return false
        case .show(let text): write(formatter.shown(text), false)
        case .wait(let seconds): wait(seconds: seconds)
        case .waitFor(let text): waitFor(text)
        case .error(let message): write(formatter.problem(message), false)
        }
        return true
    }

    private func send(_ text: String, json: JSONValue?) {
        syncShared()
        guard let session, closed == nil else {
            write(formatter.problem("the socket is closed; frame not sent"), false)
            return
        }
        if dialect.holdsBack(text) {
            // Batch pastes send the frame that needs an answer right after the request that brings it.
            wait(seconds: 10) { !dialect.holdsBack(text) }
        }
        let prepared = dialect.prepare(text, json: json)
        if let refusal = prepared.refusal {
            hadFailure = true
            write(formatter.problem(refusal.joined(separator: "\n") + "\n  (not sent)"), false)
            return
        }
        for note in prepared.notes { write(formatter.note(note), false) }
        session.send(prepared.text)
        syncShared()
    }

    /// Keeps a one-line account of a failed response: `#2 ms.PublishEvent: 403 conversation … belongs to …`.
    private func recordFailure(_ received: WSCatIncoming, text: String) {
        guard failedResponses.count < 20 else { return }
        let code = received.json?["code"]?.text ?? "?"
        var body = ""
        if case .string(let message)? = received.json?["body"] { body = " " + message }
        let request = "#\(received.requestID ?? "?") \(received.answers ?? "request")"
        failedResponses.append("\(request): \(code)\(body)")
    }

    /// `/wait-for TEXT`: receives until a frame contains `text`, starting with the frames received since the last
    /// `/wait-for` (``unclaimed``); says so when it never came.
    private func waitFor(_ text: String) {
        pump()
        sawAwaitedText = unclaimed.claim(firstContaining: text)
        if sawAwaitedText { return }
        awaitedText = text
        defer {
            awaitedText = nil
            if !sawAwaitedText { unclaimed.removeAll() }
        }
        wait(seconds: SlashCommands.waitForLimit) { sawAwaitedText }
        if !sawAwaitedText && !InterruptState.isInterrupted {
            hadFailure = true
            let why = closed == nil ? "after \(Self.seconds(SlashCommands.waitForLimit)) s" : "before the socket closed"
            write(formatter.problem("/wait-for: no frame containing '\(text)' \(why)"), false)
        }
    }

    /// Starts the closing handshake.
    func close(code: Int = 1000, reason: String? = nil) {
        pump()
        guard let session, closed == nil, !closingByUs else { return }
        closingByUs = true
        ourCloseCode = code
        if code == 1000 && reason == nil {
            session.close()
        } else {
            session.send(.close(code: code, reason: reason))
        }
    }

    /// Closes (if still open) and waits up to 3 s for the server's answer.
    func closeAndWait() {
        close(code: requestedClose?.code ?? 1000, reason: requestedClose?.reason)
        // Also after Ctrl-C (batch mode closes then): the answer is waited for, not taken for a silent server.
        wait(seconds: 3, interruptible: false)
        if closed == nil, let session {
            // The server never answered the close frame: the socket is closed on our side all the same.
            session.abandon()
            closed = (ourCloseCode, nil)
            write(formatter.note("the server did not answer the close frame; connection dropped"), false)
        }
    }

    /// Waits for the responses of requests still waiting (up to `seconds`).
    func waitForResponses(seconds: Double) {
        wait(seconds: seconds) { !dialect.isWaiting }
        let waiting = dialect.waiting
        if closed == nil && !waiting.isEmpty {
            let list = waiting.prefix(5).map { "#\($0.id) \($0.type)" }.joined(separator: ", ")
            write(
                formatter.note("no response after \(Self.seconds(seconds)) s to \(waiting.count) request(s): \(list)"),
                false)
        }
    }

    /// The exit status: 0 after a normal close, 1 after an abnormal one or a rejected frame.
    var status: ExitStatus {
        if hadFailure { return .failure }
        guard let closed, let code = closed.code else { return closed == nil ? .success : .failure }
        return code == 1000 || code == ourCloseCode ? .success : .failure
    }

    /// `-r`: reconnect after a transient close, never with a token the server just rejected.
    private func reconnectIfAsked(code: Int?) {
        guard options.retry, !closingByUs else { return }
        let effective = code ?? 1006
        if Dialect.meansRejectedCredentials(effective) {
            write(
                formatter.note("not reconnecting: the server rejected the token; get a new one, then run wscat again"),
                false)
            return
        }
        guard CloseCodes.isTransient(effective), retries < 5 else { return }
        retries += 1
        let pause = Double(1 << (retries - 1))
        write(formatter.note("reconnecting in \(Self.seconds(pause)) s (attempt \(retries) of 5)"), false)
        let deadline = Deadline(seconds: pause)
        while deadline.remaining > 0 && !InterruptState.isInterrupted { usleep(20_000) }
        if connect() {
            let line =
                formatter.interactive
                ? formatter.connected(options.url, proxy: request.proxy?.hostPort) : "wscat: note: reconnected\n"
            write(line, false)
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// The received frames `/wait-for` has not looked at, oldest first, at most about `limit` bytes of them (the
/// oldest are dropped first; the newest is always kept).
struct UnclaimedFrames {
    private var frames: [String] = []
    /// Index of the oldest frame kept (the ones before it were dropped; compacted now and then).
    private var start = 0
    private var bytes = 0
    let limit: Int

    init(limit: Int = 1 << 20) {
        self.limit = limit
    }

    mutating func append(_ text: String) {
        frames.append(text)
        bytes += text.utf8.count
        while bytes > limit && frames.count - start > 1 {
            bytes -= frames[start].utf8.count
            start += 1
        }
        if start >= 64 && start * 2 >= frames.count {
            frames.removeFirst(start)
            start = 0
        }
    }

    /// Finds the oldest frame containing `text`; when there is one, forgets it and every frame before it.
    mutating func claim(firstContaining text: String) -> Bool {
        guard let index = frames[start...].firstIndex(where: { $0.contains(text) }) else { return false }
        for frame in frames[start...index] { bytes -= frame.utf8.count }
        start = index + 1
        if start == frames.count { removeAll() }
        return true
    }

    mutating func removeAll() {
        frames.removeAll(keepingCapacity: true)
        start = 0
        bytes = 0
    }
}

/// A point in time some seconds from now.
struct Deadline {
    let total: Double
    private let end: DispatchTime

    init(seconds: Double) {
        total = seconds
        end = .now() + .nanoseconds(Int(min(seconds, 86_400) * 1_000_000_000))
    }

    /// Seconds left (0 or less when passed).
    var remaining: Double {
        let now = DispatchTime.now().uptimeNanoseconds
        return end.uptimeNanoseconds > now ? Double(end.uptimeNanoseconds - now) / 1_000_000_000 : 0
    }
}
