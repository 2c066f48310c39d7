import Foundation
import Histogram
import NIOCore
import NIOPosix
import NIOSSL

/// One `lp-loadgen sandbox|echo` run: fetch tokens, open every socket (and request its conversation), then start
/// all of them at once and time until the last ack; read the server's RSS while every socket is still held.
struct LoadRun {
    let options: LoadOptions
    /// How long the timed phase may take before the run gives up.
    var timeout: TimeAmount = .seconds(300)

    func run() async throws -> LoadResult {
        let threads = options.threads > 0 ? options.threads : System.coreCount
        let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
        do {
            let result = try await run(on: group)
            try await group.shutdownGracefully()
            return result
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    private func run(on group: MultiThreadedEventLoopGroup) async throws -> LoadResult {
        guard FileManager.default.isReadableFile(atPath: options.caFile) else {
            throw LoadFailure("cannot read the CA certificate \(options.caFile)")
        }
        var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
        tlsConfiguration.trustRoots = .file(options.caFile)
        let tls = try NIOSSLContext(configuration: tlsConfiguration)
        let loops = Array(group.makeIterator())
        var stats: [NIOLoopBound<LoopStats>] = []
        for loop in loops {
            stats.append(try await loop.submit { NIOLoopBound(LoopStats(), eventLoop: loop) }.get())
        }

        let sockets = options.sockets
        var authorizations: [String?] = Array(repeating: nil, count: sockets)
        if options.target == .sandbox {
            let client = SignupClient(host: options.host, port: options.port, account: options.account, tls: tls)
            authorizations = try await client.tokens(sockets, group: group).map { "jwt " + $0 }
        }
        let plan = LoadPlan(
            target: options.target, messages: options.messages, inFlight: options.inFlight,
            sendInterval: options.rate.map { Int64(Double(sockets) / $0 * 1e9) })
        let connector = SocketConnector(
            host: options.host, port: options.port, path: "/ws_api/account/\(options.account)/messaging/consumer?v=3",
            tls: tls, plan: plan)

        // Open phase: at most `connectConcurrency` handshakes at a time.
        let opening = NIODeadline.now()
        var channels: [any Channel] = []
        var doneFutures: [EventLoopFuture<Void>] = []
        var openErrors: [String] = []
        var pending: [(channel: EventLoopFuture<any Channel>, ready: EventLoopFuture<Void>)] = []
        for index in 0..<sockets {
            let loop = loops[index % loops.count]
            let ready = loop.makePromise(of: Void.self)
            let done = loop.makePromise(of: Void.self)
            doneFutures.append(done.futureResult)
            let channel = connector.connect(
                on: loop, stats: stats[index % loops.count], authorization: authorizations[index], ready: ready,
                done: done)
            channel.whenFailure { error in
                ready.fail(error)
                done.fail(error)
            }
            pending.append((channel, ready.futureResult))
            if pending.count >= options.connectConcurrency || index == sockets - 1 {
                for (channel, ready) in pending {
                    do {
                        try await ready.get()
                        channels.append(try await channel.get())
                    } catch {
                        openErrors.append("\(error)")
                        if let opened = try? await channel.get() { channels.append(opened) }
                    }
                }
                pending.removeAll()
            }
        }
        let opened = sockets - openErrors.count
        let openSeconds = Self.seconds(since: opening)

        // Timed phase: every socket starts at once.
        let started = NIODeadline.now()
        for (loop, stats) in zip(loops, stats) {
            loop.execute {
                for socket in stats.value.sockets { socket.start() }
            }
        }
        let finished = try await Self.waitAll(doneFutures, on: loops[0], timeout: timeout)
        let elapsed = Double((finished - started).nanoseconds) / 1e9

        // Hold point: every socket that survived is still open.
        let serverMemory = options.serverPID.flatMap(ProcessMemory.read)
        var held = 0
        var latency = Histogram<UInt64>(
            lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
        var acks = 0
        var errors = openErrors.count
        var firstError = openErrors.first
        for (loop, stats) in zip(loops, stats) {
            let snapshot = try await loop.submit {
                let value = stats.value
                return (value.open, value.latency, value.acks, value.errors, value.firstError)
            }.get()
            held += snapshot.0
            latency.add(snapshot.1)
            acks += snapshot.2
            errors += snapshot.3
            firstError = firstError ?? snapshot.4
        }
        for channel in channels {
            try? await channel.close()
        }
        return LoadResult(
            target: options.target.rawValue, sockets: sockets, socketsOpened: opened, socketsHeld: held,
            messagesPerSocket: options.messages, inFlight: options.inFlight, rate: options.rate,
            clientThreads: loops.count, acks: acks, errors: errors, firstError: firstError,
            openSeconds: Self.rounded(openSeconds, 3), seconds: Self.rounded(elapsed, 3),
            acksPerSecond: Self.rounded(Double(acks) / max(elapsed, 1e-9), 0),
            p50Ms: Self.milliseconds(latency, 50), p99Ms: Self.milliseconds(latency, 99),
            p999Ms: Self.milliseconds(latency, 99.9), maxMs: Self.rounded(Double(latency.max) / 1e6, 3),
            serverRSSKiB: serverMemory?.rssKiB, serverHWMKiB: serverMemory?.highWaterMarkKiB)
    }

    /// Waits until every future completed (succeeded or failed); returns when the last one did.
    static func waitAll(_ futures: [EventLoopFuture<Void>], on loop: any EventLoop, timeout: TimeAmount)
        async throws -> NIODeadline
    {
        let finished = loop.makePromise(of: NIODeadline.self)
        EventLoopFuture.whenAllComplete(futures, on: loop).whenComplete { _ in finished.succeed(.now()) }
        let timer = loop.scheduleTask(in: timeout) {
            finished.fail(LoadFailure("timed out after \(timeout.nanoseconds / 1_000_000_000) s"))
        }
        let deadline = try await finished.futureResult.get()
        timer.cancel()
        return deadline
    }

    static func seconds(since start: NIODeadline) -> Double {
        Double((NIODeadline.now() - start).nanoseconds) / 1e9
    }

    static func milliseconds(_ histogram: Histogram<UInt64>, _ percentile: Double) -> Double {
        rounded(Double(histogram.valueAtPercentile(percentile)) / 1e6, 3)
    }

    static func rounded(_ value: Double, _ digits: Int) -> Double {
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }
}

/// The JSON line a load run prints.
struct LoadResult: Codable {
    let target: String
    let sockets: Int
    let socketsOpened: Int
    let socketsHeld: Int
    let messagesPerSocket: Int
    let inFlight: Int
    let rate: Double?
    let clientThreads: Int
    let acks: Int
    let errors: Int
    let firstError: String?
    let openSeconds: Double
    let seconds: Double
    let acksPerSecond: Double
    let p50Ms: Double
    let p99Ms: Double
    let p999Ms: Double
    let maxMs: Double
    let serverRSSKiB: Int?
    let serverHWMKiB: Int?
}

/// VmRSS and VmHWM of a process, from `/proc/PID/status`.
struct ProcessMemory {
    let rssKiB: Int
    let highWaterMarkKiB: Int

    static func read(_ pid: Int32) -> ProcessMemory? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        var values: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(whereSeparator: { $0 == ":" || $0 == " " || $0 == "\t" })
            if parts.count >= 2, parts[0] == "VmRSS" || parts[0] == "VmHWM" {
                values[String(parts[0])] = Int(parts[1])
            }
        }
        guard let rss = values["VmRSS"], let hwm = values["VmHWM"] else { return nil }
        return ProcessMemory(rssKiB: rss, highWaterMarkKiB: hwm)
    }
}
