import ShellRuntime

/// Where the body (and `-i` headers) go: standard output, or a file opened at the first write like curl does.
package final class CurlOutput: @unchecked Sendable {
    // @unchecked: used by one transfer task at a time while the builtin's thread waits for it.
    private let stdout: ByteOutput
    private let stderr: ByteOutput
    private let path: String?
    private let shownPath: String
    /// `-s`: curl mutes its warnings too.
    package var muted = false
    private var file: WritableFile?
    private var failed = false
    /// `--pretty` on a terminal: the body is held until it ends, then printed through this.
    package var pretty: CurlPrettyPrinter?
    private var pendingBody: [UInt8] = []

    /// Writes to `path` when given, else to `stdout`; warnings name the file as the user typed it.
    package init(stdout: ByteOutput, stderr: ByteOutput, path: String?, shownPath: String) {
        self.stdout = stdout
        self.stderr = stderr
        self.path = path
        self.shownPath = shownPath
    }

    /// True when writing to standard output.
    var isStandardOutput: Bool { path == nil }

    /// Writes bytes. - Throws: `CurlError.writeError` when the file cannot be opened or written.
    func write(_ bytes: ArraySlice<UInt8>) throws(CurlError) {
        guard !bytes.isEmpty else { return }
        guard let path else {
            stdout.write(bytes)
            if stdout.isBroken { throw .writeError }
            return
        }
        if failed { throw .writeError }
        if file == nil {
            file = WritableFile(path: path)
            if file == nil {
                failed = true
                if !muted {
                    stderr.writeDiagnostic(
                        curlWarning("Failed to open the file \(shownPath): \(FileReading.lastErrorText)"))
                }
                throw .writeError
            }
        }
        if file?.write(bytes) != true {
            failed = true
            throw .writeError
        }
    }

    /// Writes body bytes; with `pretty`, holds them until `finishBody`.
    func writeBody(_ bytes: ArraySlice<UInt8>) throws(CurlError) {
        guard pretty != nil else { return try write(bytes) }
        pendingBody.append(contentsOf: bytes)
    }

    /// Ends a body: with `pretty`, prints the held bytes, indented and coloured when they are JSON.
    func finishBody() throws(CurlError) {
        guard let pretty, !pendingBody.isEmpty else { return }
        let body = pendingBody
        pendingBody = []
        try write(pretty.render(body)[...])
    }

    /// Closes the file, if one was opened; a body cut short is printed as it came.
    func close() {
        if !pendingBody.isEmpty {
            let body = pendingBody
            pendingBody = []
            try? write(body[...])
        }
        file?.close()
        file = nil
    }
}
