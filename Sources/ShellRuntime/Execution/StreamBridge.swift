/// Gives external programs real descriptors for streams that live in memory (heredocs, captured test output):
/// a pipe fed or drained by a helper thread.
struct StreamBridge {
    private var threads: [ThreadRunner] = []
    private var closeAfterSpawn: [Int32] = []
    private var closeAtEnd: [Int32] = []

    /// A descriptor to read `input` from.
    mutating func descriptor(for input: ByteInput) -> Int32? {
        if let fd = input.fileDescriptor { return fd }
        guard let pipe = FileDescriptors.makePipe() else { return nil }
        let bytes = input.readAll()
        closeAfterSpawn.append(pipe.read)
        threads.append(
            ThreadRunner.start {
                FileDescriptors.writeAll(pipe.write, bytes)
                FileDescriptors.close(pipe.write)
            })
        return pipe.read
    }

    /// A descriptor whose output ends up in `output`.
    mutating func descriptor(for output: ByteOutput) -> Int32? {
        if let fd = output.fileDescriptor { return fd }
        guard let pipe = FileDescriptors.makePipe() else { return nil }
        closeAfterSpawn.append(pipe.write)
        closeAtEnd.append(pipe.read)
        threads.append(
            ThreadRunner.start {
                let reader = ByteInput(fileDescriptor: pipe.read)
                while true {
                    let chunk = reader.read()
                    if chunk.isEmpty { break }
                    output.write(chunk)
                }
            })
        return pipe.write
    }

    /// Closes the parent's copies of the pipe ends the child now owns.
    mutating func childStarted() {
        for fd in closeAfterSpawn { FileDescriptors.close(fd) }
        closeAfterSpawn.removeAll()
    }

    /// Waits for the helper threads after the child exited.
    mutating func finish() {
        childStarted()
        for thread in threads { thread.join() }
        for fd in closeAtEnd { FileDescriptors.close(fd) }
        threads.removeAll()
        closeAtEnd.removeAll()
    }
}
