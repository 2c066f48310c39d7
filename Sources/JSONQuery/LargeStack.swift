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
        // @unchecked: handed to exactly one thread, read by the caller only after pthread_join.
        var work: (() -> Void)?
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    /// Calls `body` on a new thread with `size` bytes of stack and waits for it (or calls it directly if no
    /// thread can be created).
    public static func run<T>(size: Int = defaultSize, _ body: () -> T) -> T {
        withoutActuallyEscaping(body) { escapable in
            var result: T?
            let box = Box {
                // Leave 1 MiB of the stack unused for the frames between a depth check and the next one.
                let bound = currentAddress() - UInt(size) + (1 << 20)
                pthread_setspecific(boundKey, UnsafeRawPointer(bitPattern: bound))
                result = escapable()
            }
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            pthread_attr_setstacksize(&attributes, size)
            var thread = pthread_t()
            let context = Unmanaged.passRetained(box).toOpaque()
            let status = pthread_create(
                &thread, &attributes,
                { raw in
                    guard let raw else { return nil }
                    let box = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
                    box.work?()
                    box.work = nil
                    return nil
                }, context)
            if status != 0 {
                Unmanaged<Box>.fromOpaque(context).release()
                return escapable()
            }
            pthread_join(thread, nil)
            return result!
        }
    }
}
