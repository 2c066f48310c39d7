import ShellRuntime

/// `jobs`: the commands started with `&`, background sockets with their side and URL.
struct Jobs: Builtin {
    static let name = "jobs"
    static let summary = "list the background jobs (wscat … & sockets with their side and URL)"
    static let usage = """
        usage: jobs [-l]

        One line per job started with & (or a socket put back with /bg): [N], Running or Done, and the command,
        or for a socket its side (consumer, agent) and URL. -l adds the id ($!). Done jobs are listed once.
        """

    func run(_ context: inout CommandContext) -> ExitStatus {
        var long = false
        for argument in context.arguments {
            guard argument == "-l" else {
                context.error("unknown option '\(argument)' (jobs takes -l)")
                return .usage
            }
            long = true
        }
        let jobs = context.state.backgroundJobs
        for entry in jobs.entries {
            let state = entry.running ? "Running" : "Done   "
            let what = entry.control?.summary ?? entry.command
            let id = long ? " \(entry.id)" : ""
            context.io.stdout.write("[\(entry.number)]\(id)  \(state)  \(what)\n")
        }
        jobs.forgetFinished()
        return .success
    }
}
