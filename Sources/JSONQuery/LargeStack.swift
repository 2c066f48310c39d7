import Dispatch
import KeptThreads

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs work on a thread with a large stack: the tree-walking evaluator, the writer and value
/// destruction recurse once per nesting level, and jq programs may nest (or recurse) thousands deep.
public enum LargeStack {
    /// The stack size used for jq runs (virtual memory; only touched pages are committed).
    public static let defaultSize = 1 << 27

    private static let boundKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The lowest safe stack address of the current thread if it was started by `run`, else nil.
    static var currentLowerBound: UInt? {
        guard let pointer = pthread_getspecific(boundKey) else { return nil }
        return UInt(bitPattern: pointer)
    }

    /// The address of a local variable: roughly the current stack pointer.
    static func currentAddress() -> UInt {
        var marker = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    private final class Box: @unchecked Sendable {
        // @unchecked: handed to exactly one kept thread, read by the caller only after `done` is signalled.
        var work: (() -> Void)?
        let done = DispatchSemaphore(value: 0)
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    /// Calls `body` on a thread with `size` bytes of stack (a kept one: `KeptThreads`) and waits for it (or calls it
    /// directly if no thread can be created).
    public static func run<T>(size: Int = defaultSize, _ body: () -> T) -> T {
        withoutActuallyEscaping(body) { escapable in
            var result: T?
            let box = Box {
                // Leave 1 MiB of the stack unused for the frames between a depth check and the next one.
                let bound = currentAddress() - UInt(size) + (1 << 20)
                pthread_setspecific(boundKey, UnsafeRawPointer(bitPattern: bound))
                result = escapable()
                pthread_setspecific(boundKey, nil)
            }
            let started = KeptThreads.run(stackSize: size) {
                box.work?()
                box.work = nil
                box.done.signal()
            }
            guard started else { return escapable() }
            box.done.wait()
            return result!
        }
    }
}
