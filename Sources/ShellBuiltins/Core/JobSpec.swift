import ShellRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// A job named on the command line: `%1` (or `1`), `%consumer`/`%agent` (the socket's role, also bare as in
/// `/as agent`), `%%`, `%+` or nothing for the newest, `%-` for the one before.
enum JobSpec {
    /// The job `spec` names among the shell's jobs, or the one-line reason there is none.
    ///
    /// A socket started with `&` a moment ago may not have said what it is yet (`fg %agent` right after
    /// `wscat … &`): a name is looked for again for up to `patience` seconds.
    static func resolve(_ spec: String, in jobs: BackgroundJobs, patience: Double = 2) -> Result<
        BackgroundJobs.Entry, JobSpecError
    > {
        var waited = 0.0
        while true {
            let result = find(spec, in: jobs.entries)
            if case .success(let entry) = result, !isStarting(entry) { return result }
            let unsettled = jobs.entries.contains(where: isStarting)
            guard unsettled, waited < patience else { return result }
            usleep(20_000)
            waited += 0.02
        }
    }

    /// A socket job whose wscat has not attached its control yet.
    private static func isStarting(_ entry: BackgroundJobs.Entry) -> Bool {
        entry.running && entry.control == nil && entry.command.hasPrefix("wscat")
    }

    static func find(_ spec: String, in entries: [BackgroundJobs.Entry]) -> Result<
        BackgroundJobs.Entry, JobSpecError
    > {
        let running = entries.filter(\.running)
        let name = spec.hasPrefix("%") ? String(spec.dropFirst()) : spec
        if name.isEmpty || name == "%" || name == "+" {
            guard let newest = running.last else { return .failure(JobSpecError("\(display(spec)): no current job")) }
            return .success(newest)
        }
        if name == "-" {
            guard running.count >= 2 else { return .failure(JobSpecError("\(spec): no previous job")) }
            return .success(running[running.count - 2])
        }
        if let number = Int(name) {
            guard let entry = entries.last(where: { $0.number == number && $0.running }) else {
                return .failure(JobSpecError("%\(number): no such job (`jobs` lists them)"))
            }
            return .success(entry)
        }
        let named = running.filter { $0.control?.names.contains(name) == true }
        if let entry = named.last { return .success(entry) }
        let sockets = running.compactMap { entry in entry.control.map { "%\(entry.number) \($0.names.first ?? "")" } }
        let known = sockets.isEmpty ? "no socket is open in the background" : "open: " + sockets.joined(separator: ", ")
        return .failure(JobSpecError("\(display(spec)): no such job (\(known); start one with `wscat … &`)"))
    }

    private static func display(_ spec: String) -> String { spec.isEmpty ? "%%" : spec }
}

/// Why a job spec names no job.
struct JobSpecError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Brings a job forward, `fg`'s and `/as`'s common part: a socket runs its socket mode (or takes the script's
/// next lines as frames) until it is closed, put back with `/bg`, or hands over to another with `/as`; any other
/// job is waited for.
enum ForegroundJob {
    static func run(_ spec: String, context: inout CommandContext) -> ExitStatus {
        var spec = spec
        var switches = 0
        while true {
            let entry: BackgroundJobs.Entry
            switch JobSpec.resolve(spec, in: context.state.backgroundJobs) {
            case .success(let found): entry = found
            case .failure(let failure):
                context.error(failure.message)
                return .failure
            }
            guard let control = entry.control else {
                context.io.stdout.write(entry.command + "\n")
                return context.state.backgroundJobs.wait(for: entry.id) ?? .success
            }
            switch control.foreground(&context) {
            case .finished(let status):
                return status
            case .background:
                // A script goes on with its next line; at a terminal, say where the socket went.
                guard context.state.isInteractive else { return .success }
                context.io.stderr.writeDiagnostic(
                    "[\(entry.number)] \(control.summary): open in the background (`fg %\(entry.number)` returns)\n")
                return .success
            case .switchTo(let target):
                switches += 1
                if switches > 1000 { return .failure }
                spec = target
            }
        }
    }
}
