import Foundation

/// Runs blocking work (a child process, a builtin in `runBlocking`, a poll loop) on a thread of its own, away from
/// Swift's cooperative pool: a test that blocks a pool thread for seconds starves every async test running beside
/// it. Not a GCD queue either: on Linux, dispatch's global queues get as many workers as cores, so two builtins
/// blocked in `runBlocking` there stalled every NIO-and-async test in the process.
public func offThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: work()) }.start()
    }
}

/// ``offThread(_:)`` for throwing work.
public func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// At most this many child processes run at once through ``offThreadProcess(_:)``: parameterised tests start all
/// their cases together, and hundreds of processes at once would time each other out on a 2-core machine.
private let processGate = ProcessGate(slots: 4)

/// ``offThread(_:)`` for work that runs a child process, with at most four running at a time.
public func offThreadProcess<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    await processGate.acquire()
    let result = await offThread { Result { try work() } }
    await processGate.release()
    return try result.get()
}

/// A counting semaphore for async code.
private actor ProcessGate {
    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(slots: Int) { available = slots }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            available += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
