import Synchronization

/// The process-wide "Ctrl-C was pressed" flag, set by the SIGINT handler and cleared before each command.
public enum InterruptState {
    private static let flag = Atomic<Bool>(false)

    /// True once SIGINT arrived since the last `reset()`.
    public static var isInterrupted: Bool { flag.load(ordering: .relaxed) }

    /// Records an interrupt (called from the signal handler; async-signal-safe).
    public static func signal() { flag.store(true, ordering: .relaxed) }

    /// Clears the flag before the next command runs.
    public static func reset() { flag.store(false, ordering: .relaxed) }
}
