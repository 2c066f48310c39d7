import ShellRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// `times`: the user and system CPU time of the shell, then of the programs it ran.
struct Times: Builtin {
    static let name = "times"
    static let summary = "show the CPU time used by the shell and by the programs it ran"
    static let usage = """
        usage: times

        Two lines, each user time then system time: the shell's, then its finished child processes'.
        """

    func run(_ context: inout CommandContext) -> ExitStatus {
        var lines = ""
        for who in [RUSAGE_SELF, RUSAGE_CHILDREN] {
            var usage = rusage()
            getrusage(__rusage_who_t(who.rawValue), &usage)
            lines += Self.format(usage.ru_utime) + " " + Self.format(usage.ru_stime) + "\n"
        }
        context.io.stdout.write(lines)
        return .success
    }

    /// `0m0.012s`, as bash prints it.
    static func format(_ time: timeval) -> String {
        let milliseconds = Int(time.tv_sec) * 1000 + Int(time.tv_usec) / 1000
        let fraction = String(milliseconds % 1000)
        let padded = String(repeating: "0", count: 3 - fraction.count) + fraction
        return "\(milliseconds / 60_000)m\(milliseconds / 1000 % 60).\(padded)s"
    }
}
